package dev.dossier.load;

import dev.dossier.cite.LineIndex;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.HtmlCharacters;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A dossier folder on disk: its {@code index.yml} and its documents. */
public final class DossierFolder {

  public static final String INDEX = "index.yml";
  public static final Set<String> DOCUMENT_EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm");

  private final Path root;
  /** The folder's own entries (name, and whether a regular file), listed once, when first asked: one build's view of it. */
  private Map<String, Boolean> entries;
  /** The folder's real path, its links resolved, when first asked; any thread may ask. */
  private volatile Path realRoot;

  public DossierFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * The index's text, or empty when the folder has none. An index under another name
   * ({@code index.yaml}, {@code Index.yml}) is an error: it would be silently left unread.
   */
  public Optional<SourceText> index(Diagnostics diagnostics) throws IOException {
    return indexBytes(diagnostics).flatMap(bytes -> text(INDEX, bytes, diagnostics));
  }

  /** The index's bytes, as {@link #index} reads them before it decodes them. */
  public Optional<byte[]> indexBytes(Diagnostics diagnostics) throws IOException {
    // Names compared exactly, whatever the file system: "Index.yml" must fail on macOS as on Linux.
    List<String> names = entries().keySet().stream().filter(n -> n.equalsIgnoreCase(INDEX) || n.equalsIgnoreCase("index.yaml")).toList();
    boolean found = entries().getOrDefault(INDEX, false);
    names.stream().filter(name -> !name.equals(INDEX)).forEach(name -> diagnostics.error(
        Position.file(name),
        "the index must be named " + INDEX + "; this file is not read",
        found ? "merge what it says into " + INDEX + " and delete it" : "rename it to " + INDEX));
    if (!found) {
      if (entries().containsKey(INDEX)) {
        // A folder (or anything but a file) by the index's name: building without the index
        // would quietly replace the site with one that has no topics and no events.
        diagnostics.error(Position.file(INDEX), INDEX + " is a folder, not a file, so it cannot be read as the index",
            "write the index in a file named " + INDEX + ": move what the folder holds elsewhere and delete it");
      }
      return Optional.empty();
    }
    return bytes(INDEX, diagnostics, Position.file(INDEX));
  }

  /** Kinds of document people keep beside their articles that dossier cannot read. */
  private static final Set<String> UNREAD_EXTENSIONS = Set.of("pdf", "doc", "docx", "odt", "rtf", "epub", "pages", "mhtml", "webarchive", "text");

  /**
   * The files in the folder that look like documents but are not read (a PDF, a Word file),
   * sorted by name: a curator may have meant them to be sources.
   */
  public List<String> unreadDocuments() throws IOException {
    return files(UNREAD_EXTENSIONS);
  }

  /**
   * A note for each of the {@link #unreadDocuments}, saying how to make it a source, and a
   * warning for a document's name that is a link leading to no file (its target moved or
   * deleted): a source the curator meant, which would otherwise be left out without a word.
   *
   * @param named the files the index names, whose reading says what is wrong with each
   */
  public void noteUnreadDocuments(Diagnostics diagnostics, Set<String> named) throws IOException {
    for (String other : unreadDocuments()) {
      diagnostics.note(Position.file(other), "not read: dossier reads .txt, .md and .html documents; save the article's text as one of those to make it a source");
    }
    for (String name : names(false, DOCUMENT_EXTENSIONS)) {
      Path path = root.resolve(name);
      if (named.contains(name) || !Files.isSymbolicLink(path)) {
        continue;
      }
      String target;
      try {
        target = "a link to \"" + Files.readSymbolicLink(path) + "\"";
      } catch (IOException e) {
        target = "a link";
      }
      diagnostics.warning(
          Position.file(name),
          "\"" + name + "\" is " + target + (Files.notExists(path) ? ", which does not exist" : " that cannot be followed to a file") + "; it was not read",
          "point the link at the document, or copy the document in its place");
    }
  }

  /** The documents lying in the folder itself, sorted by name. */
  public List<String> documents() throws IOException {
    return files(DOCUMENT_EXTENSIONS);
  }

  /**
   * What to do about a document the folder does not have: the name it has that reads the same
   * (accents encoded otherwise, as macOS writes names, or letters in another case), or one a
   * slip away, else where to put the document.
   */
  private String missing(String path) {
    String elsewhere = "check the name, or copy the document into " + root.getFileName();
    if (suggested.incrementAndGet() > MAX_SUGGESTIONS) {
      // An index that names thousands of files not there (the wrong folder) gets no search through the folder for each.
      return elsewhere;
    }
    List<String> names;
    try {
      names = documents();
    } catch (IOException | java.io.UncheckedIOException e) {
      names = List.of();
    }
    String composed = java.text.Normalizer.normalize(path, java.text.Normalizer.Form.NFC);
    for (String name : names) {
      if (java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFC).equals(composed)) {
        meant.add(name);
        return "the folder has \"" + name + "\", which reads the same but has its accents encoded otherwise (as some systems"
            + " write names): retype the name in the index, or rename the file";
      }
    }
    for (String name : names) {
      if (name.equalsIgnoreCase(path)) {
        meant.add(name);
        return "did you mean \"" + name + "\"? Names are told apart by case";
      }
    }
    Optional<String> near = dev.dossier.diag.Similarity.closest(path, names, 1);
    near.ifPresent(meant::add);
    return near.map(name -> "did you mean \"" + name + "\"?").orElse(elsewhere);
  }

  /**
   * The documents named, so far, as the ones meant by names of the index that the folder does
   * not have ("did you mean …?"): listed in the index, though misspelt there.
   */
  public Set<String> meant() {
    return Set.copyOf(meant);
  }

  /** Missing documents given a name the folder has, at most; the rest are told where to put theirs. */
  private static final int MAX_SUGGESTIONS = 20;
  private final java.util.concurrent.atomic.AtomicInteger suggested = new java.util.concurrent.atomic.AtomicInteger();
  private final Set<String> meant = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Every name in the folder itself but hidden ones, sorted, each that is not a regular file
   * followed by "/": all of the folder that a build looks at beyond the files it reads (a
   * document or PDF added, a second index), so that a build can tell it is as it was.
   */
  public List<String> listing() throws IOException {
    return entries().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("."))
        .map(e -> e.getValue() ? e.getKey() : e.getKey() + "/")
        .toList();
  }

  /** The folder's own files (not hidden ones) with one of these extensions, sorted by name. */
  private List<String> files(Set<String> extensions) throws IOException {
    return names(true, extensions);
  }

  /** The folder's own names (not hidden ones) with one of these extensions that are regular files, or that are not, sorted. */
  private List<String> names(boolean regularFiles, Set<String> extensions) throws IOException {
    return entries().entrySet().stream()
        .filter(e -> e.getValue() == regularFiles && !e.getKey().startsWith(".") && extensions.contains(extension(e.getKey())))
        .map(Map.Entry::getKey)
        .toList();
  }

  private Map<String, Boolean> entries() throws IOException {
    if (entries == null) {
      Map<String, Boolean> listed = new TreeMap<>();
      try (Stream<Path> files = Files.list(root)) {
        files.forEach(p -> listed.put(p.getFileName().toString(), Files.isRegularFile(p)));
      }
      entries = listed;
    }
    return entries;
  }

  /**
   * Reads a file of the dossier.
   *
   * @param cause where the file was asked for, to point at when it is missing
   */
  public Optional<SourceText> read(String path, Diagnostics diagnostics, Position cause) {
    return bytes(path, diagnostics, cause).flatMap(bytes -> text(path, bytes, diagnostics));
  }

  /**
   * A file's bytes as they are on disk, if it is inside the folder and can be read: what a
   * document's text is made from ({@link #text}), so that a build which parsed the same bytes
   * before need not decode them again.
   *
   * @param cause where the file was asked for, to point at when it is missing
   */
  public Optional<byte[]> bytes(String path, Diagnostics diagnostics, Position cause) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root)) {
      diagnostics.error(cause, "\"" + path + "\" is outside the dossier folder; it was not read", "copy the document into the dossier folder and name it from there");
      return Optional.empty();
    }
    try {
      // A link inside the folder may still point out of it; follow it before trusting it.
      if (linksOutside(file)) {
        diagnostics.error(cause, "\"" + path + "\" links to a file outside the dossier folder; it was not read", "copy the document itself into the dossier folder in place of the link");
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      diagnostics.error(cause, "file not found: " + path, missing(path));
      return Optional.empty();
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        diagnostics.error(cause, path + " is a folder, not a document", "name a document's file here, or move the folder out of the dossier and put the document in its place");
      } else {
        diagnostics.error(cause, "cannot read " + path + ": " + dev.dossier.diag.FileProblem.describe(e), "check the file's permissions");
      }
      return Optional.empty();
    }
  }

  /**
   * Whether the file is, or lies under, a link that leads out of the folder. A file right in
   * the folder that is not a link is inside without resolving every part of its path: a build
   * asks this of each of thousands of documents.
   */
  private boolean linksOutside(Path file) throws IOException {
    if (root.equals(file.getParent())) {
      try {
        if (!Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isSymbolicLink()) {
          return false;
        }
      } catch (NoSuchFileException e) {
        return false;
      }
    }
    return Files.exists(file) && !file.toRealPath().startsWith(realRoot());
  }

  private Path realRoot() throws IOException {
    Path real = realRoot;
    if (real == null) {
      real = root.toRealPath();
      realRoot = real;
    }
    return real;
  }

  /**
   * A file's text from its {@link #bytes}: UTF-8 decoded, line ends and byte-order mark
   * normalised, and refused or warned about as a document's text must be.
   */
  public Optional<SourceText> text(String path, byte[] bytes, Diagnostics diagnostics) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      String normal = normalize(text);
      // Valid UTF-8, but not text: NUL (most likely UTF-16 of ASCII letters), or U+FFFF, which
      // the HTML parser takes for the end of the input, silently dropping the rest.
      int bad = firstOf(normal, '\u0000', '\uFFFF');
      if (bad >= 0) {
        boolean nul = normal.charAt(bad) == '\u0000';
        diagnostics.error(
            new LineIndex(normal).position(path, bad, 1),
            nul ? "the file holds NUL characters, so it is not UTF-8 text (it may be UTF-16)" : "U+FFFF is not a character, and would cut the text short here",
            nul ? "re-save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8)" : "remove it (it is often left by a broken conversion)");
        return Optional.empty();
      }
      Optional<HtmlCharacters.Replaced> replaced = HtmlCharacters.replace(normal);
      if (replaced.isPresent()) {
        diagnostics.warning(new LineIndex(normal).position(path, replaced.get().first(), 1), replaced.get().message(), HtmlCharacters.HINT);
        normal = replaced.get().text();
      }
      // Valid UTF-8 decodes and encodes back to the same bytes: unless normalising changed the
      // text, the file's bytes are its UTF-8.
      return Optional.of(normal == text ? new SourceText(path, normal, bytes) : new SourceText(path, normal));
    } catch (CharacterCodingException e) {
      diagnostics.error(
          firstBadByte(path, bytes),
          "the file is not UTF-8 text",
          utf16(bytes)
              ? "it looks like UTF-16; re-save it as UTF-8 (for example: iconv -f UTF-16 -t UTF-8)"
              : "re-save it as UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8, if it came from Windows)");
      return Optional.empty();
    }
  }

  /** Where the first byte that is not UTF-8 is: its line, and its column in the characters before it. */
  public static Position firstBadByte(String path, byte[] bytes) {
    java.nio.CharBuffer decoded = java.nio.CharBuffer.allocate(bytes.length);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, decoded, true);
    decoded.flip();
    // A byte-order mark is no column.
    String before = normalize(decoded.toString());
    return new LineIndex(before).position(path, before.length(), 1);
  }

  /** The first place of either character, by String.indexOf, which the JVM compiles to a vector search. */
  private static int firstOf(String text, char a, char b) {
    int first = text.indexOf(a);
    int second = text.indexOf(b, 0);
    return first < 0 ? second : second < 0 ? first : Math.min(first, second);
  }

  /** A byte-order mark of UTF-16, or text with a zero byte in every other place. */
  private static boolean utf16(byte[] bytes) {
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
      return true;
    }
    int zeros = 0;
    int n = Math.min(bytes.length, 200);
    for (int i = 0; i < n; i++) {
      zeros += bytes[i] == 0 ? 1 : 0;
    }
    return n >= 4 && zeros * 3 >= n;
  }

  /** One line ending and no byte-order mark, so the same words give the same output everywhere. */
  static String normalize(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }

  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /** A file's name without its folders and extension: "2022/Київ звіт.txt" gives "Київ звіт". */
  public static String stem(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
