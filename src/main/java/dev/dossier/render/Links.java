package dev.dossier.render;

/**
 * Relative links between the site's pages. Every link names its file, so the site works from
 * {@code file://}, from a sub-folder of any host, and zipped.
 */
final class Links {

  private final String root;

  /** @param pagePath the path of the page the links are written on */
  Links(String pagePath) {
    this.root = "../".repeat((int) pagePath.chars().filter(c -> c == '/').count());
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
