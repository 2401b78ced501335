package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The seed dossier built by the jar into a folder, and the same folder served over HTTP: the two
 * ways a reader opens it, straight from disk and from a host.
 */
final class BuiltSite implements AutoCloseable {

  /** How the reader reaches the site. */
  enum Origin { FILE, HTTP }

  private final Path root;
  private final SiteServer server;

  private BuiltSite(Path root, SiteServer server) {
    this.root = root;
    this.server = server;
  }

  /** Builds the seed dossier into {@code folder/site} with a base URL and starts serving it. */
  static BuiltSite build(Path folder) throws Exception {
    Path root = folder.resolve("site");
    Jar.Run run = Jar.run("build", "seeds", "--out", root.toString(), "--base-url", "https://example.org/kyiv/");
    assertThat(run.exit()).as(run.err()).isZero();
    return new BuiltSite(root.toRealPath(), SiteServer.start(root));
  }

  /** Where the site starts for this origin: {@code file:///.../site/} or {@code http://127.0.0.1:PORT/}. */
  String base(Origin origin) {
    return origin == Origin.FILE ? root.toUri().toString() : server.base();
  }

  /** A page's URL, from its path relative to the site's root ({@code topics/x.html#p3}). */
  String url(Origin origin, String relative) {
    return base(origin) + relative;
  }

  /** The URL relative to the site's root, or null when it is not inside the site. */
  String relative(Origin origin, String url) {
    String base = base(origin);
    return url.startsWith(base) && !url.substring(base.length()).contains("..") ? url.substring(base.length()) : null;
  }

  /** Every .html page, relative to the root, sorted. */
  List<String> pages() {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".html"))
          .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder the site was built into. */
  Path root() {
    return root;
  }

  @Override
  public void close() {
    server.close();
  }
}
