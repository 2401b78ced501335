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
 * The last successful build into one output folder, as the build cache keeps it: a fingerprint
 * of everything it was made from, the documents it read, what it said, how big the dossier was,
 * and each file it left in the folder with its size and time of change. A build whose inputs
 * give the same fingerprint, into a folder whose files are as that build left them, has nothing
 * to do: it says again what the last one said, and writes nothing.
 *
 * @param inputs {@link #fingerprint} of what the build was made from
 * @param documents the path of every document it read, as the index or the folder names it
 * @param said its warnings and notes, sorted (a build with errors is never recorded)
 * @param files the files it left in the output folder, its manifest among them
 */
record LastBuild(String inputs, List<String> documents, List<Diagnostic> said, Counts counts, List<OutputFile> files) {

  /** Changes whenever the layout of {@link #encode} does. */
  static final int FORMAT = 1;

  /** The dossier's size, as the report gives it. */
  record Counts(int sources, int topics, int events, int citations) {}

  /** A file of the output as the build left it. */
  record OutputFile(String path, long size, long modified) {

    /** The file at {@code path} in {@code out} as it is now; empty if there is none, or it is no regular file. */
    static java.util.Optional<OutputFile> of(Path out, String path) throws IOException {
      try {
        BasicFileAttributes a = Files.readAttributes(out.resolve(path), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isRegularFile()
            ? java.util.Optional.of(new OutputFile(path, a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS)))
            : java.util.Optional.empty();
      } catch (NoSuchFileException e) {
        return java.util.Optional.empty();
      }
    }
  }

  /**
   * What a build is made from, as one fingerprint: the tool and its options, the theme, the
   * names in the dossier folder (a new PDF beside the documents is noted; a second index is an
   * error) and the index's and every document's bytes, which {@code documents} stands for.
   *
   * @param documents the fingerprint of the index and the documents that a build's pages are
   *     fingerprinted with (it names the tool and the base URL given on the command line)
   * @param folder the names in the dossier folder, as {@link dev.dossier.load.DossierFolder#listing} gives them
   */
  static String fingerprint(boolean strict, String theme, String documents, List<String> folder) {
    StringBuilder all = new StringBuilder("dossier last build ").append(FORMAT).append('\n')
        .append(strict).append('\n').append(theme).append('\n').append(documents).append('\n');
    // Names hold no line break that counts: one per line, each after its length.
    folder.forEach(name -> all.append(name.length()).append(' ').append(name).append('\n'));
    return SiteWriter.sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether every file the build left in {@code out} is there with the size and time of change
   * it had: a file edited, replaced or deleted since sends the next build the long way, which
   * puts it right.
   */
  boolean leftAsItWas(Path out) throws IOException {
    for (OutputFile file : files) {
      if (!OutputFile.of(out, file.path()).equals(java.util.Optional.of(file))) {
        return false;
      }
    }
    return true;
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(FORMAT);
      DocumentCodec.string(out, inputs);
      DocumentCodec.strings(out, documents);
      DocumentCodec.diagnostics(out, said);
      out.writeInt(counts.sources());
      out.writeInt(counts.topics());
      out.writeInt(counts.events());
      out.writeInt(counts.citations());
      out.writeInt(files.size());
      for (OutputFile f : files) {
        DocumentCodec.string(out, f.path());
        out.writeLong(f.size());
        out.writeLong(f.modified());
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** The record in {@code bytes}; an IOException if they are not one of this format, whole. */
  static LastBuild decode(byte[] bytes) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != FORMAT) {
        throw new IOException("last build of another format");
      }
      String inputs = DocumentCodec.string(in);
      List<String> documents = DocumentCodec.strings(in);
      List<Diagnostic> said = DocumentCodec.diagnostics(in);
      Counts counts = new Counts(in.readInt(), in.readInt(), in.readInt(), in.readInt());
      int n = DocumentCodec.count(in);
      List<OutputFile> files = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        files.add(new OutputFile(DocumentCodec.string(in), in.readLong(), in.readLong()));
      }
      if (in.read() != -1) {
        throw new IOException("last build longer than its content");
      }
      return new LastBuild(inputs, List.copyOf(documents), List.copyOf(said), counts, List.copyOf(files));
    } catch (RuntimeException e) {
      throw new IOException("unreadable last build: " + e.getMessage(), e);
    }
  }
}
