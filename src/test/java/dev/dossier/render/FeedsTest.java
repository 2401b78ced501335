package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Atom feed and the sitemap, made only for a site whose address is known. */
class FeedsTest {

  @TempDir Path tmp;

  private static final String INDEX = """
      title: Feed test
      editor: Desk
      base_url: https://example.org/flood/
      sources:
        - key: gazette
          file: gazette.txt
          title: Water recedes
          topics: [flood]
      topics:
        - id: flood
          title: The flood
      events:
        - date: 2023-03-05
          title: River peaked
          topics: [flood]
          text: The river peaked.[@gazette ¶1]
      """;

  private Document feed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("index.yml"), INDEX);
    // Published after the last event: the feed's own time must still be the newest.
    Files.writeString(dir.resolve("gazette.txt"), "Published: 2023-03-10\n\nThe river peaked on Sunday.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    return Jsoup.parse(new String(page(result, "feed.xml"), StandardCharsets.UTF_8), "", Parser.xmlParser());
  }

  private static byte[] page(Build.Result result, String path) {
    return result.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().bytes();
  }

  @Test
  void theFeedIsNoOlderThanItsNewestEntry() throws IOException {
    Document feed = feed();
    String updated = feed.selectFirst("feed > updated").text();
    List<String> entries = feed.select("entry > updated").eachText();
    assertThat(entries).containsExactlyInAnyOrder("2023-03-05T00:00:00Z", "2023-03-10T00:00:00Z");
    assertThat(updated).isEqualTo("2023-03-10T00:00:00Z");
  }

  /**
   * A source known by its last update is in the feed at that minute; an undated one is not, as
   * any time given it would be made up, and would move as the dossier grows.
   */
  @Test
  void aSourceIsInTheFeedAtItsOwnTimeAndAnUndatedOneIsNot() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dated"));
    Files.writeString(dir.resolve("index.yml"), INDEX);
    Files.writeString(dir.resolve("gazette.txt"), "Updated: Tue, 15 Feb 2022 01:41:12 GMT\n\nThe river peaked on Sunday.\n");
    Files.writeString(dir.resolve("undated.txt"), "The levee held.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    Document feed = Jsoup.parse(new String(page(result, "feed.xml"), StandardCharsets.UTF_8), "", Parser.xmlParser());
    assertThat(feed.select("entry > id").eachText()).noneMatch(id -> id.endsWith("sources/undated.html"));
    assertThat(feed.select("entry").stream().filter(e -> e.selectFirst("id").text().endsWith("sources/gazette.html"))
        .map(e -> e.selectFirst("updated").text())).containsExactly("2022-02-15T01:41:12Z");
    assertThat(feed.selectFirst("feed > updated").text()).isEqualTo("2023-03-05T00:00:00Z");
  }

  @Test
  void everyEventAndSourceIsAnEntryLinkedAtTheSitesAddress() throws IOException {
    Document feed = feed();
    assertThat(feed.select("entry > link[rel=alternate]").eachAttr("href"))
        .containsExactly("https://example.org/flood/timeline.html#e-2023-03-05-river-peaked", "https://example.org/flood/sources/gazette.html");
    Element event = feed.selectFirst("entry");
    assertThat(event.selectFirst("category").attr("label")).isEqualTo("The flood");
    assertThat(Jsoup.parse(event.selectFirst("content").text()).select("a[href]").eachAttr("href"))
        .as("citations in the feed link to the site's pages, absolutely")
        .allMatch(href -> href.startsWith("https://example.org/flood/sources/gazette.html#p1"));
  }

  @Test
  void noAddressNoFeed() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("base_url: https://example.org/flood/\n", ""));
    Files.writeString(dir.resolve("gazette.txt"), "Published: 2023-03-10\n\nThe river peaked on Sunday.\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.pages()).extracting(Page::path).doesNotContain("feed.xml", "sitemap.xml").contains("index.html");
    Build.Result given = new Build(false, Optional.of("https://example.org/other/")).run(dir, Theme.builtIn());
    assertThat(new String(page(given, "sitemap.xml"), StandardCharsets.UTF_8))
        .contains("<loc>https://example.org/other/index.html</loc>").contains("<loc>https://example.org/other/sources/gazette.html</loc>");
    // The bibliography offers the data files, and the feed only when there is one.
    assertThat(downloads(result)).containsExactly("../sources.bib", "../sources.json", "../timeline.json", "../dossier.json");
    assertThat(downloads(given)).containsExactly("../sources.bib", "../sources.json", "../timeline.json", "../dossier.json", "../feed.xml");
    assertThat(given.pages()).extracting(Page::path).contains("sources.bib", "sources.json", "timeline.json", "dossier.json", "feed.xml");
  }

  private static List<String> downloads(Build.Result result) {
    return Jsoup.parse(new String(page(result, "sources/index.html"), StandardCharsets.UTF_8)).select(".downloads a").eachAttr("href");
  }
}
