package dev.dossier.diag;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem in the dossier's input.
 *
 * @param path the file at fault, relative to the dossier folder where possible
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when unknown
 * @param hint what the curator can do about it, if there is something useful to say
 */
public record Diagnostic(
    String path, int line, int column, Severity severity, String message, Optional<String> hint) {

  /** Files first, then position, so a report reads top to bottom. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::path)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  public static Diagnostic error(Position at, String message) {
    return new Diagnostic(at.path(), at.line(), at.column(), Severity.ERROR, message, Optional.empty());
  }

  public static Diagnostic error(Position at, String message, String hint) {
    return new Diagnostic(at.path(), at.line(), at.column(), Severity.ERROR, message, Optional.of(hint));
  }

  public static Diagnostic warning(Position at, String message, String hint) {
    return new Diagnostic(
        at.path(), at.line(), at.column(), Severity.WARNING, message, Optional.ofNullable(hint));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path:line:col: error: message}, the form editors and CI logs understand. */
  public String headline() {
    StringBuilder out = new StringBuilder(path);
    if (line > 0) {
      out.append(':').append(line);
      if (column > 0) {
        out.append(':').append(column);
      }
    }
    return out.append(": ").append(severity.label()).append(": ").append(message).toString();
  }
}
