package dev.dossier.parse;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.Block;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.HtmlCharacters;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * Reads a saved web page (a news article or a government page saved from a browser) into a
 * {@link Document}: the article's text as numbered paragraphs and unnumbered subheadings, and the
 * metadata the page carries about itself.
 *
 * <p>The page's chrome (navigation, banners, share buttons, cookie notices, related links,
 * comments, footers) is left out. The article body is the page's {@code [itemprop=articleBody]},
 * {@code <article>} or {@code <main>} when that holds most of the page's text; otherwise the
 * element with the most paragraph text, readability-style.
 *
 * <p>Metadata, each field from the first source that has a usable value:
 *
 * <ul>
 *   <li>title: {@code og:title}, JSON-LD {@code headline}, the article's {@code <h1>}, {@code
 *       <title>}; a trailing " | Site" is dropped when it is exactly the site's name
 *   <li>site: {@code og:site_name}, JSON-LD {@code publisher.name}, the outlet of a byline at the
 *       article's head ("By Jane Doe, CNN")
 *   <li>authors: JSON-LD {@code author}, {@code meta[name=author]}, {@code article:author} (not a
 *       URL), {@code [rel=author]}/{@code [itemprop=author]}/{@code .byline} in the article, a
 *       "By …" line at the article's head
 *   <li>published (the day as written, no time zone conversion): {@code article:published_time},
 *       JSON-LD {@code datePublished}, {@code [itemprop=datePublished]}, the article's {@code
 *       <time datetime>} marked as the publication date, else its first one that is not in a
 *       sentence of the text, {@code meta[name=date]}/Dublin Core
 *   <li>updated (only with a time and an offset): {@code article:modified_time}, JSON-LD {@code
 *       dateModified}, {@code og:updated_time}, {@code [itemprop=dateModified]}
 *   <li>url (absolute http/https only): {@code link[rel=canonical]}, {@code og:url}, JSON-LD
 *       {@code url}, JSON-LD {@code mainEntityOfPage}
 * </ul>
 *
 * <p>Nothing is invented and nothing is thrown for bad input: text fields are plain strings, html
 * fields pass through {@link HtmlSanitizer}, and a page without article text is an error
 * diagnostic. The same page always gives the same document.
 */
public final class HtmlDocumentParser {

  /** Elements a reader never sees as text, or that could run or load something. */
  private static final String UNSEEN =
      String.join(
          ", ",
          "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
          "embed", "applet", "svg", "canvas", "video", "audio", "img", "picture", "source",
          "track", "map", "link", "meta", "base", "button", "input", "select", "textarea",
          "dialog", "[hidden]", "[aria-hidden=true]",
          "[style~=(?i)display\\s*:\\s*none|visibility\\s*:\\s*hidden]",
          ".sr-only", ".visually-hidden", ".visuallyhidden", ".screen-reader-text");

  private static final int MAX_NAME = 100;

  public HtmlDocumentParser() {}

  /**
   * Character references to characters no web page may hold ({@code &#1;}, {@code &#x7f;}): the
   * file's own such characters were replaced as it was read, these only now that the parser has
   * turned the references into characters. Each is read as U+FFFD; a warning says where the
   * first text holding one begins.
   */
  private static void replaceForbiddenReferences(org.jsoup.nodes.Document page, String path, Diagnostics diagnostics) {
    org.jsoup.nodes.TextNode[] first = {null};
    int[] firstFound = {0};
    int[] count = {0};
    page.traverse((node, depth) -> {
      if (node instanceof org.jsoup.nodes.TextNode text) {
        HtmlCharacters.replace(text.getWholeText()).ifPresent(replaced -> {
          if (first[0] == null) {
            first[0] = text;
            firstFound[0] = replaced.found();
          }
          count[0] += replaced.count();
          text.text(replaced.text());
        });
      }
    });
    if (first[0] != null) {
      org.jsoup.nodes.Range.Position start = first[0].sourceRange().start();
      Position at = start.lineNumber() > 0 ? new Position(path, start.lineNumber(), start.columnNumber()) : Position.file(path);
      diagnostics.warning(at, HtmlCharacters.referenceMessage(firstFound[0], count[0]), HtmlCharacters.HINT);
    }
  }

  /**
   * @param path the file, relative to the dossier folder (used in diagnostics and Document.path)
   * @param html the saved page
   * @param diagnostics where problems with the page are reported
   */
  public Document parse(String path, String html, Diagnostics diagnostics) {
    org.jsoup.nodes.Document page =
        Jsoup.parse(html == null ? "" : html, "", Parser.htmlParser().setTrackPosition(true));
    // Serialise as written: pretty printing would add whitespace to paragraph html.
    page.outputSettings().prettyPrint(false);
    replaceForbiddenReferences(page, path, diagnostics);

    // Head tags and JSON-LD are read before the page is stripped of meta, link and script.
    SavedPageTags tags = SavedPageTags.read(page);
    JsonLd jsonLd = JsonLd.read(page, path, diagnostics);
    page.select(UNSEEN).remove();

    PageChrome chrome = new PageChrome(page);
    Element body = ArticleBody.find(page, chrome);
    Element article = Optional.ofNullable(body.closest("article")).orElse(body);
    Optional<Element> headline = headline(page, article, body, chrome);
    // Read while the article still has its byline and header; chrome is removed next.
    Optional<String> articleTime = publicationTime(article, body, chrome);
    List<String> markedAuthors = markedAuthors(article, chrome);
    Optional<String> url = url(tags, jsonLd);

    url.ifPresent(base -> resolveLinks(body, base));
    chrome.removeWithin(body);
    ArticleHead head = ArticleHead.split(new BlockReader(headline).read(body));
    List<Block> blocks = numbered(head.text());
    if (blocks.stream().noneMatch(Paragraph.class::isInstance)) {
      diagnostics.error(
          Position.file(path),
          "no article text found in this saved page",
          "save the page again once its article has loaded, or copy the article's text into a .txt file");
    }

    Optional<String> site = site(tags, jsonLd, head);
    return new Document(
        path,
        "html",
        blocks,
        title(tags, jsonLd, headline, site),
        site,
        authors(tags, jsonLd, markedAuthors, head),
        published(tags, jsonLd, articleTime),
        updated(tags, jsonLd),
        url,
        dateline(head.text()),
        List.of());
  }

  // ---------------------------------------------------------------------------------------------
  // Metadata

  private static Optional<String> site(SavedPageTags tags, JsonLd jsonLd, ArticleHead head) {
    return tags.first("og:site_name")
        .or(() -> jsonLd.names("publisher").stream().findFirst())
        .or(head::outlet);
  }

  private static Optional<String> title(
      SavedPageTags tags, JsonLd jsonLd, Optional<Element> headline, Optional<String> site) {
    return tags.first("og:title")
        .or(() -> jsonLd.string("headline"))
        .or(() -> headline.map(h -> Whitespace.squash(h.text())).filter(h -> !h.isEmpty()))
        .or(tags::pageTitle)
        .map(t -> withoutSiteSuffix(t, site));
  }

  private static List<String> authors(
      SavedPageTags tags, JsonLd jsonLd, List<String> markedAuthors, ArticleHead head) {
    return firstNonEmpty(
        jsonLd.names("author"),
        tags.all("author"),
        tags.all("article:author").stream().filter(a -> webUrl(a).isEmpty()).toList(),
        markedAuthors,
        head.authors());
  }

  private static Optional<String> url(SavedPageTags tags, JsonLd jsonLd) {
    return tags.canonical().flatMap(HtmlDocumentParser::webUrl)
        .or(() -> tags.first("og:url").flatMap(HtmlDocumentParser::webUrl))
        .or(() -> jsonLd.string("url").flatMap(HtmlDocumentParser::webUrl))
        .or(() -> jsonLd.id("mainEntityOfPage").flatMap(HtmlDocumentParser::webUrl));
  }

  private static Optional<DossierDate> published(SavedPageTags tags, JsonLd jsonLd, Optional<String> articleTime) {
    return firstParsed(
        HtmlDocumentParser::day,
        () -> tags.first("article:published_time"),
        () -> jsonLd.string("datePublished"),
        () -> tags.first("datePublished"),
        () -> articleTime,
        () -> tags.first("date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued"));
  }

  private static Optional<OffsetDateTime> updated(SavedPageTags tags, JsonLd jsonLd) {
    return firstParsed(
        HtmlDocumentParser::timestamp,
        () -> tags.first("article:modified_time"),
        () -> jsonLd.string("dateModified"),
        () -> tags.first("og:updated_time"),
        () -> tags.first("dateModified"));
  }

  /** The first candidate that parses; a malformed value falls through to the next source. */
  @SafeVarargs
  private static <T> Optional<T> firstParsed(
      Function<String, Optional<T>> parse, Supplier<Optional<String>>... candidates) {
    for (Supplier<Optional<String>> candidate : candidates) {
      Optional<T> value = candidate.get().flatMap(parse);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  /** The names of the first source that names anyone, each once. */
  @SafeVarargs
  private static List<String> firstNonEmpty(List<String>... sources) {
    for (List<String> source : sources) {
      Set<String> names = new LinkedHashSet<>();
      for (String value : source) {
        names.addAll(authorNames(value));
      }
      if (!names.isEmpty()) {
        return List.copyOf(names);
      }
    }
    return List.of();
  }

  /**
   * "By Jane Doe and John Roe" is two people; any other value is one name as written. A long text
   * is an author's bio box, not a name.
   */
  private static List<String> authorNames(String value) {
    String name = Whitespace.squash(value);
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return List.of();
    }
    return ArticleHead.byline(name).map(Byline::authors).orElse(List.of(name));
  }

  /** The article's headline element: its first {@code h1}, else the closest one above the body. */
  private static Optional<Element> headline(
      org.jsoup.nodes.Document page, Element article, Element body, PageChrome chrome) {
    for (Element h1 : article.select("h1")) {
      if (!chrome.within(h1)) {
        return Optional.of(h1);
      }
    }
    Element above = null;
    for (Element e : page.getAllElements()) {
      if (e == body) {
        break;
      }
      if (e.nameIs("h1") && !chrome.within(e)) {
        above = e;
      }
    }
    return Optional.ofNullable(above);
  }

  /** Words of a class or itemprop that mark a time as the publication date ("entry-date published"). */
  private static final Pattern PUBLISHED_MARK =
      Pattern.compile("(?i)(?:^|[^a-z])(?:date)?(?:published|publish|pubdate|publication)(?:$|[^a-z])");

  /**
   * The {@code <time datetime>} that dates the article: the first the page marks as its
   * publication date, else the first that is not in a sentence of the text. A date in the text
   * ("the meeting of {@code <time>24 August 1991</time>}") dates what the sentence tells; the
   * article's own date stands in its header, on its byline or timestamp line, or outside the text.
   */
  private static Optional<String> publicationTime(Element article, Element body, PageChrome chrome) {
    List<Element> times = article.select("time[datetime]").stream().filter(t -> !chrome.within(t)).toList();
    return times.stream().filter(HtmlDocumentParser::markedPublished).findFirst()
        .or(() -> times.stream().filter(t -> !inProse(t, body)).findFirst())
        .map(t -> t.attr("datetime"));
  }

  /** The time, the inline markup around it or its line says it is the publication date. */
  private static boolean markedPublished(Element time) {
    if (time.hasAttr("pubdate")) {
      return true;
    }
    for (Element e = time; e != null; e = e.parent()) {
      if (PUBLISHED_MARK.matcher(e.className()).find()
          || PUBLISHED_MARK.matcher(e.attr("itemprop").replaceAll("(?<=[a-z])(?=[A-Z])", "-")).find()) {
        return true;
      }
      if (!BlockReader.isInline(e) && e != time) {
        // The time's own block ends the search: above it, a class names a section of the page.
        return false;
      }
    }
    return false;
  }

  /** A block's text that ends a sentence: a full stop, question or exclamation mark, maybe quoted. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)\\]]*$");

  /**
   * The time stands inside a sentence of the article's text: its block has words on both sides of
   * it and ends as a sentence does, and is not a byline or timestamp line. A time in the article's
   * header or outside its text is not, nor one on a byline ("By Jane Doe — {@code <time>}"), a
   * meta line ("Jane Doe · {@code <time>} · 5 min read") or a dateline that opens a paragraph.
   */
  private static boolean inProse(Element time, Element body) {
    if (time.closest("header") != null || !time.parents().contains(body)) {
      return false;
    }
    Element block = time.parent();
    while (block != body && BlockReader.isInline(block)) {
      block = block.parent();
    }
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    block.traverse(new NodeVisitor() {
      private StringBuilder side = before;

      @Override
      public void head(Node node, int depth) {
        if (node == time) {
          side = null;
        } else if (node instanceof TextNode t && side != null) {
          side.append(t.text());
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node == time) {
          side = after;
        }
      }
    });
    return hasWord(before) && hasWord(after)
        && SENTENCE_END.matcher(block.text().strip()).find()
        && !ArticleHead.isMetadataLine(block)
        && !inDateline(block.text(), before);
  }

  /** The time stands in the dateline that opens its block: "KYIV, {@code <time>} — The embassy closed." */
  private static boolean inDateline(String blockText, CharSequence before) {
    Matcher m = DATELINE.matcher(blockText);
    return m.lookingAt()
        && TextDocumentParser.readsAsDateline(m.group(1), blockText.substring(m.end()))
        && Whitespace.squash(before.toString()).length() < m.end();
  }

  private static boolean hasWord(CharSequence text) {
    return text.codePoints().anyMatch(Character::isLetter);
  }

  /** Authors the article's markup names: author links first, else a byline element's text. */
  private static List<String> markedAuthors(Element article, PageChrome chrome) {
    List<String> names = new ArrayList<>();
    for (Element e : article.select("[rel~=(?i)(^|\\s)author(\\s|$)], [itemprop=author]")) {
      if (!chrome.within(e)) {
        names.add(e.text());
      }
    }
    if (names.isEmpty()) {
      for (Element e : article.select(".byline")) {
        if (!chrome.within(e)) {
          ArticleHead.byline(e.text()).ifPresent(b -> names.addAll(b.authors()));
        }
      }
    }
    return names;
  }

  private static String withoutSiteSuffix(String title, Optional<String> site) {
    if (site.isEmpty()) {
      return title;
    }
    for (String separator : List.of(" | ", " - ", " – ", " — ", " · ", " :: ")) {
      String suffix = separator + site.get();
      int start = title.length() - suffix.length();
      if (start > 0 && title.regionMatches(true, start, suffix, 0, suffix.length())) {
        return title.substring(0, start).strip();
      }
    }
    return title;
  }

  private static final Pattern ISO_DAY = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:$|[T\\s])");

  /** The calendar day a timestamp names as written: "2022-02-14T20:41:00-05:00" is the 14th. */
  private static Optional<DossierDate> day(String value) {
    String v = value.strip();
    Matcher iso = ISO_DAY.matcher(v);
    if (iso.lookingAt()) {
      return DossierDate.parse(iso.group(1)).date();
    }
    try {
      LocalDate date = DateTimeFormatter.RFC_1123_DATE_TIME.parse(v, LocalDate::from);
      return Optional.of(DossierDate.day(date));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<OffsetDateTime> timestamp(String value) {
    // "+0000" is common in meta tags; ISO 8601 (and java.time) wants "+00:00".
    String v = value.strip().replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
    for (DateTimeFormatter format :
        List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.RFC_1123_DATE_TIME)) {
      try {
        return Optional.of(OffsetDateTime.parse(v, format));
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    return Optional.empty();
  }

  private static Optional<String> webUrl(String value) {
    String v = value.strip();
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean web = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
      return web ? Optional.of(v) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Makes the article's relative links point at the original site, which is where they lead;
   * left relative they would point into the dossier (and the sanitiser drops them). {@code <base
   * href>} is ignored on purpose: the page's own URL is the base a reader would have had.
   */
  private static void resolveLinks(Element body, String base) {
    for (Element a : body.select("a[href]")) {
      String href = a.attr("href").strip();
      try {
        URI target = new URI(href);
        if (!target.isAbsolute() && !href.startsWith("#")) {
          URI from = new URI(base);
          // "https://site.example" + "page" must give "https://site.example/page".
          from = from.getRawPath() == null || from.getRawPath().isEmpty() ? from.resolve("/") : from;
          a.attr("href", from.resolve(target).toString());
        }
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a URL we can resolve; the sanitiser decides what to do with it.
      }
    }
  }

  private static final Pattern DATELINE =
      Pattern.compile(
          "(\\p{Lu}{2,}(?:[ .'-]{1,2}\\p{Lu}{2,})*)\\.?" // KYIV, NEW YORK, ST. LOUIS
              + "(?:,[^()—–\\-]{1,40}?)?\\s*" // , Ukraine   , Feb 14
              + "(?:\\([^()]{1,30}\\)\\s*)?" // (AP)
              + "[—–-]{1,2}\\s");

  /**
   * The place of a news dateline ("KYIV, Ukraine (AP) — ...") that opens the story's first
   * paragraph, the first one outside the article's header (which holds the dek). The paragraph
   * keeps its words: HTML text is reproduced exactly.
   */
  private static Optional<String> dateline(List<ArticlePiece> pieces) {
    for (ArticlePiece piece : pieces) {
      if (!piece.heading() && piece.source().closest("header") == null) {
        Matcher m = DATELINE.matcher(piece.text());
        return m.lookingAt() && TextDocumentParser.readsAsDateline(m.group(1), piece.text().substring(m.end()))
            ? Optional.of(m.group(1)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static List<Block> numbered(List<ArticlePiece> pieces) {
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (ArticlePiece piece : pieces) {
      blocks.add(
          piece.heading()
              ? new Subheading(piece.text(), piece.html(), piece.direction())
              : new Paragraph(++number, piece.text(), piece.source().nameIs("table") ? piece.html() : "<p" + direction(piece) + ">" + piece.html() + "</p>"));
    }
    return blocks;
  }

  /**
   * A paragraph's HTML is its block's content in a {@code <p>} of the dossier's: the direction
   * the page gives the block's text ({@code <p dir="rtl">}) goes on that {@code <p>}.
   */
  private static String direction(ArticlePiece piece) {
    return piece.direction().map(dir -> " dir=\"" + dir + "\"").orElse("");
  }
}
