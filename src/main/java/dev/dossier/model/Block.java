package dev.dossier.model;

/** A block of a source's text: a numbered paragraph or an unnumbered subheading. */
public sealed interface Block permits Paragraph, Subheading {

  /** The block's text as a reader sees it, for quote matching and search. */
  String text();

  /** The block's content as safe HTML (escaped text, or sanitised markup). */
  String html();
}
