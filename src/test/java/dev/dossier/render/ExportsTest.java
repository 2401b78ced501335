package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data files beside the site, as the programs that read them take them. */
class ExportsTest {

  @TempDir Path tmp;

  @Test
  void timelineJsHeadlinesAreTextThoughTimelineJsShowsThemAsHtml() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("gazette.txt"), "Published: 2023-03-10\n\nThe river peaked on Sunday.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: "Floods & <em>levees</em>"
        sources:
          - key: gazette
            file: gazette.txt
        events:
          - date: 2023-03-05
            title: "Q&A: why the <b>river</b> rose"
            text: The river peaked.[@gazette ¶1]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    byte[] json = result.pages().stream().filter(p -> p.path().equals("timeline.json")).findFirst().orElseThrow().bytes();
    // The dossier's title, then the event's.
    assertThat(headlines(json)).containsExactly("Floods &amp; &lt;em&gt;levees&lt;/em&gt;", "Q&amp;A: why the &lt;b&gt;river&lt;/b&gt; rose");
  }

  /**
   * What reference managers import: a lone brace in a title would run BibTeX's fields and entries
   * together, a URL is verbatim (no LaTeX escapes), a firm's name joined with "and" or "&" is one
   * name (in BibTeX "and" parts authors), and TimelineJS shows a group's label as HTML.
   */
  @Test
  void bibtexStaysBalancedAndVerbatimWhereItMustAndFirmsStayWhole() throws IOException {
    Build.Result result = built("""
        title: Floods
        topics:
          - id: river
            title: "Rivers & <b>levees</b>"
        sources:
          - key: gazette
            file: gazette.txt
            title: "Open { only here"
            outlet: "Gazette }"
            authors: ["Ernst and Young", "Johnson & Johnson", "Jane Doe", "Metin And", "Ernst And Young"]
            url: "https://example.com/a?b=1&c=2%20x#frag"
        events:
          - date: 2023-03-05
            title: The river peaked
            topics: [river]
            text: The river peaked.[@gazette ¶1]
        """);
    String bib = page(result, "sources.bib");
    assertThat(bib).contains("title = {{Open \\textbraceleft{} only here}},", "journal = {Gazette \\textbraceright{}},",
        "author = {{Ernst and Young} and {Johnson \\& Johnson} and Doe, Jane and {And}, Metin and {Ernst And Young}},", "url = {https://example.com/a?b=1&c=2%20x#frag},");
    // Every entry's braces balance, escaped or not, as BibTeX counts them.
    assertThat(bib.chars().filter(c -> c == '{').count()).isEqualTo(bib.chars().filter(c -> c == '}').count());
    assertThat(page(result, "sources.json").replaceAll("\\s", "")).contains("\"author\":[{\"literal\":\"ErnstandYoung\"},{\"literal\":\"Johnson&Johnson\"}",
        // "And" with a capital is the Turkish surname, not a firm's "and".
        "{\"family\":\"And\",\"given\":\"Metin\"}");
    assertThat(page(result, "timeline.json")).contains("\"group\" : \"Rivers &amp; &lt;b&gt;levees&lt;/b&gt;\"");
  }

  /** An approximate range and a range of days keep what they are in the citation exports and the bibliography. */
  @Test
  void rangesOfDaysKeepBothEndsAndTheirDoubtInTheExports() throws IOException {
    Path dir = dossier("herald.txt", "The levee held.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: Floods
        sources:
          - key: gazette
            file: gazette.txt
            title: River peaks
            published: ~2023-03-06/2023-03-09
          - key: herald
            file: herald.txt
            title: Levee holds
            published: 2023-03-30/2023-04-02
        events:
          - date: ~2023-03-05/2023-03-08
            title: The river peaked
            text: The river peaked.[@gazette ¶1] The levee held.[@herald ¶1]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    String bib = page(result, "sources.bib");
    assertThat(bib).contains("date = {2023-03-06~/2023-03-09~}").contains("date = {2023-03-30/2023-04-02}");
    String csl = page(result, "sources.json").replaceAll("\\s", "");
    assertThat(csl).contains("\"issued\":{\"date-parts\":[[2023,3,6],[2023,3,9]],\"circa\":true}")
        .contains("\"issued\":{\"date-parts\":[[2023,3,30],[2023,4,2]]}");
    String bibliography = org.jsoup.Jsoup.parse(page(result, "sources/index.html")).text();
    assertThat(bibliography).contains("c. 6–9 March 2023").contains("30 March – 2 April 2023").doesNotContain("n.d.");
    String timeline = page(result, "timeline.html");
    assertThat(org.jsoup.Jsoup.parse(timeline).select("time.approximate.range").eachText()).containsExactly("c. 5–8 March 2023", "c. 6–9 March 2023");
    assertThat(org.jsoup.Jsoup.parse(timeline).selectFirst("time.range").attr("title")).isEqualTo("approximate date, between 2023-03-05 and 2023-03-08");
    assertThat(page(result, "timeline.json")).contains("\"display_date\" : \"c. 5–8 March 2023\"");
  }

  /** A source with no outlet is referred to by its title; a short title keeps those references short. */
  @Test
  void aShortTitleNamesASourceWithNoOutletInReferencesAndIsExported() throws IOException {
    Path dir = dossier("herald.txt", "The levee held.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: Floods
        sources:
          - key: gazette
            file: gazette.txt
            title: The river peaked at a record height on the night of the storm
            title_supplied: true
            short_title: River peaked
            published: 2023-03-05
          - key: herald
            file: herald.txt
            title: Levee holds as the water falls
            published: 2023-03-06
        events:
          - date: 2023-03-05
            title: The river peaked
            text: The river peaked.[@gazette ¶1] The levee held.[@herald ¶1]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    org.jsoup.nodes.Document timeline = org.jsoup.Jsoup.parse(page(result, "timeline.html"));
    assertThat(timeline.select(".references li a.note-target").eachText())
        .containsExactly("[River peaked], 5 March 2023, ¶1", "Levee holds as the water falls, 6 March 2023, ¶1");
    // The bibliography and the source's page keep the whole title.
    assertThat(org.jsoup.Jsoup.parse(page(result, "sources/index.html")).select(".entry").text())
        .contains("[The river peaked at a record height on the night of the storm].");
    assertThat(page(result, "sources.json").replaceAll("\\s", "")).contains("\"title-short\":\"[Riverpeaked]\"");
    assertThat(page(result, "sources.bib")).contains("shorttitle = {{[River peaked]}},");
    assertThat(page(result, "dossier.json")).contains("\"short_title\" : \"River peaked\"");
  }

  /**
   * The exports put the family name first themselves: a suffix stays a suffix ("King, Jr.,
   * Martin Luther" in BibTeX, not family "Jr."), and a name written family name first is not
   * inverted a second time ("Jennifer, Hansler,").
   */
  @Test
  void namesWithASuffixOrWrittenFamilyNameFirstAreExportedInTheirParts() throws IOException {
    Build.Result result = built("""
        title: Floods
        sources:
          - key: gazette
            file: gazette.txt
            title: River peaks
            authors: ["Martin Luther King Jr.", "Hansler, Jennifer", Reuters]
        events:
          - date: 2023-03-05
            title: The river peaked
            text: The river peaked.[@gazette ¶1]
        """);
    assertThat(page(result, "sources.bib")).contains("author = {King, Jr., Martin Luther and Hansler, Jennifer and {Reuters}},");
    assertThat(page(result, "sources.json").replaceAll("\\s", "")).contains(
        "\"author\":[{\"family\":\"King\",\"given\":\"MartinLuther\",\"suffix\":\"Jr.\"},{\"family\":\"Hansler\",\"given\":\"Jennifer\"},{\"literal\":\"Reuters\"}]");
    assertThat(org.jsoup.Jsoup.parse(page(result, "sources/index.html")).select(".entry").text())
        .startsWith("King, Martin Luther, Jr., Jennifer Hansler, and Reuters. “River peaks.”");
  }

  /**
   * Only the first author is inverted; the others read as their names are printed, so "Hansler,
   * Jennifer" is not read as two people. A credential after a name ("PhD", "M.D.", "CFA") is kept
   * as a suffix is, not taken for a given name written after the family name.
   */
  @Test
  void laterAuthorsReadAsPrintedAndACredentialIsASuffix() throws IOException {
    Build.Result result = built("""
        title: Floods
        sources:
          - key: gazette
            file: gazette.txt
            title: River peaks
            authors: ["John Doe", "Hansler, Jennifer", "Martin Luther King Jr."]
          - key: report
            file: gazette.txt
            title: Flood report
            authors: ["John Smith, PhD", "Jane Roe, M.D.", "Ann Lee, CFA"]
        events:
          - date: 2023-03-05
            title: The river peaked
            text: The river peaked.[@gazette ¶1][@report ¶1]
        """);
    assertThat(org.jsoup.Jsoup.parse(page(result, "sources/index.html")).select(".entry").eachText()).anySatisfy(
        e -> assertThat(e).startsWith("Doe, John, Jennifer Hansler, and Martin Luther King Jr. “River peaks.”"))
        .anySatisfy(e -> assertThat(e).startsWith("Smith, John, PhD, Jane Roe, M.D., and Ann Lee, CFA. “Flood report.”"));
    assertThat(page(result, "sources.bib"))
        .contains("author = {Doe, John and Hansler, Jennifer and King, Jr., Martin Luther},")
        .contains("author = {Smith, PhD, John and Roe, M.D., Jane and Lee, CFA, Ann},");
    assertThat(page(result, "sources.json").replaceAll("\\s", "")).contains(
        "\"author\":[{\"family\":\"Smith\",\"given\":\"John\",\"suffix\":\"PhD\"},{\"family\":\"Roe\",\"given\":\"Jane\","
            + "\"suffix\":\"M.D.\"},{\"family\":\"Lee\",\"given\":\"Ann\",\"suffix\":\"CFA\"}]");
  }

  /** Chicago's "n.d." brings its own full stop: the reference does not add a second. */
  @Test
  void anUndatedSourcesReferenceEndsItsDateWithOneFullStop() throws IOException {
    Build.Result result = built("""
        title: Floods
        sources:
          - key: gazette
            file: gazette.txt
            title: River peaks
        events:
          - date: 2023-03-05
            title: The river peaked
            text: The river peaked.[@gazette ¶1]
        """);
    for (String path : List.of("sources/index.html", "sources/gazette.html")) {
      assertThat(org.jsoup.Jsoup.parse(page(result, path)).text()).as(path).contains("“River peaks.” n.d.").doesNotContain("n.d..");
    }
    // The bibliography's note explains "n.d." here, and not in the dated dossier above, where nothing uses it;
    // nor does it speak of square brackets where no title was supplied.
    assertThat(org.jsoup.Jsoup.parse(page(result, "sources/index.html")).selectFirst("p.lede").text())
        .isEqualTo("Every source of this dossier, cited in the Chicago Manual of Style’s bibliography form. “n.d.” means no date is known.");
  }

  /** A dossier folder holding gazette.txt, one paragraph, and the other files named, each followed by its text. */
  /** The dossier of the gazette with this index, built, and built without an error. */
  private Build.Result built(String index) throws IOException {
    Path dir = dossier();
    Files.writeString(dir.resolve("index.yml"), index);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    return result;
  }

  private Path dossier(String... namesAndTexts) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("gazette.txt"), "The river peaked on Sunday.\n");
    for (int i = 0; i < namesAndTexts.length; i += 2) {
      Files.writeString(dir.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
    }
    return dir;
  }

  private static String page(Build.Result result, String path) {
    return new String(result.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().bytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * dossier.json is written a source at a time, each source's JSON a piece the next build copies
   * from the last file when the source's data have its fingerprint: what it writes is Jackson's
   * JSON of the whole model, whether it copies pieces or makes them.
   */
  @Test
  void dossierJsonCopiesTheLastFilesPieceForASourceWhoseDataAreTheSame() throws IOException {
    dossierJsonCopiesPieces(java.util.Map.of());
  }

  /** The same, each source's text standing in the fingerprint as its document's cache key, as in a build with the cache. */
  @Test
  void dossierJsonCopiesPiecesFingerprintedByTheirDocumentsKeys() throws IOException {
    dossierJsonCopiesPieces(java.util.Map.of("gazette.txt", "key-of-the-gazette", "herald.txt", "key-of-the-herald"));
  }

  private void dossierJsonCopiesPieces(java.util.Map<String, String> documentKeys) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("gazette.txt"), "Published: 2023-03-10\n\nThe river peaked on Sunday.\n");
    Files.writeString(dir.resolve("herald.txt"), "Published: 2023-03-11\n\nThe levee held </script> all night.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: Floods
        description: The river rose.[@gazette ¶1 "river peaked"]
        sources:
          - key: gazette
            file: gazette.txt
          - key: herald
            file: herald.txt
            published: ~2023-03-11
            published_note: A day after the peak.[@gazette ¶1]
        events:
          - date: 2023-03-05
            title: The peak
            text: The river peaked.[@gazette ¶1]
        """);
    dev.dossier.model.Dossier dossier = new Build().run(dir, Theme.builtIn()).dossier().orElseThrow();
    Backlinks backlinks = new Backlinks(dossier);
    List<PageSink.Piece> recorded = new ArrayList<>();
    PageSink first = new RememberingSink() {
      @Override
      public void pieces(String path, List<PageSink.Piece> pieces) {
        recorded.addAll(pieces);
      }
    };
    String written = write(new Exports(dossier, backlinks, first, documentKeys));
    assertThat(written).isEqualTo(Json.pretty(new Exports(dossier, backlinks).model()));
    assertThat(recorded).hasSize(2);
    byte[] bytes = written.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    PageSink.Piece gazette = recorded.get(0);
    String gazetteJson = new String(bytes, (int) gazette.offset(), gazette.length(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(gazetteJson).startsWith("{\n    \"key\" : \"gazette\"").endsWith("\n  }");

    // The next build is handed the gazette's piece (marked, to tell it from one made anew) and not the herald's.
    String marked = gazetteJson.replace("The river peaked on Sunday.", "The river PEAKED on Sunday.");
    PageSink second = new RememberingSink() {
      @Override
      public Previous pieces(String path) {
        return fingerprint -> java.util.Optional.ofNullable(fingerprint.equals(gazette.fingerprint()) ? marked.getBytes(java.nio.charset.StandardCharsets.UTF_8) : null);
      }
    };
    assertThat(write(new Exports(dossier, backlinks, second, documentKeys))).isEqualTo(written.replace(gazetteJson, marked));
  }

  /** A sink that keeps nothing but says it remembers, as a build with a cache does, so the exports record their pieces. */
  private abstract static class RememberingSink implements PageSink {
    @Override
    public void accept(String unit, String fingerprint, dev.dossier.render.Page page) {}

    @Override
    public boolean remembers() {
      return true;
    }
  }

  private static String write(Exports exports) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    exports.files().get("dossier.json").writeTo(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static List<String> headlines(byte[] json) throws IOException {
    List<String> found = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("headline")) {
          parser.nextToken();
          found.add(parser.getText());
        }
      }
    }
    return found;
  }
}
