package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed dossier built by the real jar: what a newcomer opens from disk. */
class SeedDossierIT {

  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void build() throws Exception {
    site = tmp.resolve("site");
    Jar.Run run = Jar.run("build", "seeds", "--out", site.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).as("a clean build has no errors or warnings")
        .doesNotContain(": error: ").doesNotContain(": warning: ")
        .contains("note: no base URL, so the site has no feed.xml or sitemap.xml");
  }

  @Test
  void writesEveryPage() throws IOException {
    Map<String, byte[]> files = files(site);
    assertThat(files).containsKeys("index.html", "timeline.html", "sources/index.html",
        "sources/buzzfeed-2022-02-12.html", "sources/cnn-2022-02-14.html", "sources/blinken-visit-2022-01-18.html");
    assertThat(files.keySet().stream().filter(p -> p.startsWith("topics/"))).hasSizeGreaterThanOrEqualTo(6);
    assertThat(files.keySet().stream().filter(p -> p.startsWith("sources/") && !p.equals("sources/index.html"))).hasSize(3);
    assertThat(page("timeline.html").select(".event")).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void theCommittedSiteIsThisBuildByteForByte() throws IOException {
    Map<String, byte[]> committed = files(Jar.ROOT.resolve("site"));
    Map<String, byte[]> fresh = files(site);
    assertThat(committed.keySet()).as("files in site/ (rebuild with the README's first command)").isEqualTo(fresh.keySet());
    for (String path : fresh.keySet()) {
      assertThat(new String(committed.get(path), StandardCharsets.UTF_8)).as("site/" + path + " is stale; rebuild and commit it")
          .isEqualTo(new String(fresh.get(path), StandardCharsets.UTF_8));
    }
  }

  @Test
  void twoBuildsAreByteIdentical() throws Exception {
    Path again = tmp.resolve("again");
    // From scratch: with the build cache the documents would not be parsed a second time.
    assertThat(Jar.run("build", "seeds", "--out", again.toString(), "--no-cache").exit()).isZero();
    Map<String, byte[]> first = files(site);
    Map<String, byte[]> second = files(again);
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((path, bytes) -> assertThat(second.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void everyLinkIsRelativeNamesAFileAndResolves() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String path : files(site).keySet()) {
      if (!path.endsWith(".html")) {
        continue;
      }
      Document doc = page(path);
      for (Element el : doc.select("a[href], link[href], script[src]")) {
        String ref = el.hasAttr("href") ? el.attr("href") : el.attr("src");
        // #topic=ID is the timeline filter's state, read by its script, not an anchor; a data: URL
        // (the empty icon) carries its own bytes.
        if (ref.startsWith("http://") || ref.startsWith("https://") || ref.startsWith("mailto:") || ref.startsWith("#topic=")
            || ref.startsWith("data:")) {
          continue;
        }
        String where = path + ": " + ref;
        if (ref.startsWith("/") || ref.contains("://")) {
          problems.add(where + " is not relative");
          continue;
        }
        // A query (an asset's ?v=) is for caches: the file is the address without it.
        String file = (ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref).replaceFirst("\\?v=[0-9a-f]{12}$", "");
        String anchor = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
        if (file.endsWith("/")) {
          problems.add(where + " points at a directory");
          continue;
        }
        Path target = file.isEmpty() ? site.resolve(path) : site.resolve(path).getParent().resolve(file).normalize();
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
          problems.add(where + " points at a missing file");
          continue;
        }
        if (!anchor.isEmpty() && target.toString().endsWith(".html")
            && Jsoup.parse(target.toFile(), "UTF-8").getElementById(anchor) == null) {
          problems.add(where + " points at a missing anchor");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyParagraphOfEverySeedAppearsVerbatimOnItsSourcePage() throws IOException {
    Map<String, String> pages = Map.of(
        "000_aa88e0e7e27f1ca7.txt", "sources/buzzfeed-2022-02-12.html",
        "001_b48eea132caf0c5e.txt", "sources/cnn-2022-02-14.html",
        "002_97c6c30b40ab486d.txt", "sources/blinken-visit-2022-01-18.html");
    for (Map.Entry<String, String> e : pages.entrySet()) {
      Document page = page(e.getValue());
      String text = page.select(".text").text();
      List<String> lines = Arrays.stream(Files.readString(Jar.ROOT.resolve("seeds").resolve(e.getKey())).split("\n"))
          .map(String::strip).filter(l -> !l.isEmpty())
          .filter(l -> !l.matches("^(By |Updated: |Source: ).*"))
          .map(l -> l.replaceFirst("^date \\d{4}-\\d{2}-\\d{2} KYIV – ", ""))
          .toList();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        assertThat(text).as(e.getKey() + " on " + e.getValue()).contains(line.replaceAll("\\s+", " "));
      }
      assertThat(page.select(".para[id^=p]").size()).isEqualTo(page.select(".para").size());
    }
    assertThat(page("sources/cnn-2022-02-14.html").select(".metadata").text())
        .contains("Jennifer Hansler and Kylie Atwood").contains("CNN").contains("15 February 2022, 01:41 UTC");
    assertThat(page("sources/buzzfeed-2022-02-12.html").select(".metadata").text()).contains("KYIV").contains("12 February 2022");
  }

  /** On a topic's page, each event's tag for that topic says it is this page; no other tag does. */
  @Test
  void aTopicsOwnTagOnItsPageIsMarkedAsThePage() throws IOException {
    Document topic = page("topics/embassy-drawdown.html");
    assertThat(topic.select(".event .tags a[aria-current=page]")).isNotEmpty()
        .allSatisfy(a -> assertThat(a.attr("href")).isEqualTo("../topics/embassy-drawdown.html"));
    assertThat(topic.select(".event .tags a[href$=embassy-drawdown.html]:not([aria-current=page])")).isEmpty();
    assertThat(topic.select(".event .tags a[href$=citizens-told-to-leave.html]")).isNotEmpty().noneMatch(a -> a.hasAttr("aria-current"));
    assertThat(page("timeline.html").select(".tags a[aria-current]")).as("no topic is the timeline's own").isEmpty();
  }

  @Test
  void everyEventAndTopicCitesParagraphs() throws IOException {
    for (Element event : page("timeline.html").select(".event")) {
      assertThat(event.select("sup.ref a[href*=.html#p]")).as(event.id()).isNotEmpty();
      assertThat(event.select("time[datetime]")).as(event.id()).isNotEmpty();
    }
    for (String path : files(site).keySet()) {
      if (path.startsWith("topics/")) {
        Document topic = page(path);
        assertThat(topic.select(".summary sup.ref a[href*=.html#p]")).as(path).isNotEmpty();
        assertThat(topic.select(".references li")).as(path).isNotEmpty();
      }
    }
  }

  @Test
  void citedWordsAreHighlightedWhereTheLinksLand() throws IOException {
    Document timeline = page("timeline.html");
    Element link = timeline.selectFirst("sup.ref a[href*=cnn-2022-02-14.html#p1]");
    assertThat(link).isNotNull();
    Element paragraph = page("sources/cnn-2022-02-14.html").getElementById("p1");
    assertThat(paragraph.select("mark").text()).contains("Secretary of State Antony Blinken announced Monday");
    assertThat(paragraph.select(".cited-by a")).isNotEmpty();
  }

  @Test
  void aCitationOfQuotedWordsLandsWhereThoseWordsBegin() throws IOException {
    int checked = 0;
    for (String path : List.of("index.html", "timeline.html", "topics/diplomacy.html", "topics/embassy-drawdown.html")) {
      for (Element link : page(path).select("sup.ref a[href*=-q]")) {
        String href = link.attr("href");
        String target = java.nio.file.Path.of(path).resolveSibling(href.substring(0, href.indexOf('#'))).normalize().toString();
        Element anchor = page(target).getElementById(href.substring(href.indexOf('#') + 1));
        assertThat(anchor).as(path + " " + href).isNotNull();
        // The words the link's title quotes begin right after the anchor, inside the cited paragraph.
        String quoted = link.attr("title").replaceAll("^.*: “", "").replaceAll("”$", "");
        assertThat(anchor.closest(".ptext")).as(href).isNotNull();
        // Quotation marks of every style and runs of spaces compare equal, as in checking (and
        // the title turns a quote's own double marks to single ones).
        java.util.function.UnaryOperator<String> folded = t -> t.replaceAll("[“”\"‘’']", "\"").replaceAll("\\s+", " ");
        assertThat(folded.apply(anchor.closest(".ptext").text())).as(href).contains(folded.apply(quoted));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50);
  }

  /**
   * What the pages show between a title and its details, and where a value came from, is in the
   * text itself, not added by the style sheet: copied, in a reader view or without the style
   * sheet, a line reads as it shows.
   */
  @Test
  void separatorsAndOriginsAreInTheTextNotOnlyInTheStyleSheet() throws IOException {
    assertThat(page("index.html").select(".sources li, ul li:has(> .meta)").eachText())
        .contains("[US closes its Kyiv embassy and moves remaining diplomats to Lviv] — CNN · c. 14 February 2022");
    assertThat(page("index.html").select(".topic-list li").eachText()).allSatisfy(line -> assertThat(line).matches(".+ — \\d+\\hevents?, \\d+\\hsources?"));
    assertThat(page("sources/cnn-2022-02-14.html").select(".metadata dd").eachText())
        .contains("CNN from the document", "Jennifer Hansler and Kylie Atwood from the document");
    assertThat(page("sources/blinken-visit-2022-01-18.html").select(".origin-inferred").eachText()).containsOnly("inferred by the editors");
    assertThat(Files.readString(Jar.ROOT.resolve("templates/assets/dossier.css"))).doesNotContain("content: \" — \"").doesNotContain("content: \"from \"");
  }

  /**
   * CNN's report gives only the time of its last update; its "Monday" is dated by a note that
   * cites its own words, and the bibliography's count and "Cited by" say they leave that note out.
   */
  @Test
  void cnnsReportIsDatedByANoteCitingItsOwnMonday() throws IOException {
    Element metadata = page("sources/cnn-2022-02-14.html").selectFirst(".metadata");
    assertThat(metadata.select("time[datetime=2022-02-14]").text()).isEqualTo("c. 14 February 2022");
    assertThat(metadata.select("#date-note a[href^=../sources/cnn-2022-02-14.html#p22-]")).isNotEmpty();
    assertThat(metadata.select("#date-note").text()).contains("20:41 Eastern Standard Time");
    assertThat(page("sources/cnn-2022-02-14.html").select("#citedby-heading ~ p.note").text())
        .isEqualTo("Not listed or counted here: the date note above, which cites this source’s own words to date it.");
    assertThat(page("sources/buzzfeed-2022-02-12.html").select("#citedby-heading ~ p.note")).isEmpty();
    // The dossier's own description cites sources too: its backlinks name it as the navigation does.
    assertThat(page("sources/cnn-2022-02-14.html").select(".citers a[href$=index.html]").eachText()).containsExactly("Overview");
  }

  /** A range claims no single day to machines: its datetime is the month that holds it. */
  @Test
  void aRangesDatetimeIsTheMonthThatHoldsIt() throws IOException {
    Element event = page("timeline.html").select(".timeline .event").stream()
        .filter(e -> e.text().contains("Embassy reported to have discussed moving staff")).findFirst().orElseThrow();
    assertThat(event.select("time.range").attr("datetime")).isEqualTo("2022-02");
    assertThat(event.select("time.range").text()).isEqualTo("c. 7–12 February 2022");
    assertThat(page("timeline.html").select(".timeline .event time.range")).allSatisfy(t -> assertThat(t.attr("datetime")).matches("\\d{4}(-\\d{2})?"));
  }

  @Test
  void anInferredDateIsMarkedAsSuch() throws IOException {
    Element metadata = page("sources/blinken-visit-2022-01-18.html").selectFirst(".metadata");
    assertThat(metadata.select("time[datetime=2022-01-18]").text()).isEqualTo("c. 18 January 2022");
    assertThat(metadata.text()).contains("inferred");
  }

  @Test
  void theBibliographyWritesDatesAsTheRestOfTheSiteAndTheBibTeXNeedsNoJournalItLacks() throws IOException {
    assertThat(page("sources/index.html").select(".entry").text()).contains("c. 18 January 2022.").doesNotContain("ca. ").doesNotContain("January 18");
    assertThat(page("sources/index.html").selectFirst("p.lede").text()).as("no source here is undated").doesNotContain("n.d.");
    String bib = Files.readString(site.resolve("sources.bib"));
    assertThat(bib).contains("@misc{blinken-visit-2022-01-18,").contains("@article{buzzfeed-2022-02-12,");
  }

  @Test
  void anUnknownValueIsSaidOnceAndAnApproximateDateMarkedOnce() throws IOException {
    Element blinken = page("sources/blinken-visit-2022-01-18.html").selectFirst(".metadata");
    assertThat(blinken.text()).doesNotContain("unknown unknown").contains("Outlet unknown");
    assertThat(blinken.select(".origin").eachText()).doesNotContain("unknown");
    List<String> approximate = page("timeline.html").select(".event-date:has(time.approximate)").eachText();
    assertThat(approximate).startsWith("c. 6–17 January 2022", "c. 10–16 January 2022", "c. 10–16 January 2022", "c. 17 January 2022")
        .allSatisfy(date -> assertThat(date).startsWith("c. ").doesNotContain("c. c."));
  }

  static Document page(String path) throws IOException {
    return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
  }

  static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
