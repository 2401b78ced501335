package dev.dossier.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import org.junit.jupiter.api.Test;

class MarkdownDocumentParserTest {

  private final Diagnostics diagnostics = new Diagnostics();
  private final MarkdownDocumentParser parser = new MarkdownDocumentParser(new MarkdownProcessor());

  private static final String NOTE = """
      ---
      title: "Why Lviv?"
      date: 2022-02-15T08:00:00Z
      outlet: Example Review
      authors: [Ann Poe]
      url: https://example.org/why-lviv
      topics: [Embassy]
      ---
      Lviv is far from the border.[@cnn ¶1 "Lviv"] See the note.[^a]

      ## Background

      - first point
      - second point

      [^a]: Officials said so on Monday.
      """;

  @Test
  void readsFrontMatterBlocksAndFootnotes() {
    ParsedDocument parsed = parser.parse("why.md", NOTE, diagnostics);
    Document doc = parsed.document();
    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(doc.title()).contains("Why Lviv?");
    assertThat(doc.published()).contains(DossierDate.parse("2022-02-15").date().orElseThrow());
    assertThat(doc.site()).contains("Example Review");
    assertThat(doc.authors()).containsExactly("Ann Poe");
    assertThat(doc.url()).contains("https://example.org/why-lviv");
    assertThat(doc.topics()).containsExactly("Embassy");
    assertThat(doc.blocks()).filteredOn(Subheading.class::isInstance).extracting(b -> b.text()).containsExactly("Background");
    assertThat(doc.paragraphs()).extracting(Paragraph::text).containsExactly(
        "Lviv is far from the border. See the note.1", "first point second point", "a Officials said so on Monday.");
    assertThat(doc.paragraphs().get(0).html()).contains("href=\"#p3\"");
    assertThat(doc.paragraphs().get(2).html()).contains("Officials said so on Monday.");
  }

  @Test
  void citationsInTheBodyKnowTheirLineAndColumn() {
    ParsedDocument parsed = parser.parse("why.md", NOTE, diagnostics);
    assertThat(parsed.citations()).singleElement().satisfies(c -> {
      assertThat(c.ref().key()).isEqualTo("cnn");
      assertThat(c.at()).isEqualTo(new Position("why.md", 9, 30));
    });
  }

  @Test
  void anImagesDescriptionIsPartOfItsParagraphsWordsAndCanBeQuoted() {
    Document doc = parser.parse("i.md", "First.\n\nThe gate ![stood open](gate.jpg) at dawn.\n", diagnostics).document();
    assertThat(doc.paragraphs()).extracting(Paragraph::text).containsExactly("First.", "The gate stood open at dawn.");
    assertThat(doc.paragraphs().get(1).html()).doesNotContain("<img").contains("The gate stood open at dawn.");
  }

  @Test
  void aCitationsColumnCountsAnEmojiAsOneCharacter() {
    ParsedDocument parsed = parser.parse("e.md", "First.\n\n\uD83D\uDE00\uD83D\uDE00 said [@cnn ¶2].\n", diagnostics);
    assertThat(parsed.citations()).singleElement().satisfies(c -> assertThat(c.at()).isEqualTo(new Position("e.md", 3, 10)));
  }

  @Test
  void badFrontMatterIsReportedAtItsLine() {
    parser.parse("bad.md", "---\ntitle: x\ndate: 2022-02-30\ncolour: red\n---\nText.\n", diagnostics);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "bad.md:3:7: error: bad date: \"2022-02-30\" does not exist: February 2022 has 28 days",
        "bad.md:4:1: error: unknown key \"colour\" in the front matter");
  }

  /**
   * Front matter meant but not read would be published as the text: a --- never closed is an
   * error, a longer line of dashes before front matter's keys a warning; a rule before text
   * that is no front matter is neither.
   */
  /** A key with no space after its colon is said to be one, on its own line of the document, not the front matter's. */
  @Test
  void aFrontMatterKeyWithNoSpaceAfterItsColonIsToldOfOnItsLine() {
    parser.parse("a.md", "---\npublished: 2023-01-01\ntitle:\"Bridge reopens\"\n---\n\nText.\n", diagnostics);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "a.md:3:7: error: YAML syntax: no space after the colon of \"title:\", so it does not read as a key");
  }

  @Test
  void frontMatterFencesAmissAreToldOf() {
    parser.parse("open.md", "---\ntitle: \"Ever Given\"\ndate: 2021-03-29\n\nThe ship was refloated.\n", diagnostics);
    parser.parse("long.md", "----\ntitle: \"Ever Given\"\ndate: 2021-03-29\n----\n\nThe ship was refloated.\n", diagnostics);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "long.md:1:1: warning: a line of 4 dashes does not open front matter: the lines after it are read as the text",
        "open.md:1:1: error: the front matter that opens here is never closed, so its lines would be the document's text");
    Diagnostics none = new Diagnostics();
    parser.parse("rule.md", "---\n\nThe ship was refloated.\n", none);
    parser.parse("note.md", "-----\nNote: the ship was refloated.\n", none);
    parser.parse("update.md", "---\nUpdate: the ship was refloated.\n", none);
    parser.parse("fine.md", "---\ntitle: x\n---\nThe ship was refloated.\n", none);
    assertThat(none.sorted()).isEmpty();
  }

  /** "date" and "published" both given: "published" counts, in either order, and the second written is warned about. */
  @Test
  void dateAndPublishedBothGivenIsWorthAWarningAtTheSecond() {
    Document doc = parser.parse("two.md", "---\ntitle: x\ndate: 2022-02-14\npublished: 2022-02-15\n---\nText.\n", diagnostics).document();
    assertThat(doc.published()).contains(DossierDate.parse("2022-02-15").date().orElseThrow());
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo(
          "two.md:4:1: warning: both \"date\" and \"published\" are given (\"date\" at line 3): the date is taken from \"published\", and \"date\" is ignored");
      assertThat(d.hint()).contains("keep one of the two");
    });
    Diagnostics said = new Diagnostics();
    Document other = parser.parse("other.md", "---\npublished: 2022-02-15\ntitle: x\n  # a note\ndate: 2022-02-14\n---\nText.\n", said).document();
    assertThat(other.published()).contains(DossierDate.parse("2022-02-15").date().orElseThrow());
    assertThat(said.sorted()).extracting(d -> d.headline()).containsExactly(
        "other.md:5:1: warning: both \"date\" and \"published\" are given (\"published\" at line 2): the date is taken from \"published\", and \"date\" is ignored");
  }

  /** A citation in front matter's title or outlet is shown as written and checked by nothing: said so, as in the index. */
  @Test
  void aCitationInFrontMattersTitleIsWarnedAbout() {
    parser.parse("t.md", "---\ntitle: \"Floods [@gazette ¶1]\"\noutlet: Gazette\n---\nText.\n", diagnostics);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "t.md:2:8: warning: this is plain text, not Markdown: the citation [@gazette ¶1] in it would be shown as written and never checked");
  }

  /** Front matter's authors are read as the index's: a list of names, not one text. */
  @Test
  void frontMatterAuthorsAreAListAsTheIndexs() {
    Document doc = parser.parse("one.md", "---\ntitle: x\nauthors: Jane Smith and John Doe\n---\nText.\n", diagnostics).document();
    assertThat(doc.authors()).isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("one.md:3:10: error: authors should be a list of names, not one text");
      assertThat(d.hint()).contains("write each name as an item of a list, as it is printed: authors: [\"Jane Smith\", \"John Doe\"]");
    });
    // One name is a list of one, as it always was.
    Diagnostics quiet = new Diagnostics();
    for (String one : java.util.List.of("Jane Doe", "Reuters")) {
      Document single = parser.parse("single.md", "---\ntitle: x\nauthors: " + one + "\n---\nText.\n", quiet).document();
      assertThat(single.authors()).containsExactly(one);
    }
    assertThat(quiet.sorted()).isEmpty();
  }

  /** "--- " with more on its line does not end front matter: it starts a second YAML document, said so where it starts. */
  @Test
  void aSecondDocumentInFrontMatterIsAnErrorWhereItStarts() {
    parser.parse("two.md", "---\ntitle: x\n--- draft\n---\nText.\n", diagnostics);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "two.md:3:1: error: a second YAML document starts here, but the front matter is one document");
  }

  @Test
  void aFrontMatterUrlMustBeAWebAddressLikeTheIndexs() {
    for (String url : java.util.List.of("javascript:alert(1)", "/relative/path", "www.example.org/a")) {
      Diagnostics said = new Diagnostics();
      Document doc = parser.parse("bad.md", "---\ntitle: x\nurl: " + url + "\n---\nText.\n", said).document();
      assertThat(doc.url()).as(url).isEmpty();
      assertThat(said.sorted()).extracting(d -> d.headline()).as(url)
          .containsExactly("bad.md:3:6: error: url \"" + url + "\" is not an absolute http(s) URL");
    }
  }

  /** What is left of control characters (U+FFFD) is nothing to read or cite: no paragraph, no subheading. */
  @Test
  void aBlockOfReplacementCharactersAloneIsNoBlock() {
    Document doc = parser.parse("c.md", "First.\n\n\uFFFD\n\n## \uFFFD\uFFFD\n\nLast.\n", diagnostics).document();
    assertThat(doc.blocks()).extracting(b -> ((Paragraph) b).text()).containsExactly("First.", "Last.");
  }
}
