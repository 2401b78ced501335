package dev.dossier.serve;

import dev.dossier.diag.Diagnostic;
import dev.dossier.render.Page;
import dev.dossier.render.Theme;
import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Builds a dossier in memory, serves it, and rebuilds whenever a document, the index or a
 * template changes: the loop behind {@code dossier serve}.
 */
public final class Preview implements AutoCloseable {

  /** Saves arrive as bursts of events; one rebuild per burst. */
  private static final long SETTLE_MILLIS = 150;

  private final Path dir;
  private final List<Path> watched;
  private final Build build;
  /** The theme as the folders are at each build: a templates folder made or removed while serving counts. */
  private final java.util.function.Supplier<Theme> theme;
  private final java.util.function.BiConsumer<List<Diagnostic>, Boolean> report;
  private final java.util.function.Function<List<Diagnostic>, String> shown;
  private final PreviewServer server;
  private final WatchService watcher;
  private final Thread loop;

  /**
   * @param watched the folders whose changes trigger a rebuild (the dossier, its templates)
   * @param theme the theme for each build, made anew from the folders as they are then
   * @param report told the diagnostics of every build, for the console, and whether they are a
   *     build's (true), or say that watching stopped (false), after which no build follows
   * @param shown a failed build's errors as the console shows them, for the page that replaces the site
   */
  public Preview(Path dir, List<Path> watched, Build build, java.util.function.Supplier<Theme> theme, String host, int port,
      java.util.function.BiConsumer<List<Diagnostic>, Boolean> report, java.util.function.Function<List<Diagnostic>, String> shown)
      throws IOException {
    this.shown = shown;
    this.dir = dir;
    this.watched = watched;
    this.build = build;
    this.theme = theme;
    this.report = report;
    // Watched before the first build, so that a save while it runs rebuilds once it is done.
    this.watcher = FileSystems.getDefault().newWatchService();
    try {
      for (Path folder : watched) {
        register(folder);
      }
      this.server = new PreviewServer(host, port, snapshot());
    } catch (IOException | RuntimeException e) {
      watcher.close();
      throw e;
    }
    this.loop = new Thread(this::watch, "dossier-watch");
    loop.setDaemon(true);
    loop.start();
  }

  public int port() {
    return server.port();
  }

  private PreviewServer.Snapshot snapshot() throws IOException {
    Build.Result result = build.run(dir, theme.get());
    report.accept(result.diagnostics(), true);
    Map<String, Page> pages = new LinkedHashMap<>();
    result.pages().forEach(p -> pages.put(p.path(), p));
    List<Diagnostic> problems = result.failed() ? result.diagnostics().stream().filter(Diagnostic::isError).toList() : List.of();
    return new PreviewServer.Snapshot(pages, problems.isEmpty() ? Optional.empty() : Optional.of(shown.apply(problems)));
  }

  private void register(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    Files.walkFileTree(folder, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes attributes) throws IOException {
        // Hidden folders (the build cache, version control) change when nothing was edited.
        if (!d.equals(folder) && hidden(folder.relativize(d))) {
          return java.nio.file.FileVisitResult.SKIP_SUBTREE;
        }
        try {
          d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (java.nio.file.NoSuchFileException e) {
          return java.nio.file.FileVisitResult.SKIP_SUBTREE; // moved or deleted as it was reached
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }

      @Override
      public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        if (e instanceof java.nio.file.NoSuchFileException) {
          return java.nio.file.FileVisitResult.CONTINUE;
        }
        throw e;
      }
    });
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        if (!drain(key)) {
          continue;
        }
        // Let the rest of a save (editors write, rename, touch) arrive before building.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        for (Path folder : watched) {
          register(folder);
        }
        try {
          server.show(snapshot());
        } catch (IOException | RuntimeException e) {
          // A file or folder that went away while the build read it (a templates folder moved
          // aside), or a name the system cannot spell: said, and the next change builds again.
          List<Diagnostic> failed = List.of(new Diagnostic(".", 0, 0, dev.dossier.diag.Severity.ERROR,
              "the build could not read a file: " + e.getMessage(), java.util.Optional.of("the next change to the dossier builds it again")));
          report.accept(failed, true);
          server.show(new PreviewServer.Snapshot(Map.of(), Optional.of(shown.apply(failed))));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      report.accept(List.of(new Diagnostic(".", 0, 0, dev.dossier.diag.Severity.ERROR,
          "watching stopped: " + e.getMessage(), java.util.Optional.of("restart dossier serve"))), false);
    }
  }

  /** Takes the key's events; whether any of them concerns a file a build reads. */
  private static boolean drain(WatchKey key) {
    boolean relevant = false;
    for (var event : key.pollEvents()) {
      relevant |= !(event.context() instanceof Path p) || !hidden(p);
    }
    key.reset();
    return relevant;
  }

  /** A path with a part whose name starts with a dot: an editor's swap file, the cache. */
  private static boolean hidden(Path path) {
    for (Path part : path) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    loop.interrupt();
    watcher.close();
    server.close();
  }
}
