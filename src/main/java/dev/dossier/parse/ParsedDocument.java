package dev.dossier.parse;

import dev.dossier.cite.LocatedRef;
import dev.dossier.model.Document;
import java.util.List;
import java.util.Objects;

/**
 * A parsed document and the citations its own text makes (Markdown documents may cite), still
 * to be verified; their markers in the blocks' HTML index into {@code citations}.
 */
public record ParsedDocument(Document document, List<LocatedRef> citations) {
  public ParsedDocument {
    Objects.requireNonNull(document, "document");
    citations = List.copyOf(citations);
  }
}
