package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.it.BuiltSite.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The seed dossier in a real browser, opened from disk and from a local host: every page loads
 * cleanly and asks for nothing outside the site, and the timeline's topic filter works with the
 * mouse and with the keyboard alone.
 */
class BrowserIT extends SeedSiteInBrowser {

  @ParameterizedTest
  @EnumSource(Origin.class)
  void everyPageLoadsWithNoConsoleErrorAndNoRequestOutsideTheSite(Origin origin) {
    List<String> problems = new ArrayList<>();
    List<String> pages = site.pages();
    assertThat(pages).contains("index.html", "timeline.html", "sources/index.html");
    for (String page : pages) {
      chromium.forgetLogs();
      chromium.open(site.url(origin, page));
      chromium.consoleErrors().forEach(e -> problems.add(page + ": console: " + e));
      List<String> requests = chromium.requestedUrls();
      for (String url : requests) {
        // data: URLs are the page's own bytes, not a request to anyone.
        if (!url.startsWith("data:") && site.relative(origin, url) == null) {
          problems.add(page + ": requested " + url + ", outside " + site.base(origin));
        }
      }
      // Assets are asked for with their version (?v=), which a file:// address ignores.
      List<String> inside = requests.stream().map(url -> site.relative(origin, url))
          .map(path -> path == null ? null : path.replaceFirst("\\?v=[0-9a-f]{12}$", "")).toList();
      assertThat(inside).as(page + " was requested with its stylesheet and script (the log works)")
          .contains(page, "assets/dossier.css", "assets/dossier.js");
      assertThat(chromium.driver().findElement(By.cssSelector(".skip-link")).getCssValue("top"))
          .as(page + ": the stylesheet applies (the skip link waits above the page)").isEqualTo("-160px");
    }
    assertThat(problems).isEmpty();
  }

  /**
   * Following a citation of quoted words sets those words apart from the other quoted words of
   * the paragraph: of overlapping quotes, each shows its own words, and the rest step back.
   */
  @ParameterizedTest
  @EnumSource(Origin.class)
  void aFollowedCitationShowsTheWordsItQuotes(Origin origin) throws Exception {
    // The index's quotes of BuzzFeed's ¶1, which overlap ("depart Ukraine" is in more than one).
    java.util.regex.Matcher cited = java.util.regex.Pattern.compile("@buzzfeed-2022-02-12 ¶1 \"([^\"]+)\"")
        .matcher(java.nio.file.Files.readString(Jar.ROOT.resolve("seeds/index.yml")));
    Set<String> quotes = new java.util.TreeSet<>();
    while (cited.find()) {
      quotes.add(cited.group(1));
    }
    assertThat(quotes).hasSizeGreaterThan(1);
    WebDriver driver = chromium.driver();
    for (String quote : quotes) {
      // The id a citation of the quote links to: the paragraph and a hash of the quote's words.
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(quote.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String id = "p1-q" + java.util.HexFormat.of().formatHex(hash, 0, 4);
      chromium.open(site.url(origin, "sources/buzzfeed-2022-02-12.html#" + id));
      chromium.waiting().until(d -> !d.findElements(By.cssSelector("mark.cited-here")).isEmpty());
      String here = String.join("", driver.findElements(By.cssSelector("mark.cited-here")).stream().map(m -> m.getDomProperty("textContent")).toList());
      assertThat(here.replaceAll("\\s+", " ")).as(id).isEqualTo(quote);
      String background = driver.findElement(By.cssSelector("mark.cited-here")).getCssValue("background-color");
      for (var other : driver.findElements(By.cssSelector("#p1 mark:not(.cited-here)"))) {
        assertThat(other.getCssValue("background-color")).as("the other quoted words step back").isNotEqualTo(background);
      }
    }
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  /**
   * A citation's number stays on the line of the word it follows, at any width: the word joiner
   * before it holds it there, as long as the number is not laid out as a box of its own. And it
   * is a target a finger can hit.
   */
  @org.junit.jupiter.api.Test
  void aCitationNumberNeverStartsALine() {
    WebDriver driver = chromium.driver();
    // For each number: the last character before it (text, or the number before it), and
    // whether the number begins left of that character's end, on a line below it.
    String script = """
        var broken = [];
        document.querySelectorAll('main sup.ref').forEach(function (sup) {
          var before = sup.previousSibling;
          while (before && before.nodeType === 3 && before.data.replace(/[\\s\\u2060]/g, '') === '') {
            before = before.previousSibling;
          }
          if (!before) { return; }
          var end;
          if (before.nodeType === 3) {
            var text = before.data.replace(/[\\s\\u2060]+$/, '');
            var range = document.createRange();
            range.setStart(before, text.length - 1);
            range.setEnd(before, text.length);
            var rects = range.getClientRects();
            end = rects[rects.length - 1];
          } else {
            var own = before.getClientRects();
            end = own[own.length - 1];
          }
          var number = sup.getClientRects()[0];
          if (end && number && number.left < end.right - 1 && number.top > end.top + 2) {
            broken.push(innerWidth + 'px: ' + sup.textContent + ' after "' + (before.textContent || '').slice(-30) + '"');
          }
          // A target a finger can hit: 24 by 24 px at least (WCAG 2.5.8).
          var link = sup.querySelector('a').getBoundingClientRect();
          if (link.width < 24 || link.height < 24) {
            broken.push(innerWidth + 'px: ' + sup.textContent + ' is ' + link.width.toFixed(1) + ' by ' + link.height.toFixed(1) + ' px');
          }
        });
        return broken;
        """;
    List<String> broken = new ArrayList<>();
    for (String page : List.of("index.html", "topics/embassy-closure-lviv.html", "topics/osce-monitors.html", "timeline.html")) {
      chromium.open(site.url(Origin.FILE, page));
      for (int width = 320; width <= 1300; width += 20) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        @SuppressWarnings("unchecked")
        List<String> here = (List<String>) ((JavascriptExecutor) driver).executeScript(script);
        here.forEach(b -> broken.add(page + " at " + b));
      }
    }
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    assertThat(broken).isEmpty();
  }

  /**
   * On a phone the header's search form stands below the navigation, so the link to the search
   * page is left out there rather than take a line of its own; on a wider screen, and on the
   * search page (which has no header form), the link is there.
   */
  @org.junit.jupiter.api.Test
  void onAPhoneTheHeaderSaysSearchOnceBesideItsForm() {
    WebDriver driver = chromium.driver();
    try {
      for (int width : new int[] {375, 1280}) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        chromium.open(site.url(Origin.FILE, "index.html"));
        assertThat(driver.findElement(By.cssSelector(".site-nav a[href$='search.html']")).isDisplayed()).as(width + " px").isEqualTo(width > 640);
        assertThat(driver.findElement(By.cssSelector("form.site-search")).isDisplayed()).as(width + " px").isTrue();
        chromium.open(site.url(Origin.FILE, "search.html"));
        assertThat(driver.findElement(By.cssSelector(".site-nav a[href$='search.html']")).isDisplayed()).as(width + " px, search page").isTrue();
      }
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  /**
   * With text at twice its size on a 320-pixel screen (WCAG's reflow), the header's search box
   * gives way to its button, which stays on the screen, and the page, its folded parts open (the
   * chart's table), is no wider than the screen.
   */
  @org.junit.jupiter.api.Test
  void withTextAtTwiceItsSizeAPhonesHeaderKeepsItsSearchButtonOnScreen() {
    WebDriver driver = chromium.driver();
    try {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(320, 900));
      for (String page : List.of("index.html", "timeline.html", "sources/cnn-2022-02-14.html", "topics/diplomacy.html")) {
        chromium.open(site.url(Origin.FILE, page));
        @SuppressWarnings("unchecked")
        Map<String, Number> at = (Map<String, Number>) ((JavascriptExecutor) driver).executeScript(
            "document.documentElement.style.fontSize = '200%';"
                + "document.querySelectorAll('details').forEach(d => d.open = true);"
                + "var html = document.documentElement;"
                + "return {button: document.querySelector('form.site-search button').getBoundingClientRect().right, screen: html.clientWidth, page: html.scrollWidth};");
        assertThat(at.get("button").doubleValue()).as(page + ": the search button's right edge").isLessThanOrEqualTo(at.get("screen").doubleValue());
        assertThat(at.get("page").intValue()).as(page + ": the page's width").isLessThanOrEqualTo(at.get("screen").intValue());
      }
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  /**
   * The timeline's chart fits the screen, every bar in view, and on a phone its labels are
   * drawn larger so that, shrunk with it, they come out at 10 px or more; neighbouring labels
   * never overlap.
   */
  @org.junit.jupiter.api.Test
  void onAPhoneTheTimelinesChartShowsEveryBarWithLabelsOfTenPixelsOrMore() {
    WebDriver driver = chromium.driver();
    try {
      for (int width : new int[] {320, 375, 1280}) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
        chromium.open(site.url(Origin.FILE, "timeline.html"));
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
            "var svg = document.querySelector('.overview svg.timeline-chart'), html = document.documentElement;"
                + "var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;"
                + "var labels = Array.from(svg.querySelectorAll('text'));"
                + "var sizes = labels.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);"
                + "var below = Array.from(svg.querySelectorAll('text:not(.count)')).map(t => t.getBoundingClientRect());"
                + "var overlaps = below.slice(1).filter((r, i) => r.left < below[i].right).length;"
                + "return {smallest: Math.min.apply(null, sizes), overlaps: overlaps,"
                + " right: svg.getBoundingClientRect().right, screen: html.clientWidth, page: html.scrollWidth};");
        String where = width + " px";
        assertThat(((Number) at.get("smallest")).doubleValue()).as(where + ": the smallest label's size in px").isGreaterThanOrEqualTo(10);
        assertThat(((Number) at.get("overlaps")).intValue()).as(where + ": labels overlapping the one before").isZero();
        assertThat(((Number) at.get("right")).doubleValue()).as(where + ": the chart's right edge").isLessThanOrEqualTo(((Number) at.get("screen")).doubleValue());
        assertThat(((Number) at.get("page")).intValue()).as(where + ": the page's width").isLessThanOrEqualTo(((Number) at.get("screen")).intValue());
      }
    } finally {
      driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
  }

  /**
   * A link to a paragraph shows "¶12" and is read out as "paragraph 12" ("¶" alone is read as
   * "pilcrow"), from its own text, not from an aria-label that says other words than it shows
   * (which speech control cannot match): the notes, and a topic page's passages.
   */
  @org.junit.jupiter.api.Test
  void aLinkToAParagraphIsReadAsParagraphWhereItShowsThePilcrow() {
    WebDriver driver = chromium.driver();
    for (String[] page : new String[][] {{"index.html", "a.note-target"}, {"topics/diplomacy.html", ".passage-source a"}}) {
      chromium.open(site.url(Origin.FILE, page[0]));
      List<org.openqa.selenium.WebElement> links = driver.findElements(By.cssSelector(page[1])).stream().filter(a -> a.getText().contains("¶")).toList();
      assertThat(links).as(page[0]).isNotEmpty();
      for (org.openqa.selenium.WebElement link : links.subList(0, Math.min(3, links.size()))) {
        assertThat(link.getDomAttribute("aria-label")).as(page[0]).isNull();
        assertThat(link.getAccessibleName()).as(page[0]).matches(".+, paragraph [0-9]+").doesNotContain("¶");
        String seen = link.getText();
        assertThat(seen).as(page[0]).matches(".+, ¶[0-9]+");
        String copied = (String) ((JavascriptExecutor) driver).executeScript(
            "var range = document.createRange(); range.selectNodeContents(arguments[0]); var s = window.getSelection(); s.removeAllRanges(); s.addRange(range); var text = s.toString(); s.removeAllRanges(); return text;", link);
        assertThat(copied).as(page[0] + ", selected to be copied").isEqualTo(seen);
      }
    }
  }

  /**
   * On the timeline, whose month heading stays at the top of the screen as it scrolls, what a
   * link brings into view lands below that heading: a note's way back to its number.
   */
  @org.junit.jupiter.api.Test
  void aNotesWayBackToItsNumberLandsBelowTheTimelinesStickyMonth() {
    WebDriver driver = chromium.driver();
    chromium.open(site.url(Origin.FILE, "timeline.html"));
    JavascriptExecutor js = (JavascriptExecutor) driver;
    // A number halfway down: one the page can scroll to the top of the screen.
    String id = (String) js.executeScript("var refs = document.querySelectorAll('.timeline sup.ref[id]'); return refs[Math.floor(refs.length / 2)].id;");
    chromium.open(site.url(Origin.FILE, "timeline.html#" + id));
    @SuppressWarnings("unchecked")
    Map<String, Number> at = (Map<String, Number>) js.executeScript(
        "var ref = document.getElementById(arguments[0]);"
            + "return {scrolled: window.scrollY, ref: ref.getBoundingClientRect().top, heading: ref.closest('section.month').querySelector('h2').getBoundingClientRect().bottom};", id);
    assertThat(at.get("scrolled").doubleValue()).as("the page scrolled to #" + id).isGreaterThan(0);
    assertThat(at.get("ref").doubleValue()).as("#" + id + "'s top, below the month's heading").isGreaterThanOrEqualTo(at.get("heading").doubleValue());
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void theTopicFilterHidesAndShowsEvents(Origin origin) {
    WebDriver driver = openTimeline(origin);
    Map<String, List<String>> events = eventTopics(driver);
    String topic = aTopicOfSomeEventsOnly(driver, events);
    Set<String> about = eventsAbout(events, topic);

    driver.findElement(By.cssSelector(".topic-filter a[data-topic='" + topic + "']")).click();

    chromium.waiting().until(d -> hash(d).equals("#topic=" + topic));
    chromium.waiting().until(d -> shownEvents(d).equals(about));
    assertThat(driver.findElement(By.cssSelector(".topic-filter .filter-status")).getText())
        .startsWith("Showing " + about.size() + " of " + events.size() + " events");
    assertThat(driver.findElement(By.cssSelector(".topic-filter a[data-topic='" + topic + "']")).getDomAttribute("aria-current"))
        .isEqualTo("true");
    // The notes left are those of the events shown, each under its own number still.
    int allNotes = driver.findElements(By.cssSelector(".references .notes li")).size();
    Set<String> notesShown = shown(driver, ".references .notes li");
    assertThat(notesShown).isNotEmpty().hasSizeLessThan(allNotes).isEqualTo(notesOfShownEvents(driver));
    for (String note : notesShown) {
      assertThat(driver.findElement(By.id(note)).getDomProperty("value")).isEqualTo(note.substring("note-".length()));
      // Its way back leads to something shown: its first citation, or the first event shown that cites it.
      String back = driver.findElement(By.cssSelector("#" + note + " .backref")).getDomAttribute("href");
      assertThat(driver.findElement(By.id(back.substring(1))).isDisplayed()).as(note + " back to " + back).isTrue();
    }

    driver.findElement(By.cssSelector(".topic-filter a[data-topic='']")).click();

    Set<String> all = events.keySet();
    chromium.waiting().until(d -> shownEvents(d).equals(all));
    assertThat(shown(driver, ".references .notes li")).hasSize(allNotes);
    assertThat(hash(driver)).isEmpty();
    assertThat(driver.getCurrentUrl()).isEqualTo(site.url(origin, "timeline.html"));
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void aFilteredTimelineCanBeLinkedTo(Origin origin) {
    WebDriver driver = openTimeline(origin);
    Map<String, List<String>> events = eventTopics(driver);
    String topic = aTopicOfSomeEventsOnly(driver, events);
    Set<String> about = eventsAbout(events, topic);

    chromium.open(site.url(origin, "timeline.html#topic=" + topic));

    chromium.waiting().until(d -> shownEvents(d).equals(about));
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Origin.class)
  void theFilterWorksFromTheKeyboardAlone(Origin origin) {
    // A fresh document, as after following a link: the focus starts at the top of the page.
    chromium.open("about:blank");
    WebDriver driver = openTimeline(origin);
    Map<String, List<String>> events = eventTopics(driver);
    String topic = aTopicOfSomeEventsOnly(driver, events);
    Set<String> about = eventsAbout(events, topic);

    chromium.tabTo(".topic-filter a[data-topic='" + topic + "']", false);
    new Actions(driver).sendKeys(Keys.ENTER).perform();

    chromium.waiting().until(d -> hash(d).equals("#topic=" + topic));
    chromium.waiting().until(d -> shownEvents(d).equals(about));

    chromium.tabTo(".topic-filter a[data-topic='']", true);
    new Actions(driver).sendKeys(Keys.ENTER).perform();

    Set<String> all = events.keySet();
    chromium.waiting().until(d -> shownEvents(d).equals(all));
    assertThat(hash(driver)).isEmpty();
    assertThat(chromium.consoleErrors()).isEmpty();
  }

  private static WebDriver openTimeline(Origin origin) {
    chromium.forgetLogs();
    chromium.open(site.url(origin, "timeline.html"));
    WebDriver driver = chromium.driver();
    // The filter is hidden until the script has wired it up.
    chromium.waiting().until(d -> d.findElement(By.cssSelector(".topic-filter")).isDisplayed());
    return driver;
  }

  /** Each event on the page with the topics its {@code data-topics} lists, read in one call. */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> eventTopics(WebDriver driver) {
    Map<String, String> raw = (Map<String, String>) ((JavascriptExecutor) driver).executeScript(
        "var m = {}; document.querySelectorAll('.timeline .event').forEach(function (e) {"
        + " m[e.id] = e.getAttribute('data-topics'); }); return m;");
    assertThat(raw).as("events on the timeline").isNotEmpty();
    Map<String, List<String>> events = new TreeMap<>();
    raw.forEach((id, topics) -> events.put(id, List.of(topics.split(" "))));
    return events;
  }

  /** A topic of the filter that some events have and some do not, so that filtering by it shows a difference. */
  private static String aTopicOfSomeEventsOnly(WebDriver driver, Map<String, List<String>> events) {
    List<String> topics = driver.findElements(By.cssSelector(".topic-filter a[data-topic]")).stream()
        .map(a -> a.getDomAttribute("data-topic")).filter(t -> !t.isEmpty()).toList();
    assertThat(topics).isNotEmpty();
    return topics.stream().filter(t -> {
      int n = eventsAbout(events, t).size();
      return n > 0 && n < events.size();
    }).findFirst().orElseThrow(() -> new AssertionError("no topic covers some events but not all: " + topics));
  }

  private static Set<String> eventsAbout(Map<String, List<String>> events, String topic) {
    return events.entrySet().stream().filter(e -> e.getValue().contains(topic)).map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /** The events a reader can see: those that take up room on the page. */
  @SuppressWarnings("unchecked")
  private static Set<String> shownEvents(WebDriver driver) {
    return Set.copyOf((List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('.timeline .event'))"
        + ".filter(function (e) { return e.getClientRects().length > 0; }).map(function (e) { return e.id; });"));
  }

  @SuppressWarnings("unchecked")
  private static Set<String> shown(WebDriver driver, String selector) {
    return Set.copyOf((List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll(arguments[0]))"
        + ".filter(function (e) { return e.getClientRects().length > 0; }).map(function (e) { return e.id; });", selector));
  }

  /** The notes that the references in the events shown are described by. */
  @SuppressWarnings("unchecked")
  private static Set<String> notesOfShownEvents(WebDriver driver) {
    return Set.copyOf((List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('.timeline .event sup.ref a'))"
        + ".filter(function (e) { return e.getClientRects().length > 0; })"
        + ".map(function (e) { return e.getAttribute('aria-describedby').replace(/-text$/, ''); });"));
  }

  private static String hash(WebDriver driver) {
    return (String) ((JavascriptExecutor) driver).executeScript("return window.location.hash");
  }
}
