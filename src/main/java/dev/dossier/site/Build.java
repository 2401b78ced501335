package dev.dossier.site;

import dev.dossier.assemble.Assembler;
import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.cite.Unverified;
import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.diag.Progress;
import dev.dossier.index.Index;
import dev.dossier.index.IndexReader;
import dev.dossier.load.DossierFolder;
import dev.dossier.load.SourceText;
import dev.dossier.model.Dossier;
import dev.dossier.parse.DocumentReader;
import dev.dossier.parse.ParsedDocument;
import dev.dossier.render.Page;
import dev.dossier.render.PageSink;
import dev.dossier.render.SiteRenderer;
import dev.dossier.render.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One build of a dossier, top to bottom: load the folder, parse the documents, assemble and
 * verify the dossier, render the pages, and (for {@code build}, not {@code check}) write them.
 */
public final class Build {

  /**
   * What a run produced: its problems, the pages when there were no errors, and, for a build
   * that wrote its site, the report of what it did.
   *
   * @param noLongerVerified for a failed build, the citations that verified in the last
   *     successful one and no longer do
   */
  public record Result(
      List<Diagnostic> diagnostics, Optional<Dossier> dossier, List<Page> pages, Optional<BuildReport> report, List<Unverified> noLongerVerified) {
    public Result(List<Diagnostic> diagnostics, Optional<Dossier> dossier, List<Page> pages) {
      this(diagnostics, dossier, pages, Optional.empty(), List.of());
    }

    public boolean failed() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final MarkdownProcessor markdown = new MarkdownProcessor();
  private final DocumentReader documents = new DocumentReader(markdown);
  private final IndexReader indexReader = new IndexReader();
  private final String tool = ToolVersion.identity();

  private final boolean strict;
  private final Optional<String> baseUrl;
  private final Progress progress;
  private final boolean cached;

  public Build() {
    this(false, Optional.empty());
  }

  /**
   * @param strict treat warnings as errors, as {@code --strict} asks
   * @param baseUrl where the site will be published, overriding the index's {@code base_url}
   */
  public Build(boolean strict, Optional<String> baseUrl) {
    this(strict, baseUrl, Progress.NONE);
  }

  /** @param progress told how far the build has come, for a progress bar */
  public Build(boolean strict, Optional<String> baseUrl, Progress progress) {
    this(strict, baseUrl, progress, false);
  }

  /**
   * @param cached keep parsed documents and page fingerprints in the dossier's
   *     {@value BuildCache#FOLDER} folder, so the next build redoes only what changed
   */
  public Build(boolean strict, Optional<String> baseUrl, Progress progress, boolean cached) {
    this.strict = strict;
    this.baseUrl = baseUrl;
    this.progress = progress;
    this.cached = cached;
  }

  /** Everything but writing: the dossier checked and rendered in memory. */
  public Result run(Path dir, Theme theme) throws IOException {
    Prepared prepared = prepare(dir);
    Diagnostics diagnostics = prepared.diagnostics();
    if (prepared.dossier().isEmpty()) {
      return new Result(diagnostics.sorted(), Optional.empty(), List.of());
    }
    MemorySink sink = new MemorySink(rendered);
    new SiteRenderer(theme, tool).render(prepared.dossier().get(), diagnostics, progress, sink, prepared.inputs(), prepared.documents());
    if (diagnostics.hasErrors()) {
      return new Result(diagnostics.sorted(), prepared.dossier(), List.of());
    }
    rendered = sink.units();
    return new Result(diagnostics.sorted(), prepared.dossier(), sink.pages());
  }

  /**
   * Everything but writing, for {@code check}: every page is rendered, so template errors show,
   * and dropped at once, so a large dossier is checked in the memory it takes to build it.
   */
  public Result check(Path dir, Theme theme) throws IOException {
    Prepared prepared = prepare(dir);
    Diagnostics diagnostics = prepared.diagnostics();
    if (prepared.dossier().isPresent()) {
      new SiteRenderer(theme, tool).render(prepared.dossier().get(), diagnostics, progress, PageSink.DISCARD, prepared.inputs(), prepared.documents());
    }
    return new Result(diagnostics.sorted(), prepared.dossier(), List.of());
  }

  /**
   * Builds and, only when there is no error, replaces {@code out} with the new site. Pages are
   * written to a staging folder as they are rendered, so the site is never all in memory.
   */
  public Result build(Path dir, Theme theme, Path out) throws IOException {
    return build(dir, theme, out, false);
  }

  /**
   * {@link #build(Path, Theme, Path)}, and with {@code replacingOthers} the files in {@code out}
   * this tool did not write go too ({@code build --force}), though nothing else changed.
   */
  public Result build(Path dir, Theme theme, Path out, boolean replacingOthers) throws IOException {
    long start = System.nanoTime();
    Seen seen = see(dir);
    // Taken once, for the pages and the record alike.
    String themeFingerprint = theme.fingerprint();
    // What the last build into out is looked up by, and this one recorded under.
    String frame = cached ? frame(themeFingerprint, seen) : "";
    if (cached) {
      Optional<Result> same = unchanged(new BuildCache(dir.resolve(BuildCache.FOLDER), tool), seen, frame, out.toAbsolutePath().normalize(), start, replacingOthers);
      if (same.isPresent()) {
        return same.get();
      }
    }
    Prepared prepared = prepare(dir, seen);
    Diagnostics diagnostics = prepared.diagnostics();
    Optional<BuildReport.Summary> previous = prepared.cache().flatMap(c -> c.summary(out));
    if (prepared.dossier().isEmpty()) {
      return new Result(diagnostics.sorted(), Optional.empty(), List.of(), Optional.empty(),
          BuildReport.noLongerVerified(prepared.unverified(), previous));
    }
    Dossier dossier = prepared.dossier().get();
    BuildReport.Summary summary = BuildReport.Summary.of(dossier);
    SiteWriter.Written written;
    OutputSink sink;
    try (SiteWriter.Session session = new SiteWriter().open(out)) {
      Optional<BuildCache> cache = prepared.cache();
      sink = new OutputSink(session, cache.map(c -> c.pages(out)), cache.map(c -> c.pieces(out)).orElse(Map.of()));
      new SiteRenderer(theme, tool, themeFingerprint).render(dossier, diagnostics, progress, sink, prepared.inputs(), prepared.documents());
      if (diagnostics.hasErrors()) {
        return new Result(diagnostics.sorted(), prepared.dossier(), List.of());
      }
      progress.stage("committing", 0);
      boolean forgotten = cache.isEmpty();
      if (cache.isPresent()) {
        try {
          cache.get().forgetLastBuild(out);
          forgotten = true;
        } catch (IOException e) {
          cannotCache(diagnostics, e);
        }
      }
      written = session.commit(replacingOthers);
      for (SiteWriter.Leftover left : session.leftovers()) {
        diagnostics.warning(Position.file(left.folder().toString()),
            "the new site is in " + out + ", but this folder beside it, "
                + (left.lastSite() ? "the last site moved aside" : "a build's unfinished work")
                + ", could not be deleted: " + left.why(),
            "delete " + left.folder() + " yourself (deleting needs write permission on each folder in it); the next build tries again");
      }
      if (cache.isPresent()) {
        try {
          cache.get().storePages(out, sink.units());
          cache.get().storePieces(out, sink.pieceFiles());
          cache.get().storeSummary(out, summary);
          // A note that the cache could not be written is not for the next build to say again.
          if (forgotten && diagnostics.sorted().stream().noneMatch(d -> d.path().equals(BuildCache.FOLDER))) {
            cache.get().storeLastBuild(out, lastBuild(prepared, frame, dossier, diagnostics, written, session.files(), out));
          }
        } catch (IOException e) {
          cannotCache(diagnostics, e);
        }
      }
    }
    BuildReport report = BuildReport.of(dossier, summary, written, new BuildReport.Work(prepared.documents().size(), prepared.parsed(), sink.rendered(), sink.reused()),
        Duration.ofNanos(System.nanoTime() - start), previous);
    return new Result(diagnostics.sorted(), prepared.dossier(), List.of(), Optional.of(report), List.of());
  }

  /**
   * The result of a build that has nothing to do, if this is one: the last build into
   * {@code out} was made from the same inputs (index, documents, the folder's names, theme and
   * options), and left the files that are there now (and no other, for a build told to replace
   * them). What is cheap to compare is compared first (the index, the folder's names, each
   * document's and output file's size and time of change, the manifest); then every document is
   * read and hashed, to be sure. Nothing is parsed, rendered or written; what the last build
   * said is said again.
   */
  private Optional<Result> unchanged(BuildCache cache, Seen seen, String frame, Path out, long start, boolean replacingOthers) throws IOException {
    // Anything reading says (a file gone, a second index) is news: the long way says it.
    if (!seen.said().isEmpty() || !Files.isDirectory(out)) {
      return Optional.empty();
    }
    // What a killed build left beside the site goes, as the long way sees to first; what will
    // not go, the long way reports.
    if (!SiteWriter.recover(out).isEmpty()) {
      return Optional.empty();
    }
    try {
      return unchanged(seen, out, start, cache, cache.lastBuild(out, frame), replacingOthers);
    } catch (IOException | java.io.UncheckedIOException e) {
      // A file that cannot be looked at: the long way says what is wrong with it.
      return Optional.empty();
    }
  }

  /** The rest of {@link #unchanged}, given the record of the last build with this build's frame, if there is one. */
  private Optional<Result> unchanged(Seen seen, Path out, long start, BuildCache cache, Optional<LastBuild> last, boolean replacingOthers) throws IOException {
    if (last.isEmpty()
        || !cache.recordsOf(out)
        || !LastBuild.asTheyWere(out, last.get().files(), LinkOption.NOFOLLOW_LINKS)
        || !LastBuild.manifest(SiteWriter.readManifest(out)).equals(last.get().manifest())
        || !SiteWriter.asReadableAsNew(out)
        // A file put there since, which a build told to replace it (--force) goes the long way to remove.
        || replacingOthers && !SiteWriter.foreignFiles(out).isEmpty()) {
      return Optional.empty();
    }
    DossierFolder folder = seen.folder();
    Diagnostics reading = new Diagnostics();
    Map<String, String> keys = new ConcurrentHashMap<>();
    // The documents whose size or time of change moved are read first: an edited one sends the
    // build the long way before the others are read; one saved again as it was does not.
    List<LastBuild.FileState> documents = last.get().documents();
    List<LastBuild.FileState> now = LastBuild.FileState.now(folder.root(), documents.stream().map(LastBuild.FileState::path).toList());
    List<Integer> moved = java.util.stream.IntStream.range(0, documents.size()).filter(i -> !now.get(i).equals(documents.get(i))).boxed().toList();
    hash(folder, moved.stream().map(i -> documents.get(i).path()).toList(), keys, reading);
    if (moved.stream().anyMatch(i -> !last.get().keys().get(i).equals(keys.get(documents.get(i).path())))) {
      return Optional.empty();
    }
    // Then the rest, to be sure.
    hash(folder, documents.stream().map(LastBuild.FileState::path).filter(path -> !keys.containsKey(path)).toList(), keys, reading);
    // What decoding the index says, the last build said too: its bytes are the same.
    Optional<SourceText> index = seen.index().flatMap(bytes -> folder.text(DossierFolder.INDEX, bytes, new Diagnostics()));
    if (!reading.sorted().isEmpty() || index.isPresent() != seen.index().isPresent()
        || !inputs(index.map(t -> indexKey(t, seen)).orElse(""), keys).equals(last.get().inputs())) {
      return Optional.empty();
    }
    if (!moved.isEmpty()) {
      // The documents saved again as they were: the next build need not read them first.
      try {
        cache.storeLastBuild(out, last.get().withDocuments(now));
      } catch (IOException e) {
        // Only the next build's shortcut is a little longer.
      }
    }
    List<String> files = last.get().files().stream().map(LastBuild.FileState::path).filter(p -> !p.equals(SiteWriter.MANIFEST)).sorted().toList();
    BuildReport report = BuildReport.unchanged(last.get().counts(), new SiteWriter.Written(List.of(), files, List.of()), keys.size(),
        Duration.ofNanos(System.nanoTime() - start));
    return Optional.of(new Result(last.get().said(), Optional.empty(), List.of(), Optional.of(report), List.of()));
  }

  /** Reads the documents at {@code paths} on every core, each into {@code keys} under its build cache key. */
  private void hash(DossierFolder folder, List<String> paths, Map<String, String> keys, Diagnostics reading) {
    paths.parallelStream().forEach(path -> folder.bytes(path, reading, Position.file(path))
        .ifPresent(bytes -> keys.put(path, BuildCache.documentKey(tool, path, bytes))));
  }

  /** {@link LastBuild#frame} of this build with this theme (its fingerprint), its index and the folder's names. */
  private String frame(String theme, Seen seen) throws IOException {
    return LastBuild.frame(tool, strict, baseUrl, theme, seen.indexKey(), seen.folder().listing());
  }

  /**
   * The build cache key of the index's text: of its bytes as read, already made, when they are
   * the text's UTF-8 (no byte-order mark, no carriage return, nothing replaced).
   */
  private String indexKey(SourceText index, Seen seen) {
    return seen.index().filter(bytes -> bytes == index.utf8()).isPresent()
        ? seen.indexKey()
        : BuildCache.documentKey(tool, index.path(), index.utf8());
  }

  /** The record of a build just written into {@code out}, for the next build to find it has nothing to do. */
  private LastBuild lastBuild(Prepared prepared, String frame, Dossier dossier, Diagnostics diagnostics, SiteWriter.Written written,
      Map<String, String> committed, Path out) throws IOException {
    TreeSet<String> read = new TreeSet<>(prepared.documents().keySet());
    List<LastBuild.FileState> documents = LastBuild.FileState.now(prepared.seen().folder().root(), read);
    List<String> paths = new ArrayList<>(written.written());
    paths.addAll(written.unchanged());
    paths.add(SiteWriter.MANIFEST);
    // A file that is not there now only sends the next build the long way.
    List<LastBuild.FileState> files = LastBuild.FileState.now(out, paths, LinkOption.NOFOLLOW_LINKS);
    return new LastBuild(
        frame,
        prepared.inputs(),
        documents,
        read.stream().map(prepared.documents()::get).toList(),
        diagnostics.sorted(),
        new LastBuild.Counts(dossier.sources().size(), dossier.topics().size(), dossier.events().size(), dossier.citations().size()),
        LastBuild.manifest(committed),
        files);
  }

  /**
   * A dossier read and checked, ready to render.
   *
   * @param dossier empty when there were errors
   * @param inputs a fingerprint of everything read: the index, every document, the options
   * @param documents the build cache key of each document read, by path
   * @param seen the folder and its index as the build found them
   */
  private record Prepared(Diagnostics diagnostics, Optional<Dossier> dossier, String inputs, Map<String, String> documents,
      Seen seen, Optional<BuildCache> cache, int parsed, List<Unverified> unverified) {}

  /**
   * The dossier folder and its index's bytes as a build first looks at them, with what
   * reading them said, and the build cache key of those bytes ("" without an index).
   */
  private record Seen(DossierFolder folder, Optional<byte[]> index, List<Diagnostic> said, String indexKey) {}

  private Seen see(Path dir) throws IOException {
    DossierFolder folder = new DossierFolder(dir);
    Diagnostics said = new Diagnostics();
    Optional<byte[]> index = folder.indexBytes(said);
    return new Seen(folder, index, said.sorted(), index.map(bytes -> BuildCache.documentKey(tool, DossierFolder.INDEX, bytes)).orElse(""));
  }

  private Prepared prepare(Path dir) throws IOException {
    return prepare(dir, see(dir));
  }

  private Prepared prepare(Path dir, Seen seen) throws IOException {
    Diagnostics diagnostics = strict ? Diagnostics.strict() : new Diagnostics();
    progress.stage("index", 0);
    DossierFolder folder = seen.folder();
    Optional<BuildCache> cache = cached ? Optional.of(new BuildCache(dir.resolve(BuildCache.FOLDER), tool)) : Optional.empty();
    AtomicInteger parsedNow = new AtomicInteger();
    Reads reads = new Reads(folder, cache, parsedNow);
    // Every document of the folder is read whatever the index says (listed, or included
    // unlisted): start on them now, on another core, while this one reads the index.
    reads.startAhead(folder.documents());
    Index index;
    diagnostics.addAll(seen.said());
    Optional<SourceText> indexText;
    try {
      indexText = seen.index().flatMap(bytes -> folder.text(DossierFolder.INDEX, bytes, diagnostics));
      index = indexText
          .map(t -> indexReader.read(t.path(), t.text(), diagnostics))
          .orElse(Index.empty(DossierFolder.INDEX));
    } finally {
      reads.stopAhead();
    }

    Map<String, Position> wanted = new TreeMap<>();
    // A file outside the folder was already reported by the index reader; it is never read.
    index.sources().stream().filter(s -> IndexReader.staysInside(s.file())).forEach(s -> wanted.putIfAbsent(s.file(), s.fileAt()));
    Set<String> unlisted = new LinkedHashSet<>(folder.documents());
    unlisted.removeAll(wanted.keySet());
    unlisted.forEach(f -> wanted.put(f, Position.file(f)));
    folder.noteUnreadDocuments(diagnostics, wanted.keySet());
    if (wanted.isEmpty() && !diagnostics.hasErrors()) {
      // Building nothing would replace a site with an empty one: most likely the wrong folder.
      Path named = dir.toAbsolutePath().normalize().getFileName();
      diagnostics.error(
          Position.file(indexText.isPresent() ? DossierFolder.INDEX : "."),
          "the dossier holds no documents: no .txt, .md or .html file in the folder, and none listed in the index",
          "copy the articles into " + (named == null ? dir.toAbsolutePath().normalize() : named) + ", or give the folder that holds them");
    }

    Map<String, ParsedDocument> documents = new ConcurrentHashMap<>();
    Map<String, String> keys = new ConcurrentHashMap<>();
    Map<String, String> contents = new ConcurrentHashMap<>();
    progress.stage("reading", wanted.size());
    wanted.entrySet().parallelStream().forEach(e -> {
      Read read = reads.read(e.getKey(), e.getValue());
      diagnostics.addAll(read.said());
      read.key().ifPresent(key -> keys.put(e.getKey(), key));
      read.content().ifPresent(content -> contents.put(e.getKey(), content));
      read.document().ifPresent(d -> documents.put(e.getKey(), d));
      progress.step();
    });
    // A second copy of a document (the same bytes under another name) would be published twice,
    // as `add` refuses to and `init` warns.
    Map<String, String> firstWith = new java.util.HashMap<>();
    new TreeMap<>(contents).forEach((path, content) -> {
      String first = firstWith.putIfAbsent(content, path);
      if (first != null) {
        diagnostics.warning(wanted.get(path), "this document has the same content as " + first + ", so the dossier publishes it twice",
            "delete one of the two files, and its entry in the index if it has one");
      }
    });
    if (cache.isPresent()) {
      try {
        cache.get().commitDocuments(Set.copyOf(keys.values()));
      } catch (IOException e) {
        cannotCache(diagnostics, e);
      }
    }

    progress.stage("assembling", 0);
    List<Unverified> unverified = Collections.synchronizedList(new ArrayList<>());
    Dossier assembled = new Assembler(markdown, unverified::add).assemble(index, new TreeMap<>(documents), folder.meant(), diagnostics);
    Dossier dossier = baseUrl.map(assembled::withBaseUrl).orElse(assembled);
    if (dossier.baseUrl().isEmpty() && !diagnostics.hasErrors()) {
      diagnostics.note(Position.file(indexText.isPresent() ? DossierFolder.INDEX : "."),
          "no base URL, so the site has no feed.xml or sitemap.xml, which need absolute addresses; "
              + (indexText.isPresent() ? "give base_url: in the index, or build with --base-url"
                  : "build with --base-url, or give base_url: in an index.yml (dossier init writes one)"));
    }
    return new Prepared(diagnostics, diagnostics.hasErrors() ? Optional.empty() : Optional.of(dossier), inputs(indexText.map(t -> indexKey(t, seen)).orElse(""), keys), Map.copyOf(keys),
        seen, cache, parsedNow.get(), List.copyOf(unverified));
  }

  /**
   * A fingerprint of the index and the documents read (by their build cache keys), with the
   * tool and the base URL given.
   *
   * @param index the index's build cache key, "" when there is no index
   */
  private String inputs(String index, Map<String, String> keys) {
    StringBuilder inputs = new StringBuilder(tool).append('\n').append(baseUrl.orElse("")).append('\n');
    if (!index.isEmpty()) {
      inputs.append(index).append('\n');
    }
    new TreeMap<>(keys).forEach((path, key) -> inputs.append(path).append(' ').append(key).append('\n'));
    return SiteWriter.sha256(inputs.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void cannotCache(Diagnostics diagnostics, IOException e) {
    // Once is enough: what stops one of the cache's files most often stops them all.
    if (diagnostics.sorted().stream().anyMatch(d -> d.path().equals(BuildCache.FOLDER))) {
      return;
    }
    diagnostics.note(Position.file(BuildCache.FOLDER), "cannot write the build cache: " + dev.dossier.diag.FileProblem.describe(e) + "; the next build will redo the work");
  }

  /** A document parsed before, with what reading and parsing it said, kept while its bytes are the same. */
  private record Parsed(String key, Optional<ParsedDocument> document, List<Diagnostic> said) {}

  /**
   * Parsed documents by path, reused when a document's bytes have not changed since the last run
   * of this Build: {@code serve} rebuilds after every save, and most documents did not change.
   */
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  /** The pages of this Build's last run, for {@code serve} to reuse what did not change. */
  private Map<String, MemorySink.Unit> rendered = Map.of();

  /**
   * A document read and parsed, with what reading and parsing it said.
   *
   * @param key its build cache key; empty when it could not be read
   */
  private record Read(Optional<String> key, Optional<ParsedDocument> document, List<Diagnostic> said, Optional<String> content) {
    Read(List<Diagnostic> said) {
      this(Optional.empty(), Optional.empty(), said, Optional.empty());
    }
  }

  /**
   * Each document of one run read and parsed once, by whichever thread comes to it first: a
   * thread of its own reads the folder's documents ahead while the index is read, and the
   * rest of the work joins in once it is.
   */
  private final class Reads {
    private final DossierFolder folder;
    private final Optional<BuildCache> cache;
    private final AtomicInteger parsedNow;
    private final Map<String, CompletableFuture<Read>> started = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private Thread ahead;

    Reads(DossierFolder folder, Optional<BuildCache> cache, AtomicInteger parsedNow) {
      this.folder = folder;
      this.cache = cache;
      this.parsedNow = parsedNow;
    }

    void startAhead(List<String> paths) {
      ahead = new Thread(() -> {
        for (String path : paths) {
          if (stopped) {
            return;
          }
          try {
            read(path, Position.file(path));
          } catch (RuntimeException | Error e) {
            // Kept in the document's future: whoever needs the document meets it there.
            return;
          }
        }
      }, "dossier-read-ahead");
      ahead.setDaemon(true);
      ahead.start();
    }

    /** Reads no further ahead: the index is read, and the reading threads take over. */
    void stopAhead() {
      stopped = true;
      try {
        ahead.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * The document at {@code path}, read and parsed now or by the thread that began it.
     *
     * @param cause where the index names it, for the error if it cannot be read
     */
    Read read(String path, Position cause) {
      CompletableFuture<Read> mine = new CompletableFuture<>();
      CompletableFuture<Read> begun = started.putIfAbsent(path, mine);
      if (begun != null) {
        Read read = joined(begun);
        // Read ahead before the index said where it names the file: its reading error belongs there.
        return read.key().isEmpty() && !cause.equals(Position.file(path)) ? readNow(path, cause) : read;
      }
      try {
        Read read = readNow(path, cause);
        mine.complete(read);
        return read;
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
        throw e;
      }
    }

    private Read readNow(String path, Position cause) {
      Diagnostics said = new Diagnostics();
      if (DocumentReader.format(path).isEmpty()) {
        // Only the index names such a file (the folder's own are .txt, .md and .html): said there.
        String extension = DossierFolder.extension(path);
        if (extension.isEmpty()) {
          said.error(cause, "\"" + path + "\" has no file extension, so its type is unknown",
              "name it for what it holds: " + path + ".txt for plain text, .md for Markdown, .html for a saved page");
        } else {
          said.error(cause, "unsupported document type \"." + extension + "\"", "use .txt, .md or .html");
        }
        return new Read(said.sorted());
      }
      Optional<byte[]> bytes = folder.bytes(path, said, cause);
      if (bytes.isEmpty()) {
        return new Read(said.sorted());
      }
      BuildCache.DocumentKeys keys = BuildCache.documentKeys(tool, path, bytes.get());
      String key = keys.key();
      Optional<Parsed> known = known(path, key, cache);
      if (known.isEmpty()) {
        // Not parsed before: its text is made from its bytes, which may fail (not UTF-8).
        Diagnostics mine = new Diagnostics();
        Optional<SourceText> text = folder.text(path, bytes.get(), mine);
        if (text.isEmpty()) {
          said.addAll(mine.sorted());
          return new Read(said.sorted());
        }
        known = Optional.of(parse(text.get(), key, mine, cache, parsedNow));
      }
      said.addAll(known.get().said());
      return new Read(Optional.of(key), known.get().document(), said.sorted(), Optional.of(keys.content()));
    }

    private static Read joined(CompletableFuture<Read> read) {
      try {
        return read.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
  }

  /** A document this Build or an earlier one parsed from the same bytes: kept in memory, or in the build cache. */
  private Optional<Parsed> known(String path, String key, Optional<BuildCache> cache) {
    Parsed known = parsed.get(path);
    if (known != null && known.key().equals(key)) {
      return Optional.of(known);
    }
    Optional<Parsed> cached = cache.flatMap(c -> c.document(key)).map(entry -> new Parsed(key, entry.document(), entry.diagnostics()));
    cached.ifPresent(c -> parsed.put(path, c));
    return cached;
  }

  /**
   * Parses a document's text, and keeps what it gave, with what reading and parsing it said
   * ({@code said}), for later runs and builds.
   */
  private Parsed parse(SourceText file, String key, Diagnostics said, Optional<BuildCache> cache, AtomicInteger parsedNow) {
    parsedNow.incrementAndGet();
    Optional<ParsedDocument> document = parseAnew(file, said);
    Parsed made = new Parsed(key, document, said.sorted());
    cache.ifPresent(c -> c.storeDocument(key, document, made.said()));
    parsed.put(file.path(), made);
    return made;
  }

  private Optional<ParsedDocument> parseAnew(SourceText file, Diagnostics diagnostics) {
    // Only the formats DocumentReader parses get here (readNow refuses the others).
    try {
      return documents.parse(file.path(), file.text(), diagnostics);
    } catch (StackOverflowError e) {
      // Block quotes or lists inside one another thousands deep: the parsers recurse.
      diagnostics.error(Position.file(file.path()), "the document nests too deeply to read (block quotes, lists or elements inside one another, thousands deep)",
          "flatten the nesting, or remove the document from the folder");
      return Optional.empty();
    }
  }

  /** The text of an input file, for printing diagnostics with their source line. */
  public static Optional<List<String>> lines(Path dir, String path) {
    try {
      Path file = dir.resolve(path).normalize();
      if (!java.nio.file.Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(new ArrayList<>(List.of(java.nio.file.Files.readString(file).split("\n", -1))));
    } catch (IOException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
