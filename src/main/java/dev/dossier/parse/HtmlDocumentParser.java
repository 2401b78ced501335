package dev.dossier.parse;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.Block;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.jsoup.select.Elements;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

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
 *       JSON-LD {@code datePublished}, {@code [itemprop=datePublished]}, the article's first
 *       {@code <time datetime>}, {@code meta[name=date]}/Dublin Core
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
   * @param path the file, relative to the dossier folder (used in diagnostics and Document.path)
   * @param html the saved page
   * @param diagnostics where problems with the page are reported
   */
  public Document parse(String path, String html, Diagnostics diagnostics) {
    org.jsoup.nodes.Document page =
        Jsoup.parse(html == null ? "" : html, "", Parser.htmlParser().setTrackPosition(true));
    // Serialise as written: pretty printing would add whitespace to paragraph html.
    page.outputSettings().prettyPrint(false);

    // Head tags and JSON-LD are read before the page is stripped of meta, link and script.
    PageTags tags = PageTags.read(page);
    JsonLd jsonLd = JsonLd.read(page, path, diagnostics);
    page.select(UNSEEN).remove();

    Chrome chrome = new Chrome(page);
    Element body = ArticleBody.find(page, chrome);
    Element article = Optional.ofNullable(body.closest("article")).orElse(body);
    Optional<Element> headline = headline(page, article, body, chrome);
    // Read while the article still has its byline and header; chrome is removed next.
    Optional<String> articleTime = firstTime(article, chrome);
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

  private static Optional<String> site(PageTags tags, JsonLd jsonLd, ArticleHead head) {
    return tags.first("og:site_name")
        .or(() -> jsonLd.names("publisher").stream().findFirst())
        .or(head::outlet);
  }

  private static Optional<String> title(
      PageTags tags, JsonLd jsonLd, Optional<Element> headline, Optional<String> site) {
    return tags.first("og:title")
        .or(() -> jsonLd.string("headline"))
        .or(() -> headline.map(h -> squash(h.text())).filter(h -> !h.isEmpty()))
        .or(tags::pageTitle)
        .map(t -> withoutSiteSuffix(t, site));
  }

  private static List<String> authors(
      PageTags tags, JsonLd jsonLd, List<String> markedAuthors, ArticleHead head) {
    return firstNonEmpty(
        jsonLd.names("author"),
        tags.all("author"),
        tags.all("article:author").stream().filter(a -> webUrl(a).isEmpty()).toList(),
        markedAuthors,
        head.authors());
  }

  private static Optional<String> url(PageTags tags, JsonLd jsonLd) {
    return tags.canonical().flatMap(HtmlDocumentParser::webUrl)
        .or(() -> tags.first("og:url").flatMap(HtmlDocumentParser::webUrl))
        .or(() -> jsonLd.string("url").flatMap(HtmlDocumentParser::webUrl))
        .or(() -> jsonLd.id("mainEntityOfPage").flatMap(HtmlDocumentParser::webUrl));
  }

  private static Optional<DossierDate> published(PageTags tags, JsonLd jsonLd, Optional<String> articleTime) {
    return firstParsed(
        HtmlDocumentParser::day,
        () -> tags.first("article:published_time"),
        () -> jsonLd.string("datePublished"),
        () -> tags.first("datePublished"),
        () -> articleTime,
        () -> tags.first("date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued"));
  }

  private static Optional<OffsetDateTime> updated(PageTags tags, JsonLd jsonLd) {
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
    String name = squash(value);
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return List.of();
    }
    return ArticleHead.byline(name).map(Byline::authors).orElse(List.of(name));
  }

  /** The article's headline element: its first {@code h1}, else the closest one above the body. */
  private static Optional<Element> headline(
      org.jsoup.nodes.Document page, Element article, Element body, Chrome chrome) {
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

  private static Optional<String> firstTime(Element article, Chrome chrome) {
    return article.select("time[datetime]").stream()
        .filter(t -> !chrome.within(t))
        .map(t -> t.attr("datetime"))
        .findFirst();
  }

  /** Authors the article's markup names: author links first, else a byline element's text. */
  private static List<String> markedAuthors(Element article, Chrome chrome) {
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
  private static Optional<String> dateline(List<Piece> pieces) {
    for (Piece piece : pieces) {
      if (!piece.heading() && piece.source().closest("header") == null) {
        Matcher m = DATELINE.matcher(piece.text());
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static List<Block> numbered(List<Piece> pieces) {
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (Piece piece : pieces) {
      blocks.add(
          piece.heading()
              ? new Subheading(piece.text(), piece.html())
              : new Paragraph(++number, piece.text(), "<p>" + piece.html() + "</p>"));
    }
    return blocks;
  }

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** Nothing a reader would see: spaces of any kind, zero-width and control characters. */
  private static boolean isBlank(String s) {
    return s.codePoints()
        .allMatch(
            c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT);
  }

  // ---------------------------------------------------------------------------------------------
  // The page's own tags

  /** Meta values by property, name and itemprop (lower-cased), the canonical link and {@code <title>}. */
  private record PageTags(Map<String, List<String>> meta, Optional<String> canonical, Optional<String> pageTitle) {

    static PageTags read(org.jsoup.nodes.Document page) {
      Map<String, List<String>> meta = new LinkedHashMap<>();
      for (Element m : page.select("meta[content]")) {
        String content = squash(m.attr("content"));
        if (content.isEmpty()) {
          continue;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String attribute : List.of("property", "name", "itemprop")) {
          keys.add(m.attr(attribute).strip().toLowerCase(Locale.ROOT));
        }
        keys.remove("");
        keys.forEach(k -> meta.computeIfAbsent(k, x -> new ArrayList<>()).add(content));
      }
      Optional<String> canonical =
          page.select("link[rel~=(?i)(^|\\s)canonical(\\s|$)][href]").stream().map(l -> l.attr("href")).findFirst();
      Optional<String> title = Optional.of(squash(page.title())).filter(t -> !t.isEmpty());
      return new PageTags(meta, canonical, title);
    }

    /** The first value under any of the keys, trying the keys in order. */
    Optional<String> first(String... keys) {
      for (String key : keys) {
        List<String> values = all(key);
        if (!values.isEmpty()) {
          return Optional.of(values.get(0));
        }
      }
      return Optional.empty();
    }

    List<String> all(String key) {
      return meta.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // JSON-LD

  /**
   * The page's JSON-LD description of its article: of every {@code application/ld+json} block,
   * the shallowest object typed as an article, in document order. Empty when there is none.
   */
  private record JsonLd(Map<?, ?> article) {

    private static final Set<String> ARTICLE_TYPES =
        Set.of(
            "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
            "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report");

    /** The YAML parser recurses; JSON-LD nested deeper than this is not a real description. */
    private static final int MAX_NESTING = 64;

    static JsonLd read(org.jsoup.nodes.Document page, String path, Diagnostics diagnostics) {
      List<Object> roots = new ArrayList<>();
      for (Element script : page.select("script[type~=(?i)^\\s*application/ld\\+json]")) {
        parse(script.data()).ifPresentOrElse(
            roots::add,
            () ->
                diagnostics.warning(
                    position(path, script),
                    "this page's JSON-LD is not valid JSON; its metadata was ignored",
                    "the rest of the page's metadata is still used"));
      }
      return new JsonLd(findArticle(roots));
    }

    /** The parsed value; empty (not null) for malformed text, and blank text parses to nothing. */
    private static Optional<Object> parse(String json) {
      String text = json.strip();
      if (text.isEmpty()) {
        return Optional.of(Map.of());
      }
      // JSON-LD is an object or an array; refusing anything else also keeps out YAML's
      // indentation nesting, which the depth check below would not see.
      if (!(text.startsWith("{") || text.startsWith("[")) || nesting(text) > MAX_NESTING) {
        return Optional.empty();
      }
      try {
        // YAML 1.2 reads JSON; duplicate keys are allowed because JSON lets the last one win.
        Object value =
            new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadFromString(text);
        return Optional.of(value == null ? Map.of() : value);
      } catch (YamlEngineException e) {
        return Optional.empty();
      }
    }

    private static int nesting(String json) {
      int depth = 0;
      int deepest = 0;
      boolean inString = false;
      for (int i = 0; i < json.length(); i++) {
        char c = json.charAt(i);
        if (inString) {
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          deepest = Math.max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
          depth--;
        }
      }
      return deepest;
    }

    private static Position position(String path, Element script) {
      org.jsoup.nodes.Range.Position start = script.sourceRange().start();
      return start.lineNumber() > 0
          ? new Position(path, start.lineNumber(), start.columnNumber())
          : Position.file(path);
    }

    /** Breadth first, so the article itself wins over articles it links to (related, isPartOf). */
    private static Map<?, ?> findArticle(List<Object> roots) {
      Deque<Object> queue = new ArrayDeque<>(roots);
      Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      while (!queue.isEmpty()) {
        Object node = queue.poll();
        if (!seen.add(node)) {
          continue;
        }
        if (node instanceof Map<?, ?> map) {
          if (isArticle(map.get("@type"))) {
            return map;
          }
          queue.addAll(map.values().stream().filter(v -> v instanceof Map || v instanceof List).toList());
        } else if (node instanceof List<?> list) {
          queue.addAll(list.stream().filter(v -> v instanceof Map || v instanceof List).toList());
        }
      }
      return Map.of();
    }

    private static boolean isArticle(Object type) {
      if (type instanceof List<?> types) {
        return types.stream().anyMatch(JsonLd::isArticle);
      }
      // "schema:NewsArticle" and "https://schema.org/NewsArticle" name the same type.
      return type instanceof String name && ARTICLE_TYPES.contains(name.replaceFirst("^.*[/:]", ""));
    }

    Optional<String> string(String key) {
      return text(article.get(key));
    }

    /** Names of people or organisations: a string, an object with a name, or a list of them. */
    List<String> names(String key) {
      Object value = article.get(key);
      List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
      List<String> names = new ArrayList<>();
      for (Object item : items) {
        Object name = item instanceof Map<?, ?> map ? map.get("name") : item;
        text(name).ifPresent(names::add);
      }
      return names;
    }

    /** A reference: a string, or an object's {@code @id}. */
    Optional<String> id(String key) {
      Object value = article.get(key);
      return text(value instanceof Map<?, ?> map ? map.get("@id") : value);
    }

    /** Many publishers escape HTML inside JSON-LD strings ("Q&amp;A"); a reader sees "Q&A". */
    private static Optional<String> text(Object value) {
      return value instanceof String s
          ? Optional.of(squash(Parser.unescapeEntities(s, false))).filter(t -> !t.isEmpty())
          : Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Telling the article from the page around it

  /**
   * Decides which elements are the page's furniture rather than its article: by tag, ARIA role,
   * and the words of class, id and aria-label. An element holding the headline or the main
   * content is never furniture, whatever its class says ({@code class="page has-cookie-banner"}).
   */
  private static final class Chrome {

    private static final Set<String> TAGS = Set.of("nav", "aside", "footer", "form", "menu");
    private static final Set<String> ROLES =
        Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "toolbar",
            "dialog", "alertdialog");
    private static final Set<String> WORDS =
        Set.of(
            "nav", "navbar", "navigation", "menu", "share", "sharing", "sharebar", "social", "cookie",
            "cookies", "consent", "gdpr", "banner", "newsletter", "subscribe", "subscription", "signup",
            "related", "promo", "promos", "promotion", "ad", "ads", "advert", "adverts", "advertisement",
            "sponsored", "footer", "comment", "comments", "breadcrumb", "breadcrumbs", "skip", "toolbar",
            "popup", "modal", "overlay", "recommended", "trending", "outbrain", "taboola", "tags");
    /** A page's header is chrome; an article's own header holds its headline, dek and byline. */
    private static final Set<String> HEADER_WORDS = Set.of("header", "masthead");
    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})");
    private static final String GUARDED = "h1, main, [role=main], [itemprop=articleBody]";

    private final Set<Element> guarded = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Element, Boolean> within = new IdentityHashMap<>();

    Chrome(org.jsoup.nodes.Document page) {
      for (Element e : page.select(GUARDED)) {
        // Marks e and its ancestors, stopping where an earlier walk already went.
        Element up = e;
        while (up != null && guarded.add(up)) {
          up = up.parent();
        }
      }
    }

    /** Whether the element or one of its ancestors is chrome. */
    boolean within(Element e) {
      Deque<Element> unknown = new ArrayDeque<>();
      Element up = e;
      while (up != null && !within.containsKey(up)) {
        unknown.push(up);
        up = up.parent();
      }
      boolean inside = up != null && within.get(up);
      while (!unknown.isEmpty()) {
        Element next = unknown.pop();
        inside = inside || is(next);
        within.put(next, inside);
      }
      return within.get(e);
    }

    void removeWithin(Element body) {
      List<Element> chrome = body.getAllElements().stream().filter(e -> e != body && is(e)).toList();
      chrome.forEach(Element::remove);
    }

    private boolean is(Element e) {
      return !guarded.contains(e) && !e.nameIs("body") && !e.nameIs("html") && named(e);
    }

    private static boolean named(Element e) {
      String tag = e.normalName();
      if (TAGS.contains(tag) || ROLES.contains(e.attr("role").strip().toLowerCase(Locale.ROOT))) {
        return true;
      }
      Set<String> words = words(e.className() + " " + e.id() + " " + e.attr("aria-label"));
      if (!Collections.disjoint(words, WORDS)) {
        return true;
      }
      boolean header = tag.equals("header") || !Collections.disjoint(words, HEADER_WORDS);
      return header && e.closest("article") == null;
    }

    /** "shareButtons site-nav" gives share, buttons, site, nav. */
    private static Set<String> words(String names) {
      Set<String> words = new HashSet<>();
      for (String word : WORD_BREAK.split(names)) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
      return words;
    }
  }

  /**
   * Finds the element that holds the article's text. A semantic container ({@code
   * [itemprop=articleBody]}, {@code <article>}, {@code <main>}) is taken when it holds at least half
   * the text of the best-scoring element; otherwise the best-scoring element, readability-style:
   * each block of 25 or more characters of non-link text scores for its container, half for the
   * container's parent and a third for the grandparent.
   */
  private static final class ArticleBody {

    private static final int MIN_BLOCK_TEXT = 25;
    private static final Set<String> PARAGRAPH_LIKE =
        Set.of("p", "pre", "li", "dd", "dt", "td", "th", "blockquote", "figcaption");

    private final Element root;
    private final Elements all;
    /** Non-link text of each block, counting only blocks long enough to be prose. */
    private final Map<Element, Integer> readable = new IdentityHashMap<>();
    /** Readable text of each element's whole subtree. */
    private final Map<Element, Integer> contained = new IdentityHashMap<>();
    /** The part of it in paragraphs, list items and the like, rather than headings or labels. */
    private final Map<Element, Integer> prose = new IdentityHashMap<>();

    private ArticleBody(org.jsoup.nodes.Document page, Chrome chrome) {
      this.root = page.body();
      this.all = root.getAllElements();
      measure(chrome);
    }

    static Element find(org.jsoup.nodes.Document page, Chrome chrome) {
      ArticleBody finder = new ArticleBody(page, chrome);
      Element best = finder.bestScored();
      int needed = (finder.contained(best) + 1) / 2;
      for (Element candidate : finder.semanticCandidates(page, chrome)) {
        if (finder.contained(candidate) > 0 && finder.contained(candidate) >= needed) {
          return candidate;
        }
      }
      return best;
    }

    private void measure(Chrome chrome) {
      Map<Element, Element> owner = new IdentityHashMap<>();
      Map<Element, Boolean> linked = new IdentityHashMap<>();
      Map<Element, int[]> text = new IdentityHashMap<>();
      for (Element e : all) { // document order: a parent comes before its children
        boolean top = e == root;
        owner.put(e, top || !BlockReader.isInline(e) ? e : owner.get(e.parent()));
        linked.put(e, e.nameIs("a") || (!top && linked.get(e.parent())));
        if (chrome.within(e)) {
          continue;
        }
        int length = e.textNodes().stream().mapToInt(t -> t.text().strip().length()).sum();
        if (length > 0) {
          int[] counts = text.computeIfAbsent(owner.get(e), k -> new int[2]);
          counts[0] += length;
          counts[1] += linked.get(e) ? length : 0;
        }
      }
      text.forEach((block, counts) -> {
        if (counts[0] >= MIN_BLOCK_TEXT && counts[0] > counts[1]) {
          readable.put(block, counts[0] - counts[1]);
        }
      });
      for (int i = all.size() - 1; i >= 0; i--) { // children before parents
        Element e = all.get(i);
        int own = readable.getOrDefault(e, 0);
        int total = contained(e) + own;
        int paragraphs = prose(e) + (PARAGRAPH_LIKE.contains(e.normalName()) ? own : 0);
        contained.put(e, total);
        prose.put(e, paragraphs);
        if (e != root) {
          contained.merge(e.parent(), total, Integer::sum);
          prose.merge(e.parent(), paragraphs, Integer::sum);
        }
      }
    }

    private int contained(Element e) {
      return contained.getOrDefault(e, 0);
    }

    private int prose(Element e) {
      return prose.getOrDefault(e, 0);
    }

    private Element bestScored() {
      Map<Element, Double> score = new IdentityHashMap<>();
      for (Element block : all) {
        Integer length = readable.get(block);
        if (length == null) {
          continue;
        }
        Element container = PARAGRAPH_LIKE.contains(block.normalName()) && block != root ? block.parent() : block;
        for (int level = 1; level <= 3 && container != null; level++) {
          score.merge(container, (double) length / level, Double::sum);
          container = container == root ? null : container.parent();
        }
      }
      Element best = root;
      double bestScore = 0;
      for (Element e : all) {
        double s = score.getOrDefault(e, 0.0);
        if (s > bestScore) {
          best = e;
          bestScore = s;
        }
      }
      return widened(best);
    }

    /**
     * An article cut into sibling parts (text, an ad slot, more text) scores highest in one part;
     * climb while the siblings hold paragraphs worth a quarter of its text. Siblings holding only a
     * headline or a "Posted by" line do not count, so a blog post's body is not widened to them.
     */
    private Element widened(Element best) {
      Element e = best;
      while (e != root && (prose(e.parent()) - prose(e)) * 4 >= Math.max(contained(e), 1)) {
        e = e.parent();
      }
      return e;
    }

    private List<Element> semanticCandidates(org.jsoup.nodes.Document page, Chrome chrome) {
      List<Element> candidates = new ArrayList<>();
      List<Element> bodies = visible(page.select("[itemprop=articleBody]"), chrome);
      if (!bodies.isEmpty()) {
        // Some sites cut the body into several articleBody parts around their ads.
        candidates.add(commonAncestor(bodies));
      }
      largest(visible(page.select("article"), chrome)).ifPresent(candidates::add);
      largest(visible(page.select("main, [role=main]"), chrome)).ifPresent(candidates::add);
      return candidates;
    }

    private static List<Element> visible(Elements elements, Chrome chrome) {
      return elements.stream().filter(e -> !chrome.within(e)).toList();
    }

    private Optional<Element> largest(List<Element> elements) {
      Element largest = null;
      for (Element e : elements) {
        if (largest == null || contained(e) > contained(largest)) {
          largest = e;
        }
      }
      return Optional.ofNullable(largest);
    }

    private static Element commonAncestor(List<Element> elements) {
      Element ancestor = elements.get(0);
      for (Element e : elements) {
        while (ancestor.parent() != null && !isSelfOrAncestor(ancestor, e)) {
          ancestor = ancestor.parent();
        }
      }
      return ancestor;
    }

    private static boolean isSelfOrAncestor(Element ancestor, Element e) {
      for (Element up = e; up != null; up = up.parent()) {
        if (up == ancestor) {
          return true;
        }
      }
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Blocks

  /** A paragraph or subheading before numbering, with the element it came from. */
  private record Piece(Element source, boolean heading, String text, String html) {}

  /**
   * Walks the article body in reading order. An element holding only inline content is one block
   * ({@code p}, {@code li}, {@code blockquote}, a cell, a {@code div} of text); one holding blocks
   * is walked into, and loose text between its blocks (split at {@code <br><br>}) is a paragraph
   * of its own. {@code h2}-{@code h6} (and any {@code h1} other than the headline) are subheadings.
   */
  private static final class BlockReader {

    private static final Set<String> INLINE =
        Set.of(
            "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
            "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "output", "q", "rp", "rt", "ruby",
            "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
            "wbr");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    /** Deeper than this a container is read as one block: pages nested thousands deep exist. */
    private static final int MAX_DEPTH = 200;

    private final Optional<Element> headline;
    private final Set<Element> holdsBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Piece> pieces = new ArrayList<>();
    private final List<Node> run = new ArrayList<>();
    private final Element scratch;

    BlockReader(Optional<Element> headline) {
      this.headline = headline;
      org.jsoup.nodes.Document shell = org.jsoup.nodes.Document.createShell("");
      shell.outputSettings().prettyPrint(false);
      this.scratch = shell.body();
    }

    static boolean isInline(Element e) {
      return INLINE.contains(e.normalName());
    }

    List<Piece> read(Element body) {
      Elements all = body.getAllElements();
      for (int i = all.size() - 1; i > 0; i--) { // children before parents
        Element e = all.get(i);
        if (!isInline(e) || holdsBlocks.contains(e)) {
          holdsBlocks.add(e.parent());
        }
      }
      container(body, 0);
      return pieces;
    }

    private void container(Element e, int depth) {
      for (Node child : e.childNodes()) {
        if (child instanceof Element element && (!isInline(element) || holdsBlocks.contains(element))) {
          flush();
          block(element, depth + 1);
        } else if (child instanceof Element br && br.nameIs("br") && endsWithBreak()) {
          flush();
        } else if (child instanceof Element || child instanceof TextNode) {
          run.add(child);
        }
      }
      flush();
    }

    private void block(Element e, int depth) {
      String tag = e.normalName();
      if (HEADINGS.contains(tag)) {
        if (headline.filter(h -> h == e).isEmpty()) {
          add(e, true);
        }
      } else if (tag.equals("p") || tag.equals("pre") || !holdsBlocks.contains(e) || depth > MAX_DEPTH) {
        add(e, false);
      } else {
        container(e, depth);
      }
    }

    /** Whether the loose text so far ends in a {@code <br>}, so a second one ends the paragraph. */
    private boolean endsWithBreak() {
      for (int i = run.size() - 1; i >= 0; i--) {
        Node node = run.get(i);
        if (node instanceof Element e && e.nameIs("br")) {
          return true;
        }
        if (!(node instanceof TextNode t) || !t.isBlank()) {
          return false;
        }
      }
      return false;
    }

    private void flush() {
      if (run.isEmpty()) {
        return;
      }
      Element wrapper = scratch.appendElement("div");
      run.forEach(node -> wrapper.appendChild(node.clone()));
      run.clear();
      // A paragraph does not start or end with a line break, whatever the markup did.
      while (wrapper.childNodeSize() > 0 && isBreakOrBlank(wrapper.childNode(0))) {
        wrapper.childNode(0).remove();
      }
      while (wrapper.childNodeSize() > 0 && isBreakOrBlank(wrapper.childNode(wrapper.childNodeSize() - 1))) {
        wrapper.childNode(wrapper.childNodeSize() - 1).remove();
      }
      add(wrapper, false);
      // Detached only now: a detached element would serialise with pretty printing.
      wrapper.remove();
    }

    private static boolean isBreakOrBlank(Node node) {
      return (node instanceof Element e && e.nameIs("br")) || (node instanceof TextNode t && t.isBlank());
    }

    private void add(Element e, boolean heading) {
      String text = e.text();
      if (!isBlank(text)) {
        // The source's indentation at the edges is not content; inside, HTML collapses it anyway.
        pieces.add(new Piece(e, heading, text, HtmlSanitizer.clean(e.html()).strip()));
      }
    }
  }

  /**
   * The byline and timestamp lines a news page prints above its text ("By Jane Doe and John Roe",
   * "Published 14 February 2022"). They are metadata rather than paragraphs, so among the first
   * few blocks a line is taken out when it is clearly nothing else.
   */
  private record ArticleHead(List<Byline> bylines, List<Piece> text) {

    /** How many blocks at the head may be metadata; further down, a byline is text. */
    private static final int LOOKAHEAD = 6;
    /** Longer than this a line is prose, whatever it starts with. */
    private static final int MAX_LINE = 200;

    private static final Pattern PARTS = Pattern.compile("\\s+[|·•]\\s+");
    private static final Pattern BY = Pattern.compile("(?i:by)\\s+(.+)");
    private static final Pattern NAME =
        Pattern.compile(
            "\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|de|da|del|der|di|la|le|van|von|bin|al)){0,4}");

    private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
    private static final String DATE =
        "(?:" + WEEKDAY + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + "|" + WEEKDAY + "\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{4})";
    private static final String CLOCK = "(?:\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,5})?)";
    private static final String LABEL_WORD =
        "(?:first|last|published|updated|posted|modified|issued|released|date|on|at)";
    private static final Pattern TIMESTAMP =
        Pattern.compile(
            "(?:" + LABEL_WORD + "\\s*:?\\s*)*(?:" + CLOCK + "\\s*,?\\s+)?" + DATE
                + "(?:\\s*,?\\s*(?:at\\s+)?" + CLOCK + ")?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELS_ONLY =
        Pattern.compile("[\\s|·•,:–—-]*(?:" + LABEL_WORD + "[\\s|·•,:–—-]*)*", Pattern.CASE_INSENSITIVE);

    static ArticleHead split(List<Piece> pieces) {
      List<Piece> text = new ArrayList<>(pieces);
      List<Byline> bylines = new ArrayList<>();
      int i = 0;
      // A dek or a "Press Statement" label often comes first, so look past it rather than stop.
      for (int looked = 0; i < text.size() && looked < LOOKAHEAD; looked++) {
        Piece piece = text.get(i);
        Optional<List<Byline>> metadata = piece.heading() ? Optional.empty() : metadataLine(piece);
        if (metadata.isPresent()) {
          bylines.addAll(metadata.get());
          text.remove(i);
        } else {
          i++;
        }
      }
      return new ArticleHead(List.copyOf(bylines), List.copyOf(text));
    }

    List<String> authors() {
      return bylines.stream().flatMap(b -> b.authors().stream()).toList();
    }

    Optional<String> outlet() {
      return bylines.stream().flatMap(b -> b.outlet().stream()).findFirst();
    }

    /** The bylines a byline or timestamp line gives (none for a timestamp); empty if it is text. */
    private static Optional<List<Byline>> metadataLine(Piece piece) {
      if (piece.text().length() > MAX_LINE) {
        return Optional.empty();
      }
      if (isMarkedTimestamp(piece.source())) {
        return Optional.of(List.of());
      }
      List<Byline> bylines = new ArrayList<>();
      for (String part : PARTS.split(piece.text().strip())) {
        Optional<Byline> byline = byline(part);
        if (byline.isPresent()) {
          bylines.add(byline.get());
        } else if (!TIMESTAMP.matcher(part).matches()) {
          return Optional.empty();
        }
      }
      return Optional.of(bylines);
    }

    /** A line that is a {@code <time>} with at most a label around it ("Updated <time>"). */
    private static boolean isMarkedTimestamp(Element source) {
      Elements times = source.select("time");
      if (times.isEmpty()) {
        return false;
      }
      String rest = source.text();
      for (Element time : times) {
        rest = rest.replace(time.text(), " ");
      }
      return LABELS_ONLY.matcher(rest).matches();
    }

    /**
     * The byline a line such as "By Jane Doe and John Roe, CNN" or "By Jane Doe | 14 Feb 2022"
     * holds, read as the text parser reads one. Empty unless every name in it looks like a name:
     * "By Sunday the embassy was quiet" is a sentence.
     */
    static Optional<Byline> byline(String text) {
      for (String part : PARTS.split(text.strip())) {
        Matcher by = BY.matcher(part);
        if (part.length() <= MAX_LINE && by.matches()) {
          Byline byline = Byline.parse(by.group(1));
          boolean names =
              !byline.authors().isEmpty()
                  && byline.authors().stream().allMatch(a -> NAME.matcher(a).matches())
                  && byline.outlet().stream().allMatch(o -> NAME.matcher(o).matches());
          return names ? Optional.of(byline) : Optional.empty();
        }
      }
      return Optional.empty();
    }
  }
}
