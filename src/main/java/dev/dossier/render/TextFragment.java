package dev.dossier.render;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Deep links into an original article with a URL text fragment ({@code #:~:text=}), so a browser
 * that supports them scrolls to and highlights the cited words. Every character but letters,
 * digits and {@code . _ ~} is percent-encoded: the syntax gives {@code -}, {@code &} and
 * {@code ,} meanings of their own.
 */
final class TextFragment {

  private static final int EDGE_WORDS = 4;
  /** Compiled once: a link is made for every citation a page shows, and for every source page's own. */
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  private TextFragment() {}

  /** The original, deep-linked to an exact quote. */
  static String toQuote(String url, String quote) {
    return base(url) + ":~:text=" + encode(SPACES.matcher(quote.strip()).replaceAll(" "));
  }

  /** The original, deep-linked to a whole paragraph: its first words through its last. */
  static String toParagraph(String url, String paragraph) {
    String[] words = SPACES.split(paragraph.strip());
    if (words.length <= EDGE_WORDS * 2) {
      return toQuote(url, paragraph);
    }
    String start = String.join(" ", Arrays.copyOfRange(words, 0, EDGE_WORDS));
    String end = String.join(" ", Arrays.copyOfRange(words, words.length - EDGE_WORDS, words.length));
    return base(url) + ":~:text=" + encode(start) + "," + encode(end);
  }

  /**
   * The URL up to where a text directive goes: after its own fragment, which a page may route
   * by ({@code #/story/123}) or scroll to when the words are not found, less any directive it
   * already had.
   */
  private static String base(String url) {
    int hash = url.indexOf('#');
    if (hash < 0) {
      return url + "#";
    }
    int directive = url.indexOf(":~:", hash);
    return directive < 0 ? url : url.substring(0, directive);
  }

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
