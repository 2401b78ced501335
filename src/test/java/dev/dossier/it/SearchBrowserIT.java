package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.it.BuiltSite.Origin;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Search in a real browser, from disk and from a local host, against the search page's contract:
 * {@code search.html} at the root, {@code form#search-form} with {@code input#search-input}
 * ({@code name=q}), {@code p#search-status}, and {@code ol#search-results} of
 * {@code li.search-hit}, each with {@code a.search-hit-link} and {@code p.search-snippet} (query
 * words in {@code <mark>}); {@code search.html?q=...} searches on load.
 */
class SearchBrowserIT extends SeedSiteInBrowser {

  /** A link from the search page to a numbered paragraph of a source. */
  private static final String PARAGRAPH_LINK = "sources/[a-z0-9-]+\\.html#p[1-9][0-9]*";
  /** The topic whose title names Lviv, as the search page links to it. */
  private static final String LVIV_TOPIC = "topics/embassy-closure-lviv.html";

  /**
   * "Lviv" names a topic, three events and a source: they come first, the topic first; then the
   * passages that say it, each opening its paragraph; then what mentions it in passing.
   */
  @ParameterizedTest
  @EnumSource(Origin.class)
  void aSearchForLvivFindsWhatItNamesAndThenThePassagesThatSayIt(Origin origin) {
    WebDriver driver = openSearch(origin, "search.html");
    WebElement input = driver.findElement(By.id("search-input"));
    assertThat(input.getDomAttribute("type")).isEqualTo("search");
    assertThat(input.getDomAttribute("name")).isEqualTo("q");

    input.sendKeys("Lviv", Keys.ENTER);

    List<WebElement> hits = waitForHits(driver);
    assertThat(driver.findElement(By.id("search-status")).getText()).as("the status says what was found").isNotBlank();
    List<String> kinds = hits.stream().map(h -> h.findElement(By.cssSelector(".search-hit-meta")).getText().replaceAll(" ·.*", "")).toList();
    assertThat(kinds.subList(0, 5)).as("what the word names, by kind, before any passage")
        .containsExactly("Topic", "Event", "Event", "Event", "Source");
    List<String> rest = kinds.subList(5, kinds.size());
    int passages = (int) rest.stream().takeWhile("Source passage"::equals).count();
    assertThat(passages).as("then the passages that say it: %s", rest).isGreaterThan(3);
    assertThat(rest.subList(passages, rest.size())).as("and last what only mentions it (topics' summaries)")
        .doesNotContain("Source passage").containsOnly("Topic");
    assertThat(hits.get(0).findElement(By.cssSelector("a.search-hit-link")).getText()).isEqualTo("Closing the Kyiv embassy and the move to Lviv");
    assertThat(hits.subList(0, 5)).allSatisfy(hit -> assertThat(hit.findElement(By.cssSelector("a.search-hit-link")).getText())
        .as("each named entry's title has the word").contains("Lviv"));

    WebElement passage = hits.get(5);
    assertThat(passage.findElements(By.cssSelector(".search-snippet mark")))
        .as("the passage's snippet marks the word searched for").isNotEmpty()
        .allSatisfy(mark -> assertThat(mark.getText()).containsIgnoringCase("lviv"));
    WebElement link = passage.findElement(By.cssSelector("a.search-hit-link"));
    String href = link.getDomAttribute("href");
    assertThat(href).as("a passage's hit links to a numbered paragraph of a source").matches(PARAGRAPH_LINK);
    // Shown as "¶12", read out as "paragraph 12" from the link's own words, which speech control can match.
    assertThat(link.getDomAttribute("aria-label")).isNull();
    assertThat(link.getAccessibleName()).matches(".+, paragraph [0-9]+").doesNotContain("¶");
    assertThat(passage.findElement(By.cssSelector(".search-hit-meta")).getText())
        .as("a passage's hit says which outlet published it, and when").matches("Source passage · ((CNN|BuzzFeed News) · )?(c\\. |updated )?[0-9]{1,2} [A-Z][a-z]+ 2022");

    // Below the fold: scrolled to at once, as the page scrolls smoothly and a click mid-way would miss.
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
    link.click();

    assertLandedOnAParagraphAbout(origin, href, "Lviv");
    assertThat(chromium.consoleErrors()).isEmpty();
    assertRequestsStayInside(origin);
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void aSearchRunsFromItsAddress(Origin origin) {
    WebDriver driver = openSearch(origin, "search.html?q=lviv");

    List<WebElement> hits = waitForHits(driver);
    assertThat(driver.findElement(By.id("search-input")).getDomProperty("value")).isEqualToIgnoringCase("lviv");
    assertThat(hits.get(0).findElement(By.cssSelector("a.search-hit-link")).getDomAttribute("href")).isEqualTo(LVIV_TOPIC);
    assertThat(chromium.consoleErrors()).isEmpty();
    assertRequestsStayInside(origin);
  }

  /** BuzzFeed writes "Feb. 20", the dossier's own event "20 February": a reader typing either finds both. */
  @ParameterizedTest
  @EnumSource(Origin.class)
  void anAbbreviatedMonthFindsTheMonthWrittenInFull(Origin origin) {
    WebDriver driver = openSearch(origin, "search.html?q=" + java.net.URLEncoder.encode("Feb. 20 exercises", java.nio.charset.StandardCharsets.UTF_8));

    List<WebElement> hits = waitForHits(driver);
    List<String> titles = hits.stream().map(h -> h.findElement(By.cssSelector("a.search-hit-link")).getText()).toList();
    assertThat(titles).as("the event dated 20 February, whose text says \"20 February\"")
        .contains("Russia’s drills and its joint exercises in Belarus expected to end");
    assertThat(hits.stream().map(h -> h.findElement(By.cssSelector("a.search-hit-link")).getDomAttribute("href")))
        .as("the passage that says \"Feb. 20\"").contains("sources/buzzfeed-2022-02-12.html#p13");
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  /** A source's subheading is text the dossier reproduces: its words find it, and the hit opens the page at it. */
  @ParameterizedTest
  @EnumSource(Origin.class)
  void aSubheadingsWordsOpenItsSourcesPageAtIt(Origin origin) {
    WebDriver driver = openSearch(origin, "search.html?q=denies");

    List<WebElement> hits = waitForHits(driver);
    assertThat(hits).hasSize(1);
    WebElement link = hits.get(0).findElement(By.cssSelector("a.search-hit-link"));
    String href = link.getDomAttribute("href");
    assertThat(href).isEqualTo("sources/blinken-visit-2022-01-18.html#s2");
    assertThat(link.getText()).as("the hit is titled by its source").startsWith("[").contains("Blinken");
    assertThat(hits.get(0).findElement(By.cssSelector(".search-hit-meta")).getText()).startsWith("Source subheading · ");
    assertThat(hits.get(0).findElements(By.cssSelector(".search-snippet mark"))).extracting(WebElement::getText).containsExactly("Denies");

    link.click();

    assertLandedOnAParagraphAbout(origin, href, "Moscow Denies New York Times Report");
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void aSearchWithNoHitsSaysSo(Origin origin) {
    WebDriver driver = openSearch(origin, "search.html?q=zqxjvw");

    chromium.waiting().until(d -> !d.findElement(By.id("search-status")).getText().isBlank());
    assertThat(driver.findElements(By.cssSelector("#search-results li.search-hit"))).isEmpty();
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void searchWorksFromTheKeyboardAlone(Origin origin) {
    // A fresh document, as after following a link: the focus starts at the top of the page.
    chromium.open("about:blank");
    WebDriver driver = openSearch(origin, "search.html");

    chromium.tabTo("#search-input", false);
    new Actions(driver).sendKeys("Lviv").sendKeys(Keys.ENTER).perform();
    waitForHits(driver);
    chromium.tabTo("#search-results li.search-hit:first-child a.search-hit-link", false);
    assertThat(driver.switchTo().activeElement().getDomAttribute("href")).isEqualTo(LVIV_TOPIC);
    new Actions(driver).sendKeys(Keys.ENTER).perform();

    String expected = site.url(origin, LVIV_TOPIC);
    chromium.waiting().withMessage("the browser at " + expected).until(d -> expected.equals(d.getCurrentUrl()));
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Closing the Kyiv embassy and the move to Lviv");
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  /**
   * Chinese and Japanese have no spaces between words: a word of two characters inside a run
   * of many is found, its characters marked in the snippet, and a voiced kana is not its
   * unvoiced one.
   */
  @org.junit.jupiter.api.Test
  void aWordOfChineseOrJapaneseIsFoundInsideItsSentence() throws Exception {
    java.nio.file.Path dossier = java.nio.file.Files.createDirectories(tmp.resolve("cjk"));
    java.nio.file.Files.writeString(dossier.resolve("tokyo.md"), "---\ntitle: 会議\n---\n東京で会議が開かれた。\n\n北京市政府发布了新的规定。\n");
    java.nio.file.Path out = tmp.resolve("cjk-site");
    Jar.Run built = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(built.exit()).as(built.err()).isZero();
    String base = out.toRealPath().toUri().toString();
    for (String[] query : new String[][] {{"東京", "東京で会議が開かれた。"}, {"北京市", "北京市政府发布了新的规定。"}, {"政", "北京市政府发布了新的规定。"}}) {
      chromium.open(base + "search.html?q=" + java.net.URLEncoder.encode(query[0], java.nio.charset.StandardCharsets.UTF_8));
      List<WebElement> hits = waitForHits(chromium.driver());
      WebElement hit = hits.stream().filter(h -> h.getText().contains(query[1])).findFirst().orElseThrow(() -> new AssertionError(query[0] + ": no hit"));
      assertThat(String.join("", hit.findElements(By.cssSelector(".search-snippet mark")).stream().map(WebElement::getText).toList()))
          .as(query[0]).isEqualTo(query[0]);
    }
    // "がれ" is not in the text; "かれ" is ("開かれた"), and would be found were the voicing mark dropped.
    chromium.open(base + "search.html?q=" + java.net.URLEncoder.encode("がれ", java.nio.charset.StandardCharsets.UTF_8));
    chromium.waiting().until(d -> d.findElement(By.id("search-status")).getText().startsWith("No results"));
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  /**
   * A number with a thousands comma or one decimal separator, a word with a final "'s" and a word
   * with ß are each one word; a date, a version and a word with any other apostrophe are read in
   * parts, and a query's number that no entry holds whole ("24.02") is looked for in parts too.
   * A query finds the documents that hold its words and no others, and the snippet marks each
   * word as the query found it: "100,000" whole, "2022" alone in 24.02.2022.
   */
  @org.junit.jupiter.api.Test
  void numbersApostrophesAndSharpSAreWordsAsReadersFindThem() throws Exception {
    java.nio.file.Path dossier = java.nio.file.Files.createDirectories(tmp.resolve("words"));
    java.nio.file.Files.writeString(dossier.resolve("words.md"), String.join("\n\n", "---\ntitle: Notes\n---",
        "Putin could order the more than 100,000 troops he had positioned.", // ¶1
        "Another 30,000 troops and 100 tanks arrived.", // ¶2
        "An army of 1,000,000 would be larger.", // ¶3
        "Growth was 1.5 percent.", // ¶4
        "One tank in 15, or 1 in 5, broke down; inflation was 1.55 percent.", // ¶5
        "A loan of $1.5bn was agreed.", // ¶6
        "Russia's army moved.", // ¶7
        "Russia’s navy sailed.", // ¶8
        "They don't know where the ships sailed.", // ¶9
        "Ships sailed up the Don.", // ¶10
        "Die Straße des 17. Juni.", // ¶11
        "The Strasse was closed.", // ¶12
        "The invasion began on 24.02.2022 at dawn.", // ¶13
        "La réponse de l'Europe fut rapide.", // ¶14
        "O'Brien wrote version 1.2.3 of the report.", // ¶15
        "Die Ernte brachte 100.000 Tonnen.", // ¶16
        "The fee was 1,000.5 euros.", // ¶17
        "Russian ships moved.", // ¶18
        "Він купив мʼясо на ринку.", // ¶19
        "Вона купила м'ясо вранці.") + "\n"); // ¶20
    java.nio.file.Path out = tmp.resolve("words-site");
    Jar.Run built = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(built.exit()).as(built.err()).isZero();
    String base = out.toRealPath().toUri().toString();
    record Case(String query, List<Integer> paragraphs, List<String> marked) {}
    for (Case c : List.of(
        new Case("100,000", List.of(1), List.of("100,000")),
        new Case("100000", List.of(1), List.of("100,000")),
        new Case("1.5", List.of(4, 6), List.of("1.5", "1.5bn")),
        // Typed with its "'s", the word is whole: "Russian" is another word.
        new Case("Russia's", List.of(7, 8), List.of("Russia's", "Russia’s")),
        new Case("russia", List.of(7, 8, 18), List.of("Russia's", "Russia’s", "Russian")),
        new Case("don't", List.of(9), List.of("don", "t")),
        new Case("Don sailed", List.of(9, 10), List.of("don", "sailed", "sailed", "Don")),
        new Case("strasse", List.of(11, 12), List.of("Straße", "Strasse")),
        new Case("Straße", List.of(11, 12), List.of("Straße", "Strasse")),
        new Case("2022", List.of(13), List.of("2022")),
        new Case("24.02.2022", List.of(13), List.of("24", "02", "2022")),
        // No entry holds "24.02" or "1.2" whole: each is looked for in parts, as the date and the version are kept.
        new Case("24.02", List.of(13), List.of("24", "02")),
        new Case("1.2", List.of(15), List.of("1", "2")),
        new Case("Europe", List.of(14), List.of("Europe")),
        new Case("Brien", List.of(15), List.of("Brien")),
        new Case("1.2.3", List.of(15), List.of("1", "2", "3")),
        new Case("100.000", List.of(16), List.of("100.000")),
        new Case("1000.5", List.of(17), List.of("1,000.5")),
        // Ukrainian's apostrophe, written ʼ, ' or ’: any of them finds all three.
        new Case("м’ясо", List.of(19, 20), List.of("м", "ясо", "м", "ясо")),
        new Case("мʼясо", List.of(19, 20), List.of("м", "ясо", "м", "ясо")))) {
      chromium.open(base + "search.html?q=" + java.net.URLEncoder.encode(c.query(), java.nio.charset.StandardCharsets.UTF_8));
      List<WebElement> hits = waitForHits(chromium.driver());
      assertThat(hits.stream().map(h -> h.findElement(By.cssSelector("a.search-hit-link")).getDomAttribute("href")))
          .as(c.query() + ": the paragraphs found")
          .containsExactlyInAnyOrderElementsOf(c.paragraphs().stream().map(n -> "sources/words.html#p" + n).toList());
      assertThat(hits.stream().flatMap(h -> h.findElements(By.cssSelector(".search-snippet mark")).stream()).map(WebElement::getText))
          .as(c.query() + ": the words marked").containsExactlyInAnyOrderElementsOf(c.marked());
    }
    // The reader is told a number was looked for in parts, and parts are found together or not at all.
    chromium.open(base + "search.html?q=24.02");
    waitForHits(chromium.driver());
    assertThat(chromium.driver().findElement(By.id("search-status")).getText())
        .isEqualTo("1 result for “24.02”. “24.02” is in no entry as written, so its parts, 24 and 02, were looked for in one.");
    chromium.open(base + "search.html?q=" + java.net.URLEncoder.encode("24.02 tanks", java.nio.charset.StandardCharsets.UTF_8));
    chromium.waiting().until(d -> d.findElement(By.id("search-status")).getText().startsWith("No results for “24.02 tanks”."));
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  /**
   * In an index big enough to drop its commonest words' postings, such a word searched alone
   * lists the topics and events named with it, topics first, and the page says why no passage
   * is shown; searched with a rarer word, it is left out, and the page says so.
   */
  @org.junit.jupiter.api.Test
  void aWordInMostEntriesFindsTheTopicsAndEventsNamedWithIt() throws Exception {
    java.nio.file.Path dossier = tmp.resolve("common");
    dev.dossier.render.CommonWordDossier.write(dossier);
    java.nio.file.Path out = tmp.resolve("common-site");
    Jar.Run built = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(built.exit()).as(built.err()).isZero();
    String base = out.toRealPath().toUri().toString();

    chromium.open(base + "search.html?q=Ukraine");
    List<WebElement> hits = waitForHits(chromium.driver());
    List<String> links = hits.stream().map(h -> h.findElement(By.cssSelector("a.search-hit-link")).getDomAttribute("href")).toList();
    assertThat(links).hasSize(2);
    assertThat(links.get(0)).isEqualTo("topics/borders.html");
    assertThat(links.get(1)).startsWith("timeline.html#");
    assertThat(hits.get(1).getText()).contains("A convoy crosses into Ukraine");
    assertThat(chromium.driver().findElement(By.id("search-status")).getText())
        .isEqualTo("2 results for “Ukraine”. “ukraine” is in most documents, so only the topics and events named with it are shown.");

    chromium.open(base + "search.html?q=" + java.net.URLEncoder.encode("Ukraine tanker", java.nio.charset.StandardCharsets.UTF_8));
    hits = waitForHits(chromium.driver());
    assertThat(hits.stream().map(h -> h.findElement(By.cssSelector("a.search-hit-link")).getDomAttribute("href")))
        .containsExactly("sources/reports.html#p1");
    assertThat(chromium.driver().findElement(By.id("search-status")).getText())
        .isEqualTo("1 result for “Ukraine tanker”. Left out, as too common to search for: “ukraine”.");
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  private static WebDriver openSearch(Origin origin, String address) {
    assertThat(site.pages()).as("search.html, the search page (it comes from the search branch)").contains("search.html");
    chromium.forgetLogs();
    chromium.open(site.url(origin, address));
    WebDriver driver = chromium.driver();
    assertThat(driver.findElements(By.cssSelector("form#search-form[role=search] input#search-input"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("p#search-status[role=status]"))).hasSize(1);
    return driver;
  }

  /** The hits, once the search has shown at least one (the form may reload the page, so each look is fresh). */
  private static List<WebElement> waitForHits(WebDriver driver) {
    return chromium.waiting().withMessage("search hits in #search-results")
        .until(d -> {
          List<WebElement> hits = d.findElements(By.cssSelector("#search-results li.search-hit"));
          return hits.isEmpty() ? null : hits;
        });
  }

  private static void assertLandedOnAParagraphAbout(Origin origin, String href, String word) {
    String expected = site.url(origin, href);
    chromium.waiting().withMessage("the browser at " + expected).until(d -> expected.equals(d.getCurrentUrl()));
    chromium.waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    String id = href.substring(href.indexOf('#') + 1);
    WebElement paragraph = chromium.driver().findElement(By.id(id));
    assertThat(paragraph.getText()).as(href).contains(word);
  }

  private static void assertRequestsStayInside(Origin origin) {
    assertThat(chromium.requestedUrls()).allSatisfy(url ->
        assertThat(url.startsWith("data:") || site.relative(origin, url) != null).as(url + " is inside the site").isTrue());
  }
}
