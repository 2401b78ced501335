package dev.dossier.model;

/** How much of a source the site may publish. */
public enum Reproduce {
  /** The whole text, paragraph by paragraph. */
  FULL,
  /** Only the passages the dossier cites. */
  EXCERPTS
}
