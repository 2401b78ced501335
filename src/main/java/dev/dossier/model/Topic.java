package dev.dossier.model;

import java.util.Objects;
import java.util.Optional;

/** A theme the dossier follows, with the curator's cited summary. */
public record Topic(String id, String title, Optional<Prose> summary) {
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
  }
}
