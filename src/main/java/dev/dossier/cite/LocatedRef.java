package dev.dossier.cite;

import dev.dossier.diag.Position;
import java.util.Objects;

/** A citation as written, with the place in its file where it was written. */
public record LocatedRef(CitationRef ref, Position at) {
  public LocatedRef {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(at, "at");
  }
}
