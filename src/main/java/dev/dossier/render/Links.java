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

  String topic(String id) {
    return root + "topics/" + id + ".html";
  }

  String event(String id) {
    return root + "timeline.html#" + id;
  }
}
