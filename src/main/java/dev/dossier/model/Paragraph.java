package dev.dossier.model;

import java.util.Objects;

/**
 * A numbered paragraph of a source: the unit a citation points at ({@code ¶5}, {@code #p5}).
 *
 * @param number 1-based, in reading order
 * @param text the paragraph's words exactly as the source has them
 * @param html the same content as safe HTML
 */
public record Paragraph(int number, String text, String html) implements Block {
  public Paragraph {
    if (number < 1) {
      throw new IllegalArgumentException("paragraphs are numbered from 1, got " + number);
    }
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
  }

  /** The anchor on the source page. */
  public String anchor() {
    return "p" + number;
  }
}
