package dev.dossier.curate;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Position;
import java.util.List;

/**
 * Why {@code init} or {@code add} wrote nothing: the command was used wrongly ({@link #usage()},
 * exit 2), or the document, the page or the index does not allow it (exit 1).
 */
public final class Refusal extends Exception {

  private final boolean usage;
  private final transient List<Diagnostic> problems;

  private Refusal(boolean usage, String message, List<Diagnostic> problems) {
    super(message);
    this.usage = usage;
    this.problems = List.copyOf(problems);
  }

  /** Wrong usage: a missing file, a scheme that is not http(s). */
  static Refusal usage(String message) {
    return new Refusal(true, message, List.of());
  }

  static Refusal content(Position at, String message, String hint) {
    return content(List.of(Diagnostic.error(at, message, hint)));
  }

  static Refusal content(List<Diagnostic> problems) {
    return new Refusal(false, problems.isEmpty() ? "refused" : problems.get(0).message(), problems);
  }

  public boolean usage() {
    return usage;
  }

  /** What is wrong, positioned where possible; empty for a usage refusal. */
  public List<Diagnostic> problems() {
    return problems;
  }
}
