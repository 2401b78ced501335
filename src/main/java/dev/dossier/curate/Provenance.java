package dev.dossier.curate;

import dev.dossier.model.Document;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Where in its document each metadata value was found, in words for a comment in the index:
 * "from the document's byline", "from the page's og:title". The parsers do not record this, so
 * it is worked out by finding the value again; a value found nowhere more precise is simply
 * "from the document".
 *
 * @param title where the title came from; the others likewise
 */
record Provenance(String title, String outlet, String authors, String published, String url) {

  static final String DOCUMENT = "from the document";

  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
  /** The text parser reads metadata only at the head; a few lines is plenty to look through. */
  private static final int TEXT_HEAD_LINES = 12;

  /**
   * @param content the document's text, as parsed
   */
  static Provenance of(Document document, String content) {
    return switch (document.format()) {
      case "txt" -> ofText(document, content);
      case "md" -> ofMarkdown(content);
      case "html" -> ofPage(document, content);
      default -> new Provenance(DOCUMENT, DOCUMENT, DOCUMENT, DOCUMENT, DOCUMENT);
    };
  }

  private static Provenance ofText(Document document, String content) {
    List<String> head = Arrays.stream(content.split("\n", -1)).limit(TEXT_HEAD_LINES).map(String::strip).toList();
    String outlet = document.site()
        .map(site -> head.stream().anyMatch(l -> l.matches("Source:\\s*" + Pattern.quote(site)))
            ? "from the document's \"Source:\" line"
            : head.stream().anyMatch(l -> l.startsWith("By ") && l.contains(site)) ? "from the document's byline" : DOCUMENT)
        .orElse(DOCUMENT);
    String authors = head.stream().anyMatch(l -> l.startsWith("By ")) ? "from the document's byline" : DOCUMENT;
    String published = DOCUMENT;
    if (head.stream().anyMatch(l -> l.startsWith("Published:"))) {
      published = "from the document's \"Published:\" line";
    } else if (content.strip().startsWith("date ")) {
      published = "from the \"date\" at the start of the text";
    }
    return new Provenance(DOCUMENT, outlet, authors, published, DOCUMENT);
  }

  private static Provenance ofMarkdown(String content) {
    Matcher m = FRONT_MATTER.matcher(content);
    String yaml = m.find() && m.group(1) != null ? m.group(1) : "";
    Predicate<String> has = key -> Pattern.compile("(?m)^" + key + "\\s*:").matcher(yaml).find();
    String front = "from the front matter";
    return new Provenance(
        has.test("title") ? front : "from the document's first heading",
        has.test("outlet") ? front : DOCUMENT,
        has.test("authors") ? front : DOCUMENT,
        has.test("published") || has.test("date") ? front : DOCUMENT,
        has.test("url") ? front : DOCUMENT);
  }

  private static Provenance ofPage(Document document, String content) {
    org.jsoup.nodes.Document page = Jsoup.parse(content);
    String jsonLd = page.select("script[type~=(?i)ld\\+json]").stream().map(Element::data).collect(Collectors.joining("\n"));
    String title = document.title()
        .map(t -> first(t, String::contains,
            new Candidate("the page's og:title", meta(page, "og:title")),
            new Candidate("the page's JSON-LD headline", jsonLd.contains("\"headline\"") ? jsonLd : ""),
            new Candidate("the page's headline (<h1>)", page.select("h1").text()),
            new Candidate("the page's <title>", page.title())))
        .orElse(DOCUMENT);
    String outlet = document.site()
        .map(s -> first(s, String::contains,
            new Candidate("the page's og:site_name", meta(page, "og:site_name")),
            new Candidate("the page's JSON-LD publisher", jsonLd.contains("\"publisher\"") ? jsonLd : ""),
            new Candidate("the article's byline", page.body().text())))
        .orElse(DOCUMENT);
    String authors = document.authors().stream().findFirst()
        .map(a -> first(a, String::contains,
            new Candidate("the page's JSON-LD author", jsonLd.contains("\"author\"") ? jsonLd : ""),
            new Candidate("the page's author meta tag", meta(page, "author")),
            new Candidate("the article's byline", page.body().text())))
        .orElse(DOCUMENT);
    String published = document.published()
        .map(d -> first(d.machine(), (candidate, day) -> candidate.strip().startsWith(day),
            new Candidate("the page's article:published_time", meta(page, "article:published_time")),
            new Candidate("the page's JSON-LD datePublished", jsonLdValue(jsonLd, "datePublished")),
            new Candidate("the article's <time datetime>", page.select("time[datetime]").eachAttr("datetime").stream().findFirst().orElse("")),
            new Candidate("the page's date meta tag", meta(page, "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued"))))
        .orElse(DOCUMENT);
    String url = document.url()
        .map(u -> first(u, String::equals,
            new Candidate("the page's canonical link", page.select("link[rel~=(?i)^canonical$]").attr("href").strip()),
            new Candidate("the page's og:url", meta(page, "og:url")),
            new Candidate("the page's JSON-LD", jsonLd.contains(u) ? u : "")))
        .orElse(DOCUMENT);
    return new Provenance(title, outlet, authors, published, url);
  }

  private record Candidate(String name, String text) {}

  /** "from NAME" for the first candidate whose text matches the value. */
  private static String first(String value, BiPredicate<String, String> matches, Candidate... candidates) {
    for (Candidate c : candidates) {
      if (!c.text().isEmpty() && matches.test(squash(c.text()), squash(value))) {
        return "from " + c.name();
      }
    }
    return DOCUMENT;
  }

  /** The content of the first meta tag with one of the names (as {@code name} or {@code property}). */
  private static String meta(org.jsoup.nodes.Document page, String... names) {
    List<String> wanted = Arrays.stream(names).map(n -> n.toLowerCase(Locale.ROOT)).toList();
    for (Element meta : page.select("meta[content]")) {
      String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
      if (wanted.contains(key.strip().toLowerCase(Locale.ROOT))) {
        return meta.attr("content");
      }
    }
    return "";
  }

  private static String jsonLdValue(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  private static String squash(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
