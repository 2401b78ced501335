package dev.dossier.diag;

import java.util.Objects;

/**
 * A place in an input file: 1-based line and column, or 0 for "the whole file". A column counts
 * code points, as a reader and the YAML parser count characters (an emoji is one).
 *
 * @param path the file, relative to the dossier folder
 */
public record Position(String path, int line, int column) {

  public Position {
    Objects.requireNonNull(path, "path");
  }

  /** The file as a whole, when no line applies. */
  public static Position file(String path) {
    return new Position(path, 0, 0);
  }

  /**
   * Where in {@code line} (as a String indexes it, in UTF-16 units) the character after its
   * first {@code codePoints} characters stands; the line's length past its end.
   */
  public static int charIndex(String line, int codePoints) {
    return codePoints <= line.codePointCount(0, line.length()) ? line.offsetByCodePoints(0, Math.max(codePoints, 0)) : line.length();
  }

  @Override
  public String toString() {
    return line == 0 ? path : path + ":" + line + ":" + column;
  }
}
