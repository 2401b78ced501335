package dev.dossier.cli;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.DiagnosticPrinter;
import dev.dossier.site.Build;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints a run's diagnostics with their source lines, and the closing count. */
final class Reporter {

  private Reporter() {}

  /**
   * @param dir the dossier folder the diagnostic paths are relative to, as the user named it
   */
  static void print(List<Diagnostic> diagnostics, Path dir, Path templates, PrintWriter err) {
    String prefix = prefix(dir);
    List<Diagnostic> located = diagnostics.stream()
        .map(d -> new Diagnostic(shown(prefix, d.path()), d.line(), d.column(), d.severity(), d.message(), d.hint()))
        .toList();
    new DiagnosticPrinter(path -> Build.lines(Path.of(""), path)).print(located, err);
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.stream().filter(d -> d.severity() == dev.dossier.diag.Severity.WARNING).count();
    if (errors > 0 || warnings > 0) {
      err.println(count(errors, "error") + ", " + count(warnings, "warning"));
    }
    err.flush();
  }

  /**
   * Prints diagnostics whose paths are already as the user knows them (the file or address given
   * to {@code add}, the index's path), without a closing count.
   */
  static void printAsShown(List<Diagnostic> diagnostics, PrintWriter err) {
    new DiagnosticPrinter(Reporter::fileLines).print(diagnostics, err);
  }

  private static java.util.Optional<List<String>> fileLines(String path) {
    try {
      return Build.lines(Path.of(""), path);
    } catch (java.nio.file.InvalidPathException e) {
      return java.util.Optional.empty();
    }
  }

  /** A place in the dossier as diagnostics show it: {@code seeds/index.yml:12:7}. */
  static String shown(Path dir, dev.dossier.diag.Position at) {
    return new dev.dossier.diag.Position(shown(prefix(dir), at.path()), at.line(), at.column()).toString();
  }

  /** Paths inside the dossier are shown as the user named the folder; others as they are. */
  private static String shown(String prefix, String path) {
    if (path.startsWith("(")) {
      return path;
    }
    if (path.equals(".")) {
      // The dossier folder itself, as the user named it: "empty", not "empty/.".
      return prefix.length() <= 1 ? (prefix.isEmpty() ? "." : prefix) : prefix.substring(0, prefix.length() - 1);
    }
    if (path.startsWith("/") || Path.of(path).isAbsolute()) {
      // A template found through the dossier folder, named in full: shown from here, like the rest.
      Path here = Path.of("").toAbsolutePath();
      Path file = Path.of(path).normalize();
      return file.startsWith(here) && !file.equals(here) ? here.relativize(file).toString().replace('\\', '/') : path;
    }
    return prefix + path;
  }

  private static String prefix(Path dir) {
    String shown = dir.toString().replace('\\', '/');
    return shown.isEmpty() || shown.equals(".") ? "" : shown.endsWith("/") ? shown : shown + "/";
  }

  static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
