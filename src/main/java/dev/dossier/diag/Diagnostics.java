package dev.dossier.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a run instead of stopping at the first, so a curator fixes them
 * all in one pass. Safe to share between the threads that parse documents.
 */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();
  private final boolean warningsAreErrors;

  public Diagnostics() {
    this(false);
  }

  private Diagnostics(boolean warningsAreErrors) {
    this.warningsAreErrors = warningsAreErrors;
  }

  /** A collector that turns every warning into an error, for {@code --strict}. */
  public static Diagnostics strict() {
    return new Diagnostics(true);
  }

  public synchronized void add(Diagnostic diagnostic) {
    if (warningsAreErrors && diagnostic.severity() == Severity.WARNING) {
      diagnostic = new Diagnostic(diagnostic.path(), diagnostic.line(), diagnostic.column(), Severity.ERROR,
          diagnostic.message() + " (an error with --strict)", diagnostic.hint());
    }
    all.add(diagnostic);
  }

  public void addAll(List<Diagnostic> diagnostics) {
    diagnostics.forEach(this::add);
  }

  public void error(Position at, String message) {
    add(Diagnostic.error(at, message));
  }

  public void error(Position at, String message, String hint) {
    add(Diagnostic.error(at, message, hint));
  }

  public void warning(Position at, String message, String hint) {
    add(Diagnostic.warning(at, message, hint));
  }

  /** Something worth knowing that is not a problem with the dossier. */
  public void note(Position at, String message) {
    add(new Diagnostic(at.path(), at.line(), at.column(), Severity.NOTE, message, java.util.Optional.empty()));
  }

  public synchronized boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  /** Every problem so far, sorted by file and position. */
  public synchronized List<Diagnostic> sorted() {
    return all.stream().sorted(Diagnostic.ORDER).distinct().toList();
  }
}
