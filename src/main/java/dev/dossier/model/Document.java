package dev.dossier.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed document: its blocks and the metadata it carries itself. Every value here has origin
 * {@link Origin#DOCUMENT}; the index may override it later.
 *
 * @param path the file, relative to the dossier folder, with forward slashes
 * @param format "txt", "md" or "html"
 * @param dateline the place a news dateline names ("KYIV"), if any
 * @param site the site or outlet named by the document (a {@code Source:} line, og:site_name)
 */
public record Document(
    String path,
    String format,
    List<Block> blocks,
    Optional<String> title,
    Optional<String> site,
    List<String> authors,
    Optional<DossierDate> published,
    Optional<OffsetDateTime> updated,
    Optional<String> url,
    Optional<String> dateline,
    List<String> topics) {

  public Document {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    blocks = Blocks.of(blocks);
    authors = List.copyOf(authors);
    topics = List.copyOf(topics);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(dateline, "dateline");
  }

  public List<Paragraph> paragraphs() {
    return Blocks.paragraphs(blocks);
  }
}
