package dev.dossier.load;

import java.util.Objects;

/**
 * An input file's text.
 *
 * @param path relative to the dossier folder, with forward slashes
 */
public record SourceText(String path, String text) {
  public SourceText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
  }
}
