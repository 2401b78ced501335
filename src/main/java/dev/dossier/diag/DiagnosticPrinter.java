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
      out.println(d.headline());
      if (d.line() > 0) {
        linesOf.apply(d.path())
            .filter(lines -> d.line() <= lines.size())
            .map(lines -> lines.get(d.line() - 1))
            .ifPresent(
                text -> {
                  out.println("  " + text);
                  if (d.column() > 0) {
                    out.println("  " + caretPadding(text, d.column()) + "^");
                  }
                });
      }
      d.hint().ifPresent(hint -> out.println("  = help: " + hint));
    }
    out.flush();
  }

  /** Spaces up to the column, keeping tabs so the caret lines up under tabbed text. */
  private static String caretPadding(String line, int column) {
    StringBuilder pad = new StringBuilder();
    for (int i = 0; i < column - 1; i++) {
      pad.append(i < line.length() && line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }
}
