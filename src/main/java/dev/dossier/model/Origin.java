package dev.dossier.model;

/** Where a metadata value came from, so the site can say so. */
public enum Origin {
  /** The curator wrote it in index.yml. */
  INDEX("index"),
  /** The document carries it (a byline, a timestamp, a meta tag, front matter). */
  DOCUMENT("document"),
  /** Worked out from the document's contents rather than read from it; the site says how. */
  INFERRED("inferred"),
  /** Nobody knows it, and the site says so rather than invent it. */
  UNKNOWN("unknown");

  private final String label;

  Origin(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
