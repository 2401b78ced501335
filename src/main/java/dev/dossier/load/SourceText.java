package dev.dossier.load;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An input file's text.
 *
 * @param path relative to the dossier folder, with forward slashes
 * @param utf8 the text in UTF-8: the file's own bytes when they are exactly the text (no
 *     byte-order mark, no carriage returns), so that hashing a document does not encode it again
 */
public record SourceText(String path, String text, byte[] utf8) {
  public SourceText {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(utf8, "utf8");
  }

  public SourceText(String path, String text) {
    this(path, text, text.getBytes(StandardCharsets.UTF_8));
  }
}
