package dev.dossier.cite;

import dev.dossier.diag.Position;
import java.util.Arrays;

/**
 * Turns character offsets in a text into 1-based lines and columns, columns counted in code
 * points (an emoji is one column, as an editor shows it), as the YAML parser counts them.
 */
public final class LineIndex {

  private final CharSequence text;
  private final int[] lineStarts;

  public LineIndex(CharSequence text) {
    this.text = text;
    int[] starts = new int[16];
    int count = 1;
    // A String is searched with indexOf, which the JIT turns into a vector scan.
    String string = text instanceof String s ? s : null;
    for (int i = next(text, string, 0); i >= 0; i = next(text, string, i + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = i + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** Where the next line feed from {@code from} is, or -1. */
  private static int next(CharSequence text, String string, int from) {
    if (string != null) {
      return string.indexOf('\n', from);
    }
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** 0-based line of an offset. */
  public int lineOf(int offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return found >= 0 ? found : -found - 2;
  }

  /** The position of {@code offset}, with {@code firstLine} the file line the text starts on. */
  public Position position(String path, int offset, int firstLine) {
    int line = lineOf(offset);
    return new Position(path, firstLine + line, Character.codePointCount(text, lineStarts[line], offset) + 1);
  }

  public int lineStart(int line) {
    return lineStarts[line];
  }

  public int lineCount() {
    return lineStarts.length;
  }
}
