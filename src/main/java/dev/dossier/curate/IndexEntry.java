package dev.dossier.curate;

import dev.dossier.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code sources:} entry as the curator will read it in {@code index.yml}: each value the
 * document gave, with a comment saying where it was found, and a comment in place of each value
 * it did not give.
 *
 * @param url the address to record; for a fetched page, its canonical URL or the address it was
 *     fetched from
 * @param urlSource where {@code url} came from, for its comment
 * @param notes comment lines to put under the file name (where the document was imported from)
 */
record IndexEntry(
    String key, String file, Document document, Provenance provenance, Optional<String> url, String urlSource, List<String> notes) {

  /** Values shorter than this get their comment lined up at this column. */
  private static final int COMMENT_COLUMN = 40;

  IndexEntry {
    notes = List.copyOf(notes);
  }

  /** An entry for a document in the folder, with what the document itself says. */
  static IndexEntry of(String key, String file, Document document, Provenance provenance) {
    return new IndexEntry(key, file, document, provenance, document.url(), provenance.url(), List.of());
  }

  boolean hasTitle() {
    return document.title().isPresent();
  }

  /**
   * The entry's lines, without line endings: the first starts with {@code "- "}, the others are
   * indented two spaces, so the entry can be placed at any indentation.
   */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add("- key: " + key);
    lines.add("  file: " + YamlQuote.plainOrQuoted(file));
    // A comment ends at the line's end; a file name with a line break in it must not end it early.
    notes.forEach(n -> lines.add("  # " + n.replaceAll("[\\p{Cntrl}\u2028\u2029]", "?")));
    if (document.title().isPresent()) {
      lines.add(commented("title: " + YamlQuote.quote(document.title().get()), provenance.title()));
    } else {
      // Nothing claimed until the editors write it: title_supplied alone would say they supplied a title.
      lines.add("  # TODO: the document carries no headline of its own; write one here as title: \"...\"");
      lines.add("  # and add title_supplied: true, which shows it in [square brackets], as a title the editors supplied");
    }
    lines.add(
        document.site()
            .map(s -> commented("outlet: " + YamlQuote.quote(s), provenance.outlet()))
            .orElse(commented("outlet: null", "the document names no outlet")));
    lines.add(
        document.authors().isEmpty()
            ? commented("authors: []", "the document names no author")
            : commented("authors: " + YamlQuote.list(document.authors()), provenance.authors()));
    lines.add(
        document.published()
            .map(d -> commented("published: " + d.iso(), provenance.published()))
            .orElse(commented("published: null", noDate())));
    lines.add(
        url.map(u -> commented("url: " + YamlQuote.quote(u), urlSource))
            .orElse(commented("url: null", "the document gives no address")));
    if (!document.topics().isEmpty()) {
      lines.add("  # the front matter names the topics " + YamlQuote.list(document.topics())
          + "; define them under topics: and list their ids here");
    }
    lines.add("  topics: []");
    return lines;
  }

  /** What the curator should look at before relying on the entry. */
  List<String> toCheck() {
    List<String> checks = new ArrayList<>();
    if (document.title().isEmpty()) {
      checks.add("the document carries no title: write one as title: in the index (it is shown in [brackets] as supplied)");
    }
    if (document.published().isEmpty()) {
      checks.add(noDate() + ": add published: if you know it (~2022-02-14 for an approximate date, with a published_note)");
    }
    if (document.authors().isEmpty()) {
      checks.add("the document names no author: add authors: if you know them");
    }
    if (document.site().isEmpty()) {
      checks.add("the document names no outlet: add outlet: if you know it");
    }
    if (!document.topics().isEmpty()) {
      checks.add("the front matter names topics " + String.join(", ", document.topics())
          + ": define them under topics: and list their ids in the entry");
    }
    return checks;
  }

  private String noDate() {
    return document.updated()
        .map(t -> "the document gives no publication date, only an update time (" + t + ")")
        .orElse("the document gives no publication date");
  }

  private static String commented(String field, String comment) {
    String line = "  " + field;
    String pad = line.length() < COMMENT_COLUMN ? " ".repeat(COMMENT_COLUMN - line.length()) : "  ";
    return line + pad + "# " + comment;
  }
}
