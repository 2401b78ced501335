package dev.dossier.model;

import java.util.Objects;

/**
 * The part of the dossier a citation stands in, so a source's paragraph can link back to it.
 *
 * @param id the topic id, event id or source key; empty for the dossier's description
 * @param title what a reader would call it ("The move to Lviv", an event's title)
 */
public record Citer(Kind kind, String id, String title) {

  /** The kinds of prose that cite. */
  public enum Kind {
    DESCRIPTION,
    TOPIC,
    EVENT,
    SOURCE
  }

  public Citer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }
}
