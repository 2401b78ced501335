package dev.dossier.render;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.diag.Progress;
import dev.dossier.model.Dossier;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders every page of the site. One FreeMarker {@link Configuration}, built once; template
 * problems are reported with the template's name and line, as FreeMarker gives them.
 */
public final class SiteRenderer {

  private final Configuration freemarker;
  private final Theme theme;
  /** What every fingerprint starts from: the tool's version and the theme's files. */
  private final String salt;

  public SiteRenderer(Theme theme) {
    this(theme, "");
  }

  /** @param tool the tool's identity, so that a new version renders every page again */
  public SiteRenderer(Theme theme, String tool) {
    this(theme, tool, theme.fingerprint());
  }

  /**
   * @param themeFingerprint {@link Theme#fingerprint}, taken once by a caller that records it
   *     too: a template edited while the pages render must not go unseen by either
   */
  public SiteRenderer(Theme theme, String tool, String themeFingerprint) {
    this.theme = theme;
    this.salt = tool + "\n" + themeFingerprint;
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(theme.loader());
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    this.freemarker = cfg;
  }

  /** Every page and asset of the site, sorted by path. */
  public List<Page> render(Dossier dossier, Diagnostics diagnostics) {
    PageSink.Collected pages = PageSink.collect();
    render(dossier, diagnostics, Progress.NONE, pages, "", Map.of());
    return pages.pages();
  }

  /**
   * Renders every page and asset into {@code sink} as each is done, skipping those the sink
   * still has from an earlier build with the same fingerprint.
   *
   * @param inputs a fingerprint of the whole dossier's input (index, documents, options), for
   *     the files made from all of it: exports, search index, feeds; "" when not known
   * @param documentKeys the build cache key of each document's bytes, by path, which stands for
   *     the text of its source's page (see {@link Views#sourcePageInputs}); a document not in
   *     it has its page fingerprinted from the page's whole data
   */
  public void render(Dossier dossier, Diagnostics diagnostics, Progress progress, PageSink sink, String inputs, Map<String, String> documentKeys) {
    Map<String, byte[]> assets = new java.util.TreeMap<>();
    for (String asset : theme.assets()) {
      theme.asset(asset).ifPresent(bytes -> assets.put(asset, bytes));
    }
    Views views = new Views(dossier, versions(assets));
    Renderer out = new Renderer(sink, diagnostics);
    progress.stage("rendering", 3 + dossier.topics().size() + dossier.sources().size());
    out.page(HOME, "index.ftlh", views.home());
    progress.step();
    String listed = sink.remembers() ? listed(dossier) : "";
    out.listing(TIMELINE, "timeline.ftlh", listed, views::timeline);
    progress.step();
    out.listing(BIBLIOGRAPHY, "bibliography.ftlh", listed, views::bibliography);
    progress.step();
    // Pages are independent of one another: render them on every core. The sink sorts out
    // the order, so the result is the same whatever order they finish in.
    dossier.topics().parallelStream().forEach(topic -> {
      String path = topicPath(topic.id());
      out.page(path, "topic.ftlh", views.topicPage(topic, path));
      progress.step();
    });
    dossier.sources().parallelStream().forEach(source -> {
      String path = sourcePath(source.key());
      String document = documentKeys.get(source.file());
      if (document == null || !sink.remembers()) {
        out.page(path, "source.ftlh", views.sourcePage(source, path));
      } else {
        out.page(path, "source.ftlh", out.fingerprint("source.ftlh", views.sourcePageInputs(source, path, document)), () -> views.sourcePage(source, path));
      }
      progress.step();
    });
    assets.forEach((asset, bytes) -> sink.accept(asset, "", new Page(asset, bytes)));
    String whole = inputs.isEmpty() || !sink.remembers() ? "" : new Fingerprint(c -> "").add(salt).add(inputs).hex();
    // Each is made by one thread from the whole dossier: make them side by side, the exports on
    // one thread and the search index's term shards on this one, then its document shards on
    // both, each thread taking the next shard as it comes to them.
    progress.stage("exports and search index", 0);
    boolean searchReused = out.reused("search", whole);
    java.util.function.Consumer<Page> search = page -> sink.accept("search", whole, page);
    CompletableFuture<SearchIndex.DocShards> docShards = new CompletableFuture<>();
    AtomicReference<SearchIndex.Shards<String>> terms = new AtomicReference<>();
    sideBySide(
        () -> {
          out.streamed("exports", whole, () -> new Exports(dossier, views.backlinks(), sink, documentKeys).files());
          if (!searchReused) {
            docShards.join().help();
          }
        },
        () -> {
          if (!searchReused) {
            SearchIndex made;
            try {
              made = new SearchIndex(dossier, views.backlinks());
              docShards.complete(made.docShards(search, path -> sink.keep("search", whole, path)));
            } catch (Throwable e) {
              // Even an OutOfMemoryError: the other thread waits for the document shards.
              docShards.completeExceptionally(e);
              throw e;
            }
            terms.set(made.writeTermShards(search));
            docShards.join().help();
          }
        });
    if (!searchReused) {
      SearchIndex.Shards<SearchIndex.DocShard> documents = docShards.join().shards();
      search.accept(docShards.join().index().manifest(terms.get(), documents));
      // The search page names the index's version, so it is made with the index, as one unit.
      render("search.ftlh", views.search(SearchIndex.version(terms.get(), documents)).data(), diagnostics)
          .ifPresent(html -> search.accept(new Page(SEARCH, html.getBytes(StandardCharsets.UTF_8))));
    }
    // Without a base URL there is none: the build says so, where the index is or would be.
    dossier.baseUrl().ifPresent(base -> out.unit("feeds", whole, () -> new Feeds(dossier, base).pages(htmlPages(dossier))));
  }

  /**
   * A short fingerprint of what the pages that list the whole dossier list: the sources' keys
   * and the events' ids, in order, which a new, removed or renamed source or event changes.
   */
  private String listed(Dossier dossier) {
    Fingerprint listed = new Fingerprint(c -> "");
    dossier.sources().forEach(s -> listed.add(s.key()));
    dossier.events().forEach(e -> listed.add(e.id()));
    return listed.hex().substring(0, 8) + ":";
  }

  /**
   * Each asset's version: the start of a hash of its bytes, which pages put after its address
   * ({@code dossier.css?v=…}) so that a browser holding an older copy asks for this build's.
   */
  private static Map<String, String> versions(Map<String, byte[]> assets) {
    Map<String, String> versions = new java.util.HashMap<>();
    assets.forEach((asset, bytes) -> versions.put(asset, java.util.HexFormat.of().formatHex(SearchIndex.sha256().digest(bytes), 0, 6)));
    return versions;
  }

  /**
   * Runs {@code other} on another thread while {@code here} runs on this one, and returns when
   * both are done, throwing what either threw as if it had run here.
   */
  private static void sideBySide(Runnable other, Runnable here) {
    CompletableFuture<Void> started = CompletableFuture.runAsync(other);
    RuntimeException failed = null;
    try {
      here.run();
    } catch (RuntimeException e) {
      failed = e;
    }
    try {
      started.join();
    } catch (CompletionException e) {
      RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
      if (failed == null) {
        failed = cause;
      } else if (cause != failed) {
        failed.addSuppressed(cause);
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static final String HOME = "index.html";
  private static final String TIMELINE = "timeline.html";
  private static final String BIBLIOGRAPHY = "sources/index.html";
  private static final String SEARCH = "search.html";

  private static String topicPath(String id) {
    return "topics/" + id + ".html";
  }

  private static String sourcePath(String key) {
    return "sources/" + key + ".html";
  }

  /** The paths of the site's HTML pages, sorted, as the feeds and sitemap list them. */
  private static List<String> htmlPages(Dossier dossier) {
    List<String> html = new ArrayList<>(List.of(HOME, TIMELINE, BIBLIOGRAPHY, SEARCH));
    dossier.topics().forEach(t -> html.add(topicPath(t.id())));
    dossier.sources().forEach(s -> html.add(sourcePath(s.key())));
    html.sort(null);
    return html;
  }

  /** Renders into one sink, reusing what it can. */
  private final class Renderer {
    private final PageSink sink;
    private final Diagnostics diagnostics;

    Renderer(PageSink sink, Diagnostics diagnostics) {
      this.sink = sink;
      this.diagnostics = diagnostics;
    }

    void page(String path, String template, Views.PageModel model) {
      page(path, template, sink.remembers() ? fingerprint(template, model) : "", () -> model);
    }

    /** A page whose fingerprint is known before its data is made, and made only if the sink has no page for it. */
    void page(String path, String template, String fingerprint, java.util.function.Supplier<Views.PageModel> model) {
      if (sink.reuse(path, fingerprint)) {
        return;
      }
      render(template, model.get().data(), diagnostics).ifPresent(html -> sink.accept(path, fingerprint, new Page(path, html.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * A page that lists every source (the timeline, the bibliography): its data is as big as the
     * dossier, so its fingerprint costs about as much as rendering it, and any new, removed or
     * renamed source changes it. So when the last build's fingerprint of the page shows that
     * {@code listed} (what the page lists) has changed since, the page is rendered without one;
     * the fingerprint recorded for it then matches none, and the next build that lists the same
     * sources makes one again. A first build makes one, as for any page.
     */
    void listing(String path, String template, String listed, java.util.function.Supplier<Views.PageModel> data) {
      if (!sink.remembers()) {
        page(path, template, "", data);
        return;
      }
      Optional<String> last = sink.recorded(path);
      Views.PageModel model = data.get();
      if (last.isPresent() && !last.get().startsWith(listed)) {
        page(path, template, listed + "-", () -> model);
      } else {
        page(path, template, listed + fingerprint(template, model), () -> model);
      }
    }

    String fingerprint(String template, Views.PageModel model) {
      return new Fingerprint(model.citationInputs()).add(salt).add(template).add(model.data()).hex();
    }

    /** Files made together from the whole dossier, reused or made together. */
    void unit(String name, String fingerprint, java.util.function.Supplier<List<Page>> make) {
      if (!reused(name, fingerprint)) {
        make.get().forEach(page -> sink.accept(name, fingerprint, page));
      }
    }

    /** Like {@link #unit}, for files written as they are made. */
    void streamed(String name, String fingerprint, java.util.function.Supplier<Map<String, PageSink.Body>> make) {
      if (!reused(name, fingerprint)) {
        make.get().forEach((path, body) -> sink.accept(name, fingerprint, path, body));
      }
    }

    private boolean reused(String name, String fingerprint) {
      return !fingerprint.isEmpty() && sink.reuse(name, fingerprint);
    }
  }

  private Optional<String> render(String name, Map<String, Object> data, Diagnostics diagnostics) {
    try {
      Template template = freemarker.getTemplate(name);
      PageWriter out = PageWriter.take();
      try {
        template.process(data, out);
        return Optional.of(out.toString());
      } finally {
        out.giveBack();
      }
    } catch (TemplateNotFoundException e) {
      diagnostics.error(Position.file(theme.locate(name)), "template not found", "restore it or remove the override that hides it");
    } catch (ParseException e) {
      syntaxError(name, e, diagnostics);
    } catch (TemplateException e) {
      // A page importing a template (layout.ftlh) that does not parse fails "importing": the
      // syntax error in the imported file is the cause, and is what the curator must fix.
      Optional<ParseException> syntax = syntaxCause(e);
      if (syntax.isPresent()) {
        syntaxError(name, syntax.get(), diagnostics);
        return Optional.empty();
      }
      diagnostics.error(
          new Position(
              theme.locate(Optional.ofNullable(e.getTemplateSourceName()).orElse(name)),
              Optional.ofNullable(e.getLineNumber()).orElse(0),
              Optional.ofNullable(e.getColumnNumber()).orElse(0)),
          "template error: " + firstLine(e.getMessageWithoutStackTop()),
          firstLine(e.getMessageWithoutStackTop()).contains(Views.NO_SUCH_ASSET)
              ? "name a file of the theme's assets/ folder from the site's top, as in ${asset(\"assets/dossier.css\")}"
              : "check the name against the data the page gets, which the built-in template of the same name uses; give a value"
                  + " that may be missing a default, as in ${value!\"\"}, or test for it, as in <#if value??>");
    } catch (IOException e) {
      // FreeMarker remembers a template that failed to load, and says only that to every later
      // page using it: the syntax error is the cause, and is reported (once) as such.
      Optional<ParseException> syntax = syntaxCause(e);
      if (syntax.isPresent()) {
        syntaxError(name, syntax.get(), diagnostics);
      } else {
        diagnostics.error(Position.file(theme.locate(name)), "cannot read template: " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * Where a page is written: a StringWriter without its lock (a StringBuffer's), and one per
   * thread, used page after page. A new one for each page was a fifth of FreeMarker's time in a
   * profile of a large build: it was allocated, then copied into a wider one at the page's first
   * character beyond Latin-1 (a curly quote), and grown again for a long page.
   */
  private static final class PageWriter extends CharsWriter {
    /** Pages longer than this many characters (a big timeline) leave their writer to the collector. */
    private static final int KEPT_CHARS = 1 << 20;
    private static final ThreadLocal<PageWriter> SPARE = new ThreadLocal<>();

    private PageWriter() {
      super(32 * 1024);
    }

    /** This thread's writer, empty; a new one if it is in use (a page rendered while another is). */
    static PageWriter take() {
      PageWriter writer = SPARE.get();
      if (writer == null) {
        return new PageWriter();
      }
      SPARE.remove();
      writer.chars.setLength(0);
      return writer;
    }

    /** Done with: the next page on this thread may use it. */
    void giveBack() {
      if (chars.capacity() <= KEPT_CHARS) {
        SPARE.set(this);
      }
    }
  }

  private static Optional<ParseException> syntaxCause(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof ParseException syntax) {
        return Optional.of(syntax);
      }
    }
    return Optional.empty();
  }

  private void syntaxError(String name, ParseException e, Diagnostics diagnostics) {
    diagnostics.error(
        new Position(theme.locate(Optional.ofNullable(e.getTemplateName()).orElse(name)), e.getLineNumber(), e.getColumnNumber()),
        "template syntax: " + firstLine(e.getEditorMessage()),
        "fix the tag there; the built-in template of the same name shows the FreeMarker syntax the pages use");
  }

  /**
   * FreeMarker's message without its tips and stack: the first line, plus the expression at
   * fault ("==> nosuch.value") when it names one.
   */
  static String firstLine(String message) {
    String[] lines = (message == null ? "" : message.strip()).split("\n");
    String first = lines[0].strip();
    for (String line : lines) {
      if (line.startsWith("==> ")) {
        String expression = line.substring(4).replaceAll("\\s+\\[in template.*$", "").strip();
        return first + " " + expression;
      }
    }
    if (first.endsWith(":")) {
      // "Encountered "<", but was expecting one of these patterns:" and the patterns, one a line.
      List<String> listed = java.util.Arrays.stream(lines).skip(1).map(String::strip).filter(l -> !l.isEmpty()).toList();
      if (!listed.isEmpty()) {
        int shown = Math.min(listed.size(), EXPECTED_SHOWN);
        return first + " " + String.join(", ", listed.subList(0, shown)) + (listed.size() > shown ? " and " + (listed.size() - shown) + " more" : "");
      }
    }
    return first;
  }

  /** How many of the patterns a syntax error says it expected are named. */
  private static final int EXPECTED_SHOWN = 6;
}
