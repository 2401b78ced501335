package dev.dossier.site;

import dev.dossier.diag.Diagnostic;
import dev.dossier.parse.ParsedDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one build leaves for the next, in a folder of the dossier outside the output
 * ({@value #FOLDER}): each document's parse, filed under a hash of the tool's version, the
 * document's path and its text; and, for each output folder, the fingerprint of every page it
 * holds, so a page whose inputs did not change is neither parsed nor rendered again; where in
 * the files written in pieces ({@code dossier.json}) each piece is, so the next build copies the
 * pieces whose data did not change; and a summary of what the last build held, so the next can
 * say what changed.
 *
 * <p>The cache only ever saves work. An entry that cannot be read is ignored and made again;
 * deleting the folder costs one full build; a cache that cannot be written is reported as a
 * note and the build goes on.
 */
final class BuildCache {

  /** The cache folder's name in the dossier folder; hidden, so it is never read as a document. */
  static final String FOLDER = ".dossier-cache";

  private static final String DOCUMENTS = "documents";
  private static final String PAGES = "pages-";
  private static final String SUMMARY = "summary-";
  private static final String PIECES = "pieces-";
  private static final String PIECES_HEADER = "dossier file pieces 1";
  private static final String TEMP = ".tmp-";
  private static final String HEADER = "dossier page fingerprints 1";

  /** One file of a rendered unit, as the output holds it. */
  record File(String path, String sha256, long size) {}

  /** The files a unit (a page, or files made together) was rendered into, and from what. */
  record Unit(String fingerprint, List<File> files) {}

  private final Path root;
  private final String tool;

  /**
   * @param root the cache folder
   * @param tool the tool's identity: a new version must not reuse an older one's work
   */
  BuildCache(Path root, String tool) {
    this.root = root;
    this.tool = tool;
  }

  /**
   * The key of a document's entry: the tool that parses it, its path and its bytes (the file's
   * own, or for the index its text in UTF-8). The path goes in after its length, so that no
   * name, not even one holding a line break, can run on into the bytes and give another
   * document's key.
   */
  static String documentKey(String tool, String path, byte[] bytes) {
    java.security.MessageDigest digest = SiteWriter.sha256();
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    digest.update((tool + "\n" + name.length + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(name);
    digest.update(bytes);
    return java.util.HexFormat.of().formatHex(digest.digest());
  }

  /** A document parsed by an earlier build, if its entry is there and readable. */
  Optional<DocumentCodec.Entry> document(String key) {
    Path file = root.resolve(DOCUMENTS).resolve(key);
    try {
      return Files.isRegularFile(file) ? Optional.of(DocumentCodec.decode(Files.readAllBytes(file))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void storeDocument(String key, Optional<ParsedDocument> document, List<Diagnostic> said) throws IOException {
    // Written even over an existing entry: a document is parsed only when its entry was
    // missing or could not be read. Written in place, not through a temporary file and a
    // rename as the other files are: a first build writes one entry per document (10,000 of
    // them for a large dossier), and an entry cut short by a killed build cannot be read (the
    // codec reads exact lengths and refuses bytes left over), so it is parsed again.
    Path file = root.resolve(DOCUMENTS).resolve(key);
    byte[] bytes = DocumentCodec.encode(new DocumentCodec.Entry(document, said));
    try {
      Files.write(file, bytes);
    } catch (java.nio.file.NoSuchFileException e) {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    }
  }

  /**
   * Deletes the entries of documents this build did not read (changed, renamed or gone), and
   * the half-written files a killed build left.
   */
  void keepOnlyDocuments(Set<String> keys) throws IOException {
    Path dir = root.resolve(DOCUMENTS);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(f -> !keys.contains(f.getFileName().toString())).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.list(root)) {
        for (Path f : files.filter(f -> f.getFileName().toString().startsWith(TEMP)).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** The units an earlier build wrote into {@code out}, by name; empty if none is known. */
  Map<String, Unit> pages(Path out) {
    Map<String, Unit> units = new HashMap<>();
    try {
      for (String line : recorded(pagesFile(out), HEADER, out)) {
        String[] f = line.split("\t", -1);
        if (f.length != 5) {
          return new HashMap<>();
        }
        Unit unit = units.computeIfAbsent(f[0], u -> new Unit(f[1], new ArrayList<>()));
        if (!unit.fingerprint().equals(f[1])) {
          return new HashMap<>();
        }
        unit.files().add(new File(f[2], f[3], Long.parseLong(f[4])));
      }
      return units;
    } catch (IOException | RuntimeException e) {
      return new HashMap<>();
    }
  }

  /** Records the units now in {@code out}, after it was written. */
  void storePages(Path out, Map<String, Unit> units) throws IOException {
    StringBuilder text = heading(HEADER, out);
    // A unit's files may have been made by several threads: listed by path, whatever their order.
    new TreeMap<>(units).forEach((name, unit) -> unit.files().stream().sorted(java.util.Comparator.comparing(File::path)).forEach(f ->
        text.append(name).append('\t').append(unit.fingerprint()).append('\t').append(f.path()).append('\t')
            .append(f.sha256()).append('\t').append(f.size()).append('\n')));
    writeAtomically(pagesFile(out), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A file written in pieces, as it was written: its SHA-256, its size, and its pieces in order. */
  record PieceFile(String sha256, long size, List<dev.dossier.render.PageSink.Piece> pieces) {}

  /** The files of {@code out} the last build recorded in pieces, by path; empty if none is known. */
  Map<String, PieceFile> pieces(Path out) {
    Map<String, PieceFile> files = new HashMap<>();
    try {
      List<dev.dossier.render.PageSink.Piece> current = null;
      for (String line : recorded(outputFile(PIECES, out), PIECES_HEADER, out)) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("F") && f.length == 4) {
          current = new ArrayList<>();
          files.put(f[1], new PieceFile(f[2], Long.parseLong(f[3]), current));
        } else if (f[0].equals("P") && f.length == 4 && current != null) {
          current.add(new dev.dossier.render.PageSink.Piece(f[1], Long.parseLong(f[2]), Integer.parseInt(f[3])));
        } else {
          return new HashMap<>();
        }
      }
      return files;
    } catch (IOException | RuntimeException e) {
      return new HashMap<>();
    }
  }

  void storePieces(Path out, Map<String, PieceFile> files) throws IOException {
    StringBuilder text = heading(PIECES_HEADER, out);
    new TreeMap<>(files).forEach((path, file) -> {
      text.append("F\t").append(path).append('\t').append(file.sha256()).append('\t').append(file.size()).append('\n');
      file.pieces().forEach(p -> text.append("P\t").append(p.fingerprint()).append('\t').append(p.offset()).append('\t').append(p.length()).append('\n'));
    });
    writeAtomically(outputFile(PIECES, out), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The lines of a record this tool made for {@code out} under {@code header}, after its two
   * heading lines ({@link #heading}); none if the file is missing or another tool's or output's.
   */
  private List<String> recorded(Path file, String header, Path out) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < 2 || !lines.get(0).equals(header) || !lines.get(1).equals(tool + "\t" + target(out))) {
      return List.of();
    }
    return lines.subList(2, lines.size());
  }

  /** A record's two heading lines: what it is, and the tool and output it was made by and for. */
  private StringBuilder heading(String header, Path out) {
    return new StringBuilder(header).append('\n').append(tool).append('\t').append(target(out)).append('\n');
  }

  /** What the last build into {@code out} held, if it was recorded. */
  Optional<BuildReport.Summary> summary(Path out) {
    Path file = outputFile(SUMMARY, out);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(target(out))) {
        return Optional.empty();
      }
      return Optional.of(BuildReport.Summary.parse(lines.subList(1, lines.size())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void storeSummary(Path out, BuildReport.Summary summary) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(target(out));
    lines.addAll(summary.lines());
    writeAtomically(outputFile(SUMMARY, out), (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private Path pagesFile(Path out) {
    return outputFile(PAGES, out);
  }

  /** Each output folder has its own files, named after a hash of its path. */
  private Path outputFile(String prefix, Path out) {
    return root.resolve(prefix + SiteWriter.sha256(target(out).getBytes(StandardCharsets.UTF_8)).substring(0, 16));
  }

  private static String target(Path out) {
    return out.toAbsolutePath().normalize().toString();
  }

  /** Written whole or not at all, so a killed build leaves no half entry behind. */
  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), TEMP, "");
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
