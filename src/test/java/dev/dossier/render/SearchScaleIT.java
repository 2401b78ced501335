package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dossier of 10,000 news-like articles of about 8 KB, built by the real jar in a 1 GB heap:
 * the search page must stay light before the first query, and no shard may grow unreasonably.
 * An IT because the build takes about a minute and a half.
 */
class SearchScaleIT {

  static final int ARTICLES = 10_000;
  static final long BEFORE_FIRST_QUERY_LIMIT = 2_000_000;
  static final long SHARD_LIMIT = 1_500_000;

  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void build() throws IOException, InterruptedException {
    Path dossier = tmp.resolve("dossier");
    new SyntheticDossier(2022).write(dossier, ARTICLES, 8_000);
    site = tmp.resolve("site");
    Path jar = Path.of(System.getProperty("dossier.jar", "target/dossier.jar"));
    Path log = tmp.resolve("build.log");
    long start = System.nanoTime();
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-jar", jar.toString(), "build", dossier.toString(), "--out", site.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the build of " + ARTICLES + " articles did not finish in 10 minutes");
    }
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    System.out.printf("SearchScaleIT: built %d articles in %d s with -Xmx1g%n", ARTICLES, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
  }

  @Test
  void beforeTheFirstQueryTheSearchPageLoadsAtMostTwoMegabytes() throws IOException {
    Document page = Jsoup.parse(site.resolve("search.html").toFile(), "UTF-8");
    List<String> loaded = new ArrayList<>(List.of("search.html", "search/manifest.js"));
    for (Element el : page.select("link[rel=stylesheet][href], script[src], img[src], link[rel=icon][href]")) {
      String ref = el.hasAttr("src") ? el.attr("src") : el.attr("href");
      if (!ref.startsWith("data:")) { // inline, costs no request: the page's empty icon
        assertThat(ref).as("an asset asked for with its version").matches("[^?]+\\?v=[0-9a-f]{12}");
        loaded.add(ref.substring(0, ref.indexOf('?')));
      }
    }
    assertThat(loaded).contains("assets/dossier.css", "assets/dossier.js", "assets/search.js");
    long total = 0;
    for (String path : loaded) {
      long size = Files.size(site.resolve(path));
      System.out.printf("SearchScaleIT: before the first query: %-20s %,10d bytes%n", path, size);
      total += size;
    }
    System.out.printf("SearchScaleIT: before the first query: %-20s %,10d bytes%n", "total", total);
    assertThat(total).isLessThanOrEqualTo(BEFORE_FIRST_QUERY_LIMIT);
  }

  @Test
  void noShardIsUnreasonablyLarge() throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.list(site.resolve("search"))) {
      files.forEach(f -> sizes.put(f.getFileName().toString(), size(f)));
    }
    for (String kind : List.of("t-", "d-")) {
      List<Map.Entry<String, Long>> shards = sizes.entrySet().stream().filter(e -> e.getKey().startsWith(kind)).toList();
      Map.Entry<String, Long> biggest = shards.stream().max(Map.Entry.comparingByValue()).orElseThrow();
      System.out.printf("SearchScaleIT: %d %s shards, %,d bytes in all, the biggest %s at %,d bytes%n", shards.size(), kind,
          shards.stream().mapToLong(Map.Entry::getValue).sum(), biggest.getKey(), biggest.getValue());
    }
    assertThat(sizes).allSatisfy((file, size) -> assertThat(size).as(file).isLessThanOrEqualTo(SHARD_LIMIT));
  }

  @Test
  void aQueryFindsItsTermShardAndTheDocumentsItNames() throws IOException {
    SearchIndexTest.Index index = new SearchIndexTest.Index(path -> {
      Path file = site.resolve(path);
      return Files.isRegularFile(file) ? read(file) : null;
    });
    assertThat(((Number) index.manifest.get("docs")).intValue()).isGreaterThan(ARTICLES * 10);
    Map<Integer, Integer> lviv = index.postings("lviv");
    System.out.printf("SearchScaleIT: \"lviv\" is in %s, %d documents%n", index.termShard("lviv"), lviv.size());
    assertThat(lviv).hasSizeGreaterThan(100);
    lviv.keySet().stream().limit(20).forEach(id ->
        assertThat(SearchIndex.terms((String) index.doc(id).get("text")) + " " + index.doc(id).get("title")).as("document " + id).containsIgnoringCase("lviv"));
    // The commonest word keeps only its count: its postings would be the biggest file and weigh nothing.
    List<?> the = index.entry("the");
    assertThat(the).hasSize(1);
    assertThat(((Number) the.get(0)).intValue()).isGreaterThan(((Number) index.manifest.get("docs")).intValue() / 2);
  }

  @Test
  void aQueryIsAnsweredInTheBrowserFromDisk() throws Exception {
    try (dev.dossier.it.Chromium chromium = dev.dossier.it.Chromium.start()) {
      chromium.open(site.resolve("search.html").toUri() + "?q=lviv");
      new org.openqa.selenium.support.ui.WebDriverWait(chromium.driver(), java.time.Duration.ofSeconds(60))
          .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector("#search-results .search-hit-link")).isEmpty());
      org.openqa.selenium.WebElement link = chromium.driver().findElement(org.openqa.selenium.By.cssSelector("#search-results .search-hit-link"));
      String first = link.getAttribute("href");
      System.out.println("SearchScaleIT: from file://, the first hit for \"lviv\" is " + first + ", \"" + link.getText() + "\"");
      // What the word names comes first: a topic, event or source with "Lviv" in its title.
      assertThat(link.getText()).containsIgnoringCase("lviv");
      assertThat(first).startsWith(site.toUri().toString()).matches(".*/(topics/[a-z0-9-]+\\.html|timeline\\.html#e-.+|sources/[a-z0-9-]+\\.html)");
      assertThat(chromium.driver().findElement(org.openqa.selenium.By.id("search-status")).getText()).contains("lviv");
      assertThat(chromium.consoleErrors()).isEmpty();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
