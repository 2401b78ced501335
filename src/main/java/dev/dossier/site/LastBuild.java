package dev.dossier.site;

import dev.dossier.diag.Diagnostic;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The last successful build into one output folder, as the build cache keeps it: fingerprints
 * of everything it was made from, each document it read and each file it left in the folder
 * with its size and time of change, what it said, and how big the dossier was. A build whose
 * inputs give the same fingerprints, into a folder whose files are as that build left them,
 * has nothing to do: it says again what the last one said, and writes nothing.
 *
 * @param frame {@link #frame} of what the build was made from besides the documents
 * @param inputs the fingerprint of the index and every document's bytes that the build's pages
 *     were fingerprinted with (it names the tool and the base URL given on the command line)
 * @param documents each document it read, by the path the index or the folder names it by,
 *     as the file was then: a document whose size or time of change is not what it was has
 *     most likely changed, which a build finds out by reading that document alone
 * @param keys the build cache key of each of those documents' bytes, in the same order: a
 *     document saved again as it was (an editor's save, a version control checkout) has a new
 *     time of change and the same key
 * @param said its warnings and notes, sorted (a build with errors is never recorded)
 * @param manifest {@link #manifest} of the site it committed: another build's site, committed
 *     into the same folder before this one's files were looked at, has another
 * @param files the files it left in the output folder, its manifest among them
 */
record LastBuild(String frame, String inputs, List<FileState> documents, List<String> keys, List<Diagnostic> said, Counts counts, String manifest,
    List<FileState> files) {

  /** Changes whenever the layout of {@link #encode} does. */
  static final int FORMAT = 3;

  LastBuild {
    if (keys.size() != documents.size()) {
      throw new IllegalArgumentException(documents.size() + " documents and " + keys.size() + " keys");
    }
  }

  /** The same record with the documents as they are now, each with the bytes it had. */
  LastBuild withDocuments(List<FileState> now) {
    return new LastBuild(frame, inputs, now, keys, said, counts, manifest, files);
  }

  /** The dossier's size, as the report gives it. */
  record Counts(int sources, int topics, int events, int citations) {}

  /** A file as a build found or left it: its size and time of change. */
  record FileState(String path, long size, long modified) {

    /**
     * The file at {@code path} under {@code root} as it is now, a link followed or not; empty
     * if there is none, or it is no regular file.
     */
    static java.util.Optional<FileState> of(Path root, String path, LinkOption... links) throws IOException {
      try {
        BasicFileAttributes a = Files.readAttributes(root.resolve(path), BasicFileAttributes.class, links);
        return a.isRegularFile()
            ? java.util.Optional.of(new FileState(path, a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS)))
            : java.util.Optional.empty();
      } catch (NoSuchFileException e) {
        return java.util.Optional.empty();
      }
    }

    /**
     * The files at {@code paths} under {@code root} as they are now, in that order, looked at
     * on every core; one that is not there gets a state no file has.
     */
    static List<FileState> now(Path root, java.util.Collection<String> paths, LinkOption... links) throws IOException {
      try {
        return paths.parallelStream().map(path -> {
          try {
            return of(root, path, links).orElse(new FileState(path, -1, -1));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }).toList();
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /**
   * What a build is made from besides its documents, as one fingerprint: the tool and its
   * options, the theme, the index's bytes and the names in the dossier folder (a new PDF beside
   * the documents is noted; a second index is an error). The index goes in as the SHA-256 of
   * its bytes: two indexes that read as the same text (line ends, a control character
   * replaced) still say different things about it.
   *
   * @param index the SHA-256 of the index's bytes, or "" when there is no index
   * @param folder the names in the dossier folder, as {@link dev.dossier.load.DossierFolder#listing} gives them
   */
  static String frame(String tool, boolean strict, java.util.Optional<String> baseUrl, String theme, String index, List<String> folder) {
    StringBuilder all = new StringBuilder("dossier last build ").append(FORMAT).append('\n').append(tool).append('\n').append(strict).append('\n')
        .append(baseUrl.map(u -> "base " + u).orElse("no base")).append('\n').append(theme).append('\n').append(index).append('\n');
    // Names hold no line break that counts: one per line, each after its length.
    folder.forEach(name -> all.append(name.length()).append(' ').append(name).append('\n'));
    return SiteWriter.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A digest of a site's manifest: each file's path and SHA-256, in order of path. */
  static String manifest(java.util.Map<String, String> files) {
    StringBuilder all = new StringBuilder();
    new java.util.TreeMap<>(files).forEach((path, sha256) -> all.append(sha256).append("  ").append(path.length()).append(' ').append(path).append('\n'));
    return SiteWriter.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether every file of {@code root} named in {@code states} is there with the size and time
   * of change it had: a file edited, replaced or deleted since sends the build the long way,
   * which puts the output right and reads a document again.
   */
  static boolean asTheyWere(Path root, List<FileState> states, LinkOption... links) throws IOException {
    for (FileState file : states) {
      if (!FileState.of(root, file.path(), links).equals(java.util.Optional.of(file))) {
        return false;
      }
    }
    return true;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      DocumentCodec.string(out, frame);
      DocumentCodec.string(out, inputs);
      states(out, documents);
      for (String key : keys) {
        DocumentCodec.string(out, key);
      }
      DocumentCodec.diagnostics(out, said);
      out.writeInt(counts.sources());
      out.writeInt(counts.topics());
      out.writeInt(counts.events());
      out.writeInt(counts.citations());
      DocumentCodec.string(out, manifest);
      states(out, files);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The record in {@code bytes} if it was made with this {@code frame}, read no further when
   * it was not; an IOException if they are not one of this format, whole.
   */
  static java.util.Optional<LastBuild> decode(byte[] bytes, String frame) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != FORMAT) {
        throw new IOException("last build of another format");
      }
      if (!DocumentCodec.string(in).equals(frame)) {
        return java.util.Optional.empty();
      }
      String inputs = DocumentCodec.string(in);
      List<FileState> documents = states(in);
      List<String> keys = new ArrayList<>(documents.size());
      for (int i = 0; i < documents.size(); i++) {
        keys.add(DocumentCodec.string(in));
      }
      List<Diagnostic> said = DocumentCodec.diagnostics(in);
      Counts counts = new Counts(in.readInt(), in.readInt(), in.readInt(), in.readInt());
      String manifest = DocumentCodec.string(in);
      List<FileState> files = states(in);
      if (in.read() != -1) {
        throw new IOException("last build longer than its content");
      }
      return java.util.Optional.of(new LastBuild(frame, inputs, documents, List.copyOf(keys), List.copyOf(said), counts, manifest, files));
    } catch (RuntimeException e) {
      throw new IOException("unreadable last build: " + e.getMessage(), e);
    }
  }

  private static void states(DataOutputStream out, List<FileState> states) throws IOException {
    out.writeInt(states.size());
    for (FileState f : states) {
      DocumentCodec.string(out, f.path());
      out.writeLong(f.size());
      out.writeLong(f.modified());
    }
  }

  private static List<FileState> states(DataInputStream in) throws IOException {
    int n = DocumentCodec.count(in);
    List<FileState> states = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      states.add(new FileState(DocumentCodec.string(in), in.readLong(), in.readLong()));
    }
    return List.copyOf(states);
  }
}
