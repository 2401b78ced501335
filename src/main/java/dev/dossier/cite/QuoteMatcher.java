package dev.dossier.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a quote in a text. Runs of whitespace compare equal to one space, and straight and curly
 * quotation marks compare equal; nothing else is forgiven (case, dashes, spelling all count),
 * because a citation promises the source's exact words.
 */
public final class QuoteMatcher {

  /** A stretch of the original text: {@code start} inclusive, {@code end} exclusive. */
  public record Range(int start, int end) {}

  private QuoteMatcher() {}

  /** The first occurrence of {@code quote} in {@code text}, in the original text's offsets. */
  public static Optional<Range> find(String text, String quote) {
    List<Range> all = findAll(text, quote, 1);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every occurrence, up to {@code limit}. */
  public static List<Range> findAll(String text, String quote, int limit) {
    Folded haystack = fold(text);
    String needle = fold(quote.strip()).text;
    List<Range> found = new ArrayList<>();
    if (needle.isEmpty()) {
      return found;
    }
    int from = 0;
    while (found.size() < limit) {
      int at = haystack.text.indexOf(needle, from);
      if (at < 0) {
        break;
      }
      found.add(new Range(haystack.origin[at], haystack.origin[at + needle.length() - 1] + 1));
      from = at + 1;
    }
    return found;
  }

  /** Whether a character is a space as quotes are compared: whitespace, or a no-break space. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0';
  }

  /** The text as compared: whitespace runs folded to a space, quotation marks made straight. */
  public static String normalize(String text) {
    return fold(text).text;
  }

  private record Folded(String text, int[] origin) {}

  private static Folded fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int[] origin = new int[text.length()];
    boolean inSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSpace(c)) {
        if (!inSpace) {
          origin[out.length()] = i;
          out.append(' ');
          inSpace = true;
        }
        continue;
      }
      inSpace = false;
      origin[out.length()] = i;
      out.append(straighten(c));
    }
    return new Folded(out.toString(), origin);
  }

  private static char straighten(char c) {
    return switch (c) {
      case '“', '”', '„', '‟', '″', '«', '»' -> '"';
      case '‘', '’', '‚', '‛', '′' -> '\'';
      default -> c;
    };
  }
}
