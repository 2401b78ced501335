package dev.dossier.cite;

import dev.dossier.diag.Position;
import dev.dossier.model.Citer;
import java.util.Objects;

/**
 * A citation whose source does not bear it out: an unknown key, a paragraph the source does not
 * have, a quote it does not contain. Reported as an error; also kept, so a build can say which
 * citations stopped verifying since the last one.
 *
 * @param unknownKey whether no source has the citation's key, so that every citation of it fails alike
 */
public record Unverified(Citer citer, CitationRef ref, Position at, boolean unknownKey) {
  public Unverified {
    Objects.requireNonNull(citer, "citer");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(at, "at");
  }
}
