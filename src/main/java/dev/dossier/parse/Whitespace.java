package dev.dossier.parse;

/** Text from a saved page's tags and markup, spaced as a reader sees it rendered. */
final class Whitespace {

  private Whitespace() {}

  /** Runs of whitespace as one space, none at the ends. */
  static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
