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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What one build leaves for the next, in a folder of the dossier outside the output
 * ({@value #FOLDER}): each document's parse, filed under a hash of the tool's version, the
 * document's path and its bytes, in one of 256 packs (a file per document would make a first
 * build create thousands of files, which costs more than writing their bytes); and, for each
 * output folder, the fingerprint of every page it
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
  private static final String PACK = ".pack";
  private static final java.util.regex.Pattern PACK_NAME = java.util.regex.Pattern.compile("[0-9a-f]{2}\\.pack");
  /** "dpk2": the first bytes of a pack of documents. */
  private static final int PACK_MAGIC = 0x64706b32;
  private static final int KEY_BYTES = 32;
  /** Each entry in a pack's head: its key, its length and its CRC-32C. */
  private static final int KEY_ENTRY = KEY_BYTES + 8;
  private static final String PAGES = "pages-";
  private static final String SUMMARY = "summary-";
  private static final String PIECES = "pieces-";
  private static final String LAST_BUILD = "build-";
  private static final String PIECES_HEADER = "dossier file pieces 1";
  private static final String TEMP = ".tmp-";
  private static final String HEADER = "dossier page fingerprints 1";

  /** One file of a rendered unit, as the output holds it. */
  record File(String path, String sha256, long size) {}

  /** The files a unit (a page, or files made together) was rendered into, and from what. */
  record Unit(String fingerprint, List<File> files) {}

  private final Path root;
  private final String tool;
  /** The packs of documents read so far, by name. */
  private final Map<String, CompletableFuture<Pack>> packs = new ConcurrentHashMap<>();
  /** The documents this build parsed, by key, until {@link #commitDocuments} writes them. */
  private final Map<String, DocumentCodec.Entry> parsed = new ConcurrentHashMap<>();

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
   * own, or for the index its text in UTF-8), by their SHA-256. The path goes in after its length, so that no
   * name, not even one holding a line break, can run on into the bytes and give another
   * document's key.
   */
  static String documentKey(String tool, String path, byte[] bytes) {
    return documentKeys(tool, path, bytes).key();
  }

  /**
   * A document's build cache key, and the SHA-256 of its bytes alone that the key is made
   * from, which tells two files of the same bytes (a second copy of a document) at no more cost.
   */
  record DocumentKeys(String key, String content) {}

  static DocumentKeys documentKeys(String tool, String path, byte[] bytes) {
    byte[] content = SiteWriter.sha256().digest(bytes);
    java.security.MessageDigest digest = SiteWriter.sha256();
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    digest.update((tool + "\n" + name.length + "\n").getBytes(StandardCharsets.UTF_8));
    digest.update(name);
    digest.update(content);
    return new DocumentKeys(java.util.HexFormat.of().formatHex(digest.digest()), java.util.HexFormat.of().formatHex(content));
  }

  /**
   * A document parsed by an earlier build, if its entry is there and readable. The first
   * question about a pack reads and decodes all of it; any thread may ask.
   */
  Optional<DocumentCodec.Entry> document(String key) {
    String name = packName(key);
    CompletableFuture<Pack> mine = new CompletableFuture<>();
    CompletableFuture<Pack> begun = packs.putIfAbsent(name, mine);
    if (begun == null) {
      try {
        mine.complete(readPack(name));
      } catch (RuntimeException | Error e) {
        // Whoever waits for this pack meets the failure too, rather than waiting for ever.
        mine.completeExceptionally(e);
        throw e;
      }
      begun = mine;
    }
    return Optional.ofNullable(begun.join().entries().get(key));
  }

  /** Keeps a document this build parsed, to be written with the others by {@link #commitDocuments}. */
  void storeDocument(String key, Optional<ParsedDocument> document, List<Diagnostic> said) {
    parsed.put(key, new DocumentCodec.Entry(document, said));
  }

  /**
   * Writes the entries of the documents this build read ({@code keys}) into their packs, and
   * only those: an entry of a document changed, renamed or gone is left out, and a pack that
   * holds no entry any more is deleted. A pack that already holds exactly its documents'
   * entries is not written again. Each pack is written whole to a file of its own and renamed
   * into place, so a killed build leaves the packs as they were. Files of an older layout (an
   * entry per file) and half-written files are deleted; a failure to delete one is reported
   * after the packs are written.
   */
  void commitDocuments(Set<String> keys) throws IOException {
    Path dir = root.resolve(DOCUMENTS);
    Map<String, List<String>> wanted = new TreeMap<>();
    for (String key : new TreeSet<>(keys)) {
      wanted.computeIfAbsent(packName(key), p -> new ArrayList<>()).add(key);
    }
    Set<String> names = new TreeSet<>(wanted.keySet());
    List<IOException> failed = java.util.Collections.synchronizedList(new ArrayList<>());
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (PACK_NAME.matcher(name).matches()) {
            names.add(name);
          } else if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // An entry of the layout before packs, or a pack half-written by a killed build.
            try {
              Files.deleteIfExists(f);
            } catch (IOException e) {
              failed.add(e);
            }
          }
        }
      }
    }
    names.parallelStream().forEach(name -> {
      try {
        commitPack(dir.resolve(name), wanted.getOrDefault(name, List.of()));
      } catch (IOException e) {
        failed.add(e);
      }
    });
    // What was read and parsed is the build's now; the cache need not hold on to it.
    packs.clear();
    parsed.clear();
    if (!failed.isEmpty()) {
      throw failed.get(0);
    }
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.list(root)) {
        for (Path f : files.filter(f -> f.getFileName().toString().startsWith(TEMP)).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private void commitPack(Path file, List<String> keys) throws IOException {
    boolean parsedNow = keys.stream().anyMatch(parsed::containsKey);
    CompletableFuture<Pack> read = packs.get(file.getFileName().toString());
    List<String> held = read != null && !read.isCompletedExceptionally() ? read.join().keys() : directory(file);
    if (!parsedNow && held.equals(keys)) {
      return;
    }
    if (keys.isEmpty()) {
      Files.deleteIfExists(file);
      return;
    }
    // The entries kept from the pack as it is: copied as bytes, never decoded again.
    Map<String, byte[]> kept = keys.stream().anyMatch(k -> !parsed.containsKey(k) && held.contains(k)) ? entryBytes(file) : Map.of();
    List<String> written = new ArrayList<>();
    List<byte[]> entries = new ArrayList<>();
    for (String key : keys) {
      DocumentCodec.Entry entry = parsed.get(key);
      byte[] bytes = entry != null ? DocumentCodec.encode(entry) : kept.get(key);
      if (bytes != null) {
        written.add(key);
        entries.add(bytes);
      }
    }
    if (written.isEmpty()) {
      // None of its documents' entries is at hand (they came from a Build's memory, and the
      // pack was deleted since): a pack of nothing would only be written again next time.
      Files.deleteIfExists(file);
      return;
    }
    java.io.ByteArrayOutputStream pack = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(pack)) {
      out.writeInt(PACK_MAGIC);
      out.writeInt(DocumentCodec.FORMAT);
      out.writeInt(written.size());
      for (int i = 0; i < written.size(); i++) {
        out.write(java.util.HexFormat.of().parseHex(written.get(i)));
        out.writeInt(entries.get(i).length);
        out.writeInt(crc(entries.get(i)));
      }
      for (byte[] entry : entries) {
        out.write(entry);
      }
    }
    writeAtomically(file, pack.toByteArray());
  }

  /** The entries of a pack, by key, and the keys it holds in order; none if it is missing or not a pack. */
  private record Pack(List<String> keys, Map<String, DocumentCodec.Entry> entries) {}

  private Pack readPack(String name) {
    Map<String, byte[]> bytes;
    try {
      bytes = entryBytes(root.resolve(DOCUMENTS).resolve(name));
    } catch (IOException e) {
      return new Pack(List.of(), Map.of());
    }
    Map<String, DocumentCodec.Entry> entries = new HashMap<>();
    bytes.forEach((key, entry) -> {
      try {
        entries.put(key, DocumentCodec.decode(entry));
      } catch (IOException e) {
        // An entry that cannot be read is parsed again.
      }
    });
    return new Pack(List.copyOf(bytes.keySet()), entries);
  }

  /** A pack's entries as bytes, by key in the pack's order; empty if it is missing or not a pack. */
  private static Map<String, byte[]> entryBytes(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    byte[] pack = Files.readAllBytes(file);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(pack);
    Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
    try {
      Head head = head(in);
      if (java.util.Arrays.stream(head.lengths()).asLongStream().sum() != in.remaining()) {
        return Map.of();
      }
      for (int i = 0; i < head.keys().size(); i++) {
        byte[] entry = new byte[head.lengths()[i]];
        in.get(entry);
        // A damaged entry might still decode, into words the document does not hold: it is left
        // out, so its document is parsed again and the pack written anew.
        if (crc(entry) == head.crcs()[i]) {
          entries.put(head.keys().get(i), entry);
        }
      }
      return entries;
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      return Map.of();
    }
  }

  /** The keys a pack holds, from its head alone; none if it is missing or not a pack. */
  private static List<String> directory(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(12);
      if (channel.read(head, 0) < 12) {
        return List.of();
      }
      // Its count bounded by the file's size before the head is read whole, and checked there.
      int count = head.getInt(8);
      if (count < 0 || (long) count * KEY_ENTRY > channel.size()) {
        return List.of();
      }
      java.nio.ByteBuffer all = java.nio.ByteBuffer.allocate(12 + count * KEY_ENTRY);
      channel.read(all, 0);
      all.flip();
      return head(all).keys();
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      return List.of();
    }
  }

  /** A pack's head: the keys it holds, in order, and their entries' lengths and checksums. */
  private record Head(List<String> keys, int[] lengths, int[] crcs) {}

  private static Head head(java.nio.ByteBuffer in) {
    if (in.getInt() != PACK_MAGIC || in.getInt() != DocumentCodec.FORMAT) {
      throw new IllegalArgumentException("not a pack of this format");
    }
    int count = in.getInt();
    if (count < 0 || (long) count * KEY_ENTRY > in.remaining()) {
      throw new IllegalArgumentException("bad count");
    }
    List<String> keys = new ArrayList<>(count);
    int[] lengths = new int[count];
    int[] crcs = new int[count];
    byte[] key = new byte[KEY_BYTES];
    for (int i = 0; i < count; i++) {
      in.get(key);
      keys.add(java.util.HexFormat.of().formatHex(key));
      int length = in.getInt();
      if (length < 0) {
        throw new IllegalArgumentException("bad length");
      }
      lengths[i] = length;
      crcs[i] = in.getInt();
    }
    return new Head(keys, lengths, crcs);
  }

  private static int crc(byte[] bytes) {
    return crc(bytes, bytes.length);
  }

  /** The CRC-32C of the first {@code length} bytes. */
  private static int crc(byte[] bytes, int length) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }

  /** The keys of the documents the cache holds, sorted. */
  List<String> storedDocuments() throws IOException {
    Path dir = root.resolve(DOCUMENTS);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> PACK_NAME.matcher(f.getFileName().toString()).matches()).toList()) {
        keys.addAll(directory(f));
      }
    }
    keys.sort(null);
    return keys;
  }

  /** Documents are filed in 256 packs by the first two hex digits of their key. */
  private static String packName(String key) {
    return key.substring(0, 2) + PACK;
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

  /**
   * The last build into {@code out}, if one was recorded with this {@link LastBuild#frame} and
   * its record is whole: it is kept with a checksum, so a damaged record is never trusted.
   */
  Optional<LastBuild> lastBuild(Path out, String frame) {
    Path file = outputFile(LAST_BUILD, out);
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length < 4 || crc(bytes, bytes.length - 4) != java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
        return Optional.empty();
      }
      java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4));
      if (!DocumentCodec.string(in).equals(tool + "\t" + target(out))) {
        return Optional.empty();
      }
      return LastBuild.decode(in.readAllBytes(), frame);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the records the long way keeps for {@code out} (page fingerprints, pieces, the
   * summary a later build compares itself with) are all there: a build with nothing to do
   * writes none, so one deleted sends it the long way, which writes them again.
   */
  boolean recordsOf(Path out) {
    return Files.isRegularFile(pagesFile(out)) && Files.isRegularFile(outputFile(PIECES, out)) && Files.isRegularFile(outputFile(SUMMARY, out));
  }

  /** Records the build just written into {@code out}. */
  void storeLastBuild(Path out, LastBuild build) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream data = new java.io.DataOutputStream(bytes)) {
      DocumentCodec.string(data, tool + "\t" + target(out));
      data.write(build.encode());
      // The checksum's place, filled in below: the record is copied out of the stream once.
      data.writeInt(0);
    }
    byte[] record = bytes.toByteArray();
    java.nio.ByteBuffer.wrap(record, record.length - 4, 4).putInt(crc(record, record.length - 4));
    writeAtomically(outputFile(LAST_BUILD, out), record);
  }

  /**
   * Forgets the last build into {@code out}, before another changes it: should that one fail
   * to record itself, the next build takes the long way rather than trust a record of a site
   * that is no longer there.
   */
  void forgetLastBuild(Path out) throws IOException {
    Files.deleteIfExists(outputFile(LAST_BUILD, out));
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
