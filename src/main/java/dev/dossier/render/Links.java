package dev.dossier.render;

/**
 * Relative links between the site's pages. Every link names its file, so the site works from
 * {@code file://}, from a sub-folder of any host, and zipped.
 */
final class Links {

  private final String root;

  /** @param pagePath the path of the page the links are written on */
  Links(String pagePath) {
    this("../".repeat((int) pagePath.chars().filter(c -> c == '/').count()), true);
  }

  private Links(String root, boolean unused) {
    this.root = root;
  }

  /** Absolute links under the address the site is published at, for feeds and exports. */
  static Links absolute(String baseUrl) {
    return new Links(baseUrl, true);
  }

  String root() {
    return root;
  }

  String to(String path) {
    return root + path;
  }

  String source(String key) {
    return root + "sources/" + key + ".html";
  }

  String paragraph(String key, int number) {
    return source(key) + "#p" + number;
  }

  /** A source's {@code n}th subheading on its page, as search finds it. */
  String subheading(String key, int n) {
    return source(key) + "#" + subheadingAnchor(n);
  }

  /** The id of a source page's {@code n}th subheading (from 1): "s1", "s2", ... */
  static String subheadingAnchor(int n) {
    return "s" + n;
  }

  /** Where the quoted words begin in the paragraph, on the source's page. */
  String quote(String key, int number, String quote) {
    return source(key) + "#" + quoteId(number, quote);
  }

  /**
   * The id of the place a quote begins: the paragraph's and a hash of the quote's words, so it
   * depends on nothing else (another citation added or removed leaves every link as it was).
   */
  static String quoteId(int number, String quote) {
    byte[] hash = SearchIndex.sha256().digest(quote.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "p" + number + "-q" + java.util.HexFormat.of().formatHex(hash, 0, 4);
  }

  String topic(String id) {
    return root + "topics/" + id + ".html";
  }

  String event(String id) {
    return root + "timeline.html#" + id;
  }
}
