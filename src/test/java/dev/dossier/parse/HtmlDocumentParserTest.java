package dev.dossier.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Severity;
import dev.dossier.model.Block;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlDocumentParserTest {

  private final HtmlDocumentParser parser = new HtmlDocumentParser();
  private final Diagnostics diagnostics = new Diagnostics();

  // --- Saved pages ------------------------------------------------------------------------------

  @Test
  void newsArticleKeepsTheStoryAndDropsTheSiteAroundIt() {
    Document doc = fixture("news-article.html");

    assertThat(texts(doc))
        .containsExactly(
            "The State Department is relocating its remaining diplomats to the west of Ukraine as Russian"
                + " troops mass on the border.",
            "KYIV, Ukraine — The United States is temporarily moving its embassy operations in Ukraine from"
                + " Kyiv to Lviv, Secretary of State Antony Blinken said on Monday, citing the “dramatic"
                + " acceleration” of the Russian military buildup.",
            "The US Embassy in Kyiv on February 13, 2022.",
            "The small number of diplomats who remained in the capital will relocate to the western city,"
                + " days after the department ordered most staff to leave.",
            "# A “prudent precaution”",
            "“These prudent precautions in no way undermine our support for or our commitment to Ukraine,”"
                + " Blinken said in a statement. We will continue to engage with the Ukrainian government.",
            "The embassy will remain engaged with the Ukrainian government, coordinating diplomatic"
                + " engagement.",
            "The department listed three immediate steps:",
            "suspending consular services in Kyiv;",
            "moving a small consular presence to Lviv;",
            "urging US citizens to leave the country – now.",
            "Ukrainian officials said the move was expected.");
    assertThat(doc.paragraphs()).extracting(Paragraph::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    assertThat(allText(doc))
        .doesNotContain("cookies", "Skip to content", "Politics", "Share on Twitter", "Advertisement",
            "Subscribe", "newsletter", "Related", "Biden and Putin", "reader42", "Most read", "Press Street",
            "© 2022", "By Jane Doe", "8:41 PM");
  }

  @Test
  void newsArticleMetadataComesFromOpenGraphJsonLdAndTheCanonicalLink() {
    Document doc = fixture("news-article.html");

    assertThat(doc.path()).isEqualTo("news-article.html");
    assertThat(doc.format()).isEqualTo("html");
    assertThat(doc.title()).contains("US moves embassy operations from Kyiv to Lviv");
    assertThat(doc.site()).contains("Northern Ledger");
    assertThat(doc.authors()).containsExactly("Jane Doe", "John Roe");
    assertThat(doc.published()).contains(day("2022-02-14"));
    assertThat(doc.updated()).contains(OffsetDateTime.of(2022, 2, 15, 9, 10, 0, 0, ZoneOffset.ofHours(-5)));
    assertThat(doc.url()).contains("https://www.northernledger.example/world/2022/02/14/kyiv-embassy-lviv");
    assertThat(doc.dateline()).contains("KYIV");
    assertThat(doc.topics()).isEmpty();
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void inlineMarkupSurvivesAndRelativeLinksPointAtTheOriginalSite() {
    Document doc = fixture("news-article.html");

    assertThat(doc.paragraphs().get(3).html())
        .isEqualTo("<p>The small number of diplomats who remained in the capital will relocate to the western city,\n"
            + "       <a href=\"https://www.northernledger.example/world/2022/02/12/embassy-drawdown\""
            + " rel=\"noopener noreferrer\">days after the department ordered</a> most staff to leave.</p>");
    assertThat(doc.paragraphs().get(4).html()).contains("<em>We will continue</em>");
    assertThat(doc.blocks().get(4)).isEqualTo(new Subheading("A “prudent precaution”", "A “prudent precaution”"));
  }

  @Test
  void governmentPressReleaseDropsBreadcrumbsAndTakesTheDateFromTime() {
    Document doc = fixture("gov-press-release.html");

    assertThat(texts(doc))
        .containsExactly(
            "Ned Price, Department Spokesperson",
            "On February 12, the Department of State ordered the departure of most U.S. direct hire employees"
                + " from Embassy Kyiv due to the continued threat of Russian military action.",
            "The Embassy will maintain a small consular presence in Lviv, Ukraine to handle emergencies, but"
                + " will not be able to provide passport, visa, or routine consular services.",
            "# Background",
            "U.S. citizens should not travel to Ukraine due to the increased threats of Russian military action"
                + " and COVID-19; those in Ukraine should depart now using commercial or other privately"
                + " available transportation options.",
            "For more information:",
            "Read the Travel Advisory for Ukraine.",
            "Enroll in the Smart Traveler Enrollment Program.");
    assertThat(doc.title()).contains("Ordered Departure of Staff from Embassy Kyiv");
    assertThat(doc.site()).contains("United States Department of State");
    assertThat(doc.authors()).isEmpty();
    assertThat(doc.published()).contains(day("2022-02-12"));
    assertThat(doc.updated()).isEmpty();
    assertThat(doc.url()).contains("https://www.state.example/ordered-departure-of-staff-from-embassy-kyiv/");
    assertThat(doc.dateline()).isEmpty();
    assertThat(doc.paragraphs().get(5).html()).contains("href=\"https://www.state.example/travel-advisories/ukraine.html\"");
    assertThat(allText(doc))
        .doesNotContain("official website", "Skip to main", "Bureaus", "Home", "Office of the Spokesperson",
            "February 12, 2022", "Share this page", "Tags:", "Return to top", "Inspector General");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void blogWithoutArticleMarkupIsFoundByItsParagraphText() {
    Document doc = fixture("blog-post.html");

    assertThat(texts(doc))
        .containsExactly(
            "The trains west were full by Saturday afternoon. I found a seat on the 17:40 to Lviv only"
                + " because a family of four decided to wait another day.",
            "Most of the people I spoke to on the platform did not believe an invasion was coming. They were"
                + " leaving, they said, because their employers had told them to.",
            "# The embassy",
            // Starts with "By" but is a sentence, not a byline: it stays.
            "By Sunday the embassy on Sikorsky Street was quiet. A guard told me the last cars had left before"
                + " dawn.",
            // Loose text between blocks is a paragraph; <br><br> ends one.
            "Some notes I scribbled on the train, unedited: the conductor checked tickets twice;",
            "nobody talked about the news.",
            "I will write more from Lviv when I can.");
    assertThat(doc.paragraphs().get(3).html())
        .isEqualTo("<p>Some notes I scribbled on the train, <em>unedited</em>:<br>\n"
            + "        the conductor checked tickets twice;</p>");
    assertThat(doc.title()).contains("Leaving Kyiv: notes from the last week");
    assertThat(doc.site()).contains("Field Notes from the East");
    assertThat(doc.authors()).containsExactly("Sam Rivera");
    assertThat(doc.published()).contains(day("2022-02-16"));
    assertThat(doc.updated()).isEmpty();
    assertThat(doc.url()).contains("http://fieldnotes.example/2022/02/leaving-kyiv");
    assertThat(doc.dateline()).isEmpty();
    assertThat(allText(doc))
        .doesNotContain("Home", "Archive", "Posted by", "Share on", "Stay safe", "packed", "freelance writer",
            "Powered by");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void hostilePageKeepsItsTextAndNothingThatRunsOrLoads() {
    Document doc = fixture("hostile.html");

    assertThat(texts(doc))
        .containsExactly(
            "The city council approved the 2022 budget on Tuesday by a vote of 7 to 2.",
            "Read the full budget or the summary.",
            "Opponents said the plan cuts library hours.",
            "The mayor welcomed the vote & thanked staff.",
            "Earlier coverage is available.");
    for (Block block : doc.blocks()) {
      assertThat(block.html())
          .doesNotContainIgnoringCase("<script")
          .doesNotContainIgnoringCase("javascript:")
          .doesNotContainIgnoringCase("vbscript:")
          .doesNotContainIgnoringCase("data:")
          .doesNotContainIgnoringCase("<iframe")
          .doesNotContainIgnoringCase("<img")
          .doesNotContainIgnoringCase("<object")
          .doesNotContainIgnoringCase("<embed")
          .doesNotContainIgnoringCase("<svg")
          .doesNotContainIgnoringCase("style=")
          .doesNotContainIgnoringCase("tracker.example")
          .doesNotContainIgnoringCase("evil.example")
          .doesNotContainPattern("(?i)\\son\\w+\\s*=");
    }
    assertThat(doc.paragraphs().get(1).html())
        .isEqualTo("<p>Read the <a rel=\"noopener noreferrer\">full budget</a> or the"
            + " <a href=\"http://city.example/summary.pdf\" rel=\"noopener noreferrer\">summary</a>.</p>");
    assertThat(allText(doc))
        .doesNotContain("cookies", "Menu", "Home page", "iframes", "Flash fallback", "SVG text", "Hidden text",
            "Invisible text", "password", "City Chronicle", "alert");
  }

  /** A reference to a control character or a noncharacter would put one in the site's pages, which no web page may hold. */
  /**
   * Inside the article's body, a paragraph whose class holds a chrome word is still the text when
   * it reads as a sentence; a share prompt or a comment count is not, and goes.
   */
  @Test
  void aSentenceOfTheBodyStaysWhateverItsClassSays() {
    String html = "<html><body><article><h1>Closure</h1><div class=\"article-body\">"
        + "<p>The embassy in Kyiv closed on Monday, officials said.</p>"
        + "<p class=\"share-price\">Shares of the company fell 5% on the news of the closure.</p>"
        + "<p class=\"comment\">Officials declined to comment on the situation when asked about it.</p>"
        + "<p class=\"share-title\">Share this article</p>"
        + "<p class=\"comments-count\">12 comments</p>"
        + "<p class=\"newsletter-promo\">Sign up for our daily newsletter to get the latest news from Ukraine in your inbox.</p>"
        + "<p class=\"cookie-note\">We use cookies to improve your experience and to show you relevant advertising.</p>"
        + "<p>Staff moved to Lviv, a city in western Ukraine.</p></div></article></body></html>";
    Document doc = new HtmlDocumentParser().parse("a.html", html, diagnostics);
    assertThat(doc.paragraphs()).extracting(Paragraph::text).containsExactly(
        "The embassy in Kyiv closed on Monday, officials said.",
        "Shares of the company fell 5% on the news of the closure.",
        "Officials declined to comment on the situation when asked about it.",
        "Staff moved to Lviv, a city in western Ukraine.");
  }

  /** A table of data is one paragraph that keeps its rows; a table that lays out paragraphs is read for them. */
  @Test
  void aTableOfDataIsOneParagraphAndALayoutTableIsReadForItsParagraphs() {
    String data = "<html><body><article><h1>Staff</h1>\n<p>The embassy counted its staff on Monday.</p>\n"
        + "<table><tr><th>City</th><th>Staff</th></tr><tr><td>Kyiv</td><td>12</td></tr></table>\n<p>Most went west.</p></article></body></html>";
    Document doc = new HtmlDocumentParser().parse("a.html", data, diagnostics);
    assertThat(doc.paragraphs()).extracting(Paragraph::text)
        .containsExactly("The embassy counted its staff on Monday.", "City Staff Kyiv 12", "Most went west.");
    assertThat(doc.paragraphs().get(1).html()).startsWith("<table>").contains("<th>City</th>").contains("<td>Kyiv</td>").endsWith("</table>");

    String layout = "<html><body><article><h1>Staff</h1>\n<table><tr><td><p>The embassy counted its staff on Monday.</p>"
        + "<p>Most went west.</p></td></tr></table></article></body></html>";
    assertThat(new HtmlDocumentParser().parse("a.html", layout, diagnostics).paragraphs()).extracting(Paragraph::text)
        .containsExactly("The embassy counted its staff on Monday.", "Most went west.");
    String lines = "<html><body><article><h1>Staff</h1>\n<table><tr><td>The embassy counted its staff on Monday.<br><br>Most went west.</td></tr>"
        + "<tr><td>A few stayed in Kyiv.</td></tr></table></article></body></html>";
    assertThat(new HtmlDocumentParser().parse("a.html", lines, diagnostics).paragraphs()).extracting(Paragraph::text)
        .as("a paragraph a cell, as before tables of data were told apart")
        .containsExactly("The embassy counted its staff on Monday. Most went west.", "A few stayed in Kyiv.");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  /**
   * Right-to-left text keeps the direction its page gives it, on the paragraph and inside it; a
   * {@code <bdo>} without a direction to override with is not valid HTML, so only its words stay.
   */
  @Test
  void aParagraphsDirectionAndABdosOverrideAreKept() {
    String html = "<html><body><article><h1>שלום</h1>\n<p dir=\"RTL\">השגרירות נסגרה ביום שני.</p>\n"
        + "<p>Read <bdo dir=\"rtl\">backwards</bdo>, <bdo>as is</bdo>, <bdo dir=\"auto\">as is</bdo>"
        + " and <span dir=\"auto\">שני</span>, <em dir=\"sideways\">upright</em>.</p>\n"
        + "<table dir=\"rtl\"><tr><th>עיר</th><th>צוות</th></tr><tr><td>קייב</td><td>12</td></tr></table></article></body></html>";

    Document doc = parser.parse("a.html", html, diagnostics);

    assertThat(doc.paragraphs()).extracting(Paragraph::text)
        .containsExactly("השגרירות נסגרה ביום שני.", "Read backwards, as is, as is and שני, upright.", "עיר צוות קייב 12");
    assertThat(doc.paragraphs()).extracting(Paragraph::html)
        .containsExactly(
            "<p dir=\"rtl\">השגרירות נסגרה ביום שני.</p>",
            "<p>Read <bdo dir=\"rtl\">backwards</bdo>, as is, as is and <span dir=\"auto\">שני</span>, <em>upright</em>.</p>",
            "<table dir=\"rtl\"><tbody><tr><th>עיר</th><th>צוות</th></tr><tr><td>קייב</td><td>12</td></tr></tbody></table>");
    assertThat(diagnostics.sorted()).isEmpty();
    // An English page's <html dir="ltr"> is every page's direction anyway: its paragraphs stay plain.
    Document english = parser.parse("b.html", "<html dir=\"ltr\"><body><article><h1>Kyiv</h1><p>The embassy closed.</p></article></body></html>", diagnostics);
    assertThat(english.paragraphs()).extracting(Paragraph::html).containsExactly("<p>The embassy closed.</p>");
  }

  /** A page in Hebrew or Arabic says its direction once, on {@code <html>}: each paragraph keeps it. */
  @Test
  void aParagraphTakesTheDirectionItsPageOrContainerGivesIt() {
    String html = "<html dir=\"rtl\" lang=\"he\"><body><article><h1>שלום</h1>\n<p>השגרירות נסגרה ביום שני.</p>\n"
        + "<div dir=\"ltr\"><p>The embassy closed on Monday.</p></div>\n<h2>ללביב</h2>\n<p dir=\"sideways\">הצוות עבר ללביב.</p>\n"
        + "<section>טקסט ללא פסקה<p>סוף.</p></section>\n"
        + "<table><tr><th>עיר</th><th>צוות</th></tr><tr><td>קייב</td><td>12</td></tr></table></article></body></html>";

    Document doc = parser.parse("a.html", html, diagnostics);

    assertThat(doc.paragraphs()).extracting(Paragraph::html)
        .containsExactly(
            "<p dir=\"rtl\">השגרירות נסגרה ביום שני.</p>",
            "<p dir=\"ltr\">The embassy closed on Monday.</p>",
            "<p dir=\"rtl\">הצוות עבר ללביב.</p>",
            "<p dir=\"rtl\">טקסט ללא פסקה</p>",
            "<p dir=\"rtl\">סוף.</p>",
            "<table dir=\"rtl\"><tbody><tr><th>עיר</th><th>צוות</th></tr><tr><td>קייב</td><td>12</td></tr></tbody></table>");
    // A subheading reads right to left as the paragraphs around it do.
    assertThat(doc.blocks()).filteredOn(Subheading.class::isInstance).map(Subheading.class::cast)
        .extracting(Subheading::text, Subheading::direction)
        .containsExactly(tuple("ללביב", Optional.of("rtl")));
    assertThat(diagnostics.sorted()).isEmpty();
    // An English page's <html dir="ltr"> is every page's direction anyway: its paragraphs stay plain.
    Document english = parser.parse("b.html", "<html dir=\"ltr\"><body><article><h1>Kyiv</h1><h2>Staff</h2><p>The embassy closed.</p></article></body></html>", diagnostics);
    assertThat(english.paragraphs()).extracting(Paragraph::html).containsExactly("<p>The embassy closed.</p>");
    assertThat(english.blocks()).filteredOn(Subheading.class::isInstance).map(Subheading.class::cast)
        .extracting(Subheading::direction).containsExactly(Optional.empty());
  }

  /** "US – Russia talks began": the opening words, not a dateline; "LVIV – The embassy moved" is one. */
  @Test
  void capitalsAndADashAreADatelineOnlyWhenTheyReadAsOne() {
    String html = "<html><body><article><h1>Talks</h1>\n<p>US – Russia talks began in Geneva on Monday.</p>\n<p>Staff left.</p></article></body></html>";
    assertThat(new HtmlDocumentParser().parse("a.html", html, diagnostics).dateline()).isEmpty();
    assertThat(new HtmlDocumentParser().parse("a.html", html.replace("US – Russia talks began", "LVIV – Talks began"), diagnostics).dateline())
        .contains("LVIV");
  }

  @Test
  void aReferenceToAControlCharacterOrANoncharacterIsReadAsTheReplacementCharacter() {
    String html = "<html><body><article><h1>Embassy</h1>\n<p>The embassy&#1; closed on Monday.</p>\n<p>Staff left&#xFFFE; for&#x7f; Lviv.</p></article></body></html>";
    Document doc = new HtmlDocumentParser().parse("a.html", html, diagnostics);
    assertThat(doc.blocks()).extracting(b -> ((Paragraph) b).text())
        .containsExactly("The embassy\uFFFD closed on Monday.", "Staff left\uFFFD for\uFFFD Lviv.");
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly(
        "a.html:2:4: warning: a character reference in this text stands for U+0001, a control character, which no web page may hold:"
            + " it is read as U+FFFD, shown as \"\uFFFD\" (as are 2 more in this page)");
  }

  @Test
  void hostilePageMetadataIsPlainTextAndOnlyWebUrls() {
    Document doc = fixture("hostile.html");

    // Plain text: the templates escape it, so it shows as the page wrote it and never runs.
    assertThat(doc.title()).contains("Council approves budget <script>alert('title')</script>");
    assertThat(doc.site()).isEmpty();
    assertThat(doc.authors()).containsExactly("Alex Kim");
    // article:published_time is not a date, so the next source (dc.date) is used.
    assertThat(doc.published()).contains(day("2022-03-01"));
    assertThat(doc.updated()).isEmpty();
    // Relative canonical (with a hostile <base href>), javascript: og:url, meta refresh: no URL.
    assertThat(doc.url()).isEmpty();
    assertThat(diagnostics.sorted())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.WARNING);
              assertThat(d.headline())
                  .isEqualTo("hostile.html:12:1: warning: this page's JSON-LD is not valid JSON; its metadata was ignored");
            });
  }

  // --- Metadata sources -------------------------------------------------------------------------

  @Test
  void jsonLdArraysTypeListsSingleAuthorsAndEscapedText() {
    String html =
        """
        <html><head>
        <script type="application/ld+json">
        [
          {"@type": "BreadcrumbList", "itemListElement": []},
          {"@context": "https://schema.org", "@type": ["ReportageNewsArticle", "NewsArticle"],
           "headline": "Q&amp;A: what the embassy move means",
           "author": {"@type": "Person", "name": "Olena Kovalenko"},
           "publisher": {"@type": "Organization", "name": "Kyiv Dispatch"},
           "datePublished": "2022-02-15",
           "dateModified": "2022-02-15T18:02:11Z",
           "url": "https://dispatch.example/qa-embassy",
           "relatedLink": {"@type": "NewsArticle", "headline": "An older story", "author": {"name": "Someone Else"}}}
        ]
        </script>
        </head><body>
        <h1>Q&amp;A: what the embassy move means</h1>
        <p>Why did the United States move its embassy? Officials cited the risk of an invasion.</p>
        </body></html>
        """;

    Document doc = parser.parse("qa.html", html, diagnostics);

    assertThat(doc.title()).contains("Q&A: what the embassy move means");
    assertThat(doc.site()).contains("Kyiv Dispatch");
    assertThat(doc.authors()).containsExactly("Olena Kovalenko");
    assertThat(doc.published()).contains(day("2022-02-15"));
    assertThat(doc.updated()).contains(OffsetDateTime.of(2022, 2, 15, 18, 2, 11, 0, ZoneOffset.UTC));
    assertThat(doc.url()).contains("https://dispatch.example/qa-embassy");
    assertThat(texts(doc)).containsExactly("Why did the United States move its embassy? Officials cited the risk of an invasion.");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void publishedIsTheDayAsWrittenAndUpdatedNeedsAnOffset() {
    String html =
        """
        <html><head>
        <meta property="article:published_time" content="2022-02-14T23:30:00-05:00">
        <meta property="article:modified_time" content="2022-02-15T09:10:00">
        </head><body><article><p>Late-night reporting from Washington on the embassy closure.</p></article></body></html>
        """;

    Document doc = parser.parse("late.html", html, diagnostics);

    // 23:30 in New York is already the 15th in UTC; the page says the 14th, so the 14th it is.
    assertThat(doc.published()).contains(day("2022-02-14"));
    assertThat(doc.updated()).isEmpty();
  }

  /**
   * A {@code <time>} in a sentence of the text dates what the sentence tells, not the article.
   * One in the article's header, on a byline or timestamp line, or marked as the publication
   * date (itemprop, class, pubdate) dates the article, wherever the prose ones stand.
   */
  @Test
  void aTimeInASentenceOfTheTextIsNotThePublicationDate() {
    String prose = "<p>The meeting of <time datetime=\"1991-08-24\">24 August 1991</time> is remembered.</p>";
    java.util.function.Function<String, Document> page = article ->
        parser.parse("a.html", "<html><body><article><h1>Story</h1>" + article + "</article></body></html>", diagnostics);

    Document alone = page.apply(prose);
    assertThat(alone.published()).isEmpty();
    assertThat(texts(alone)).containsExactly("The meeting of 24 August 1991 is remembered.");

    assertThat(page.apply("<header><p>Filed from Kyiv on <time datetime=\"2022-02-14\">Monday</time></p></header>" + prose).published())
        .contains(day("2022-02-14"));
    assertThat(page.apply("<div class=\"meta\">Kyiv bureau, <time datetime=\"2022-02-14\">Monday</time></div>"
        + "<div itemprop=\"articleBody\">" + prose + "</div>").published()).as("above the article's text").contains(day("2022-02-14"));
    assertThat(page.apply(prose + "<p>By Jane Doe | <time datetime=\"2022-02-14\">14 February 2022</time></p>").published())
        .contains(day("2022-02-14"));
    assertThat(page.apply(prose + "<p>This story was first published <time itemprop=\"datePublished\" datetime=\"2022-02-14\">on"
        + " Monday</time> and has been updated.</p>").published()).contains(day("2022-02-14"));
    assertThat(page.apply("<header><p>Updated <time datetime=\"2022-02-15\">15 February 2022</time></p></header>" + prose
        + "<p>Posted <span class=\"entry-date published\"><time datetime=\"2022-02-14\">14 February 2022</time></span></p>").published())
        .as("a time marked as the publication date comes before the others").contains(day("2022-02-14"));
    assertThat(page.apply(prose + "<p>Its first version went out <time pubdate datetime=\"2022-02-14\">on Monday</time>, before"
        + " the briefing.</p>").published()).contains(day("2022-02-14"));

    // A byline, meta line or dateline is not a sentence around its time, though it holds one.
    String text = "<p>The embassy closed on Monday, officials said.</p>";
    for (String line : List.of(
        "<p>By Jane Doe — <time datetime=\"2022-02-14T10:00:00Z\">Feb. 14, 2022</time></p>",
        "<p>By Jane Doe, CNN <time datetime=\"2022-02-14T10:00:00Z\">Feb 14, 2022</time></p>",
        "<div class=\"meta\"><span class=\"author\">Jane Doe</span> · <time datetime=\"2022-02-14\">February 14, 2022</time>"
            + " · <span>5 min read</span></div>",
        "<p><time datetime=\"2022-02-14\">Monday 14 February 2022</time> KYIV — The embassy closed.</p>",
        "<p>KYIV, <time datetime=\"2022-02-14\">Feb. 14</time> — The embassy closed.</p>",
        "<p>KYIV, Ukraine, <time datetime=\"2022-02-14\">Feb. 14</time> (AP) — The embassy closed.</p>")) {
      assertThat(page.apply(line + text).published()).as(line).contains(day("2022-02-14"));
    }
    assertThat(page.apply(prose + text).published()).as("a sentence's time stays one first in the text").isEmpty();
    assertThat(page.apply("<p>US – Russia talks, <time datetime=\"2022-01-10\">10 January</time> — failed, officials said.</p>").published())
        .as("capitals and a dash that read as no dateline").isEmpty();
    assertThat(diagnostics.sorted()).isEmpty();
  }

  /**
   * "By Jane Doe <time>…</time>", with no separator but the time or with one before it, is a
   * byline and a date, not the first paragraph; a middle dot inside a name is the name's.
   */
  @Test
  void aBylineWhoseDateIsATimeElementIsMetadata() {
    String[][] heads = {
      {"<p>By Jane Doe <time datetime=\"2022-02-14\">Feb 14, 2022</time></p>", "Jane Doe"},
      // The name a link, a separator before the time.
      {"<div class=\"meta\">By <a href=\"/authors/jd\">Jane Doe</a> · <time datetime=\"2022-02-14T10:00:00Z\">14 February 2022</time></div>", "Jane Doe"},
      // Catalan's "l·l".
      {"<p>By Marcel·la Rovira · <time datetime=\"2022-02-14\">14 February 2022</time></p>", "Marcel·la Rovira"},
      // A dash between the name and the time.
      {"<p>By Jean-Luc Martin — <time datetime=\"2022-02-14\">Feb 14, 2022</time></p>", "Jean-Luc Martin"},
      // A dash in the outlet's name stays the outlet's.
      {"<p>By Jane Doe, BBC News – Kyiv <time datetime=\"2022-02-14\">14 Feb 2022</time></p>", "Jane Doe"},
      {"<p>By Jane Doe – <time datetime=\"2022-02-14\">14 Feb 2022</time></p>", "Jane Doe"},
      // The page's estimate of the time it takes to read, after the date.
      {"<p>By Jane Doe · <time datetime=\"2022-02-14\">14 February 2022</time> · 5 min read</p>", "Jane Doe"},
    };
    for (String[] head : heads) {
      Document doc = parser.parse("a.html", "<html><body><article><h1>US closes Kyiv embassy</h1>" + head[0]
          + "<p>The embassy closed on Monday, officials said.</p></article></body></html>", diagnostics);
      assertThat(texts(doc)).as(head[0]).containsExactly("The embassy closed on Monday, officials said.");
      assertThat(doc.authors()).as(head[0]).containsExactly(head[1]);
      assertThat(doc.published()).as(head[0]).contains(day("2022-02-14"));
    }
    // A sentence with a dash at the head is the article's first paragraph.
    String sentence = "<p>By Sunday — <time datetime=\"2022-02-13\">13 February</time> — the embassy was quiet.</p>";
    Document doc = parser.parse("b.html", "<html><body><article><h1>US closes Kyiv embassy</h1>" + sentence
        + "<p>The embassy closed on Monday, officials said.</p></article></body></html>", diagnostics);
    assertThat(texts(doc)).first().asString().startsWith("By Sunday");
    assertThat(doc.authors()).isEmpty();
  }

  @Test
  void titleLosesTheSiteSuffixOnlyWhenItIsTheSiteName() {
    String page =
        """
        <html><head><title>%s</title><meta property="og:site_name" content="City Chronicle"></head>
        <body><p>The council met on Tuesday evening to discuss the budget.</p></body></html>
        """;

    assertThat(parser.parse("a.html", page.formatted("Budget vote | City Chronicle"), diagnostics).title())
        .contains("Budget vote");
    assertThat(parser.parse("b.html", page.formatted("Budget vote - City Chronicle"), diagnostics).title())
        .contains("Budget vote");
    assertThat(parser.parse("c.html", page.formatted("Budget vote - Chronicle"), diagnostics).title())
        .contains("Budget vote - Chronicle");
  }

  @Test
  void bylineAndTimestampLinesAtTheHeadBecomeMetadata() {
    String html =
        """
        <html><head><title>Embassy closes</title></head><body><article>
        <h1>Embassy closes</h1>
        <p>By Jennifer Hansler and Kylie Atwood, CNN</p>
        <p>Updated 8:41 PM EST, Mon February 14, 2022</p>
        <p>The United States is closing the US Embassy in Kyiv, the State Department said.</p>
        <p>By the end of the day the building was empty.</p>
        </article></body></html>
        """;

    Document doc = parser.parse("cnn.html", html, diagnostics);

    assertThat(doc.authors()).containsExactly("Jennifer Hansler", "Kylie Atwood");
    assertThat(doc.site()).contains("CNN");
    assertThat(texts(doc))
        .containsExactly(
            "The United States is closing the US Embassy in Kyiv, the State Department said.",
            "By the end of the day the building was empty.");
    // A visible timestamp is not a publication date unless the page marks it up as one.
    assertThat(doc.published()).isEmpty();
  }

  @Test
  void htmlBylinesAreReadAsPlainTextOnesAreWithParticlesAndAnyScript() {
    String page = "<html><head><title>Embassy closes</title></head><body><article><h1>Embassy closes</h1><p>%s</p>"
        + "<p>The United States is closing the US Embassy in Kyiv, the State Department said.</p></article></body></html>";
    Document particles = parser.parse("a.html", page.formatted("By Ana dos Santos and Олена Петренко, Voice of America"), diagnostics);
    assertThat(particles.authors()).containsExactly("Ana dos Santos", "Олена Петренко");
    assertThat(particles.site()).contains("Voice of America");
    Document sentence = parser.parse("b.html", page.formatted("By the time the cars left, the embassy was dark."), diagnostics);
    assertThat(sentence.authors()).isEmpty();
    assertThat(texts(sentence)).first().isEqualTo("By the time the cars left, the embassy was dark.");
  }

  @Test
  void metaAuthorWinsOverTheBylineAndArticleAuthorUrlsAreNotNames() {
    String html =
        """
        <html><head>
        <meta property="article:author" content="https://www.facebook.com/janedoe">
        <meta name="author" content="Jane Doe">
        </head><body><article>
        <p class="byline">By <a rel="author" href="/jd">J. Doe</a></p>
        <p>The embassy staff left for Lviv on Monday morning, officials said.</p>
        </article></body></html>
        """;

    assertThat(parser.parse("a.html", html, diagnostics).authors()).containsExactly("Jane Doe");
    assertThat(parser.parse("b.html", html.replace("<meta name=\"author\" content=\"Jane Doe\">", ""), diagnostics)
            .authors())
        .containsExactly("J. Doe");
  }

  // --- Finding the body -------------------------------------------------------------------------

  @Test
  void teaserArticlesInTheSidebarDoNotWinOverTheRealText() {
    String html =
        """
        <html><body>
        <div id="page">
          <div class="content">
            <p>The first paragraph of the real story is long enough to count as prose for the reader.</p>
            <p>The second paragraph of the real story continues with even more words about the embassy.</p>
            <p>The third paragraph of the real story ends it with a quote from a spokesperson in Kyiv.</p>
          </div>
          <div class="rail"><article class="card"><p>A teaser for another story that is somewhat long.</p></article></div>
        </div>
        </body></html>
        """;

    assertThat(texts(parser.parse("p.html", html, diagnostics)))
        .containsExactly(
            "The first paragraph of the real story is long enough to count as prose for the reader.",
            "The second paragraph of the real story continues with even more words about the embassy.",
            "The third paragraph of the real story ends it with a quote from a spokesperson in Kyiv.");
  }

  @Test
  void aStoryCutInTwoAroundAnAdIsReadWhole() {
    String html =
        """
        <html><body><div id="story">
          <div class="part"><p>The first half of the story has two long paragraphs of text in it.</p>
            <p>It goes on about the embassy and the decision to move the staff west to Lviv.</p></div>
          <div class="slot-x"><span>Sponsored content</span></div>
          <div class="part"><p>The second half of the story picks up after the advertising slot.</p></div>
        </div>
        <div id="links"><p><a href="/a">Another story with a long linked headline here</a></p></div>
        </body></html>
        """;

    assertThat(texts(parser.parse("split.html", html, diagnostics)))
        .containsExactly(
            "The first half of the story has two long paragraphs of text in it.",
            "It goes on about the embassy and the decision to move the staff west to Lviv.",
            "Sponsored content",
            "The second half of the story picks up after the advertising slot.");
  }

  @Test
  void anArticleBodyWhoseClassNamesAChromeWordKeepsItsText() {
    // An opinion column's body, marked with a modifier that holds the word "comment".
    String html =
        """
        <html><body><article><h1>Why the embassy had to move</h1>
        <div class="article-body tone-comment"><p>The decision to leave Kyiv was the right one, the columnist argues.</p>
        <p>Second paragraph of the column, on what comes next for the staff in Lviv.</p></div>
        <p>Jane Doe is a columnist.</p>
        <div class="comments"><p>Reader comment: I disagree with every word of this column.</p></div>
        </article></body></html>
        """;

    assertThat(texts(parser.parse("column.html", html, diagnostics)))
        .containsExactly(
            "The decision to leave Kyiv was the right one, the columnist argues.",
            "Second paragraph of the column, on what comes next for the staff in Lviv.",
            "Jane Doe is a columnist.");
  }

  @Test
  void aPageWrappedWholeInOneFormKeepsItsArticle() {
    // ASP.NET pages put everything inside one form (forms cannot nest: its search box is a field of it).
    String html =
        """
        <html><body><form id="aspnetForm" method="post" action="./story.aspx">
        <input type="hidden" name="__VIEWSTATE" value="abc">
        <div class="header"><input type="search" name="q"> Search the Ledger</div>
        <div class="story"><h2>Embassy staff ordered out of Kyiv</h2>
        <p>The United States ordered employees at its embassy in Kyiv to leave Ukraine by Sunday, officials said on Saturday.</p>
        <p>A limited number of diplomats could be relocated to western Ukraine, according to people familiar with the plans.</p>
        <p>The State Department also contacted US citizens still in the country to ask whether they had arranged to leave.</p>
        <p>Security guards patrolled the grounds early on Saturday, and many of the building's lights were on.</p>
        </div></form></body></html>
        """;

    List<String> texts = texts(parser.parse("story.html", html, diagnostics));
    assertThat(texts).noneMatch(t -> t.contains("Search the Ledger"));
    // The h2 stays a subheading (no h1 says it is the headline); the four paragraphs are all there.
    assertThat(texts.stream().filter(t -> !t.startsWith("# "))).hasSize(4).first().asString().startsWith("The United States ordered employees");
  }

  // --- Bad input --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   \n\t ",
        "\u0000\u0001\u0002</ ><!-- unterminated",
        "\uFEFF\u200B\u0001<!-- <p>commented out</p>",
        "<html><head><title>Only a title</title></head><body>&nbsp;<p> </p><p>\u00a0</p></body></html>",
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><footer>© Someone, all rights reserved forever</footer>"
      })
  void aPageWithoutArticleTextIsAnErrorNotAnException(String html) {
    Document doc = parser.parse("empty.html", html, diagnostics);

    assertThat(doc.paragraphs()).isEmpty();
    assertThat(diagnostics.sorted())
        .filteredOn(Diagnostic::isError)
        .extracting(Diagnostic::headline)
        .containsExactly("empty.html: error: no article text found in this saved page");
  }

  @Test
  void deeplyNestedMarkupAndJsonLdAreReadWithoutOverflowingTheStack() {
    String html =
        "<script type=\"application/ld+json\">" + "[".repeat(50_000) + "]".repeat(50_000) + "</script>"
            + "<div>".repeat(20_000)
            + "<p>Deep inside a page nested twenty thousand levels, the text is still found.</p>";

    Document doc = parser.parse("deep.html", html, diagnostics);

    assertThat(texts(doc)).containsExactly("Deep inside a page nested twenty thousand levels, the text is still found.");
    assertThat(diagnostics.sorted()).extracting(Diagnostic::severity).containsOnly(Severity.WARNING);
  }

  @Test
  void theSamePageGivesTheSameDocument() {
    String html = resource("news-article.html");

    Document first = parser.parse("n.html", html, new Diagnostics());
    Document second = new HtmlDocumentParser().parse("n.html", html, new Diagnostics());

    assertThat(second).isEqualTo(first);
  }

  // --- Helpers ----------------------------------------------------------------------------------

  private Document fixture(String name) {
    return parser.parse(name, resource(name), diagnostics);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlDocumentParserTest.class.getResourceAsStream("/parse/html/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource parse/html/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Paragraph texts, with subheadings as "# text", in reading order. */
  private static List<String> texts(Document doc) {
    return doc.blocks().stream().map(b -> b instanceof Subheading ? "# " + b.text() : b.text()).toList();
  }

  private static String allText(Document doc) {
    return doc.blocks().stream().map(b -> b.text() + "\n" + b.html()).collect(Collectors.joining("\n"));
  }

  private static DossierDate day(String iso) {
    return DossierDate.parse(iso).date().orElseThrow();
  }
}
