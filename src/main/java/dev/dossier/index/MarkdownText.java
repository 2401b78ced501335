package dev.dossier.index;

import dev.dossier.cite.LineIndex;
import dev.dossier.diag.Position;
import java.util.Objects;

/**
 * Markdown written in the index, with the means to find where in {@code index.yml} any of its
 * characters stands, so a citation's diagnostic points at the citation itself.
 *
 * @param firstLine the file line (1-based) of the text's first line
 * @param firstColumn the file column (1-based) of the text's first character
 * @param indent for block scalars, the column (1-based) every later line starts at; 0 when the
 *     text is a single line
 */
public record MarkdownText(String text, String path, int firstLine, int firstColumn, int indent) {

  public MarkdownText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(path, "path");
  }

  public Position position(int offset) {
    LineIndex lines = new LineIndex(text);
    int line = lines.lineOf(Math.min(offset, text.length()));
    int column = offset - lines.lineStart(line);
    if (line == 0) {
      return new Position(path, firstLine, (indent > 0 ? indent : firstColumn) + column);
    }
    return new Position(path, firstLine + line, Math.max(indent, 1) + column);
  }
}
