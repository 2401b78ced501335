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

  /** Places in the order a reader meets them: by file, then line, then column. */
  public static final java.util.Comparator<Position> ORDER =
      java.util.Comparator.comparing(Position::path).thenComparingInt(Position::line).thenComparingInt(Position::column);

  /**
   * Places after {@code first}, as a message names them: "17:162, 17:313 and 40 more", at most
   * {@code named} of them, each file named only where it is not the one before.
   */
  public static String others(Position first, java.util.List<Position> places, int named) {
    java.util.List<String> shown = new java.util.ArrayList<>();
    String path = first.path();
    for (Position p : places.subList(0, Math.min(places.size(), named))) {
      shown.add(p.path().equals(path) ? p.line() + ":" + p.column() : p.toString());
      path = p.path();
    }
    return joined(shown, places.size() - shown.size());
  }

  /** "a, b and c", or "a, b, c and 7 more". */
  public static String joined(java.util.List<String> named, int more) {
    if (more > 0) {
      return String.join(", ", named) + " and " + more + " more";
    }
    return named.size() == 1 ? named.get(0) : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
  }

  @Override
  public String toString() {
    return line == 0 ? path : path + ":" + line + ":" + column;
  }
}
