package dev.dossier.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a run instead of stopping at the first, so a curator fixes them
 * all in one pass. Safe to share between the threads that parse documents.
 */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();

  public synchronized void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public synchronized void addAll(List<Diagnostic> diagnostics) {
    all.addAll(diagnostics);
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

  public synchronized boolean hasErrors() {
    return all.stream().anyMatch(Diagnostic::isError);
  }

  /** Every problem so far, sorted by file and position. */
  public synchronized List<Diagnostic> sorted() {
    return all.stream().sorted(Diagnostic.ORDER).distinct().toList();
  }
}
