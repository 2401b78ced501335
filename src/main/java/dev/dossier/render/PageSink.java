package dev.dossier.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where rendered pages go as soon as each is done (a list in memory, the staging folder of the
 * output), and where a page rendered by an earlier build from the same inputs may still be found,
 * so that it need not be rendered again. Called from several threads at once.
 */
public interface PageSink {

  /**
   * A page just rendered.
   *
   * @param unit what was rendered in one go: the page's own path, or the name of the files
   *     made together from the whole dossier ("search", "exports")
   * @param fingerprint a hash of everything the unit was made from (tool, theme, template,
   *     data); "" when it is not worth remembering
   */
  void accept(String unit, String fingerprint, Page page);

  /** The content of a file that is written as it is made, rather than held in memory. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * A file written as it is made. A sink that writes to disk should send it straight there;
   * this one holds it in memory.
   */
  default void accept(String unit, String fingerprint, String path, Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      body.writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    accept(unit, fingerprint, new Page(path, bytes.toByteArray()));
  }

  /**
   * Whether the files an earlier build made for {@code unit} from inputs with this fingerprint
   * are still at hand and now stand for this build's; if so, the renderer skips the unit.
   */
  default boolean reuse(String unit, String fingerprint) {
    return false;
  }

  /** The fingerprint an earlier build recorded for {@code unit}, if this sink has one. */
  default Optional<String> recorded(String unit) {
    return Optional.empty();
  }

  /**
   * One piece of a file written as it is made: where its bytes are in the file, and a
   * fingerprint of what they were made from, so that a later build can take the same bytes from
   * the file rather than make them again ({@code dossier.json} holds each source's text).
   */
  record Piece(String fingerprint, long offset, int length) {}

  /**
   * The pieces of the file the output holds at {@code path}, as the build that wrote it recorded
   * them; none when the file or the record is not at hand, or the file is no longer the one
   * recorded. Closed once the file is made again, so the old one can be moved.
   */
  interface Previous extends java.io.Closeable {
    /** The bytes of the piece with this fingerprint, if the file has one. */
    Optional<byte[]> piece(String fingerprint) throws IOException;

    @Override
    default void close() throws IOException {}
  }

  /** The previous build's pieces of the file at {@code path}. */
  default Previous pieces(String path) {
    return fingerprint -> Optional.empty();
  }

  /** Records the pieces of a file just written, in the order they are in the file. */
  default void pieces(String path, List<Piece> pieces) {}

  /**
   * Keeps, as one of {@code unit}'s files, the file an earlier build wrote at {@code path}, if
   * the output still has it as written; for files whose path names their content (the search
   * index's document shards), which need not be made to be known the same.
   *
   * @return whether it did; if not, the file must be made
   */
  default boolean keep(String unit, String fingerprint, String path) {
    return false;
  }

  /**
   * Whether this sink keeps fingerprints, to reuse what it was given in a later build. When it
   * does not, the renderer spares itself computing them and passes "".
   */
  default boolean remembers() {
    return false;
  }

  /** Makes every page and drops it: for checking that a site can be made, without keeping it. */
  PageSink DISCARD = new PageSink() {
    @Override
    public void accept(String unit, String fingerprint, Page page) {}

    @Override
    public void accept(String unit, String fingerprint, String path, Body body) {
      try {
        body.writeTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  };

  /** Keeps every page in memory. */
  static Collected collect() {
    return new Collected();
  }

  /** A sink that keeps the pages, for previews, checks and tests. */
  final class Collected implements PageSink {
    private final List<Page> pages = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(String unit, String fingerprint, Page page) {
      pages.add(page);
    }

    /** The pages, sorted by path. */
    public List<Page> pages() {
      List<Page> sorted = new ArrayList<>(pages);
      sorted.sort(Comparator.comparing(Page::path));
      return sorted;
    }
  }
}
