package dev.dossier.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document of the dossier with its metadata, each field knowing where it came from.
 *
 * @param key the citation key
 * @param file the document's path relative to the dossier folder
 * @param titleSupplied true when the document has no headline and the title is the curator's
 * @param shortTitle the curator's short form of the title, for references to a source with no outlet
 * @param published the publication date; see {@code publishedNote} for how an inferred one was found
 * @param publishedNote the curator's explanation of an inferred date
 * @param updated a last-updated timestamp the document carries
 * @param citations citations made inside the document's own text (Markdown documents)
 */
public record Source(
    String key,
    String file,
    String format,
    Field<String> title,
    boolean titleSupplied,
    Optional<String> shortTitle,
    Field<String> outlet,
    Field<List<String>> authors,
    Field<DossierDate> published,
    Optional<Prose> publishedNote,
    Field<OffsetDateTime> updated,
    Field<String> url,
    Optional<String> dateline,
    Reproduce reproduce,
    List<String> topics,
    List<Block> blocks,
    List<Citation> citations) {

  /**
   * The key no source may have: a source's page is {@code sources/<key>.html}, and
   * {@code sources/index.html} is the bibliography.
   */
  public static final String RESERVED_KEY = "index";

  public Source {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(shortTitle, "shortTitle");
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(authors, "authors");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(publishedNote, "publishedNote");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(dateline, "dateline");
    Objects.requireNonNull(reproduce, "reproduce");
    topics = List.copyOf(topics);
    blocks = Blocks.of(blocks);
    citations = List.copyOf(citations);
  }

  public List<Paragraph> paragraphs() {
    return Blocks.paragraphs(blocks);
  }

  public Optional<Paragraph> paragraph(int number) {
    List<Paragraph> all = paragraphs();
    return number >= 1 && number <= all.size() ? Optional.of(all.get(number - 1)) : Optional.empty();
  }

  /** The date a reader should sort this source by: its publication date, else its last update. */
  public Optional<DossierDate> date() {
    return published.value().or(() -> updated.value().map(u -> DossierDate.day(u.toLocalDate())));
  }
}
