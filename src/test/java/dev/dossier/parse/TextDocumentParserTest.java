package dev.dossier.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.diag.Diagnostics;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextDocumentParserTest {

  private final TextDocumentParser parser = new TextDocumentParser();
  private final Diagnostics diagnostics = new Diagnostics();

  private Document seed(String name) throws IOException {
    return parser.parse(name, Files.readString(Path.of("seeds", name)), diagnostics);
  }

  @Test
  void takesTheDatePrefixOffTheFirstParagraphAndNotesItsDateline() throws IOException {
    Document doc = seed("000_aa88e0e7e27f1ca7.txt");
    assertThat(doc.published()).contains(DossierDate.parse("2022-02-12").date().orElseThrow());
    assertThat(doc.dateline()).contains("KYIV");
    assertThat(doc.paragraphs().get(0).text()).startsWith("KYIV – The United States has taken the extraordinary step");
    assertThat(doc.paragraphs()).hasSize(16);
    assertThat(doc.paragraphs().get(15).text()).isEqualTo("President Joe Biden plans to speak with Putin on Saturday, according to CNN.");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  /** Capitals and a dash that open the text are a dateline only when they read as one: the text's own words stay. */
  @Test
  void opensWithTheTextsOwnWordsWhenTheyOnlyLookLikeADateline() {
    for (String text : List.of("US – Russia talks began in Geneva on Monday.", "EU — and NATO — leaders met on Monday.", "UN - The council met.")) {
      Document doc = parser.parse("a.txt", text + "\n\nA second paragraph.\n", diagnostics);
      assertThat(doc.dateline()).as(text).isEmpty();
      assertThat(doc.paragraphs().get(0).text()).isEqualTo(text);
    }
    for (String text : List.of("LVIV – The embassy moved.", "KYIV, Ukraine (AP) — \"We are leaving,\" he said.", "WASHINGTON — 160 staff left.",
        "NATO – Russia talks began in Geneva on Monday.")) {
      Document doc = parser.parse("a.txt", text + "\n\nA second paragraph.\n", diagnostics);
      assertThat(doc.dateline()).as(text).isPresent();
      assertThat(doc.paragraphs().get(0).text()).as("a dateline, or what looks like one, keeps its place in the text").isEqualTo(text);
    }
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void readsBylineTimestampAndSourceLines() throws IOException {
    Document doc = seed("001_b48eea132caf0c5e.txt");
    assertThat(doc.authors()).containsExactly("Jennifer Hansler", "Kylie Atwood");
    assertThat(doc.site()).contains("CNN");
    assertThat(doc.updated()).contains(OffsetDateTime.of(2022, 2, 15, 1, 41, 12, 0, ZoneOffset.UTC));
    assertThat(doc.published()).isEmpty();
    assertThat(doc.paragraphs().get(0).text()).startsWith("The United States is closing the US Embassy in Kyiv");
  }

  @Test
  void aFirstLineThatOnlyLooksLikeMetadataStaysTheArticlesText() {
    for (String first : List.of(
        "By Monday, most of the staff had left the embassy, officials said.",
        "By Monday, most of the staff had left the embassy",
        "By Friday.",
        "By Monday",
        "By Western estimates, Russia has 130,000 troops near Ukraine.",
        "By U.S. estimates, Russia has 130,000 troops near Ukraine.",
        "By NATO's count, Moscow has 130,000 troops near Ukraine.",
        "By May 1, Russia had 130,000 troops near Ukraine.",
        "By Mr. Putin's own account, NATO threatens Russia.",
        "By 2 p.m. Friday, Marines at the U.S. Embassy in Kyiv had begun",
        "By 5 p.m., the State Department said",
        "By Feb. 12, the State Department had ordered",
        "By 2014, Russia had annexed Crimea; by 2022, Moscow had massed",
        "By contrast, the embassy in Warsaw stayed open.",
        "By law, the embassy must report.",
        "Source: officials familiar with the plan said the embassy would close.")) {
      Document doc = parser.parse("a.txt", first + "\n\nThe second paragraph.\n", diagnostics);
      assertThat(doc.paragraphs()).extracting(Paragraph::text).as(first).containsExactly(first, "The second paragraph.");
      assertThat(doc.authors()).as(first).isEmpty();
      assertThat(doc.site()).as(first).isEmpty();
    }
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void realBylinesAndSourceLinesOfEveryKindAreStillMetadata() {
    String[][] heads = {
      {"By Jane Doe and John Roe, Voice of America", "Jane Doe|John Roe", "Voice of America"},
      {"By Jane Doe, The Times of Israel", "Jane Doe", "The Times of Israel"},
      {"By the Associated Press", "the Associated Press", ""},
      {"By Mohammed al-Sayed, Reuters", "Mohammed al-Sayed", "Reuters"},
      {"By Ana dos Santos", "Ana dos Santos", ""},
      {"By Jean-Luc d'Arcy", "Jean-Luc d'Arcy", ""},
      {"By Олена Коваленко, Українська правда", "Олена Коваленко", "Українська правда"},
      {"By 王小明, Xinhua", "王小明", "Xinhua"},
      {"By Jane Doe, RFE/RL", "Jane Doe", "RFE/RL"},
      {"By Jane Doe, ABC7 News", "Jane Doe", "ABC7 News"},
      {"By Reuters staff", "Reuters staff", ""},
      {"By MARY ANN SMITH AND JOHN ROE", "MARY ANN SMITH|JOHN ROE", ""},
      {"By April Rinne", "April Rinne", ""},
      {"By June Kronholz, The Wall Street Journal", "June Kronholz", "The Wall Street Journal"},
      {"By Tuesday Reitano", "Tuesday Reitano", ""},
      {"By Sunday Times reporters", "Sunday Times reporters", ""},
      {"By Jane Doe | Reuters", "Jane Doe", "Reuters"},
      {"By Jane Doe and John Roe / CNN", "Jane Doe|John Roe", "CNN"},
    };
    for (String[] head : heads) {
      Document doc = parser.parse("a.txt", head[0] + "\n\nThe embassy closed.\n", diagnostics);
      assertThat(doc.paragraphs()).extracting(Paragraph::text).as(head[0]).containsExactly("The embassy closed.");
      assertThat(doc.authors()).as(head[0]).containsExactly(head[1].split("\\|"));
      assertThat(doc.site().orElse("")).as(head[0]).isEqualTo(head[2]);
    }
    for (String source : List.of("Українська правда", "The Times of Israel", "cnn.com", "Agence France-Presse (AFP)", "https://apnews.com/article/ukraine")) {
      Document doc = parser.parse("a.txt", "Source: " + source + "\n\nThe embassy closed.\n", diagnostics);
      assertThat(doc.site()).as(source).contains(source);
      assertThat(doc.paragraphs()).hasSize(1);
    }
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void anUnreadableTimestampLineIsKeptAsTextWithAWarning() {
    Document doc = parser.parse("a.txt", "By Jane Doe, Reuters\nUpdated: Feb 14, 2022 9:41 PM ET\n\nThe embassy closed.\n", diagnostics);
    assertThat(doc.authors()).containsExactly("Jane Doe");
    assertThat(doc.site()).contains("Reuters");
    assertThat(doc.paragraphs()).extracting(Paragraph::text).containsExactly("Updated: Feb 14, 2022 9:41 PM ET", "The embassy closed.");
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.column()).isEqualTo(10);
      assertThat(d.message()).contains("cannot read the timestamp").contains("kept as the article's first paragraph");
    });
  }

  @Test
  void twoUnreadableTimestampsAreBothParagraphs() {
    Document doc = parser.parse("a.txt", "Updated: garbage\nPublished: also bad\n\nThe embassy closed.\n\nStaff left.\n", diagnostics);
    assertThat(doc.blocks()).allMatch(Paragraph.class::isInstance);
    assertThat(doc.paragraphs()).extracting(Paragraph::text)
        .containsExactly("Updated: garbage", "Published: also bad", "The embassy closed.", "Staff left.");
  }

  @Test
  void theHeadLinesAfterAnUnreadableTimestampAreStillRead() {
    Document doc = parser.parse("a.txt", "By Jane Doe, CNN\n  Updated: 1:41 AM ET, Tue February 15, 2022\nSource: CNN Wire\nThe embassy closed.\nStaff left.\n", diagnostics);
    assertThat(doc.site()).contains("CNN Wire");
    assertThat(doc.paragraphs()).extracting(Paragraph::text)
        .containsExactly("Updated: 1:41 AM ET, Tue February 15, 2022", "The embassy closed.", "Staff left.");
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.column()).isEqualTo(12));
  }

  /** Nothing lost: a second byline, Source: line or date of the same kind stays the article's text, with a warning. */
  @Test
  void aSecondHeadLineForWhatTheHeadHasIsKeptAsText() {
    Document doc = parser.parse("a.txt", "By Jane Smith, CNN\nBy John Doe, Reuters\nSource: AP\nSource: Reuters\n"
        + "Updated: 2022-02-14T10:00:00Z\nUpdated: 2022-02-15T01:41:00Z\n\nThe embassy closed.\n", diagnostics);
    assertThat(doc.authors()).containsExactly("Jane Smith");
    assertThat(doc.site()).contains("AP");
    assertThat(doc.updated()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("2022-02-14T10:00Z"));
    assertThat(doc.paragraphs()).extracting(Paragraph::text)
        .containsExactly("By John Doe, Reuters", "Source: Reuters", "Updated: 2022-02-15T01:41:00Z", "The embassy closed.");
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "a.txt:2:1: warning: a second byline in the document's head; the first is used, and this line is kept as a paragraph at the start of the article's text",
        "a.txt:4:1: warning: a second Source: line in the document's head; the first is used, and this line is kept as a paragraph at the start of the article's text",
        "a.txt:6:1: warning: a second Updated: line in the document's head; the first is used, and this line is kept as a paragraph at the start of the article's text");
    // The same outlet twice, or a Source: line after a byline's outlet, is no second of anything.
    Diagnostics quiet = new Diagnostics();
    Document cnn = parser.parse("b.txt", "By Jane Smith, CNN\nSource: CNN Wire\nSource: CNN Wire\n\nThe embassy closed.\n", quiet);
    assertThat(cnn.site()).contains("CNN Wire");
    assertThat(quiet.sorted()).isEmpty();
  }

  @Test
  void blankLinesBeforeTheHeadDoNotHideIt() {
    Document doc = parser.parse("a.txt", "\n  \nBy Jane Doe, Reuters\nUpdated: garbage\n\nThe embassy closed.\n", diagnostics);
    assertThat(doc.authors()).containsExactly("Jane Doe");
    assertThat(doc.site()).contains("Reuters");
    assertThat(doc.paragraphs()).extracting(Paragraph::text).containsExactly("Updated: garbage", "The embassy closed.");
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(4));
  }

  @Test
  void anImpossibleDatePrefixIsReportedAtItsPlace() {
    Document doc = parser.parse("a.txt", "By Jane Doe, Reuters\n\ndate 2022-02-30 KYIV – The embassy closed.\n", diagnostics);
    assertThat(doc.published()).isEmpty();
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "a.txt:3:6: warning: the date prefix \"2022-02-30\" does not exist: February 2022 has 28 days; the document is read as undated");
  }

  @Test
  void anImpossibleDatePrefixUnderAPublishedLineLeavesThatDate() {
    Document doc = parser.parse("a.txt", "Published: 2022-02-14\n\ndate 2022-02-30 KYIV – The embassy closed.\n", diagnostics);
    assertThat(doc.published()).contains(DossierDate.parse("2022-02-14").date().orElseThrow());
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "a.txt:3:6: warning: the date prefix \"2022-02-30\" does not exist: February 2022 has 28 days");
  }

  @Test
  void onePararaphPerLineWhenTheBodyHasNoBlankLines() throws IOException {
    Document doc = seed("001_b48eea132caf0c5e.txt");
    assertThat(doc.paragraphs()).hasSize(22);
    assertThat(doc.blocks()).filteredOn(Subheading.class::isInstance).extracting(b -> b.text())
        .containsExactly("'Intention to return'");
    assertThat(doc.paragraphs().get(13).text()).startsWith("Price said the Ukrainian National Guard Police");
  }

  @Test
  void shortUnpunctuatedLinesBetweenParagraphsAreSubheadings() throws IOException {
    Document doc = seed("002_97c6c30b40ab486d.txt");
    assertThat(doc.blocks()).filteredOn(Subheading.class::isInstance).extracting(b -> b.text())
        .containsExactly("Russia Accuses US of Disinformation", "Moscow Denies New York Times Report");
    assertThat(doc.paragraphs()).hasSize(15);
    assertThat(doc.published()).isEmpty();
    assertThat(doc.authors()).isEmpty();
  }

  @Test
  void keepsEveryWordOfEverySeedParagraph() throws IOException {
    for (String name : List.of("000_aa88e0e7e27f1ca7.txt", "001_b48eea132caf0c5e.txt", "002_97c6c30b40ab486d.txt")) {
      String original = Files.readString(Path.of("seeds", name));
      for (Paragraph p : seed(name).paragraphs()) {
        assertThat(original).as(name + " ¶" + p.number()).contains(p.text());
      }
    }
  }

  @Test
  void escapesMarkupInPlainText() {
    Document doc = parser.parse("x.txt", "First <script>alert(1)</script> paragraph.\n\nSecond & last.", diagnostics);
    assertThat(doc.paragraphs()).extracting(Paragraph::html)
        .containsExactly("<p>First &lt;script&gt;alert(1)&lt;/script&gt; paragraph.</p>", "<p>Second &amp; last.</p>");
    assertThat(doc.paragraphs().get(0).text()).isEqualTo("First <script>alert(1)</script> paragraph.");
  }

  @Test
  void readsIsoTimestampsAndBylinesOfThree() {
    Document doc = parser.parse("x.txt", "By Ann Poe, Bob Roe and Cy Doe\nPublished: 2022-02-14T09:30:00-05:00\n\nText.", diagnostics);
    assertThat(doc.authors()).containsExactly("Ann Poe", "Bob Roe", "Cy Doe");
    assertThat(doc.site()).isEmpty();
    assertThat(doc.published()).contains(DossierDate.parse("2022-02-14").date().orElseThrow());
  }

  /** A day written in English words is a day, as ISO 8601's is: the line is the head's, not the first paragraph. */
  @Test
  void readsADayWrittenInWords() {
    for (String day : List.of("April 11, 2023", "Apr 11, 2023", "Apr. 11, 2023", "11 April 2023", "11 apr. 2023", "2023-04-11")) {
      Document doc = parser.parse("x.txt", "Published: " + day + "\n\nText.", diagnostics);
      assertThat(doc.published()).as(day).contains(DossierDate.parse("2023-04-11").date().orElseThrow());
      assertThat(doc.paragraphs()).as(day).extracting(Paragraph::text).containsExactly("Text.");
    }
    for (String day : List.of("Sept. 14, 2022", "Sept 14, 2022", "14 Sept 2022", "September 14, 2022", "Wednesday, September 14, 2022",
        "Wed. Sept. 14, 2022", "September 14th, 2022", "14th September 2022", "Sep 14 2022")) {
      Document doc = parser.parse("x.txt", "Published: " + day + "\n\nText.", diagnostics);
      assertThat(doc.published()).as(day).contains(DossierDate.parse("2022-09-14").date().orElseThrow());
      assertThat(doc.paragraphs()).as(day).extracting(Paragraph::text).containsExactly("Text.");
    }
    assertThat(diagnostics.sorted()).isEmpty();
    Document doc = parser.parse("x.txt", "Published: April 31, 2023\n\nText.", diagnostics);
    assertThat(doc.published()).as("a day April does not have").isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.message()).contains("cannot read the timestamp \"April 31, 2023\""));
  }

  @Test
  void anEmptyDocumentIsAnError() {
    parser.parse("empty.txt", "\n\n", diagnostics);
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo("empty.txt");
      assertThat(d.message()).contains("no text");
    });
  }

  /** What is left of control characters (U+FFFD) or zero-width ones is nothing to read or cite: no paragraph, no subheading. */
  @Test
  void aBlockOfReplacementOrZeroWidthCharactersAloneIsNoBlock() {
    Document doc = parser.parse("a.txt", "First real paragraph.\n\n\uFFFD\uFFFD\n\n\u200B \uFFFD\n\nLast real paragraph.\n", diagnostics);
    assertThat(doc.blocks()).extracting(b -> ((Paragraph) b).text()).containsExactly("First real paragraph.", "Last real paragraph.");
    parser.parse("only.txt", "\uFFFD\uFFFD\uFFFD\n", diagnostics);
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> assertThat(d.message()).isEqualTo("the document has no text"));
  }
}
