package dev.dossier.model;

import java.util.Objects;

/** A heading inside a source's text; not numbered, so paragraph numbers match what a reader counts. */
public record Subheading(String text, String html) implements Block {
  public Subheading {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }
}
