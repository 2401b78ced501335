package dev.dossier.parse;

import dev.dossier.cite.LocatedRef;
import dev.dossier.diag.Position;
import dev.dossier.model.Document;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed document and the citations its own text makes (Markdown documents may cite), still
 * to be verified; their markers in the blocks' HTML index into {@code citations}.
 *
 * @param topicsAt where each topic the document names itself (front matter) is written, as
 *     written, so a word about it can point there
 */
public record ParsedDocument(Document document, List<LocatedRef> citations, Map<String, Position> topicsAt) {
  public ParsedDocument {
    Objects.requireNonNull(document, "document");
    citations = List.copyOf(citations);
    topicsAt = Map.copyOf(topicsAt);
  }

  public ParsedDocument(Document document, List<LocatedRef> citations) {
    this(document, citations, Map.of());
  }
}
