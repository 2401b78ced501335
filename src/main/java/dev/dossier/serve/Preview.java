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
  /** The dossier folder, whole: a changed file inside it is named from here. */
  private final Path root;
  private final List<Path> watched;
  private final Build build;
  /** The theme as the folders are at each build: a templates folder made or removed while serving counts. */
  private final java.util.function.Supplier<Theme> theme;
  private final Report report;
  private final java.util.function.Function<List<Diagnostic>, String> shown;
  private final PreviewServer server;
  private final WatchService watcher;
  /**
   * The folders that hold a watched folder outside the dossier (a templates folder given with
   * --templates), watched for that folder's name alone: its own watch does not see it made,
   * moved aside or deleted.
   */
  private final Map<WatchKey, Path> holders = new java.util.concurrent.ConcurrentHashMap<>();
  private final Thread loop;

  /** Where the console hears of each build. */
  @FunctionalInterface
  public interface Report {
    /**
     * @param diagnostics what the build said, or that watching stopped
     * @param build whether they are a build's (true), or say that watching stopped (false)
     * @param changed the files whose change started the build, as paths inside the dossier
     *     folder (or whole, outside it), sorted; none for the first build
     */
    void accept(List<Diagnostic> diagnostics, boolean build, List<String> changed);
  }

  /**
   * @param watched the folders whose changes trigger a rebuild (the dossier, its templates)
   * @param theme the theme for each build, made anew from the folders as they are then
   * @param report told the diagnostics of every build, for the console, with the files whose
   *     change started it; or that watching stopped, after which no build follows
   * @param shown a failed build's errors as the console shows them, for the page that replaces the site
   */
  public Preview(Path dir, List<Path> watched, Build build, java.util.function.Supplier<Theme> theme, String host, int port,
      Report report, java.util.function.Function<List<Diagnostic>, String> shown)
      throws IOException {
    this.shown = shown;
    this.dir = dir;
    this.root = dir.toAbsolutePath().normalize();
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
      this.server = new PreviewServer(host, port, snapshot(List.of()));
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

  private PreviewServer.Snapshot snapshot(List<String> changed) throws IOException {
    Build.Result result = build.run(dir, theme.get());
    report.accept(result.diagnostics(), true, changed);
    Map<String, Page> pages = new LinkedHashMap<>();
    result.pages().forEach(p -> pages.put(p.path(), p));
    List<Diagnostic> problems = result.failed() ? result.diagnostics().stream().filter(Diagnostic::isError).toList() : List.of();
    return new PreviewServer.Snapshot(pages, problems.isEmpty() ? Optional.empty() : Optional.of(shown.apply(problems)));
  }

  private void register(Path folder) throws IOException {
    Path whole = folder.toAbsolutePath().normalize();
    Path holder = whole.getParent();
    if (!whole.startsWith(root) && holder != null && Files.isDirectory(holder)) {
      holders.put(holder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE), whole);
    }
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
        Changes changes = new Changes();
        if (!drain(key, changes)) {
          continue;
        }
        // Let the rest of a save (editors write, rename, touch) arrive before building.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more, changes);
        }
        List<String> changed = changes.named();
        for (Path folder : watched) {
          register(folder);
        }
        try {
          server.show(snapshot(changed));
        } catch (IOException | RuntimeException e) {
          // A file or folder that went away while the build read it (a templates folder moved
          // aside), or a name the system cannot spell: said, and the next change builds again.
          List<Diagnostic> failed = List.of(new Diagnostic(".", 0, 0, dev.dossier.diag.Severity.ERROR,
              "the build could not read a file: " + e.getMessage(), java.util.Optional.of("the next change to the dossier builds it again")));
          report.accept(failed, true, changed);
          server.show(new PreviewServer.Snapshot(Map.of(), Optional.of(shown.apply(failed))));
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      report.accept(List.of(new Diagnostic(".", 0, 0, dev.dossier.diag.Severity.ERROR,
          "watching stopped: " + e.getMessage(), java.util.Optional.of("restart dossier serve"))), false, List.of());
    }
  }

  /** The files a burst of events named, by path as the console shows it. */
  private final class Changes {
    private final java.util.SortedMap<String, Path> files = new java.util.TreeMap<>();
    private final java.util.Set<String> created = new java.util.HashSet<>();

    void add(Path file, boolean create) {
      Path whole = file.toAbsolutePath().normalize();
      String name = (whole.startsWith(root) ? root.relativize(whole) : whole).toString().replace('\\', '/');
      files.put(name, whole);
      if (create) {
        created.add(name);
      }
    }

    /**
     * The files changed, less those made and gone again within the burst: an editor's or sed's
     * temporary file, written and renamed over the file it saves.
     */
    List<String> named() {
      return files.entrySet().stream()
          .filter(f -> !created.contains(f.getKey()) || Files.exists(f.getValue(), java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .map(java.util.Map.Entry::getKey).toList();
    }
  }

  /**
   * Takes the key's events, adding to {@code changes} each file they name that a build reads;
   * whether any of them concerns such a file (or may: an overflow names none).
   */
  private boolean drain(WatchKey key, Changes changes) {
    boolean relevant = false;
    Path held = holders.get(key);
    for (var event : key.pollEvents()) {
      if (held != null && !(event.context() instanceof Path p && held.getFileName().equals(p))) {
        continue; // another file beside the watched folder
      }
      if (!(event.context() instanceof Path p)) {
        relevant = true;
      } else if (!hidden(p)) {
        relevant = true;
        changes.add(key.watchable() instanceof Path folder ? folder.resolve(p) : p, event.kind() == StandardWatchEventKinds.ENTRY_CREATE);
      }
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
