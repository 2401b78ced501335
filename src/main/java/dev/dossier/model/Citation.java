package dev.dossier.model;

import dev.dossier.diag.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified reference from the dossier's prose to a source, a paragraph, or a quoted passage.
 *
 * @param paragraph the paragraph cited or, for a quote given without one, the paragraph the quote
 *     was found in; empty only when the source as a whole is cited
 * @param quote the quoted words as the curator wrote them
 * @param citer the prose the citation stands in
 * @param position where the citation is written, for messages
 */
public record Citation(
    String key, Optional<Integer> paragraph, Optional<String> quote, Citer citer, Position position) {

  public Citation {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(paragraph, "paragraph");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(citer, "citer");
    Objects.requireNonNull(position, "position");
  }

  /** What two citations must share to be the same numbered reference on a page. */
  public String target() {
    return key + "|" + paragraph.map(String::valueOf).orElse("") + "|" + quote.orElse("");
  }
}
