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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
  private final Theme theme;
  private final Consumer<List<Diagnostic>> report;
  private final PreviewServer server;
  private final WatchService watcher;
  private final Thread loop;

  /**
   * @param watched the folders whose changes trigger a rebuild (the dossier, its templates)
   * @param report told the diagnostics of every build, for the console
   */
  public Preview(Path dir, List<Path> watched, Build build, Theme theme, String host, int port, Consumer<List<Diagnostic>> report)
      throws IOException {
    this.dir = dir;
    this.watched = watched;
    this.build = build;
    this.theme = theme;
    this.report = report;
    this.server = new PreviewServer(host, port, snapshot());
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path folder : watched) {
      register(folder);
    }
    this.loop = new Thread(this::watch, "dossier-watch");
    loop.setDaemon(true);
    loop.start();
  }

  public int port() {
    return server.port();
  }

  private PreviewServer.Snapshot snapshot() throws IOException {
    Build.Result result = build.run(dir, theme);
    report.accept(result.diagnostics());
    Map<String, Page> pages = new LinkedHashMap<>();
    result.pages().forEach(p -> pages.put(p.path(), p));
    List<Diagnostic> problems = result.failed() ? result.diagnostics().stream().filter(Diagnostic::isError).toList() : List.of();
    return new PreviewServer.Snapshot(pages, problems);
  }

  private void register(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(folder)) {
      // Hidden folders (the build cache, version control) change when nothing was edited.
      for (Path d : tree.filter(Files::isDirectory).filter(d -> d.equals(folder) || !hidden(folder.relativize(d))).toList()) {
        d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
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
        server.show(snapshot());
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      report.accept(List.of(new Diagnostic(dir.toString(), 0, 0, dev.dossier.diag.Severity.ERROR,
          "watching stopped: " + e.getMessage(), java.util.Optional.of("restart dossier serve"))));
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
