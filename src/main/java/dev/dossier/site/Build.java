package dev.dossier.site;

import dev.dossier.assemble.Assembler;
import dev.dossier.cite.MarkdownProcessor;
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
import dev.dossier.render.SiteRenderer;
import dev.dossier.render.Theme;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One build of a dossier, top to bottom: load the folder, parse the documents, assemble and
 * verify the dossier, render the pages, and (for {@code build}, not {@code check}) write them.
 */
public final class Build {

  /**
   * What a run produced: its problems, the pages when there were no errors, and, for a build
   * that wrote its site, the report of what it did.
   */
  public record Result(List<Diagnostic> diagnostics, Optional<Dossier> dossier, List<Page> pages, Optional<BuildReport> report) {
    public Result(List<Diagnostic> diagnostics, Optional<Dossier> dossier, List<Page> pages) {
      this(diagnostics, dossier, pages, Optional.empty());
    }

    public boolean failed() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private final MarkdownProcessor markdown = new MarkdownProcessor();
  private final DocumentReader documents = new DocumentReader(markdown);
  private final IndexReader indexReader = new IndexReader();

  private final boolean strict;
  private final Optional<String> baseUrl;
  private final Progress progress;

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
    this.strict = strict;
    this.baseUrl = baseUrl;
    this.progress = progress;
  }

  /** Everything but writing: the dossier checked and rendered in memory. */
  public Result run(Path dir, Theme theme) throws IOException {
    Diagnostics diagnostics = strict ? Diagnostics.strict() : new Diagnostics();
    DossierFolder folder = new DossierFolder(dir);
    Index index = folder.index(diagnostics)
        .map(t -> indexReader.read(t.path(), t.text(), diagnostics))
        .orElse(Index.empty(DossierFolder.INDEX));

    Map<String, Position> wanted = new TreeMap<>();
    // A file outside the folder was already reported by the index reader; it is never read.
    index.sources().stream().filter(s -> IndexReader.staysInside(s.file())).forEach(s -> wanted.putIfAbsent(s.file(), s.fileAt()));
    Set<String> unlisted = new LinkedHashSet<>(folder.documents());
    unlisted.removeAll(wanted.keySet());
    unlisted.forEach(f -> wanted.put(f, Position.file(f)));

    Map<String, ParsedDocument> documents = new ConcurrentHashMap<>();
    progress.stage("reading", wanted.size());
    wanted.entrySet().parallelStream().forEach(e -> {
      folder.read(e.getKey(), diagnostics, e.getValue()).flatMap(t -> parse(t, diagnostics)).ifPresent(d -> documents.put(e.getKey(), d));
      progress.step();
    });

    Dossier assembled = new Assembler(markdown).assemble(index, new TreeMap<>(documents), diagnostics);
    Dossier dossier = baseUrl.map(assembled::withBaseUrl).orElse(assembled);
    if (diagnostics.hasErrors()) {
      return new Result(diagnostics.sorted(), Optional.empty(), List.of());
    }
    List<Page> pages = new SiteRenderer(theme).render(dossier, diagnostics, progress);
    return new Result(diagnostics.sorted(), Optional.of(dossier), diagnostics.hasErrors() ? List.of() : pages);
  }

  /** Builds and, only when there is no error, replaces {@code out} with the new site. */
  public Result build(Path dir, Theme theme, Path out) throws IOException {
    long start = System.nanoTime();
    Result result = run(dir, theme);
    if (result.failed()) {
      return result;
    }
    BuildReport.Previous previous = BuildReport.Previous.read(out);
    SiteWriter.Written written = new SiteWriter().write(result.pages(), out);
    BuildReport report = BuildReport.of(result.dossier().orElseThrow(), written, java.time.Duration.ofNanos(System.nanoTime() - start), previous);
    return new Result(result.diagnostics(), result.dossier(), result.pages(), Optional.of(report));
  }

  /** A document parsed before, with what parsing it said, kept while its text is the same. */
  private record Parsed(String text, Optional<ParsedDocument> document, List<Diagnostic> said) {}

  /**
   * Parsed documents by path, reused when a document's text has not changed since the last run
   * of this Build: {@code serve} rebuilds after every save, and most documents did not change.
   */
  private final Map<String, Parsed> parsed = new ConcurrentHashMap<>();

  private Optional<ParsedDocument> parse(SourceText file, Diagnostics diagnostics) {
    Parsed known = parsed.get(file.path());
    if (known != null && known.text().equals(file.text())) {
      diagnostics.addAll(known.said());
      return known.document();
    }
    Diagnostics mine = new Diagnostics();
    Optional<ParsedDocument> document = parseAnew(file, mine);
    parsed.put(file.path(), new Parsed(file.text(), document, mine.sorted()));
    diagnostics.addAll(mine.sorted());
    return document;
  }

  private Optional<ParsedDocument> parseAnew(SourceText file, Diagnostics diagnostics) {
    Optional<ParsedDocument> parsed = documents.parse(file.path(), file.text(), diagnostics);
    if (parsed.isEmpty()) {
      diagnostics.error(Position.file(file.path()), "unsupported document type \"." + DossierFolder.extension(file.path()) + "\"", "use .txt, .md or .html");
    }
    return parsed;
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
