package dev.dossier.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexReaderTest {

  private final Diagnostics diagnostics = new Diagnostics();

  private Index read(String yaml) {
    return new IndexReader().read("index.yml", yaml, diagnostics);
  }

  private List<String> problems() {
    return diagnostics.sorted().stream().map(Diagnostic::headline).toList();
  }

  /** An index of comments alone is as empty as an empty one, and is said to be. */
  @Test
  void anIndexOfCommentsAloneIsSaidToListNothing() {
    for (String yaml : List.of("", "# sources: to come\n", "---\n# nothing yet\n...\n", "null\n")) {
      Diagnostics said = new Diagnostics();
      new IndexReader().read("index.yml", yaml, said);
      assertThat(said.sorted()).as(yaml).extracting(Diagnostic::headline)
          .containsExactly("index.yml: warning: the index lists no title, sources, topics or events, so the site will have none");
    }
  }

  /** A title, outlet, editor or name left blank would show as nothing where a reader expects words: it is an error at its place. */
  @Test
  void aBlankValueShownAsWrittenIsAnErrorAtItsPlace() {
    Index index = read("""
        title: ""
        editor: " "
        sources:
          - key: a
            file: a.txt
            title: ""
            outlet: ''
            authors: [~, "", Jane Doe]
        """);
    assertThat(problems()).containsExactly(
        "index.yml:1:8: error: \"title\" is empty",
        "index.yml:2:9: error: \"editor\" is empty",
        "index.yml:6:12: error: \"title\" is empty",
        "index.yml:7:13: error: \"outlet\" is empty",
        "index.yml:8:15: error: an item of authors is empty",
        "index.yml:8:18: error: an item of authors is empty");
    assertThat(index.title()).isEmpty();
    assertThat(index.sources().get(0).title()).isEmpty();
    assertThat(index.sources().get(0).authors()).contains(List.of("Jane Doe"));
  }

  /** A value cut short by what YAML reads as a comment is said so; a comment written as one is not. */
  @Test
  void aHashRightAfterAValueThatCutsItShortIsWorthAWarning() {
    Index index = read("""
        title: Leeds floods #1, November
        editor: The desk   # a comment, as comments are written
        sources:
          - key: a
            file: a.txt
            outlet: "Radio #1"
            title: Floods	#StandWithLeeds
            authors:
              - Ann Poe #2
          - key: b
            file: b.txt
            title: #1 Blinken visit
        topics:
          - id: t
            title: Sirens #2 in Kyiv
        """);
    assertThat(problems()).containsExactly(
        "index.yml:1:21: warning: the words from \"#1, November\" are a YAML comment, so title is only \"Leeds floods\"",
        "index.yml:7:19: warning: the words from \"#StandWithLeeds\" are a YAML comment, so title is only \"Floods\"",
        "index.yml:9:17: warning: the words from \"#2\" are a YAML comment, so each item of authors is only \"Ann Poe\"",
        "index.yml:12:12: warning: the words from \"#1 Blinken visit\" are a YAML comment, so title is empty",
        "index.yml:15:19: warning: the words from \"#2 in Kyiv\" are a YAML comment, so title is only \"Sirens\"");
    assertThat(diagnostics.sorted().get(0).hint()).hasValueSatisfying(h -> assertThat(h).endsWith("put the whole value in quotes: \"Leeds floods #1, November\""));
    assertThat(index.title()).contains("Leeds floods");
    assertThat(index.editor()).contains("The desk");
  }

  /**
   * One text of names is not a list of one author: "Jane Smith, John Doe" would be one, filed
   * under "Doe, Jane Smith, John". A name written family name first is warned about at its item;
   * a comma before a suffix is no inversion.
   */
  @Test
  void authorsAreAListOfNamesAsTheyArePrinted() {
    Index index = read("""
        sources:
          - key: a
            file: a.txt
            authors: "Jane Smith, John Doe"
          - key: b
            file: b.txt
            authors: ["Hansler, Jennifer", "Martin Luther King, Jr.", "King, Martin Luther, Jr.", Kylie Atwood]
          - key: d
            file: d.txt
            authors: ["John Smith, PhD", "Jane Roe, M.D.", "Ann Lee, CFA", "John Doe, Esq."]
          - key: c
            file: c.txt
            authors:
              - Smith, Jane, Doe, John
        """);
    assertThat(problems()).containsExactly(
        "index.yml:4:14: error: authors should be a list of names, not one text",
        "index.yml:7:15: warning: the author \"Hansler, Jennifer\" is written family name first",
        "index.yml:7:63: warning: the author \"King, Martin Luther, Jr.\" is written family name first",
        "index.yml:14:9: warning: the author \"Smith, Jane, Doe, John\" holds commas, as no name does as it is printed");
    assertThat(diagnostics.sorted()).extracting(d -> d.hint().orElseThrow()).containsExactly(
        "write each name as an item of a list, as it is printed: authors: [\"Jane Smith\", \"John Doe\"]",
        "write the name as it is printed, \"Jennifer Hansler\": pages show it as written, and the bibliography puts the family name first itself",
        "write the name as it is printed, \"Martin Luther King Jr.\": pages show it as written, and the bibliography puts the family name first itself",
        "write each author as an item of its own, each name as it is printed, such as \"Jennifer Hansler\"");
    assertThat(index.sources().get(0).authors()).isEmpty();
    assertThat(index.sources().get(1).authors()).contains(List.of("Hansler, Jennifer", "Martin Luther King, Jr.", "King, Martin Luther, Jr.", "Kylie Atwood"));
  }

  /**
   * YAML reads an unquoted {@code [Martin Luther King, Jr.]} as two authors, the second "Jr.":
   * the suffix is joined to the name before it, with a warning at the suffix that says to quote.
   */
  @Test
  void aSuffixSplitFromItsNameByYamlIsJoinedToIt() {
    Index index = read("""
        sources:
          - key: a
            file: a.txt
            authors: [Martin Luther King, Jr., Jane Doe, PhD, Kylie Atwood]
        """);
    assertThat(problems()).containsExactly(
        "index.yml:4:35: warning: \"Jr.\" is read as the end of the author before it, \"Martin Luther King, Jr.\"",
        "index.yml:4:50: warning: \"PhD\" is read as the end of the author before it, \"Jane Doe, PhD\"");
    assertThat(diagnostics.sorted().get(0).hint()).contains("quote the name so YAML reads it as one item: \"Martin Luther King, Jr.\"");
    assertThat(index.sources().get(0).authors()).contains(List.of("Martin Luther King, Jr.", "Jane Doe, PhD", "Kylie Atwood"));
  }

  /** An event's id is a key's kind of name, and each event's own. */
  @Test
  void anEventsIdIsCheckedAndUnique() {
    Index index = read("""
        events:
          - id: closure
            date: 2022-02-14
            title: Embassy closed
          - id: closure
            date: 2022-02-15
            title: Staff moved
          - id: Staff Moved
            date: 2022-02-15
            title: Staff moved
          - id: ""
            date: 2022-02-16
            title: Staff arrived
        """);
    assertThat(problems()).containsExactly(
        "index.yml:5:9: error: duplicate event id \"closure\" (first at line 2)",
        "index.yml:8:9: error: \"Staff Moved\" is not a valid event id",
        "index.yml:11:9: error: the event's id is empty");
    assertThat(index.events()).extracting(e -> e.id().map(Index.Ref::id))
        .containsExactly(Optional.of("closure"), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** "Jane Doe and John Roe" in one item is kept as one name, as "Ernst and Young" is, and is worth a word; a firm's is not. */
  @Test
  void anAuthorItemJoiningTwoPeopleIsWorthAWarning() {
    read("""
        sources:
          - key: a
            file: a.txt
            authors: ["Jane Doe and John Roe", "Ernst and Young", "Johnson & Johnson", "Alexandra Anderson"]
        """);
    assertThat(problems()).containsExactly(
        "index.yml:4:15: warning: the author \"Jane Doe and John Roe\" joins names with \"and\" or \"&\": it is kept as one name, as a firm's is");
    assertThat(diagnostics.sorted().get(0).hint()).contains("if they are people, write each as an item of its own, as the name is printed: [\"Jane Doe\", \"John Roe\"]");
  }

  /**
   * A ";" in an item joins names as no name does: kept whole, with a word. Two names of two
   * words or more around one comma may be two people or one name family name first: the hint
   * says both, never "John Roe Jane Doe" alone.
   */
  @Test
  void anAuthorItemJoiningNamesWithASemicolonOrACommaIsWorthAWarningThatSaysSo() {
    read("""
        sources:
          - key: a
            file: a.txt
            authors: ["Jane Doe; John Roe", "Jane Doe, John Roe", "Hansler, Jennifer", "Doe, Jane; Roe, John", "Jane Doe;", "JANE DOE AND JOHN ROE", "Jane Doe, John Roe; Ann Lee"]
        """);
    assertThat(problems()).containsExactly(
        "index.yml:4:15: warning: the author \"Jane Doe; John Roe\" joins names with \";\": it is kept as one name, as a firm's is",
        "index.yml:4:37: warning: the author \"Jane Doe, John Roe\" is written family name first, or holds two names",
        "index.yml:4:59: warning: the author \"Hansler, Jennifer\" is written family name first",
        "index.yml:4:80: warning: the author \"Doe, Jane; Roe, John\" joins names with \";\": it is kept as one name, as a firm's is",
        "index.yml:4:104: warning: the author \"Jane Doe;\" joins names with \";\": it is kept as one name, as a firm's is",
        "index.yml:4:117: warning: the author \"JANE DOE AND JOHN ROE\" joins names with \"and\" or \"&\": it is kept as one name, as a firm's is",
        "index.yml:4:142: warning: the author \"Jane Doe, John Roe; Ann Lee\" joins names with \";\": it is kept as one name, as a firm's is");
    assertThat(diagnostics.sorted()).extracting(d -> d.hint().orElseThrow()).containsExactly(
        "if they are people, write each as an item of its own, as the name is printed: [\"Jane Doe\", \"John Roe\"]",
        "if they are two people, write each as an item of its own: [\"Jane Doe\", \"John Roe\"]; if it is one name, write it as it is printed, \"John Roe Jane Doe\"",
        "write the name as it is printed, \"Jennifer Hansler\": pages show it as written, and the bibliography puts the family name first itself",
        "if they are people, write each as an item of its own, as the name is printed: [\"Jane Doe\", \"John Roe\"]",
        "write the name without the \";\": \"Jane Doe\"",
        "if they are people, write each as an item of its own, as the name is printed: [\"JANE DOE\", \"JOHN ROE\"]",
        "if they are people, write each as an item of its own, as the name is printed: [\"Jane Doe\", \"John Roe\", \"Ann Lee\"]");
    assertThat(dev.dossier.model.PersonName.of("Jane Doe; John Roe").given()).as("kept whole, not cut at a comma it lacks").isEmpty();
  }

  /** A list left to a comment ("topics: #ukraine") is no list at all, and is said so. */
  @Test
  void aListThatIsAllCommentIsWorthAWarning() {
    read("sources:\n  - key: a\n    file: a.txt\n    topics: #ukraine #russia\n");
    assertThat(problems()).containsExactly(
        "index.yml:4:13: warning: the words from \"#ukraine #russia\" are a YAML comment, so topics is empty");
  }

  /** title_supplied says the editors supplied the title: with none given, or one left empty, nobody did. */
  @Test
  void titleSuppliedWithNoTitleIsWorthAWarningHoweverTheTitleIsLeftOut() {
    for (String title : List.of("", "    title:\n", "    title: ~\n")) {
      Diagnostics said = new Diagnostics();
      new IndexReader().read("index.yml", "sources:\n  - key: a\n    file: a.txt\n" + title + "    title_supplied: true\n", said);
      assertThat(said.sorted()).as(title).extracting(Diagnostic::headline).singleElement().asString()
          .contains("warning: title_supplied: true, but no title is given");
    }
    Diagnostics said = new Diagnostics();
    new IndexReader().read("index.yml", "sources:\n  - key: a\n    file: a.txt\n    title: Floods\n    title_supplied: true\n", said);
    assertThat(said.sorted()).isEmpty();
  }

  /** The quick look at a URL's characters only ever takes what parsing it would take. */
  @Test
  void aUrlTakenWithoutParsingIsOneTheParserTakes() {
    List<String> plain = List.of(
        "https://edition.cnn.com/2022/02/14/politics/us-embassy-kyiv-ukraine/index.html",
        "http://example.org", "https://example.org/", "https://a-b.example/x?y=1&z=2#frag", "https://x.example/%E2%80%94/~me;v=1:2@3$,+",
        "https://localhost/path", "https://www.buzzfeednews.com/article/x-y?utm_source=a.b#p-3");
    List<String> others = List.of(
        "", "https://", "https:///x", "ftp://example.org/", "HTTPS://example.org/", "https://-a.example/", "https://a-.example/",
        "https://a..example/", "https://example.org./", "https://192.168.0.1/", "https://example.123/", "https://example.org:8080/",
        "https://user@example.org/", "https://[::1]/", "https://exa mple.org/", "https://example.org/a b", "https://example.org/%zz",
        "https://example.org/%2", "https://example.org/a#b#c", "https://example.org/a#b?c", "https://example.org/a?b?c",
        "https://example.org/ü", "https://exämple.org/", "https://example.org/\"q\"", "https://example.org/<x>", "https://example.org/a|b",
        "https://example.org/(a)", "https://example.org/a!b", "https://example.org/[x]", "https://example.org/a^b");
    for (String url : plain) {
      assertThat(IndexReader.plainHttpUrl(url)).as(url).isTrue();
    }
    for (String url : others) {
      assertThat(IndexReader.plainHttpUrl(url)).as(url).isFalse();
    }
    for (String url : concat(plain, others)) {
      if (IndexReader.plainHttpUrl(url)) {
        java.net.URI uri = java.net.URI.create(url);
        assertThat(uri.getScheme()).as(url).isIn("http", "https");
        assertThat(uri.getHost()).as(url).isNotNull();
      }
    }
  }

  /** The same, over many addresses made at random from the characters that matter. */
  @Test
  void noRandomUrlTakenWithoutParsingIsOneTheParserRefuses() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "ab9Z-._~/?#%:@[]!$&'()*+,;= \"<>^`{|}ü.1eF";
    int taken = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "http://");
      for (int j = random.nextInt(16); j > 0; j--) {
        url.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String u = url.toString();
      if (IndexReader.plainHttpUrl(u)) {
        taken++;
        java.net.URI uri = java.net.URI.create(u);
        assertThat(uri.getHost()).as(u).isNotNull();
      }
    }
    assertThat(taken).as("some were taken").isGreaterThan(100);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void readsAWellFormedIndex() {
    Index index = read("""
        title: "Kyiv, winter 2022"
        language: en
        sources:
          - key: cnn-2022-02-14
            file: 001.txt
            title: "US closes embassy"
            title_supplied: true
            authors: []
            published: ~2022-02-14
            url: null
            reproduce: excerpts
            topics: [lviv]
        topics:
          - id: lviv
            title: The move to Lviv
            summary: |
              The embassy moved.[@cnn-2022-02-14 ¶1]
        events:
          - date: 2022-02-14
            title: Embassy closed
            topics: [lviv]
            text: Closed.[@cnn-2022-02-14 ¶1]
        """);
    assertThat(problems()).isEmpty();
    assertThat(index.title()).contains("Kyiv, winter 2022");
    Index.SourceEntry source = index.sources().get(0);
    assertThat(source.key()).isEqualTo("cnn-2022-02-14");
    assertThat(source.titleSupplied()).isTrue();
    assertThat(source.authors()).contains(List.of());
    assertThat(source.published().orElseThrow().approximate()).isTrue();
    assertThat(source.url()).isEmpty();
    assertThat(source.reproduce()).isEqualTo(dev.dossier.model.Reproduce.EXCERPTS);
    assertThat(source.topics()).extracting(Index.Ref::id).containsExactly("lviv");
    assertThat(source.fileAt()).isEqualTo(new Position("index.yml", 5, 11));
    assertThat(index.events().get(0).date().orElseThrow().machine()).isEqualTo("2022-02-14");
  }

  @Test
  void unknownKeysAreErrorsWithASuggestion() {
    read("""
        title: x
        sources:
          - key: a
            file: a.txt
            titel: oops
        """);
    assertThat(problems()).containsExactly("index.yml:5:5: error: unknown key \"titel\" in a source");
    assertThat(diagnostics.sorted().get(0).hint()).hasValueSatisfying(h -> assertThat(h).startsWith("did you mean \"title\"?"));
  }

  @Test
  void theBibliographysKeyIsNoSourcesKey() {
    read("""
        title: x
        sources:
          - key: index
            file: index.html
        """);
    assertThat(problems()).containsExactly("index.yml:3:10: error: the source key \"index\" is taken: sources/index.html is the bibliography");
    assertThat(diagnostics.sorted().get(0).hint()).contains("choose another key, e.g. \"index-source\"");
  }

  @Test
  void aFileIsNamedAsTheFolderListsIt() {
    Index index = read("""
        title: x
        sources:
          - key: a
            file: ./a.txt
          - key: b
            file: notes/../b.txt
          - key: c
            file: notes//./c.txt
          - key: d
            file: notes/../../d.txt
        """);
    assertThat(index.sources()).extracting(Index.SourceEntry::file).containsExactly("a.txt", "b.txt", "notes/c.txt", "../d.txt");
    assertThat(problems()).containsExactly("index.yml:10:11: error: \"notes/../../d.txt\" points outside the dossier folder; it was not read");
  }

  /** SnakeYAML refuses a document over 3 MiB unless told otherwise; 10,000 sources take 2.6 MB. */
  @Test
  void anIndexOfManyMegabytesIsRead() {
    StringBuilder big = new StringBuilder("title: Big\nsources:\n");
    for (int i = 0; i < 30_000; i++) {
      big.append("  - key: source-").append(i).append("\n    file: articles/a").append(i).append(".md\n    url: https://example.org/2022/02/14/a-long-enough-address-").append(i).append("\n");
    }
    assertThat(big.length()).as("more than 3 MiB").isGreaterThan(3 << 20);
    Index index = read(big.toString());
    assertThat(problems()).isEmpty();
    assertThat(index.sources()).hasSize(30_000);
    assertThat(index.sources().get(29_999).fileAt()).isEqualTo(new dev.dossier.diag.Position("index.yml", 90_001, 11));
  }

  @Test
  void aPathThatLeavesTheFolderIsRefusedWhateverItsForm() {
    assertThat(java.util.List.of("a.txt", "notes/a.txt", "a..b.txt", "...txt", ".hidden/a.txt", "notes/./a.txt", "notes/../a.txt", "notes/"))
        .allMatch(IndexReader::staysInside);
    assertThat(java.util.List.of("../a.txt", "..", "/etc/passwd", "C:/a.txt", "c:a.txt", "notes/../../a.txt", "..\\a.txt", "notes\\..\\..\\a.txt"))
        .noneMatch(IndexReader::staysInside);
    assertThat(java.util.List.of("a..b.txt", "notes/", "./.hidden", "a//b", ".", "..")).map(IndexReader::normalFile)
        .containsExactly("a..b.txt", "notes", ".hidden", "a/b", ".", "..");
  }

  @Test
  void aBaseUrlIsTheFolderAloneWithoutQueryOrFragment() {
    read("""
        title: x
        base_url: https://example.org/kyiv/#top
        """);
    assertThat(problems()).containsExactly(
        "index.yml:2:11: error: base_url \"https://example.org/kyiv/#top\" has a fragment (#…), which would end up in the middle of every page's address");
  }

  @Test
  void wrongTypesMissingKeysAndBadDatesAreAllReported() {
    read("""
        title: [not, text]
        sources:
          - file: a.txt
          - key: Bad Key
            file: ../outside.txt
        events:
          - date: 2023-02-30
            title: Impossible
          - date: 2023-13-45
            title: Also impossible
        topics:
          - title: Nameless
        """);
    assertThat(problems()).containsExactly(
        "index.yml:1:8: error: title should be text, not a list",
        "index.yml:3:5: error: a source needs a \"key\"",
        "index.yml:4:10: error: \"Bad Key\" is not a valid source key",
        "index.yml:5:11: error: \"../outside.txt\" points outside the dossier folder; it was not read",
        "index.yml:7:11: error: bad date: \"2023-02-30\" does not exist: February 2023 has 28 days",
        "index.yml:9:11: error: bad date: \"2023-13-45\" has no month 13; months run from 01 to 12",
        "index.yml:12:5: error: a topic needs an \"id\"");
  }

  @Test
  void anAbsoluteFilePathIsSaidToBeOneEvenInsideTheFolder() {
    read("sources:\n  - {key: a, file: /home/me/dossier/a.txt}\n  - {key: b, file: 'C:\\dossier\\b.txt'}\n");
    assertThat(problems()).containsExactly(
        "index.yml:2:20: error: \"/home/me/dossier/a.txt\" is an absolute path; it was not read",
        "index.yml:3:20: error: \"C:\\dossier\\b.txt\" is an absolute path; it was not read");
    assertThat(diagnostics.sorted().get(0).hint()).hasValue("give the path relative to the index's folder, e.g. \"a.txt\"");
  }

  @Test
  void duplicateKeysAndIdsAreErrors() {
    read("""
        sources:
          - {key: a, file: a.txt}
          - {key: a, file: b.txt}
        topics:
          - {id: t, title: T}
          - {id: t, title: T again}
        title: x
        title: y
        """);
    assertThat(problems()).containsExactly(
        "index.yml:3:5: error: duplicate source key \"a\" (first at line 2)",
        "index.yml:6:10: error: duplicate topic id \"t\" (first at line 5)",
        "index.yml:8:1: error: duplicate key \"title\" in the index (first at line 7)");
  }

  /**
   * An event whose "- " was forgotten reads as the keys of the one before it, again: each is a
   * duplicate, and the help says where the next event would begin, rather than only to remove
   * one of the two, which would delete an event.
   */
  @Test
  void keysThatStartAgainInAnEntrySayAnotherMayBeginThere() {
    read("""
        events:
          - date: 2022-02-13
            title: Staff told to leave
            text: x
            date: 2022-02-14
            title: Embassy closed
            text: y
        title: x
        title: y
        """);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline() + " | " + d.hint().orElse("")).containsExactly(
        "index.yml:5:5: error: duplicate key \"date\" in an event (first at line 2) | if another event begins on line 5, write \"- \" just"
            + " before its key there, in place of two spaces, as each one's first line has it; if not, remove one of the two",
        "index.yml:6:5: error: duplicate key \"title\" in an event (first at line 3) | if another event begins on line 5, write \"- \" just"
            + " before its key there, in place of two spaces, as each one's first line has it; if not, remove one of the two",
        "index.yml:7:5: error: duplicate key \"text\" in an event (first at line 4) | if another event begins on line 5, write \"- \" just"
            + " before its key there, in place of two spaces, as each one's first line has it; if not, remove one of the two",
        "index.yml:9:1: error: duplicate key \"title\" in the index (first at line 8) | remove one of the two");
  }

  /**
   * The first entry of a list without its "- " reads as a mapping, and the parser stumbles only
   * on the next entry: the error names the first, where the dash is missing.
   */
  @Test
  void aFirstEntryWithoutItsDashIsNamedWhereItIs() {
    read("""
        title: x
        sources:
        # the reports
            key: a
            file: a.txt
          - key: b
            file: b.txt
        """);
    assertThat(diagnostics.sorted()).extracting(d -> d.headline() + " | " + d.hint().orElse("")).containsExactly(
        "index.yml:4:5: error: YAML syntax: the first entry of this list has no \"- \" before it, so the entries after it do not read as a list"
            + " | write \"- \" just before its key here, in place of two spaces, as the entries below it have");
  }

  @Test
  void twoSourcesOfOneFileAreWorthAWarning() {
    Index index = read("""
        title: x
        sources:
          - {key: a, file: a.txt}
          - {key: b, file: a.txt}
        """);
    assertThat(index.sources()).hasSize(2);
    assertThat(problems()).containsExactly(
        "index.yml:4:20: warning: the file \"a.txt\" is already the source \"a\" (line 3), so it would be published twice");
  }

  @Test
  void theLanguageMustBeATagNotAName() {
    assertThat(read("title: x\nlanguage: en-GB\n").language()).contains("en-GB");
    assertThat(problems()).isEmpty();
    assertThat(read("title: x\nlanguage: English\n").language()).isEmpty();
    assertThat(problems()).containsExactly("index.yml:2:11: error: language \"English\" is not a language tag");
  }

  @Test
  void commonYamlMistakesAreSaidInPlainWordsAtTheirPlace() {
    String[][] cases = {
      {"title: \"unclosed\nsources:\n", "index.yml:1:8: error: YAML syntax: the quoted text that starts here is never closed"},
      {"title: x\nsources:\n  - key: a\n   file: a.txt\n", "index.yml:4:4: error: YAML syntax: this line is not indented like the lines of the entry above it"},
      {"title: x\n\tsources: []\n", "index.yml:2:1: error: YAML syntax: a tab is used to indent"},
      {"title: x\nevents:\n  - date: 2022\n    title: y\n    text: |\n\t  Shops reopened.\n",
       "index.yml:6:1: error: YAML syntax: a tab is used to indent the text of a block (key: |)"},
      {"title: x\nsources:\n  - key: a\n     file: a.txt\n",
       "index.yml:4:10: error: YAML syntax: a colon and a space make this line read as a key, inside the value above it"},
      {"description: The embassy\n  Note: staff left\n",
       "index.yml:2:7: error: YAML syntax: a colon and a space make this line read as a key, inside the value above it"},
      {"title: Kyiv: the embassy\n", "index.yml:1:12: error: YAML syntax: a colon and a space inside a value make it look like a key"},
      {"title: [a, b\n", "index.yml:1:8: error: YAML syntax: the list that starts here with [ is not closed"},
      {"topics: [\"a\" \"b\"]\n", "index.yml:1:14: error: YAML syntax: the items of a list need a comma between them"},
      {"title: 'it's'\n", "index.yml:1:12: error: YAML syntax: a ' inside the quoted value ends it early"},
      {"title: \"Biden says \"no\" to talks\"\n", "index.yml:1:21: error: YAML syntax: a \" inside the quoted value ends it early"},
      {"title: [Updated] Kyiv embassy\n", "index.yml:1:18: error: YAML syntax: a value that starts with [ is read as a list"},
      {"title: \"Kyiv\neditor: \"Jane\"\n", "index.yml:1:8: error: YAML syntax: the quoted text that starts here is not closed on its line"},
      {"title: x\nsources:\n  - key: a\n    title: 'Test source\n    file: a.txt\n  - key: b\n    title: 'T'\n",
       "index.yml:4:12: error: YAML syntax: the quoted text that starts here is not closed on its line"},
      // Closed by the next quotation mark, which opens a later line's quoted value.
      {"title: \"Ever Given refloated\npublished: 2021-03-29\nauthors: [\"Ahmed Hassan\"]\n",
       "index.yml:1:8: error: YAML syntax: the quoted text that starts here is not closed on its line"},
      {"title:\tplain\n", "index.yml:1:7: error: YAML syntax: a tab follows the colon"},
      {"title: x\nsources:\n  - key: a\n    title:\"Bridge reopens\"\n    file: a.txt\n",
       "index.yml:4:11: error: YAML syntax: no space after the colon of \"title:\", so it does not read as a key"},
      {"title: x\nauthors: [Jane Doe, John Roe\npublished: 2022-02-14\n", "index.yml:2:10: error: YAML syntax: the list that starts here with [ is not closed"},
      {"title: x\nsources: []\n---\ntitle: y\n", "index.yml:3:1: error: a second YAML document starts here, but the index is one document"},
      {"---\ntitle: x\n...\n--- # draft\ntitle: y\n", "index.yml:4:1: error: a second YAML document starts here, but the index is one document"},
    };
    for (String[] c : cases) {
      Diagnostics said = new Diagnostics();
      new IndexReader().read("index.yml", c[0], said);
      assertThat(said.sorted()).as(c[0]).singleElement().satisfies(d -> {
        assertThat(d.headline()).isEqualTo(c[1]);
        assertThat(d.hint()).isPresent();
      });
    }
  }

  /** An address on a line of its own is not a key missing the space after its colon ("https: //…" is no fix). */
  @Test
  void anAddressAloneOnALineIsNotTakenForAKey() {
    read("title: x\nsources:\n  - key: a\n    title: A\n    https://example.com/a\n    outlet: X\n");
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).startsWith("index.yml:5:5: error: YAML syntax:").doesNotContain("no space after the colon");
      assertThat(d.hint()).get().asString().doesNotContain("https: ");
    });
  }

  @Test
  void yamlSyntaxErrorsHaveAPosition() {
    read("title: \"unclosed\nsources: [\n");
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("YAML syntax:");
      assertThat(d.line()).isPositive();
    });
  }

  @Test
  void markdownInABlockScalarKnowsWhereEachCharacterIs() {
    String yaml = """
        topics:
          - id: t
            title: T
            summary: |
              First line.
              Second line [@cnn ¶1].
        """;
    MarkdownText summary = read(yaml).topics().get(0).summary().orElseThrow();
    int offset = summary.text().indexOf("@cnn");
    assertThat(summary.position(offset)).isEqualTo(new Position("index.yml", 6, 20));
    assertThat(yaml.split("\n")[5].substring(19)).startsWith("@cnn");
  }

  @Test
  void aCitationInATitleIsWarnedAboutNotPublishedUnchecked() {
    read("""
        title: Floods [@gazette ¶1]
        sources:
          - {key: gazette, file: a.txt, title: "River [@herald \\"peaked\\"]", outlet: "Gazette [@x]"}
        topics:
          - {id: t, title: "Levee [@gazette ¶96 \\"nope\\"] held"}
        events:
          - {date: 2023-03-05, title: "Peak [@gazette ¶97]", text: "x"}
          - {date: 2023-03-06, title: "Mail [@home office] and [@a, b)", text: "x"}
        """);
    assertThat(problems()).containsExactly(
        "index.yml:1:8: warning: this is plain text, not Markdown: the citation [@gazette ¶1] in it would be shown as written and never checked",
        "index.yml:3:40: warning: this is plain text, not Markdown: the citation [@herald \"peaked\"] in it would be shown as written and never checked",
        "index.yml:3:78: warning: this is plain text, not Markdown: the citation [@x] in it would be shown as written and never checked",
        "index.yml:5:20: warning: this is plain text, not Markdown: the citation [@gazette ¶96 \"nope\"] in it would be shown as written and never checked",
        "index.yml:7:31: warning: this is plain text, not Markdown: the citation [@gazette ¶97] in it would be shown as written and never checked");
    assertThat(diagnostics.sorted().get(3).hint()).hasValue("keep the words plain; cite in the topic's summary: instead");
  }

  @Test
  void columnsCountAnEmojiAsOneCharacter() {
    String yaml = """
        events:
          - {date: 2022-02-10, title: "\uD83D\uDE00\uD83D\uDE00", text: "\uD83D\uDE00 x [@cnn ¶99]."}
          - date: 2022-02-11
            title: t
            text: |
              \uD83D\uDE00 y [@cnn ¶98].
        """;
    List<Index.EventEntry> events = read(yaml).events();
    MarkdownText flow = events.get(0).text().orElseThrow();
    // Line 2: "  - {date: 2022-02-10, title: \"😀😀\", text: \"😀 x [@cnn": the @ is the 49th character (53rd UTF-16 unit).
    assertThat(flow.position(flow.text().indexOf("@cnn"))).isEqualTo(new Position("index.yml", 2, 49));
    MarkdownText block = events.get(1).text().orElseThrow();
    assertThat(block.position(block.text().indexOf("@cnn"))).isEqualTo(new Position("index.yml", 6, 12));
  }

  @Test
  void markdownInAPlainScalarToo() {
    MarkdownText text = read("events:\n  - {date: 2022, title: x, text: \"Said so [@cnn].\"}\n").events().get(0).text().orElseThrow();
    assertThat(text.position(text.text().indexOf("@cnn"))).isEqualTo(new Position("index.yml", 2, 44));
  }
}
