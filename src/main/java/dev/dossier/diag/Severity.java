package dev.dossier.diag;

/** How bad a problem is: an error stops the build, a warning does not, a note only informs. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** The word printed before the message, as compilers do. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
