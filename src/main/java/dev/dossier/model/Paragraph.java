package dev.dossier.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A numbered paragraph of a source: the unit a citation points at ({@code ¶5}, {@code #p5}).
 *
 * <p>Most paragraphs are plain text, and their HTML is the text escaped inside {@code <p>}: such
 * a paragraph keeps only its text and makes the HTML when asked, which halves the memory a
 * large dossier's text takes. Otherwise it behaves as the record it was: equal paragraphs have
 * the same number, text and HTML.
 */
public final class Paragraph implements Block {

  private final int number;
  private final String text;
  /** Null when the HTML is {@link #plainHtml} of the text. */
  private final String html;

  /**
   * @param number 1-based, in reading order
   * @param text the paragraph's words exactly as the source has them
   * @param html the same content as safe HTML
   */
  public Paragraph(int number, String text, String html) {
    this(number, text, Objects.requireNonNull(html, "html"), false);
  }

  /**
   * A paragraph from its text and {@link #markup()}: its HTML is the markup, or the text
   * escaped in {@code <p>} when there is none.
   */
  public Paragraph(int number, String text, Optional<String> markup) {
    this(number, text, markup.orElse(null), markup.isEmpty());
  }

  private Paragraph(int number, String text, String html, boolean plain) {
    if (number < 1) {
      throw new IllegalArgumentException("paragraphs are numbered from 1, got " + number);
    }
    this.number = number;
    this.text = Objects.requireNonNull(text, "text");
    this.html = plain || isPlainHtml(text, html) ? null : html;
  }

  public int number() {
    return number;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public String html() {
    return html != null ? html : plainHtml(text);
  }

  /**
   * The HTML when it is more than the text escaped in {@code <p>} (links, emphasis, a table);
   * empty when {@link #html()} is made from the text.
   */
  public Optional<String> markup() {
    return Optional.ofNullable(html);
  }

  /** The anchor on the source page. */
  public String anchor() {
    return "p" + number;
  }

  /** The text in a {@code <p>}, escaped as the sanitiser writes it ({@link Prose#escaped}). */
  static String plainHtml(String text) {
    int next = nextEscaped(text, 0);
    if (next < 0) {
      // Most paragraphs have nothing to escape: one copy, whatever characters they hold.
      return "<p>" + text + "</p>";
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append("<p>");
    int from = 0;
    for (; next >= 0; next = nextEscaped(text, from)) {
      out.append(text, from, next).append(Prose.escaped(text.charAt(next)));
      from = next + 1;
    }
    return out.append(text, from, text.length()).append("</p>").toString();
  }

  /** Where the next character {@link Prose#escaped} changes is, from {@code from}; -1 if none. */
  private static int nextEscaped(String text, int from) {
    for (int i = from, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '\u00A0') {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code html} is {@link #plainHtml} of {@code text}, found without making it. */
  private static boolean isPlainHtml(String text, String html) {
    if (!html.startsWith("<p>") || !html.endsWith("</p>")) {
      return false;
    }
    int at = 3;
    int end = html.length() - 4;
    int from = 0;
    for (int next = nextEscaped(text, 0); ; next = nextEscaped(text, from)) {
      int stretch = (next < 0 ? text.length() : next) - from;
      if (at + stretch > end || !html.regionMatches(at, text, from, stretch)) {
        return false;
      }
      at += stretch;
      if (next < 0) {
        return at == end;
      }
      String escaped = Prose.escaped(text.charAt(next));
      if (at + escaped.length() > end || !html.startsWith(escaped, at)) {
        return false;
      }
      at += escaped.length();
      from = next + 1;
    }
  }

  // The constructor keeps html only when it is more than the escaped text, so the fields
  // compare as the HTML would, without making it.
  @Override
  public boolean equals(Object other) {
    return other instanceof Paragraph p && number == p.number && text.equals(p.text) && Objects.equals(html, p.html);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, text, html);
  }

  @Override
  public String toString() {
    return "Paragraph[number=" + number + ", text=" + text + ", html=" + html() + "]";
  }
}
