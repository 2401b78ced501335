package dev.dossier.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Curator's Markdown, rendered once to HTML. Each citation stands in the HTML as a marker
 * ({@link #marker(int)}) that a page replaces with its own reference number, because the same
 * prose is numbered differently on the timeline, a topic page and the home page.
 *
 * @param html safe HTML with citation markers
 * @param citations the citations, in the order their markers appear
 */
public record Prose(String html, List<Citation> citations) {

  /** Private-use characters: they cannot come out of escaped Markdown text by accident. */
  public static final Pattern MARKER = Pattern.compile("\uE000(\\d+)\uE001");

  public Prose {
    Objects.requireNonNull(html, "html");
    citations = List.copyOf(citations);
  }

  /**
   * How the sanitiser writes one character of text: {@code & < >} and the no-break space as
   * entities; null for a character written as itself.
   */
  public static String escaped(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '\u00A0' -> "&nbsp;";
      default -> null;
    };
  }

  public static String marker(int index) {
    return "\uE000" + index + "\uE001";
  }
}
