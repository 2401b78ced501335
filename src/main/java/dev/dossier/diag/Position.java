package dev.dossier.diag;

import java.util.Objects;

/**
 * A place in an input file: 1-based line and column, or 0 for "the whole file".
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

  @Override
  public String toString() {
    return line == 0 ? path : path + ":" + line + ":" + column;
  }
}
