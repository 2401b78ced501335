package dev.dossier.diag;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Prints diagnostics for people: the headline, the offending line with a caret under the
 * column, then the hint.
 */
public final class DiagnosticPrinter {

  private final Function<String, Optional<List<String>>> linesOf;

  /** @param linesOf the lines of an input file by its diagnostic path, when it can be read */
  public DiagnosticPrinter(Function<String, Optional<List<String>>> linesOf) {
    this.linesOf = linesOf;
  }

  public void print(List<Diagnostic> diagnostics, PrintWriter out) {
    for (Diagnostic d : diagnostics) {
      // A line break in a file's name would split "FILE:LINE:COL:" across two lines: it shows as "␤".
      String path = d.path();
      String head = path.indexOf('\n') < 0 ? d.headline() : path.replace('\n', '\u2424') + d.headline().substring(path.length());
      out.println(visible(head));
      if (d.line() > 0) {
        linesOf.apply(d.path())
            .filter(lines -> d.line() <= lines.size())
            .map(lines -> lines.get(d.line() - 1))
            .ifPresent(
                line -> {
                  Window shown = Window.around(line, charColumn(line, Math.max(d.column(), 1)));
                  out.println("  " + visible(shown.text()));
                  if (d.column() > 0) {
                    out.println("  " + caretPadding(shown.text(), shown.column()) + "^");
                  }
                });
      }
      d.hint().ifPresent(hint -> out.println("  = help: " + visible(hint)));
    }
    out.flush();
  }

  /**
   * The text with every character a terminal would act on instead of showing replaced by one
   * that shows (so a caret still lines up): a document's words reach these messages, and an
   * escape sequence in them could retitle or clear the curator's terminal. Control characters
   * become their pictures (ESC is "␛"); C1 controls, the marks that reorder text and private-use
   * characters (which show as nothing, or as a font's own glyph; the build reads them as "�"), "�".
   * Tabs and line breaks stay.
   */
  public static String visible(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char shown = c == '\t' || c == '\n' ? c
          : c < 0x20 ? (char) (0x2400 + c)
          : c == 0x7f ? '\u2421'
          : c >= 0x80 && c < 0xa0 || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c >= 0xe000 && c <= 0xf8ff ? '\ufffd'
          : c;
      if (shown != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(shown);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Lines longer than this are shown as a stretch of this many characters around the column. */
  static final int WIDTH = 100;

  /**
   * What is shown of a line, and where the column falls in it: the whole line when it is short,
   * else {@link #WIDTH} characters around the column with "…" where it was cut. An index's
   * paragraphs are often a line each, a thousand characters long.
   */
  record Window(String text, int column) {
    static Window around(String line, int column) {
      if (line.length() <= WIDTH) {
        return new Window(line, column);
      }
      int start = Math.max(0, Math.min(column - 1 - WIDTH / 3, line.length() - WIDTH));
      int end = Math.min(line.length(), start + WIDTH);
      // Never half of a surrogate pair at either end.
      if (start > 0 && Character.isLowSurrogate(line.charAt(start))) {
        start++;
      }
      if (end < line.length() && Character.isHighSurrogate(line.charAt(end - 1))) {
        end--;
      }
      String before = start > 0 ? "…" : "";
      String after = end < line.length() ? "…" : "";
      return new Window(before + line.substring(start, end) + after, column - start + before.length());
    }
  }

  /**
   * A diagnostic's column counts code points (an emoji is one); the 1-based column in UTF-16
   * units, as the line's String indexes it.
   */
  static int charColumn(String line, int column) {
    int points = line.codePointCount(0, line.length());
    // Past the line's end (a missing value at the end of a line) it counts on in spaces.
    return Position.charIndex(line, column - 1) + 1 + Math.max(0, column - 1 - points);
  }

  /** A space per character up to the column (a tab kept, so the caret lines up under tabbed text). */
  private static String caretPadding(String line, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column - 1; ) {
      int c = i < line.length() ? line.codePointAt(i) : ' ';
      pad.append(c == '\t' ? '\t' : ' ');
      i += Character.charCount(c);
    }
    return pad.toString();
  }
}
