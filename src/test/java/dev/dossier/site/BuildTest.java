package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dossier.diag.Diagnostic;
import dev.dossier.model.Dossier;
import dev.dossier.model.Origin;
import dev.dossier.model.Source;
import dev.dossier.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildTest {

  @TempDir Path tmp;

  private static final String ARTICLE = """
      By Ann Poe, Daily Bugle
      Published: 2022-02-14

      The embassy in Kyiv closed on Monday, officials said.

      Staff moved to Lviv, a city in western Ukraine.
      """;

  private Path dossier(String index) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("a.txt"), ARTICLE);
    if (index != null) {
      Files.writeString(dir.resolve("index.yml"), index);
    }
    return dir;
  }

  private static String index(String eventText) {
    return """
        title: Test dossier
        sources:
          - key: bugle
            file: a.txt
            title: Embassy closes
            topics: [lviv]
        topics:
          - id: lviv
            title: The move to Lviv
        events:
          - date: 2022-02-14
            title: Embassy closed
            topics: [lviv]
            text: |
        """ + "      " + eventText + "\n";
  }

  /**
   * A second copy of a document, the same bytes under another name, would be published twice:
   * a build and a check say so, where the index lists it or at the file; the same words in
   * other bytes (another outlet's copy of a wire story, say) are no copy.
   */
  @Test
  void aSecondCopyOfADocumentIsWarnedAbout() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]").replace("sources:\n", "sources:\n  - key: copy\n    file: z.txt\n"));
    Files.writeString(dir.resolve("b.txt"), ARTICLE);
    Files.writeString(dir.resolve("z.txt"), ARTICLE);
    Files.writeString(dir.resolve("c.txt"), ARTICLE.replace("Daily Bugle", "Evening Star"));
    for (Build.Result result : List.of(new Build().build(dir, Theme.builtIn(), tmp.resolve("site")), new Build().run(dir, Theme.builtIn()))) {
      assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
      assertThat(headlines(result).stream().filter(h -> h.contains("same content"))).containsExactly(
          "b.txt: warning: this document has the same content as a.txt, so the dossier publishes it twice",
          "index.yml:4:11: warning: this document has the same content as a.txt, so the dossier publishes it twice");
    }
  }

  /** Errors and warnings; notes (such as "no base URL") are not problems. */
  private static List<String> headlines(Build.Result result) {
    return result.diagnostics().stream().filter(d -> d.severity() != dev.dossier.diag.Severity.NOTE).map(Diagnostic::headline).toList();
  }

  /**
   * A text of the index shares its page with others and has no end for notes: a footnote would
   * be dropped with its words and citation. It is shown as written, where it stands, and said so.
   */
  @Test
  void aFootnoteInTheIndexsProseKeepsItsWordsAndCitation() throws IOException {
    Path dir = dossier(index("It closed[^1].\n\n      [^1]: As the Bugle said.[@bugle ¶2 \"Staff moved to Lviv\"]"));
    Path out = tmp.resolve("site");
    Build.Result result = new Build().build(dir, Theme.builtIn(), out);
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    assertThat(headlines(result)).contains(
        "index.yml:15:16: warning: the index's prose has no footnotes: [^1] and its note are shown as written, where they stand");
    org.jsoup.nodes.Document timeline = org.jsoup.Jsoup.parse(Files.readString(out.resolve("timeline.html")));
    assertThat(timeline.select(".event p").eachText()).contains("It closed[^1].", "[^1]: As the Bugle said.\u2060[1]");
    assertThat(timeline.select(".references li").text()).contains("¶2: Staff moved to Lviv");
  }

  /** A Markdown source's heading may cite, as its paragraphs do: the reader gets references, not a stray number. */
  @Test
  void aCitationInAMarkdownSourcesHeadingIsAReference() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]").replace("sources:\n", """
        sources:
          - key: note
            file: note.md
        """));
    Files.writeString(dir.resolve("note.md"), """
        ---
        title: Analyst note
        ---
        ## Staff moved [@bugle ¶2 "Staff moved to Lviv"]

        The note's own paragraph.
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(page(result, "sources/note.html"));
    org.jsoup.nodes.Element heading = page.selectFirst("h3.subheading");
    assertThat(heading.text()).isEqualTo("Staff moved\u2060[1]");
    assertThat(heading.selectFirst("sup.ref a").attr("href")).startsWith("../sources/bugle.html#p2");
    assertThat(page.select(".references li").text()).contains("Daily Bugle, 14 February 2022, ¶2: Staff moved to Lviv");
    assertThat(page(result, "sources/note.html")).doesNotContain("\uE000");
  }

  /** Jsoup reads U+FFFF as the end of its input: a text holding one would lose the rest unseen. */
  @Test
  void aTextWithUFFFFIsRefusedWithItsPosition() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    Files.writeString(dir.resolve("b.md"), "First paragraph.\n\nSecond *\uFFFF* paragraph.\n\nThird paragraph.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isTrue();
    assertThat(headlines(result)).containsExactly("b.md:3:9: error: U+FFFF is not a character, and would cut the text short here");
  }

  /**
   * U+E000 to U+E002 mark citations in rendered text: in a document's words they would read as a
   * citation that is not there, or fail the page. Each is read as U+FFFD, and the curator told.
   */
  @Test
  void theCharactersThatMarkCitationsAreReadAsReplacementCharactersInADocument() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    Files.writeString(dir.resolve("b.txt"), "First paragraph of words.\n\nHeading \uE0000\uE001 here\n\nStaff left \uE0000\uE001 on Sunday.\n");
    Path out = tmp.resolve("site");
    Build.Result result = new Build().build(dir, Theme.builtIn(), out);
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    assertThat(headlines(result).stream().filter(h -> h.contains("U+"))).containsExactly(
        "b.txt:3:9: warning: U+E000 is a private-use character, one this tool marks citations with, which no text of a dossier may hold: it is read as U+FFFD, shown as \"\uFFFD\" (as are 3 more in this file)");
    assertThat(Files.readString(out.resolve("sources/b.html"))).contains("Heading \uFFFD0\uFFFD here", "Staff left \uFFFD0\uFFFD on Sunday.")
        .doesNotContain("\uE000", "\uE001").doesNotContain("[1]");
  }

  /** No web page may hold a control character or a noncharacter: each shows as U+FFFD, and the curator is told where. */
  @Test
  void controlCharactersAndNoncharactersShowAsReplacementCharacters() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    Files.writeString(dir.resolve("b.txt"), "Staff left\u0001 on Sunday.\n\nThey went\u007f west,\u0085 to \uFFFE Lviv.\f\tLater \uD83F\uDFFF.\n");
    Files.writeString(dir.resolve("c.md"), "It was\u0002 quiet.\n");
    Path out = tmp.resolve("site");
    Build.Result result = new Build().build(dir, Theme.builtIn(), out);
    assertThat(headlines(result).stream().filter(h -> h.contains("U+"))).containsExactly(
        "b.txt:1:11: warning: U+0001 is a control character, which no web page may hold: it is read as U+FFFD, shown as \"\uFFFD\" (as are 4 more in this file)",
        "c.md:1:7: warning: U+0002 is a control character, which no web page may hold: it is read as U+FFFD, shown as \"\uFFFD\"");
    String page = Files.readString(out.resolve("sources/b.html"));
    assertThat(page).contains("Staff left\uFFFD on Sunday.", "They went\uFFFD west,\uFFFD to \uFFFD Lviv.", "Later \uFFFD.")
        .doesNotContain("\u0001", "&#x1;", "\u007f", "\u0085", "\uFFFE");
    assertThat(Files.readString(out.resolve("sources/c.html"))).contains("It was\uFFFD quiet.");
  }

  /**
   * The same characters written as YAML escapes, in the index and in front matter: read as
   * U+FFFD with a warning at the escape, so feed.xml stays well-formed XML.
   */
  @Test
  void controlCharactersWrittenAsEscapesShowAsReplacementCharacters() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]")
        .replace("title: Test dossier", "title: \"BF\\x01\"\nbase_url: https://example.org/")
        .replace("title: Embassy closes", "title: \"Topic\\x1b[31m red\\e\""));
    Files.writeString(dir.resolve("b.md"), "---\ntitle: \"Note\\u0007 one\"\n---\nA note.\n");
    Path out = tmp.resolve("site");
    Build.Result result = new Build().build(dir, Theme.builtIn(), out);
    assertThat(headlines(result).stream().filter(h -> h.contains("U+"))).containsExactly(
        "b.md:2:13: warning: the escape \\u0007 stands for U+0007, a control character, which no web page may hold: it is read as U+FFFD, shown as \"\uFFFD\"",
        "index.yml:1:11: warning: the escape \\x01 stands for U+0001, a control character, which no web page may hold: it is read as U+FFFD, shown as \"\uFFFD\"",
        "index.yml:6:18: warning: the escape \\x1b stands for U+001B, a control character, which no web page may hold: it is read as U+FFFD, shown as \"\uFFFD\" (as are 1 more in this value)");
    String feed = Files.readString(out.resolve("feed.xml"));
    assertThat(feed).contains("BF\uFFFD", "Topic\uFFFD[31m red\uFFFD").doesNotContain("\u0001", "\u001b");
    assertThatCode(() -> javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new java.io.StringReader(feed)))).as("feed.xml is well-formed XML").doesNotThrowAnyException();
    assertThat(Files.readString(out.resolve("sources/b.html"))).contains("Note\uFFFD one");
  }

  @Test
  void aCitationWithWordsBeforeItsKeyIsWorthAWarningAndAHandleInBracketsIsNot() throws IOException {
    Path dir = dossier(index("It closed [see @bugle ¶1] on Monday.[@bugle ¶1 \"closed on Monday\"] Staff [via @nytimes] left.[@b ¶1 \"notes [see @bugle] on\"]"));
    Files.writeString(dir.resolve("b.txt"), "A reader notes [see @bugle] on the forum.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isFalse();
    assertThat(headlines(result)).filteredOn(h -> h.contains("not a citation")).containsExactly(
        "index.yml:15:22: warning: \"[see @bugle ¶1]\" is not a citation: the words before the @ make it text, published as written");
    assertThat(result.diagnostics()).filteredOn(d -> d.message().contains("see @bugle")).singleElement()
        .satisfies(d -> assertThat(d.hint()).contains("put the words outside the brackets, as in \"see [@bugle ¶1]\""));
  }

  /**
   * A source's key misspelt in its entry makes every citation of it unknown: one error, at the
   * first, says how many there are and where, and that the key it resembles is cited nowhere, so
   * the slip may be the entry's; a key misspelt in one citation is one error without that.
   */
  @Test
  void aKeyMisspeltInItsSourcesEntryIsOneErrorNamingEveryCitation() throws IOException {
    String text = "It closed.[@bugle ¶1] Staff left.[@bugle ¶2 \"Staff moved to Lviv\"]\n\n      Then the rest.[@bugle ¶1]";
    Path dir = dossier(index(text).replace("key: bugle", "key: bugel"));
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml:15:18: error: unknown citation key \"bugle\", cited 3 times");
      assertThat(d.hint()).get().asString().isEqualTo("did you mean \"bugel\"? The unknown key is cited here and at 15:41 and 17:22.");
    });
    assertThat(result.diagnostics()).filteredOn(d -> d.severity() == dev.dossier.diag.Severity.NOTE).extracting(Diagnostic::headline).containsExactly(
        "index.yml:3:10: note: no citation names the key \"bugel\", and 3 name \"bugle\", which no source has: if the slip is this key's, correct it here");

    // Cited once by its own key, the source's key is not the likelier slip.
    Files.writeString(dir.resolve("index.yml"), index(text.replaceFirst("@bugle ¶2", "@bugel ¶2")).replace("key: bugle", "key: bugel"));
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.severity() != dev.dossier.diag.Severity.WARNING).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml:15:18: error: unknown citation key \"bugle\", cited 2 times");
      assertThat(d.hint()).get().asString().isEqualTo("did you mean \"bugel\"? The unknown key is cited here and at 17:22.");
    });

    // Nothing like it: the keys there are, the first few of a long list.
    StringBuilder many = new StringBuilder(index("It closed.[@nothing-like-it ¶1] And more.[@nothing-like-it ¶2]").replace("sources:\n", "sources:\n" + "  - key: k00\n    file: a.txt\n"));
    for (int i = 1; i < 12; i++) {
      Files.writeString(dir.resolve("a" + i + ".txt"), ARTICLE);
      many.insert(many.indexOf("sources:\n") + 9, "  - key: k" + (i < 10 ? "0" : "") + i + "\n    file: a" + i + ".txt\n");
    }
    Files.writeString(dir.resolve("index.yml"), many.toString());
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> assertThat(d.hint()).get().asString()
        .matches("no source's key is like it; the keys are bugle, k00, k01, k02, k03, k04, k05, k06 and 5 more;"
            + " the unknown key is cited here and at [0-9]+:[0-9]+\\."));
  }

  /**
   * The same quote wrapped over two lines of the index, or typed with two spaces, is one note
   * with one link: re-wrapping the index changes no address a reader may have shared.
   */
  @Test
  void aQuoteWrappedOrSpacedOtherwiseIsTheSameNoteAndLink() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶2 \"Staff moved to Lviv\"] They\n      left.[@bugle ¶2 \"Staff moved\n      to Lviv\"]"
        + " Again.[@bugle ¶2 \"Staff  moved to Lviv\"] And.[@bugle ¶2 \" Staff moved to Lviv \"]"));
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as(result.diagnostics().toString()).isFalse();
    String timeline = result.pages().stream().filter(p -> p.path().equals("timeline.html")).findFirst()
        .map(p -> new String(p.bytes(), java.nio.charset.StandardCharsets.UTF_8)).orElseThrow();
    java.util.regex.Matcher links = java.util.regex.Pattern.compile("sources/bugle\\.html#p2-q[0-9a-f]+").matcher(timeline);
    java.util.Set<String> found = new java.util.TreeSet<>();
    while (links.find()) {
      found.add(links.group());
    }
    assertThat(found).hasSize(1);
    assertThat(timeline).doesNotContain("Staff moved\n").doesNotContain("Staff  moved").doesNotContain("Lviv ”");
  }

  /** "Café" typed as "Cafe" and a combining accent looks like the source's "Café" and is not it: the help says why. */
  @Test
  void aQuoteWhoseAccentsAreEncodedOtherwiseSaysSo() throws IOException {
    Path dir = dossier(index("It closed.[@b ¶1 \"Cafe\u0301 owners\"]"));
    Files.writeString(dir.resolve("b.txt"), "Caf\u00e9 owners near the embassy closed early.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isTrue();
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().contains("\"Caf\u00e9 owners\"")
            .contains("the quote's letters look the same but are encoded otherwise"));

    Files.writeString(dir.resolve("index.yml"), index("It closed.[@b ¶1 \"Cafe owners\"]"));
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().doesNotContain("encoded otherwise").doesNotContain("capitals"));
  }

  /** A quote that runs on from one paragraph into the next is in neither: the help gives its two parts as two citations. */
  @Test
  void aQuoteAcrossTwoParagraphsIsToldToCiteEachPart() throws IOException {
    Build.Result result = new Build().run(dossier(index("It closed.[@bugle ¶1 \"closed on Monday, officials said. Staff moved to Lviv\"]")), Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).contains("the quote runs from the end of ¶1 into the start of ¶2, and a quote is words of one paragraph:"
            + " cite each part, as in [@bugle ¶1 \"closed on Monday, officials said.\"; @bugle ¶2 \"Staff moved to Lviv\"]"));
  }

  /** A hyphen typed for the source's en dash looks the same in a terminal: the help says the dash is all that differs. */
  @Test
  void aQuoteWhoseDashesDifferSaysSo() throws IOException {
    Path dir = dossier(index("It closed.[@b ¶1 \"MARLOW FALLS - The bridge\"]"));
    Files.writeString(dir.resolve("b.txt"), "MARLOW FALLS \u2013 The bridge closed on Monday.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().contains("\"MARLOW FALLS \u2013 The bridge")
            .endsWith("; only the dashes differ (a hyphen typed for the source's en or em dash, say), and a quote keeps the source's:"
                + " copy the dash from the source's text"));
    // Two hyphens typed for a dash, with or without spaces, are a dash too.
    Files.writeString(dir.resolve("index.yml"), index("It closed.[@b ¶1 \"MARLOW FALLS--The bridge\"]"));
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().contains("only the dashes differ"));
    Files.writeString(dir.resolve("index.yml"), index("It closed.[@b ¶1 \"MARLOW FALLS - The bridges\"]"));
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().doesNotContain("dashes"));
  }

  /** A quote that differs from the source only in its capitals is found wanting, and the help says that is all. */
  @Test
  void aQuoteWhoseCapitalsDifferSaysSo() throws IOException {
    Path dir = dossier(index("It closed.[@b ¶1 \"In negotiations\"]"));
    Files.writeString(dir.resolve("b.txt"), "Talks stalled, but the two sides remained in negotiations on Monday.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isTrue();
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().contains("\"in negotiations\"")
            .endsWith("; only the capitals differ, and a quote keeps the source's: write them as the source does"));
    // In another paragraph as written: the number is what is wrong, not the capitals.
    Files.writeString(dir.resolve("b.txt"), "Talks stalled on Monday.\n\nIn negotiations, the two sides remained apart.\n");
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.message().startsWith("quote not found")).singleElement()
        .satisfies(d -> assertThat(d.hint()).get().asString().contains("in ¶2: \"In negotiations").doesNotContain("capitals"));
  }

  @Test
  void handlesLinksCodeAndImagesThatMentionASourcesKeyAreNotTakenForCitations() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"] [the desk @bugle](https://example.org/bugle), [via @bugle_intl],"
        + " [mail @bugle.org], `[see @bugle ¶1]`, ![photo by @bugle](https://example.org/p.png), \\[see @bugle\\], [the wire][x @bugle]."));
    Files.writeString(dir.resolve("index.yml"), Files.readString(dir.resolve("index.yml")) + "\n      [x @bugle]: https://example.org/r\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isFalse();
    assertThat(headlines(result)).noneMatch(h -> h.contains("not a citation"));
  }

  @Test
  void aDocumentTopicOneSlipFromAnIndexTopicIsWorthAWarning() throws IOException {
    Path dir = dossier("""
        title: Test dossier
        sources:
          - key: bugle
            file: a.txt
            title: Embassy closes
            topics: [lviv]
          - key: note
            file: b.md
        topics:
          - id: lviv
            title: The move to Lviv
        events:
          - date: 2022-02-14
            title: Embassy closed
            topics: [lviv]
            text: It closed.[@bugle ¶1 "closed on Monday"] A note.[@note ¶1 "Lviv is far"]
        """);
    Files.writeString(dir.resolve("b.md"), "---\ntitle: Why Lviv\ntopics: [lvov, Embassy security]\n---\nLviv is far from the border.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).containsExactly(
        "b.md:3:10: warning: the topics of b.md name \"lvov\", which the index does not list, so it becomes a topic of its own");
    assertThat(result.diagnostics()).filteredOn(d -> d.message().contains("lvov")).singleElement()
        .satisfies(d -> assertThat(d.hint()).contains("did you mean \"lviv\"? Correct the document's topics, or give this source topics: in the index"));
  }

  /**
   * A document's topics in words: the index's topic when they are its title, one topic for
   * words that differ only in case, and topics of their own for words in scripts a slug cannot
   * spell, not one "x" for all of them.
   */
  @Test
  void aDocumentsTopicsInWordsKeepTheirOwnTopicsAndFindTheIndexsByTitle() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    Files.writeString(dir.resolve("b.md"), "---\ntitle: B\ntopics: [\"日本\", Elections, The move to Lviv]\n---\nText of b.\n");
    Files.writeString(dir.resolve("c.md"), "---\ntitle: C\ntopics: [\"Ελλάδα\", elections, C++]\n---\nText of c.\n");
    Files.writeString(dir.resolve("d.md"), "---\ntitle: D\ntopics: [\"ΕΛΛΑΔΑ\", \"C#\", \"🇺🇦\"]\n---\nText of d.\n");
    Files.writeString(dir.resolve("e.md"), "---\ntitle: E\ntopics: [\"🇷🇺\"]\n---\nText of e.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    dev.dossier.model.Dossier dossier = result.dossier().orElseThrow();
    // Greek capitals drop the accent: "ΕΛΛΑΔΑ" is "Ελλάδα". "C++" and "C#", and the two flags, are two each.
    assertThat(dossier.topics()).extracting(dev.dossier.model.Topic::title)
        .containsExactly("The move to Lviv", "日本", "Elections", "Ελλάδα", "C++", "C#", "🇺🇦", "🇷🇺");
    assertThat(dossier.topics()).extracting(dev.dossier.model.Topic::id).doesNotHaveDuplicates().doesNotContain("x")
        .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    java.util.Map<String, List<String>> topicsOf = new java.util.HashMap<>();
    dossier.sources().forEach(s -> topicsOf.put(s.key(), s.topics()));
    assertThat(topicsOf.get("b")).hasSize(3).contains("lviv");
    assertThat(topicsOf.get("c")).hasSize(3).doesNotContainAnyElementsOf(topicsOf.get("b").subList(0, 1));
    assertThat(topicsOf.get("d").get(0)).isEqualTo(topicsOf.get("c").get(0));
    // A topic's words alone, with no other to be told from, keep a plain id.
    assertThat(topicsOf.get("b").get(1)).isEqualTo("elections");
  }

  @Test
  void aDocumentTheIndexDoesNotListHasItsTopicSlipShownWhereItIsWritten() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    Files.writeString(dir.resolve("b.md"), "---\ntitle: Why Lviv\ntopics:\n  - Embassy security\n  - lvov\n---\nLviv is far from the border.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).filteredOn(h -> h.contains("lvov")).containsExactly(
        "b.md:5:5: warning: the topics of b.md name \"lvov\", which the index does not list, so it becomes a topic of its own");
  }

  /** "[@key words" with no ]: a handle's brackets when the word is no source's key, a forgotten ] when it is one. */
  @Test
  void aBracketBeforeASourcesKeyWithNoClosingBracketIsAnError() throws IOException {
    Build.Result result = new Build().run(dossier(index(
        "It closed.[@bugle ¶1 \"closed on Monday\"] As [@bugle reported that day, and [@nytimes on Twitter said.")), Theme.builtIn());
    assertThat(result.failed()).isTrue();
    assertThat(headlines(result)).containsExactly(
        "index.yml:15:52: error: the citation [@bugle has no closing ]: end it with ], as in [@key ¶5 \"quoted words\"]");
    // Closed, with words and brackets no citation holds: said so, not called unclosed.
    Build.Result sic = new Build().run(dossier(index(
        "It closed.[@bugle ¶1 \"closed on Monday\"] As [@bugle see [sic] here] and [@bugle, see [the piece]] said.")), Theme.builtIn());
    assertThat(headlines(sic)).containsExactly(
        "index.yml:15:52: error: cannot read the citation [@bugle see [sic] here]: after its key a citation holds only ¶5 and a \"quote\"; keep other words outside it, as in [@key ¶5 \"quoted words\"]",
        "index.yml:15:80: error: cannot read the citation [@bugle, see [the piece]]: after its key a citation holds only ¶5 and a \"quote\"; keep other words outside it, as in [@key ¶5 \"quoted words\"]");
  }

  /** The second of two entries with one key is refused; its file is listed all the same, not taken for one the index forgot. */
  @Test
  void aDuplicateKeyIsOneErrorNotACascade() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]").replace("topics:\n  - id: lviv", """
          - key: bugle
            file: b.txt
            title: Staff leave
        topics:
          - id: lviv"""));
    Files.writeString(dir.resolve("b.txt"), "Published: 2022-02-13\n\nStaff left for Lviv.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).containsExactly("index.yml:7:5: error: duplicate source key \"bugle\" (first at line 3)");
    // So is an entry with no key: its one error is the key it lacks.
    Files.writeString(dir.resolve("index.yml"), Files.readString(dir.resolve("index.yml")).replace("  - key: bugle\n    file: b.txt", "  - file: b.txt"));
    assertThat(headlines(new Build().run(dir, Theme.builtIn()))).singleElement().asString().startsWith("index.yml:7:").contains("error").contains("key");
  }

  @Test
  void aTopicsSourcesAreThoseFiledUnderItAndThoseItsSummaryAndEventsCite() throws IOException {
    // As `add` writes entries: topics: [], the curator tags the events only.
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    Files.writeString(dir.resolve("b.txt"), "Published: 2022-02-13\n\nStaff left for Lviv.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: Test dossier
        sources:
          - key: bugle
            file: a.txt
            title: Embassy closes
            topics: []
          - key: wire
            file: b.txt
            title: Staff leave
            topics: []
        topics:
          - id: lviv
            title: The move to Lviv
            summary: Staff left.[@wire ¶1]
          - id: empty
            title: Nothing yet
        events:
          - date: 2022-02-14
            title: Embassy closed
            topics: [lviv]
            text: It closed.[@bugle ¶1 "closed on Monday"]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).containsExactly("index.yml:15:5: warning: the topic \"empty\" has no events");
    assertThat(org.jsoup.Jsoup.parse(page(result, "topics/lviv.html")).select("#topic-sources + ul.source-list a").eachAttr("href"))
        .containsExactly("../sources/bugle.html", "../sources/wire.html");
    assertThat(page(result, "index.html")).contains("1&nbsp;event, 2&nbsp;sources");
    assertThat(page(result, "topics/empty.html")).contains("No source is filed under this topic or cited for it yet.").doesNotContain("source-list");
  }

  @Test
  void titleSuppliedWithoutATitleDoesNotCallTheFileNameTheEditorsTitle() throws IOException {
    Build.Result result = new Build().run(
        dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]").replace("    title: Embassy closes\n", "    title_supplied: true\n")), Theme.builtIn());
    assertThat(headlines(result)).singleElement().asString().contains("warning: title_supplied: true, but no title is given");
    assertThat(result.dossier().orElseThrow().sources().get(0).titleSupplied()).isFalse();
    assertThat(page(result, "sources/bugle.html")).contains("<h1>[untitled: a.txt]</h1>").doesNotContain("supplied by the editor");
    // Nor do the exports or the bibliography's note, which reference managers and readers take at their word.
    assertThat(page(result, "sources.bib")).doesNotContainIgnoringCase("supplied by the editor").contains("note = {No title known: the document carries no headline}");
    assertThat(page(result, "sources.json")).doesNotContain("supplied by the editor").contains("\"note\" : \"no title known: the document carries no headline\"");
    assertThat(page(result, "sources/index.html")).contains("“[untitled: …]” names the file of a document whose title nobody knows.")
        .as("no title here was supplied, so the note does not speak of square brackets").doesNotContain("Titles in [square brackets]");
  }

  @Test
  void theNoteOnAMissingBaseUrlPointsAtTheIndexOrWhereOneWouldBe() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]"));
    assertThat(new Build().run(dir, Theme.builtIn()).diagnostics()).filteredOn(d -> d.message().startsWith("no base URL")).singleElement()
        .satisfies(d -> assertThat(d.path()).isEqualTo("index.yml"))
        .satisfies(d -> assertThat(d.message()).endsWith("give base_url: in the index, or build with --base-url"));
    Files.delete(dir.resolve("index.yml"));
    assertThat(new Build().run(dir, Theme.builtIn()).diagnostics()).filteredOn(d -> d.message().startsWith("no base URL")).singleElement()
        .satisfies(d -> assertThat(d.path()).as("there is no index.yml to name").isEqualTo("."))
        .satisfies(d -> assertThat(d.message()).endsWith("build with --base-url, or give base_url: in an index.yml (dossier init writes one)"));
    // A dossier that cannot be built has more pressing news.
    Files.writeString(dir.resolve("index.yml"), "title: [unclosed\n");
    assertThat(new Build().run(dir, Theme.builtIn()).diagnostics()).noneMatch(d -> d.message().startsWith("no base URL"));
  }

  @Test
  void aReferenceInTheExportsAndTheFeedNamesNoNoteForTheyCarryNone() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]").replace("title: Test dossier", "title: Test dossier\nbase_url: https://example.org/"));
    Path out = tmp.resolve("site");
    assertThat(new Build().build(dir, Theme.builtIn(), out).failed()).isFalse();
    assertThat(Files.readString(out.resolve("timeline.html"))).contains(" aria-describedby=\"note-1-text\">[1]</a>", "<sup class=\"ref\" id=\"ref-1\">");
    for (String export : List.of("dossier.json", "timeline.json")) {
      assertThat(Files.readString(out.resolve(export))).as(export).contains("<sup class=\\\"ref\\\"><a href=").doesNotContain("aria-describedby", "ref-1");
    }
    assertThat(Files.readString(out.resolve("feed.xml"))).contains("&lt;sup class=&quot;ref&quot;&gt;&lt;a href=").doesNotContain("aria-describedby", "ref-1");
  }

  @Test
  void aVerifiedCitationLinksToItsParagraph() throws IOException {
    Build.Result result = new Build().run(dossier(index("It closed.[@bugle ¶1 \"closed on Monday\"]")), Theme.builtIn());
    assertThat(headlines(result)).isEmpty();
    String timeline = page(result, "timeline.html");
    // To the very words: where the quote begins in the paragraph.
    assertThat(timeline).containsPattern("<a href=\"sources/bugle.html#(p1-q[0-9a-f]{8})\" title=\"Daily Bugle, 14 February 2022, ¶1: “closed on Monday”\""
        + " aria-describedby=\"note-1-text\">\\[1\\]</a>");
    assertThat(org.jsoup.Jsoup.parse(timeline).getElementById("note-1-text").text()).isEqualTo("Daily Bugle, 14 February 2022, ¶1: closed on Monday");
    String source = page(result, "sources/bugle.html");
    // Where the quote begins, and its words marked as that quote's.
    assertThat(source).containsPattern("<span class=\"quote-anchor\" id=\"(p1-q[0-9a-f]{8})\"></span><mark data-quotes=\"\\1\">closed on Monday</mark>");
    assertThat(unanchored(source)).contains("The embassy in Kyiv <mark>closed on Monday</mark>, officials said.");
  }

  @Test
  void aQuoteNotInItsSourceFailsWithItsPositionAndTheClosestPassage() throws IOException {
    Build.Result result = new Build().run(dossier(index("It shut.[@bugle ¶1 \"closed on Tuesday\"]")), Theme.builtIn());
    assertThat(result.failed()).isTrue();
    assertThat(result.pages()).isEmpty();
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml:15:16: error: quote not found in paragraph 1 of \"bugle\": \"closed on Tuesday\"");
      assertThat(d.hint()).contains("the closest passage the source contains is in ¶1: \"closed on Monday,\"");
    });
  }

  @Test
  void aCitationIsPlacedExactlyInEveryKindOfYamlScalar() throws IOException {
    // Escapes and doubled quotes, folded and plain lines, an escaped line break, escapes of
    // characters read as U+FFFD: the file and the text differ.
    String index = "title: Test dossier\n" +
        "sources:\n" +
        "  - key: bugle\n" +
        "    file: a.txt\n" +
        "    title: Embassy closes\n" +
        "    topics: [lviv]\n" +
        "topics:\n" +
        "  - id: lviv\n" +
        "    title: The move to Lviv\n" +
        "    summary: \"A \\\"quoted\\\" word and a \\\\ slash,[@nokeya ¶1] then \\u00e9 more.\"\n" +
        "  - id: t2\n" +
        "    title: Two\n" +
        "    summary: 'It''s here,[@nokeyb ¶1] and it''s there.'\n" +
        "  - id: t3\n" +
        "    title: Three\n" +
        "    summary: >\n" +
        "      A folded text whose first line is long enough\n" +
        "      to be folded into the next,[@nokeyc ¶1] as YAML does.\n" +
        "  - id: t4\n" +
        "    title: Four\n" +
        "    summary: A plain text\n" +
        "      that runs on,[@nokeyd ¶1] over two lines.\n" +
        "  - id: t5\n" +
        "    title: Five\n" +
        "    summary: \"A double-quoted text \\\n" +
        "      over two lines\\tand a tab,[@nokeye ¶1] too.\"\n" +
        "  - id: t6\n" +
        "    title: Six\n" +
        "    summary: |\n" +
        "      Literal.\n" +
        "\n" +
        "      Second paragraph,[@nokeyf ¶1] here.\n" +
        "  - id: t7\n" +
        "    title: Seven\n" +
        "    summary: \"A character no page may hold,\\x1f\\v read as one,[@nokeyg ¶1] here.\"\n" +
        "events:\n" +
        "  - date: 2022-02-14\n" +
        "    title: Embassy closed\n" +
        "    topics: [lviv]\n" +
        "    text: It closed.[@bugle ¶1 \"closed on Monday\"]\n";
    Path dir = dossier(index);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    List<String> lines = List.of(index.split("\n"));
    List<String> expected = new java.util.ArrayList<>();
    for (String key : List.of("nokeya", "nokeyb", "nokeyc", "nokeyd", "nokeye", "nokeyf", "nokeyg")) {
      for (int l = 0; l < lines.size(); l++) {
        int column = lines.get(l).indexOf("@" + key);
        if (column >= 0) {
          expected.add("index.yml:" + (l + 1) + ":" + (column + 1) + ": error: unknown citation key \"" + key + "\"");
        }
      }
    }
    assertThat(headlines(result)).filteredOn(h -> h.contains("unknown citation key")).containsExactlyElementsOf(expected);
  }

  @Test
  void everyKindOfCitationMistakeIsReportedInOneRun() throws IOException {
    Build.Result result = new Build().run(
        dossier(index("A.[@bugel ¶1] B.[@bugle ¶9] C.[@bugle \"not there\"]")), Theme.builtIn());
    assertThat(headlines(result)).containsExactly(
        "index.yml:15:10: error: unknown citation key \"bugel\"",
        "index.yml:15:24: error: paragraph 9 is out of range: \"bugle\" has 2 paragraphs",
        "index.yml:15:38: error: quote not found in \"bugle\": \"not there\"");
  }

  @Test
  void anEventMustCiteAndTopicsMustExist() throws IOException {
    Build.Result result = new Build().run(dossier(index("Uncited claim.").replace("topics: [lviv]\n    text", "topics: [lvov]\n    text")), Theme.builtIn());
    assertThat(headlines(result)).containsExactly(
        "index.yml:11:5: error: the event \"Embassy closed\" cites no source",
        "index.yml:13:14: error: unknown topic \"lvov\"");
    assertThat(result.diagnostics().get(0).hint()).get().asString().startsWith("add a citation to its text such as [@key ¶3");
  }

  /** A topic misspelt the same way in several places is one error, at the first, naming the lines of the others. */
  @Test
  void anUnknownTopicNamedSeveralTimesIsOneError() throws IOException {
    String index = index("It closed.[@bugle ¶1]").replace("topics: [lviv]", "topics: [lvov]");
    String event = index.substring(index.indexOf("  - date: 2022-02-14"));
    Build.Result result = new Build().run(dossier(index + event.replace("Embassy closed", "Staff left")), Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml:6:14: error: unknown topic \"lvov\", named 3 times");
      assertThat(d.hint()).contains("did you mean \"lviv\"? The unknown topic is named here and at 13:14 and 18:14.");
    });
  }

  /** An event pasted twice would be on the timeline twice: a warning says where the first is. */
  @Test
  void anEventListedTwiceIsWarnedAbout() throws IOException {
    String index = index("It closed.[@bugle ¶1]");
    String event = index.substring(index.indexOf("  - date: 2022-02-14"));
    Build.Result result = new Build().run(dossier(index + event + event.replace("2022-02-14", "2022-02-15")), Theme.builtIn());
    assertThat(result.failed()).isFalse();
    assertThat(result.diagnostics()).filteredOn(d -> d.message().contains("listed again")).extracting(d -> d.headline() + " | " + d.hint().orElse(""))
        .containsExactly("index.yml:16:5: warning: the event \"Embassy closed\" of 14 February 2022 is listed again, as it is at line 11"
            + " | remove the copy; if they are two events, give each a title of its own, or an id:");

    // Two events of a day that share a title, told apart by their text or by their ids, are two events.
    String other = event.replace("It closed.", "It closed again.");
    String withIds = event.replace("  - date:", "  - id: morning\n    date:") + event.replace("  - date:", "  - id: evening\n    date:");
    result = new Build().run(dossier(index + other + withIds), Theme.builtIn());
    assertThat(result.failed()).isFalse();
    assertThat(result.diagnostics()).noneMatch(d -> d.message().contains("listed again"));
  }

  @Test
  void metadataKnowsWhereItCameFrom() throws IOException {
    Build.Result result = new Build().run(dossier(index("It closed.[@bugle ¶1]")), Theme.builtIn());
    Source source = result.dossier().orElseThrow().source("bugle").orElseThrow();
    assertThat(source.title().origin()).isEqualTo(Origin.INDEX);
    assertThat(source.outlet().value()).contains("Daily Bugle");
    assertThat(source.outlet().origin()).isEqualTo(Origin.DOCUMENT);
    assertThat(source.authors().value()).contains(List.of("Ann Poe"));
    assertThat(source.published().origin()).isEqualTo(Origin.DOCUMENT);
    assertThat(source.url().origin()).isEqualTo(Origin.UNKNOWN);
    assertThat(page(result, "sources/bugle.html")).contains("no URL known");
  }

  @Test
  void withoutAnIndexTheDocumentsAloneMakeADossier() throws IOException {
    Path dir = dossier(null);
    Files.writeString(dir.resolve("note.md"), """
        ---
        title: A note on Lviv
        date: 2022-02-15
        outlet: The Review
        topics: [Embassy moves]
        ---
        The note cites the article: staff went west.[@a ¶2 "moved to Lviv"]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).isEmpty();
    Dossier dossier = result.dossier().orElseThrow();
    assertThat(dossier.sources()).extracting(Source::key).containsExactly("a", "note");
    assertThat(dossier.topics()).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("embassy-moves");
      assertThat(t.title()).isEqualTo("Embassy moves");
    });
    assertThat(page(result, "timeline.html")).contains("<time datetime=\"2022-02-15\">15 February 2022</time>");
    assertThat(page(result, "sources/note.html")).containsPattern("href=\"../sources/a.html#p2-q[0-9a-f]{8}\"");
  }

  @Test
  void aSecondRunReusesTheDocumentsThatDidNotChange() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Files.writeString(dir.resolve("other.txt"), "Another wire.");
    Build build = new Build();
    Dossier first = build.run(dir, Theme.builtIn()).dossier().orElseThrow();
    Files.writeString(dir.resolve("other.txt"), "Another wire, corrected.");
    Dossier second = build.run(dir, Theme.builtIn()).dossier().orElseThrow();
    assertThat(second.source("bugle").orElseThrow().blocks()).isSameAs(first.source("bugle").orElseThrow().blocks());
    assertThat(second.source("other").orElseThrow().paragraphs().get(0).text()).isEqualTo("Another wire, corrected.");
    assertThat(build.run(dir, Theme.builtIn()).diagnostics()).extracting(Diagnostic::headline)
        .contains("other.txt: warning: the index does not list this document; it is included with the key \"other\"");
  }

  /**
   * A file the index names with a slip is not found, and the error names the document meant:
   * that document is not also said to be missing from the index, which it is in, misspelt.
   */
  @Test
  void aDocumentTheIndexNamesWithASlipIsOneErrorNotAlsoAnUnlistedDocument() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]").replace("file: a.txt", "file: a.txt\n  - key: wire\n    file: wire-note.txt"));
    Files.writeString(dir.resolve("wire-notes.txt"), "Another wire.");
    Files.writeString(dir.resolve("other.txt"), "A third.");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).containsExactly(
        "index.yml:6:11: error: file not found: wire-note.txt",
        "other.txt: warning: the index does not list this document; it is included with the key \"other\"");
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement()
        .satisfies(d -> assertThat(d.hint()).contains("did you mean \"wire-notes.txt\"?"));

    // The name meant is one the index lists already: a document as like the slip is unlisted, and said so.
    Files.delete(dir.resolve("wire-notes.txt"));
    Files.writeString(dir.resolve("c.txt"), "Yet another.");
    Files.writeString(dir.resolve("index.yml"), index("It closed.[@bugle ¶1]").replace("file: a.txt", "file: a.txt\n  - key: wire\n    file: b.txt"));
    result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement()
        .satisfies(d -> assertThat(d.hint()).contains("did you mean \"a.txt\"?"));
    assertThat(headlines(result)).containsExactly(
        "c.txt: warning: the index does not list this document; it is included with the key \"c\"",
        "index.yml:6:11: error: file not found: b.txt",
        "other.txt: warning: the index does not list this document; it is included with the key \"other\"");
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Path out = tmp.resolve("site");
    assertThat(new Build().build(dir, Theme.builtIn(), out).failed()).isFalse();
    Map<String, String> before = snapshot(out);
    Files.writeString(dir.resolve("index.yml"), index("It closed.[@bugle ¶7]"));
    assertThat(new Build().build(dir, Theme.builtIn(), out).failed()).isTrue();
    assertThat(snapshot(out)).isEqualTo(before);
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("dossier", "site");
    }
  }

  /**
   * A file put into a built site is gone after the next build, told to replace it (--force),
   * though nothing else changed: the build with nothing to do does not stop short of it.
   */
  @Test
  void aFilePutIntoTheSiteGoesWithTheNextBuildThoughNothingElseChanged() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Path out = tmp.resolve("site");
    for (boolean cached : new boolean[] {true, false}) {
      Build build = new Build(false, Optional.empty(), dev.dossier.diag.Progress.NONE, cached);
      assertThat(build.build(dir, Theme.builtIn(), out).failed()).isFalse();
      Files.writeString(out.resolve("notes.txt"), "my notes");
      Build.Result again = build.build(dir, Theme.builtIn(), out, true);
      assertThat(out.resolve("notes.txt")).as("cached %s", cached).doesNotExist();
      assertThat(again.report().orElseThrow().lines()).as("cached %s", cached).anySatisfy(line -> assertThat(line).contains("0 files written").contains(" 1 removed"));
    }
    // Into a folder this tool never wrote: what the site also has is written over, not removed.
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("index.html"), "<p>mine</p>");
    Files.writeString(other.resolve("notes.txt"), "my notes");
    Build.Result first = new Build().build(dir, Theme.builtIn(), other, true);
    assertThat(other.resolve("notes.txt")).doesNotExist();
    assertThat(first.report().orElseThrow().lines()).anySatisfy(line -> assertThat(line).contains(" 1 removed"));
  }

  /**
   * A link out of the folder is refused where it is named: at the index's entry when the index
   * lists it (though the file is read ahead of the index, named by its path alone), else at the file.
   */
  @Test
  void aDocumentLinkedFromOutsideTheFolderIsRefusedWhereItIsNamed() throws IOException {
    Path secret = Files.writeString(tmp.resolve("secret.txt"), "Not part of the dossier.\n");
    Path dir = dossier(index("It closed.[@bugle ¶1]").replace("""
        topics:
          - id: lviv""", """
          - key: leak
            file: leak.txt
        topics:
          - id: lviv"""));
    Files.createSymbolicLink(dir.resolve("leak.txt"), secret);
    Files.createSymbolicLink(dir.resolve("unlisted.txt"), secret);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).containsExactly(
        "index.yml:8:11: error: \"leak.txt\" links to a file outside the dossier folder; it was not read",
        "unlisted.txt: error: \"unlisted.txt\" links to a file outside the dossier folder; it was not read");
  }

  /** A document's name that links to nothing (its file moved or deleted) is not left out without a word. */
  @Test
  void aDocumentLinkedToNothingIsWarnedAbout() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Files.createSymbolicLink(dir.resolve("moved.txt"), Path.of("archive/moved.txt"));
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isFalse();
    assertThat(headlines(result)).containsExactly("moved.txt: warning: \"moved.txt\" is a link to \"archive/moved.txt\", which does not exist; it was not read");

    // One the index names is the index's error, once, where the index names it.
    Files.writeString(dir.resolve("index.yml"), Files.readString(dir.resolve("index.yml")).replace("""
        topics:
          - id: lviv""", """
          - key: moved
            file: moved.txt
        topics:
          - id: lviv"""));
    List<String> named = headlines(new Build().run(dir, Theme.builtIn()));
    assertThat(named).filteredOn(h -> h.contains("moved.txt")).singleElement().asString().startsWith("index.yml:").contains("error");
  }

  @Test
  void aDossierOfOneEventIsCountedInTheSingular() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Path out = tmp.resolve("site");
    Build.Result result = new Build(false, Optional.empty(), dev.dossier.diag.Progress.NONE, true).build(dir, Theme.builtIn(), out);
    assertThat(result.report().orElseThrow().lines().get(0)).isEqualTo("1 source, 1 topic, 1 event, 1 citation");
    assertThat(Jsoup.parse(Files.readString(out.resolve("timeline.html"))).selectFirst(".lede").text())
        .isEqualTo("1 event, with the passages it rests on.");
    assertThat(Jsoup.parse(Files.readString(out.resolve("index.html"))).selectFirst("p.more").text())
        .isEqualTo("The event on the timeline");
  }

  /**
   * A rebuild copies each unchanged source's JSON from the last dossier.json: what it writes
   * must be what a build from scratch writes, whatever changed, and a citation's number in a
   * source's date note follows the notes before it.
   */
  @Test
  void aRebuildWritesTheSiteABuildFromScratchWrites() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    for (int i = 1; i <= 4; i++) {
      Files.writeString(dir.resolve("r" + i + ".md"), "---\ntitle: Report " + i + "\ndate: 2022-01-0" + i + "\n---\n\nDay " + i + " was quiet.\n\nIt stayed so.\n");
    }
    Path out = tmp.resolve("site");
    Build cached = new Build(false, Optional.empty(), dev.dossier.diag.Progress.NONE, true);
    cached.build(dir, Theme.builtIn(), out);
    assertThat(Files.list(dir.resolve(BuildCache.FOLDER)).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("pieces-"));

    // One source's text changes, one is new, one goes, and the index dates one by a note that cites another.
    Files.writeString(dir.resolve("r2.md"), "---\ntitle: Report 2\ndate: 2022-01-02\n---\n\nDay 2 was loud.\n\nIt stayed so.\n");
    Files.writeString(dir.resolve("r5.md"), "---\ntitle: Report 5\n---\n\nDay 5 came.\n");
    Files.delete(dir.resolve("r4.md"));
    Files.writeString(dir.resolve("index.yml"), index("It closed.[@bugle ¶1]").replace("""
        topics:
          - id: lviv""", """
          - key: r5
            file: r5.md
            published: ~2022-01-05
            published_note: The day after report 3.[@r3 ¶1 "Day 3"]
        topics:
          - id: lviv"""));
    Build.Result again = cached.build(dir, Theme.builtIn(), out);
    assertThat(again.failed()).as("%s", again.diagnostics()).isFalse();

    Path fresh = tmp.resolve("fresh");
    new Build(false, Optional.empty(), dev.dossier.diag.Progress.NONE, false).build(dir, Theme.builtIn(), fresh);
    assertThat(Files.readString(out.resolve("dossier.json"))).isEqualTo(Files.readString(fresh.resolve("dossier.json")))
        .contains("\"key\" : \"r5\"", "Day 2 was loud.").doesNotContain("Report 4");
    // The search index's document shards the rebuild kept by their names are those a fresh build makes; so is every other file.
    assertThat(snapshot(out)).isEqualTo(snapshot(fresh));
  }

  /** A home page listing ten thousand sources would weigh megabytes: past twelve it shows the newest and links to them all. */
  @Test
  void theHomePageOfABigDossierListsItsNewestSourcesAndLinksToThemAll() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Path out = tmp.resolve("site");
    for (int day = 1; day <= 12; day++) {
      // Written in no order of date; the undated report has no place among the newest.
      int d = day * 5 % 12 + 1;
      Files.writeString(dir.resolve("r" + d + ".md"), "---\ntitle: Report %d\ndate: 2022-01-%02d\n---\n\nSomething happened on day %d.\n".formatted(d, d, d));
    }
    Files.writeString(dir.resolve("undated.md"), "---\ntitle: An undated report\n---\n\nSomething happened.\n");
    new Build().build(dir, Theme.builtIn(), out);
    org.jsoup.nodes.Document home = Jsoup.parse(Files.readString(out.resolve("index.html")));
    assertThat(home.selectFirst("#sources").text()).isEqualTo("Latest sources");
    assertThat(home.select(".source-list a").eachText()).containsExactly(
        "Embassy closes", "Report 12", "Report 11", "Report 10", "Report 9", "Report 8", "Report 7", "Report 6", "Report 5", "Report 4",
        "Report 3", "Report 2");
    assertThat(home.select(".source-list + p.more a").eachAttr("href")).containsExactly("sources/index.html");
    assertThat(home.selectFirst(".source-list + p.more").text()).isEqualTo("All 14 sources");
    assertThat(Jsoup.parse(Files.readString(out.resolve("sources/index.html"))).select("ol.bibliography > li")).hasSize(14);

    Files.delete(dir.resolve("undated.md"));
    Files.delete(dir.resolve("r1.md"));
    new Build().build(dir, Theme.builtIn(), out);
    home = Jsoup.parse(Files.readString(out.resolve("index.html")));
    assertThat(home.selectFirst("#sources").text()).isEqualTo("Sources");
    assertThat(home.select(".source-list a")).hasSize(12);
    assertThat(home.select(".source-list + p.more")).isEmpty();
  }

  @Test
  void aTopicsPassagesMarkOnlyTheWordsThatTopicQuotes() throws IOException {
    Path dir = dossier("""
        title: Test dossier
        sources:
          - key: bugle
            file: a.txt
        topics:
          - id: closure
            title: The closure
            summary: It closed.[@bugle ¶1 "closed on Monday"]
          - id: sources
            title: Who said so
            summary: Officials said so.[@bugle ¶1 "officials said"]
          - id: whole
            title: The whole paragraph
            summary: It is all here.[@bugle ¶1]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).isFalse();
    java.util.function.Function<String, List<String>> marked = path ->
        Jsoup.parse(page(result, path)).select("blockquote.passage mark").eachText();
    assertThat(marked.apply("topics/closure.html")).containsExactly("closed on Monday");
    assertThat(marked.apply("topics/sources.html")).containsExactly("officials said");
    assertThat(marked.apply("topics/whole.html")).isEmpty();
    // The source's own page marks every word the dossier quotes.
    assertThat(Jsoup.parse(page(result, "sources/bugle.html")).select("#p1 mark").eachText())
        .containsExactly("closed on Monday", "officials said");
  }

  @Test
  void aSavedPagesOwnMarkIsNotTakenForTheDossiersHighlighting() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("marked"));
    Files.writeString(dir.resolve("story.html"),
        "<html><body><article><h1>Story</h1><p>Some <mark>mark</mark> words here, and quoted ones.</p></article></body></html>");
    Files.writeString(dir.resolve("index.yml"), """
        title: Test dossier
        sources:
          - key: story
            file: story.html
        topics:
          - id: words
            title: Words
            summary: Quoted.[@story ¶1 "quoted ones"]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    org.jsoup.nodes.Element p1 = Jsoup.parse(page(result, "sources/story.html")).selectFirst("#p1 .ptext");
    // Only the words the dossier quotes are marked; the page's own highlight is plain text.
    assertThat(p1.select("mark").eachText()).containsExactly("quoted ones");
    assertThat(p1.text()).isEqualTo("Some mark words here, and quoted ones.");
  }

  /** A page in Hebrew reads right to left in its subheadings as in its paragraphs, built afresh and from the build cache. */
  @Test
  void aRightToLeftPagesSubheadingsKeepTheirDirection() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("rtl"));
    Files.writeString(dir.resolve("story.html"),
        "<html dir=\"rtl\" lang=\"he\"><body><article><h1>שלום</h1><p>השגרירות נסגרה.</p><h2>ללביב</h2><p>הצוות עבר ללביב.</p></article></body></html>");
    for (String out : List.of("fresh", "cached")) {
      Build.Result result = new Build().build(dir, Theme.builtIn(), tmp.resolve(out));
      assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
      org.jsoup.nodes.Document page = Jsoup.parse(Files.readString(tmp.resolve(out).resolve("sources/story.html")));
      assertThat(page.select("h3.subheading").eachAttr("dir")).as(out).containsExactly("rtl");
      assertThat(page.select(".ptext p").eachAttr("dir")).as(out).containsExactly("rtl", "rtl");
    }
  }

  /**
   * An event's own id is its anchor on the timeline, kept when its title or date is corrected,
   * so links to it from outside keep working; events without one get theirs from date and title,
   * around the ids given.
   */
  @Test
  void anEventsOwnIdIsItsAnchorWhateverItsTitle() throws IOException {
    String events = """
          - id: closure
            date: 2022-02-14
            title: %s
            text: It closed.[@bugle ¶1]
          - date: 2022-02-14
            title: Closure
            text: It closed.[@bugle ¶1 "closed on Monday"]
          - id: 2022-02-14-closure
            date: 2022-02-15
            title: Staff moved
            text: They moved.[@bugle ¶2]
        """;
    Path dir = dossier(index("It closed.[@bugle ¶1]").replaceAll("(?s)events:.*", "events:\n") + events.formatted("Embassy closd"));
    Build.Result first = new Build().run(dir, Theme.builtIn());
    assertThat(first.failed()).as("%s", first.diagnostics()).isFalse();
    org.jsoup.nodes.Document timeline = Jsoup.parse(page(first, "timeline.html"));
    assertThat(timeline.select("article[id^=e-], li[id^=e-], [id^=e-]").eachAttr("id"))
        .containsExactly("e-closure", "e-2022-02-14-closure-2", "e-2022-02-14-closure");
    Files.writeString(dir.resolve("index.yml"), Files.readString(dir.resolve("index.yml")).replace("Embassy closd", "Embassy closed"));
    Build.Result second = new Build().run(dir, Theme.builtIn());
    assertThat(Jsoup.parse(page(second, "timeline.html")).select("[id^=e-]").first().attr("id")).isEqualTo("e-closure");
    assertThat(page(second, "sources/bugle.html")).contains("href=\"../timeline.html#e-closure\"");
  }

  @Test
  void aParagraphOutOfRangeCountsTheSourcesParagraphsInGoodEnglish() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("one"));
    Files.writeString(dir.resolve("a.txt"), "The embassy closed on Monday.\n");
    Files.writeString(dir.resolve("index.yml"), "sources:\n  - key: a\n    file: a.txt\ntopics:\n  - id: t\n    title: T\n    summary: It closed.[@a ¶2]\n");
    assertThat(headlines(new Build().run(dir, Theme.builtIn())))
        .containsExactly("index.yml:7:25: error: paragraph 2 is out of range: \"a\" has 1 paragraph");
  }

  /**
   * A document the index does not list keeps its key when a file whose name makes the same one
   * arrives: "my-article.txt" is "my-article" before and after "My Article.txt" is added, so
   * a citation of it keeps its document.
   */
  @Test
  void aFileNamedAsItsKeyKeepsItWhenAnotherFileMakesTheSameKey() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("keys"));
    Files.writeString(dir.resolve("my-article.txt"), "The mayor resigned on Monday.\n");
    Files.writeString(dir.resolve("my-article-2.txt"), "The council met on Tuesday.\n");
    Files.writeString(dir.resolve("notes.md"), "---\ntitle: Notes\n---\nAs reported.[@my-article ¶1 \"resigned\"]\n");
    java.util.function.Supplier<Map<String, String>> keys = () -> {
      try {
        return new Build().run(dir, Theme.builtIn()).dossier().orElseThrow().sources().stream()
            .collect(java.util.stream.Collectors.toMap(Source::file, Source::key));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    assertThat(keys.get()).containsEntry("my-article.txt", "my-article").containsEntry("my-article-2.txt", "my-article-2");
    Files.writeString(dir.resolve("My Article.txt"), "Unrelated story about football.\n");
    Build.Result after = new Build().run(dir, Theme.builtIn());
    assertThat(after.failed()).as("%s", after.diagnostics()).isFalse();
    assertThat(keys.get()).containsEntry("my-article.txt", "my-article").containsEntry("my-article-2.txt", "my-article-2")
        .containsEntry("My Article.txt", "my-article-3");
  }

  @Test
  void aPageSavedAsIndexHtmlDoesNotTakeTheBibliographysPlace() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("saved"));
    Files.writeString(dir.resolve("index.html"), "<html><body><article><h1>Embassy closes</h1><p>The embassy closed on Monday.</p></article></body></html>");
    Path out = tmp.resolve("site");
    Build.Result result = new Build().build(dir, Theme.builtIn(), out);
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    assertThat(Files.readString(out.resolve("sources/index-2.html"))).contains("The embassy closed on Monday.");
    assertThat(Jsoup.parse(Files.readString(out.resolve("sources/index.html"))).selectFirst("h1").text()).isEqualTo("Sources");
  }

  @Test
  void inputNestedThousandsDeepIsAnErrorAtItsFileNotACrash() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Files.writeString(dir.resolve("deep.md"), "# Deep\n\n" + ">".repeat(20_000) + " text\n");
    Build.Result deepDocument = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(deepDocument)).contains("deep.md: error: the document nests too deeply to read (block quotes, lists or elements inside one another, thousands deep)");
    Files.delete(dir.resolve("deep.md"));
    Files.writeString(dir.resolve("index.yml"), "title: x\ndescription: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    Build.Result deepIndex = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(deepIndex)).contains("index.yml:1:1: error: YAML nests too deeply to read (lists or mappings inside one another, thousands deep)");
  }

  @Test
  void aListedFileOfAnotherTypeIsAnErrorAtTheIndexsEntry() throws IOException {
    Path dir = dossier("""
        title: Test dossier
        sources:
          - key: bugle
            file: a.txt
          - key: scan
            file: scan.pdf
        """);
    Files.write(dir.resolve("scan.pdf"), new byte[] {'%', 'P', 'D', 'F'});
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(headlines(result)).contains("index.yml:6:11: error: unsupported document type \".pdf\"");
  }

  @Test
  void aListedFileWithNoExtensionIsNamedAsSuch() throws IOException {
    Path dir = dossier("""
        title: Test dossier
        sources:
          - key: bugle
            file: a.txt
          - key: notes
            file: NOTES
        """);
    Files.writeString(dir.resolve("NOTES"), "Some notes.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(d -> d.line() == 6).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml:6:11: error: \"NOTES\" has no file extension, so its type is unknown");
      assertThat(d.hint()).hasValue("name it for what it holds: NOTES.txt for plain text, .md for Markdown, .html for a saved page");
    });
  }

  @Test
  void aTemplateOverrideReplacesTheBuiltInFileByFile() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/bibliography.ftlh"), "<p>${sources?size} sources</p>");
    Build.Result result = new Build().run(dir, new Theme(List.of(dir.resolve("templates"))));
    assertThat(page(result, "sources/index.html")).isEqualTo("<p>1 sources</p>");
    assertThat(page(result, "timeline.html")).contains("<!DOCTYPE html>");
  }

  @Test
  void aTemplateErrorNamesTheTemplateAndLine() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/bibliography.ftlh"), "<p>fine</p>\n<p>${nosuch.value}</p>");
    Build.Result result = new Build().run(dir, new Theme(List.of(dir.resolve("templates"))));
    assertThat(result.failed()).isTrue();
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo(dir.resolve("templates/bibliography.ftlh").toAbsolutePath().toString());
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.message()).contains("nosuch");
      assertThat(d.hint()).get().asString().startsWith("check the name against the data the page gets");
    });
  }

  @Test
  void aSyntaxErrorInTheSharedLayoutIsReportedOnceAtTheLayout() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Files.createDirectories(dir.resolve("templates"));
    String layout = Files.readString(Path.of("templates/layout.ftlh")).replace("</body>", "<#if true>\n</body>");
    Files.writeString(dir.resolve("templates/layout.ftlh"), layout);
    Build.Result result = new Build().run(dir, new Theme(List.of(dir.resolve("templates"))));
    assertThat(result.failed()).isTrue();
    // Every page imports the layout; none of them is to blame.
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).singleElement().satisfies(d -> {
      assertThat(d.path()).isEqualTo(dir.resolve("templates/layout.ftlh").toAbsolutePath().toString());
      assertThat(d.message()).startsWith("template syntax: ");
      assertThat(d.hint()).get().asString().startsWith("fix the tag there");
    });
  }

  @Test
  void aCheckRendersEveryPageToFindTemplateErrorsAndKeepsNone() throws IOException {
    Path dir = dossier(index("It closed.[@bugle ¶1]"));
    Build.Result fine = new Build().check(dir, Theme.builtIn());
    assertThat(fine.failed()).isFalse();
    assertThat(fine.pages()).isEmpty();
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/source.ftlh"), "<p>${source.nosuch}</p>");
    Build.Result broken = new Build().check(dir, new Theme(List.of(dir.resolve("templates"))));
    assertThat(broken.diagnostics()).filteredOn(Diagnostic::isError).singleElement()
        .satisfies(d -> assertThat(d.path()).endsWith("templates/source.ftlh"));
    try (Stream<Path> files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("dossier");
    }
  }

  private static String page(Build.Result result, String path) {
    return result.pages().stream().filter(p -> p.path().equals(path)).findFirst()
        .map(p -> new String(p.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("no page " + path + "; " + headlines(result)));
  }

  /** A page's HTML without the anchors where quotes begin and the names of the quotes marks are part of. */
  static String unanchored(String html) {
    return html.replaceAll("<span class=\"quote-anchor\" id=\"[^\"]+\"></span>", "").replaceAll("<mark data-quotes=\"[^\"]+\">", "<mark>");
  }

  static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p));
      }
    }
    return files;
  }

}
