package dev.dossier.curate;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.index.Index;
import dev.dossier.index.IndexReader;
import dev.dossier.load.DossierFolder;
import dev.dossier.model.Document;
import dev.dossier.parse.DocumentReader;
import dev.dossier.parse.ParsedDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports one document into a dossier folder ({@code dossier add}): a copy named after its date
 * and title, and a source entry added to {@code index.yml} as text. Everything is worked out and
 * checked before anything is written; a refused import writes nothing.
 */
public final class DocumentImport {

  /**
   * What was added.
   *
   * @param line the line of {@code index.yml} the entry starts on
   * @param indexCreated whether the folder had no index before
   * @param warnings what the parser noticed about the document
   */
  public record Imported(
      String key,
      String file,
      Path index,
      int line,
      boolean indexCreated,
      Optional<String> title,
      Optional<String> published,
      Optional<String> outlet,
      List<String> authors,
      Optional<String> url,
      List<String> toCheck,
      List<Diagnostic> warnings) {}

  private final Path dir;
  private final DocumentReader reader = new DocumentReader();

  /** @param dir the dossier folder to import into; it must exist */
  public DocumentImport(Path dir) {
    this.dir = dir;
  }

  /** Copies a document file into the dossier. */
  public Imported file(Path file) throws IOException, Refusal {
    if (!Files.isRegularFile(file)) {
      throw Refusal.usage("no document at " + file + (Files.isDirectory(file) ? " (it is a folder)" : ""));
    }
    String name = file.getFileName().toString();
    String format = DocumentReader.format(name);
    if (format.isEmpty()) {
      throw Refusal.usage(file + " is not a document dossier reads; give a .txt, .md or .html file");
    }
    Optional<String> inFolder = inFolder(file);
    Optional<String> linkInFolder = linkInFolder(file);
    if (inFolder.isEmpty() && linkInFolder.isPresent()) {
      throw Refusal.content(Position.file(linkInFolder.get()),
          "\"" + linkInFolder.get() + "\" links to a file outside the dossier folder, which a build does not read; nothing was added",
          "put the document itself in place of the link: remove " + file + ", then dossier add " + file.toRealPath() + " " + dir);
    }
    byte[] bytes = Files.readAllBytes(file);
    List<String> notes = new ArrayList<>(List.of("copied from " + name));
    if (format.equals("html") && inFolder.isEmpty() && !PageFetcher.isUtf8(bytes)) {
      // A saved page in its own character set is saved as UTF-8, as a fetched one is: by the
      // charset its <meta> declares, else the one browsers assume for the web's legacy pages.
      try {
        PageFetcher.Page page = PageFetcher.utf8(file.toUri(), bytes, "");
        bytes = page.utf8();
        page.transcodedFrom().ifPresent(c -> notes.add("saved as UTF-8; the file was " + c));
      } catch (PageFetcher.FetchFailure e) {
        throw Refusal.content(DossierFolder.firstBadByte(file.toString(), bytes), "this byte does not read in the character set the page declares (or Java does not know that one)",
            "re-save the page from the browser, or correct its <meta charset> to the character set it is in");
      }
    }
    String text = utf8(bytes, file.toString(), format.equals("html") && inFolder.isPresent()
        ? "move it out of the dossier folder and add it from there: add saves a page in another character set as UTF-8"
        : "re-save it as UTF-8, for example, for a file from Windows: iconv -f WINDOWS-1252 -t UTF-8 " + shell(file.toString())
            + " > copy." + format + ", then add copy." + format);
    return add(bytes, text, file.toString(), DossierFolder.stem(name), format, Optional.empty(), notes, inFolder);
  }

  /** The file's path in the dossier folder, if it is inside it (whether the folder reads it as a document, {@link #add} sees). */
  private Optional<String> inFolder(Path file) throws IOException {
    return relative(file.toRealPath());
  }

  /**
   * The file's path in the dossier folder when its name is there, the links on the way to it
   * left unresolved: a link in the folder to a document outside it has such a path, and none
   * by {@link #inFolder}.
   */
  private Optional<String> linkInFolder(Path file) throws IOException {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? Optional.empty() : relative(parent.toRealPath().resolve(file.getFileName()));
  }

  /** A path as the dossier folder names it, empty when it lies outside (given with the links on its way resolved, as the folder's are). */
  private Optional<String> relative(Path resolved) throws IOException {
    Path folder = dir.toRealPath();
    return resolved.startsWith(folder) ? Optional.of(folder.relativize(resolved).toString().replace(java.io.File.separatorChar, '/')) : Optional.empty();
  }

  /** Fetches a web page and saves it into the dossier as {@code .html}. */
  public Imported page(URI address, PageFetcher fetcher, Instant now) throws IOException, Refusal {
    PageFetcher.Page page;
    try {
      page = fetcher.fetch(address);
    } catch (PageFetcher.FetchFailure e) {
      throw Refusal.content(
          Position.file(address.toString()),
          e.getMessage(),
          e.hint());
    }
    List<String> notes = new ArrayList<>();
    notes.add("fetched from " + page.address() + " on " + now.truncatedTo(ChronoUnit.SECONDS));
    if (!page.address().equals(address)) {
      notes.add("(asked for " + address + ", which redirected there)");
    }
    page.transcodedFrom().ifPresent(c -> notes.add("saved as UTF-8; the page was served as " + c));
    String text = new String(page.utf8(), StandardCharsets.UTF_8);
    String fallback = page.address().getHost() + " " + Optional.ofNullable(page.address().getPath()).orElse("");
    return add(page.utf8(), text, address.toString(), fallback, "html", Optional.of(page.address()), notes, Optional.empty());
  }

  /**
   * @param shownAs how the document is named in messages (the path or address the curator gave)
   * @param fallback words to name the file by when the document has no title
   * @param fetchedFrom the address a web page was finally fetched from
   * @param notes what the entry's comments say of where the document came from
   * @param inFolder the file's path in the dossier folder, if it is there: a document the folder
   *     holds is listed where it is, not copied beside itself
   */
  private Imported add(
      byte[] bytes, String text, String shownAs, String fallback, String format, Optional<URI> fetchedFrom, List<String> notes,
      Optional<String> inFolder)
      throws IOException, Refusal {
    DossierFolder folder = new DossierFolder(dir);
    // The folder's documents, looked for once: for the document itself, copies of its bytes and the keys the build gives.
    List<String> documents = folder.documents();
    Optional<String> inPlace = inFolder.filter(documents::contains);
    // "copied from ..." says nothing of a document listed where it is.
    List<String> comments = inPlace.isPresent() ? List.of() : notes;
    Optional<String> indexText = IndexFile.read(dir);
    Index index = indexText.map(t -> new IndexReader().read(DossierFolder.INDEX, IndexEditor.normalize(t), new Diagnostics()))
        .orElse(Index.empty(DossierFolder.INDEX));
    if (inPlace.isPresent()) {
      Optional<Index.SourceEntry> listed = index.sources().stream().filter(s -> s.file().equals(inPlace.get())).findFirst();
      if (listed.isPresent()) {
        throw Refusal.content(
            Position.file(shownAs),
            "this document is already in the dossier's index as \"" + listed.get().key() + "\"; nothing was added",
            "edit its entry in " + DossierFolder.INDEX + " (line " + listed.get().at().line() + ") to change what the index says of it");
      }
    }
    refuseDuplicate(bytes, shownAs, documents, index, inPlace);

    Diagnostics diagnostics = new Diagnostics();
    String content = IndexEditor.normalize(text);
    ParsedDocument parsed = reader.parse(shownAs, format, content, diagnostics)
        .orElseThrow(() -> Refusal.usage(shownAs + " is not a document dossier reads"));
    Document document = parsed.document();
    if (diagnostics.hasErrors()) {
      throw Refusal.content(diagnostics.sorted());
    }

    Set<String> listedFiles = new HashSet<>();
    Set<String> keys = new HashSet<>();
    index.sources().forEach(s -> {
      listedFiles.add(s.file());
      keys.add(s.key());
    });
    // The keys the build gives the documents the index does not list: citations may use them.
    List<String> unlisted = documents.stream().filter(d -> !listedFiles.contains(d)).toList();
    Map<String, String> unlistedKeys = dev.dossier.assemble.Assembler.keysOfUnlisted(unlisted, keys);
    Set<String> taken = new HashSet<>(keys);
    taken.addAll(unlistedKeys.values());
    taken.add(dev.dossier.model.Source.RESERVED_KEY);
    String name = inPlace.isPresent()
        ? inPlace.get()
        : DocumentName.of(document, fallback, format, n -> listedFiles.contains(n) || Files.exists(dir.resolve(n)));
    // A document listed where it is keeps the key the build gave it, which citations may use;
    // a new one is keyed by the words its file is named by, not the name made of them ("undated-...").
    String key = inPlace.map(unlistedKeys::get)
        .orElseGet(() -> SourceKey.of(document, fallback.replace('/', ' ') + "." + format, taken));
    Provenance provenance = Provenance.of(document, content);
    Optional<String> url = document.url().or(() -> fetchedFrom.map(URI::toString));
    // Another version of a page already added (a live page's bytes change on every visit) may
    // be wanted, as a story updated through the day is; it is listed, and said so.
    Optional<Index.SourceEntry> sameAddress = url.flatMap(u -> index.sources().stream().filter(s -> s.url().equals(url)).findFirst());
    String urlSource = document.url().isPresent() ? provenance.url() : "the address it was fetched from";
    IndexEntry entry = new IndexEntry(key, name, document, provenance, url, urlSource, comments);
    IndexEditor.Edit edit = IndexEditor.addSource(dir.resolve(DossierFolder.INDEX).toString(), indexText.orElse(""), entry.lines());

    Path saved = dir.resolve(name);
    if (inPlace.isEmpty()) {
      Files.write(saved, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    Path written;
    try {
      written = IndexFile.replace(dir, edit.text());
    } catch (IOException | RuntimeException e) {
      if (inPlace.isEmpty()) {
        Files.deleteIfExists(saved);
      }
      throw e;
    }
    List<String> toCheck = new ArrayList<>(entry.toCheck());
    sameAddress.ifPresent(same -> toCheck.add("the index already lists a source from " + url.get() + ": \"" + same.key() + "\" (" + same.file()
        + "); if this is the same version of the article, remove one of the two entries and its file"));
    List<String> unknown = parsed.citations().stream().map(c -> c.ref().key())
        .filter(k -> !k.isEmpty() && !keys.contains(k) && !k.equals(key)).distinct().sorted().toList();
    if (!unknown.isEmpty()) {
      toCheck.add("the document cites sources the index does not list (" + String.join(", ", unknown)
          + "): add them, or dossier check will report the citations");
    }
    return new Imported(
        key, name, written, edit.line(), indexText.isEmpty(), document.title(), document.published().map(d -> d.iso()),
        document.site(), document.authors(), url, toCheck, diagnostics.sorted());
  }

  /** The same bytes already in the folder, under any name, are not imported twice. */
  private void refuseDuplicate(byte[] bytes, String shownAs, List<String> documents, Index index, Optional<String> inPlace) throws IOException, Refusal {
    Map<String, String> keyOf = new LinkedHashMap<>();
    for (String document : documents) {
      keyOf.put(document, "");
    }
    // A document listed where it is is not a copy of itself.
    inPlace.ifPresent(keyOf::remove);
    index.sources().stream().filter(s -> IndexReader.staysInside(s.file())).forEach(s -> keyOf.put(s.file(), s.key()));
    byte[] digest = sha256(bytes);
    // A copy in the folder is said before a link that leads out of it, which a build does not read.
    Optional<String> link = Optional.empty();
    for (Map.Entry<String, String> existing : keyOf.entrySet()) {
      Path file = dir.resolve(existing.getKey());
      if (Files.isRegularFile(file) && Files.size(file) == bytes.length && Arrays.equals(sha256(Files.readAllBytes(file)), digest)) {
        if (relative(file.toRealPath()).isEmpty()) {
          link = link.or(() -> Optional.of(existing.getKey()));
          continue;
        }
        String key = existing.getValue().isEmpty() ? "" : " (key " + existing.getValue() + ")";
        throw Refusal.content(
            Position.file(shownAs),
            "this document is already in the dossier as " + existing.getKey() + key + "; nothing was added",
            "the two files have the same content (the same SHA-256)");
      }
    }
    if (link.isPresent()) {
      throw Refusal.content(
          Position.file(shownAs),
          "the dossier folder has a link to this document, " + link.get() + ", which a build does not read, as it leads out of the folder; nothing was added",
          "remove the link, then add the document again");
    }
  }

  /** A document's bytes' SHA-256, to tell a second copy of one (here, and in {@link StarterIndex}). */
  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A path as a POSIX shell reads it: as it is when it holds nothing the shell would take apart, else in single quotes. */
  private static String shell(String path) {
    return path.matches("[A-Za-z0-9._/+@%=:,-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
  }

  private static String utf8(byte[] bytes, String shownAs, String hint) throws Refusal {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw Refusal.content(
          DossierFolder.firstBadByte(shownAs, bytes), "the file is not UTF-8 text", hint);
    }
  }
}
