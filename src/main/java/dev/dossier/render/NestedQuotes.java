package dev.dossier.render;

/**
 * A quotation inside quotation marks the dossier adds (a note's quoted words, a title in a
 * bibliography entry) has its own double quotation marks turned to single ones, as style
 * guides ask: “to attack ‘at any time.’” rather than “to attack “at any time.””. Only marks
 * that are quotation marks change: curly ones, and straight ones when they pair up (an odd
 * one out, as in 12" or a quote cut short, is left as written). The words, and the source's
 * page, stay as written.
 */
final class NestedQuotes {

  private NestedQuotes() {}

  static String inner(String text) {
    long straight = text.chars().filter(c -> c == '"').count();
    if (straight == 0 && text.indexOf('“') < 0 && text.indexOf('”') < 0) {
      return text;
    }
    boolean pairs = straight % 2 == 0 && straightMarksPair(text);
    boolean open = true;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '“' -> out.append('‘');
        case '”' -> out.append('’');
        case '"' -> {
          if (pairs) {
            out.append(open ? '‘' : '’');
            open = !open;
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Whether the straight marks read as quotation marks, taken in turn: each opening one at the
   * start or after a space, bracket, dash, slash or colon, each closing one at the end or before
   * a space or punctuation. Inch marks ("a 12" and a 14" pipe") do not.
   */
  private static boolean straightMarksPair(String text) {
    boolean open = true;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '"') {
        continue;
      }
      boolean fits = open
          ? i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{—–-/:".indexOf(text.charAt(i - 1)) >= 0
          : i == text.length() - 1 || Character.isWhitespace(text.charAt(i + 1)) || ".,;:!?)]}—–-…".indexOf(text.charAt(i + 1)) >= 0;
      if (!fits) {
        return false;
      }
      open = !open;
    }
    return true;
  }

  /**
   * A title in quotation marks with its full stop, as a bibliography writes it: the stop goes
   * inside the marks, a quotation's that ends the title included (“Biden: ‘Putin has decided.’”),
   * and none follows a title that ends with its own (“Will Russia invade?”).
   */
  static String titleWithStop(String title) {
    String inner = inner(title);
    // The quotation that ends the title, if it does: its closing mark stays last.
    boolean endsQuoted = (inner.endsWith("’") || inner.endsWith("'")) && QUOTED_END.matcher(inner).find();
    String body = endsQuoted ? inner.substring(0, inner.length() - 1) : inner;
    String stop = !body.isEmpty() && ".?!…。？！".indexOf(body.charAt(body.length() - 1)) >= 0 ? "" : ".";
    return "“" + body + stop + (endsQuoted ? inner.substring(inner.length() - 1) : "") + "”";
  }

  /** A quotation at the end of a title: an opening single mark after a space or the start, then no other mark to the end. */
  private static final java.util.regex.Pattern QUOTED_END = java.util.regex.Pattern.compile("(?:^|[\\s(:—–-])[‘'][^‘’']*[’']$");
}
