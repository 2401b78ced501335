package dev.dossier.parse;

/** Text as a reader sees it: spaced as rendered, and blank where nothing readable is left. */
final class Whitespace {

  private Whitespace() {}

  /** Runs of whitespace as one space, none at the ends. */
  static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /**
   * Whether a block's text holds nothing a reader could read or cite: only whitespace, control
   * and format characters, and U+FFFD (what is left of a control character or noncharacter).
   * Such a block is no paragraph in any format, as one of spaces is not.
   */
  static boolean isBlank(String s) {
    // A loop, not a stream of code points: every block of every document is asked, and most
    // answer at their first character.
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      if (!(Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
          || Character.getType(c) == Character.FORMAT || c == '\uFFFD')) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }
}
