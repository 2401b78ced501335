package dev.dossier.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A heading inside a source's text; not numbered, so paragraph numbers match what a reader counts.
 *
 * @param direction the direction the source gives the heading's text ("rtl", "ltr", "auto"),
 *     which its page puts on the heading as a paragraph's goes on its {@code <p>}; empty for
 *     none but the page's
 */
public record Subheading(String text, String html, Optional<String> direction) implements Block {
  public Subheading {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    Objects.requireNonNull(direction, "direction");
  }

  public Subheading(String text, String html) {
    this(text, html, Optional.empty());
  }
}
