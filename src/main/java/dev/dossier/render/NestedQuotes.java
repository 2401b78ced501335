package dev.dossier.render;

/**
 * A quotation inside quotation marks the dossier adds (a note's quoted words, a title in a
 * bibliography entry) has its own double quotation marks turned to single ones, as style
 * guides ask: “to attack ‘at any time.’” rather than “to attack “at any time.””. Only the
 * marks change; the words, and the source's page, stay as written.
 */
final class NestedQuotes {

  private NestedQuotes() {}

  static String inner(String text) {
    if (text.indexOf('"') < 0 && text.indexOf('“') < 0 && text.indexOf('”') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '“' -> out.append('‘');
        case '”' -> out.append('’');
        // A straight mark opens after a space, a bracket or a dash, and closes after anything else.
        case '"' -> out.append(i == 0 || opensAfter(text.charAt(i - 1)) ? '‘' : '’');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A title in quotation marks with its full stop, as a bibliography writes it: the stop goes
   * inside the marks, a quotation's that ends the title included (“Biden: ‘Putin has decided.’”).
   */
  static String titleWithStop(String title) {
    String inner = inner(title);
    boolean endsQuoted = title.endsWith("\"") || title.endsWith("”");
    return "“" + (endsQuoted ? inner.substring(0, inner.length() - 1) + ".’" : inner + ".") + "”";
  }

  private static boolean opensAfter(char before) {
    return Character.isWhitespace(before) || "([{—–-/".indexOf(before) >= 0;
  }
}
