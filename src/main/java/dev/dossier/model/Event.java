package dev.dossier.model;

import java.util.List;
import java.util.Objects;

/**
 * Something that happened (or was announced to happen) on a date, told in cited prose.
 *
 * @param id stable anchor on the timeline, made from the date and title
 */
public record Event(String id, DossierDate date, String title, List<String> topics, Prose text) {
  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(title, "title");
    topics = List.copyOf(topics);
    Objects.requireNonNull(text, "text");
  }
}
