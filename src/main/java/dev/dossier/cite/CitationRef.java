package dev.dossier.cite;

import java.util.Objects;
import java.util.Optional;

/**
 * One citation as written, before it is checked against its source.
 *
 * @param offset where the citation starts in the Markdown text, for diagnostics
 * @param problem a syntax problem, if the citation could not be read
 */
public record CitationRef(
    String key, Optional<Integer> paragraph, Optional<String> quote, int offset, Optional<String> problem) {

  public CitationRef {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(paragraph, "paragraph");
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(problem, "problem");
  }

  static CitationRef malformed(int offset, String problem) {
    return new CitationRef("", Optional.empty(), Optional.empty(), offset, Optional.of(problem));
  }
}
