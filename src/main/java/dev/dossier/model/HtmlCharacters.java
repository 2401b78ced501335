package dev.dossier.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Characters no web page may hold, raw or as a character reference: the control characters
 * other than tab, line feed and form feed (DELETE and U+0080 to U+009F among them), and the
 * noncharacters. A page holding one is not valid HTML, and a browser shows it as nothing or as
 * a box, so a reader could not tell it was there. A document's text reads each as U+FFFD, the
 * replacement character, which every page shows as "�", and the curator is told where.
 *
 * <p>So do U+E000 to U+E002, private-use characters with no meaning of their own, which the
 * tool uses to mark where citations and blocks stand in rendered text: one in a document's
 * words would read as a citation that is not there (or fail the page).
 */
public final class HtmlCharacters {

  /** What to do about them, for the warning that says where the first was. */
  public static final String HINT =
      "remove it from the file (such characters are usually left over from a conversion), or leave it to show as \"\uFFFD\"";

  private HtmlCharacters() {}

  public static boolean forbidden(int c) {
    if (c < 0x20) {
      return c != '\t' && c != '\n' && c != '\f';
    }
    return c >= 0x7F && c <= 0x9F || noncharacter(c) || marker(c);
  }

  /** The private-use characters the tool marks citations and blocks with (Prose, MarkdownProcessor). */
  private static boolean marker(int c) {
    return c >= 0xE000 && c <= 0xE002;
  }

  private static boolean noncharacter(int c) {
    return c >= 0xFDD0 && c <= 0xFDEF || (c & 0xFFFE) == 0xFFFE;
  }

  /**
   * A text with its forbidden characters replaced.
   *
   * @param first where in the original text the first one was
   * @param found the first one
   * @param count how many there were
   */
  public record Replaced(String text, int first, int found, int count) {
    /** "U+0001 is a control character, which no web page may hold: ...", for a character in a file. */
    public String message() {
      return message("in this file");
    }

    /** The same, for a character found elsewhere than in a file's text ("in this value"). */
    public String message(String where) {
      return name(found) + " is " + kind(found) + consequence(found, count, where);
    }
  }

  /** "the escape \x01 stands for U+0001, a control character, ...", for characters a YAML escape wrote. */
  public static String escapeMessage(String escape, int found, int count) {
    String kind = kind(found);
    return "the escape " + escape + " stands for " + name(found) + (kind.startsWith("a ") ? ", " + kind : ", which is " + kind)
        + consequence(found, count, "in this value");
  }

  /** What to do about a character a YAML escape wrote. */
  public static final String ESCAPE_HINT = "remove the escape (such escapes are usually left over from a terminal or a conversion), or leave it to show as \"\uFFFD\"";

  /** "a character reference in this text stands for U+0001, a control character, ...", for characters a parser made of references. */
  public static String referenceMessage(int found, int count) {
    String kind = kind(found);
    return "a character reference in this text stands for " + name(found) + (kind.startsWith("a ") ? ", " + kind : ", which is " + kind)
        + consequence(found, count, "in this page");
  }

  private static String name(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }

  private static String kind(int c) {
    return noncharacter(c) ? "not a character" : marker(c) ? "a private-use character, one this tool marks citations with" : "a control character";
  }

  private static String consequence(int found, int count, String where) {
    return (marker(found) ? ", which no text of a dossier may hold" : ", which no web page may hold")
        + ": it is read as U+FFFD, shown as \"\uFFFD\"" + (count > 1 ? " (as are " + (count - 1) + " more " + where + ")" : "");
  }

  /** The text with each forbidden character read as U+FFFD; empty when it has none. */
  public static Optional<Replaced> replace(String text) {
    return replace(text, HtmlCharacters::forbidden);
  }

  /** The same, for the forbidden characters that {@code replaced} picks out (it sees no others). */
  public static Optional<Replaced> replace(String text, java.util.function.IntPredicate replaced) {
    int first = -1;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      // Only these ranges can hold one (from U+D800, the surrogates too, which make the
      // noncharacters past U+FFFF); most text has none, and is looked at once. A line feed or a
      // tab, the only controls most text holds, is passed over without asking.
      if ((c < 0x20 ? c != '\n' && c != '\t' : c >= 0x7F && (c <= 0x9F || c >= 0xD800)) && replaced.test(text.codePointAt(i))) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    int count = 0;
    for (int i = first; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (replaced.test(c)) {
        out.append('\uFFFD');
        count++;
      } else {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return Optional.of(new Replaced(out.toString(), first, text.codePointAt(first), count));
  }
}
