package dev.dossier.index;

import dev.dossier.diag.Position;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Reproduce;
import java.util.List;
import java.util.Optional;

/**
 * The curator's index as written, each entry with its position in {@code index.yml}. Values are
 * syntactically valid here; references between them are resolved when the dossier is assembled.
 */
public record Index(
    String path,
    Optional<String> title,
    Optional<MarkdownText> description,
    Optional<String> editor,
    Optional<String> language,
    Optional<String> baseUrl,
    List<SourceEntry> sources,
    List<TopicEntry> topics,
    List<EventEntry> events,
    List<String> refusedFiles,
    boolean sourcesUnread) {

  /**
   * @param refusedFiles the files of entries refused (for a key another entry has, or none):
   *     listed all the same, so their documents are not taken for ones the index forgot
   * @param sourcesUnread {@code sources:} is there but is not a list (an error already said):
   *     no key is known, so what follows from that (every citation's key unknown, every
   *     document unlisted) would only bury the one error that matters
   */
  public Index {
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    events = List.copyOf(events);
    refusedFiles = List.copyOf(refusedFiles);
  }

  /** An index whose {@code sources:}, if it has one, was read. */
  public Index(String path, Optional<String> title, Optional<MarkdownText> description, Optional<String> editor, Optional<String> language,
      Optional<String> baseUrl, List<SourceEntry> sources, List<TopicEntry> topics, List<EventEntry> events, List<String> refusedFiles) {
    this(path, title, description, editor, language, baseUrl, sources, topics, events, refusedFiles, false);
  }

  /** An index with nothing in it: the dossier is made from its documents alone. */
  public static Index empty(String path) {
    return new Index(
        path, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(), List.of(), List.of(), List.of());
  }

  /** A {@code sources:} entry. Absent fields fall back to what the document says. */
  public record SourceEntry(
      Position at,
      String key,
      Position keyAt,
      String file,
      Position fileAt,
      Optional<String> title,
      boolean titleSupplied,
      Optional<String> shortTitle,
      Optional<String> outlet,
      Optional<List<String>> authors,
      Optional<DossierDate> published,
      Optional<MarkdownText> publishedNote,
      Optional<String> url,
      Reproduce reproduce,
      List<Ref> topics) {}

  /** A {@code topics:} entry. */
  public record TopicEntry(Position at, String id, Position idAt, String title, Optional<MarkdownText> summary) {}

  /**
   * An {@code events:} entry. Its date is empty when it could not be read (that was reported);
   * the entry is kept so its citations are still checked in the same run.
   */
  public record EventEntry(
      Position at, Optional<Ref> id, Optional<DossierDate> date, String title, List<Ref> topics, Optional<MarkdownText> text) {}

  /** A reference to a topic by id, where it was written. */
  public record Ref(String id, Position at) {}
}
