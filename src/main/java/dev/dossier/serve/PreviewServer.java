package dev.dossier.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dossier.render.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.jsoup.nodes.Entities;

/**
 * Serves the latest build from memory. HTML responses get a small reload script and a
 * Content-Security-Policy that lets it listen for rebuilds; the files a build writes never do.
 * When the latest build failed, every page shows its diagnostics instead of a stale site.
 */
public final class PreviewServer implements AutoCloseable {

  static final String EVENTS = "/__dossier/events";
  static final String RELOAD_JS = "/__dossier/reload.js";
  private static final String SCRIPT = """
      // Added by dossier serve, never written to the site: reload when the dossier is rebuilt.
      // A browser opens at most six connections to one server, and an open event stream holds
      // one: only a page on screen listens, so a seventh tab still loads. The stream first says
      // which build is shown; a page from an earlier one (rebuilt while it was hidden, or before
      // it connected) reloads.
      (function () {
        var build = document.currentScript.getAttribute("data-build");
        var source = null;
        function listen() {
          source = new EventSource("/__dossier/events");
          source.addEventListener("build", function (e) { if (e.data !== build) { location.reload(); } });
          source.addEventListener("reload", function () { location.reload(); });
        }
        document.addEventListener("visibilitychange", function () {
          if (document.hidden && source) {
            source.close();
            source = null;
          } else if (!document.hidden && !source) {
            listen();
          }
        });
        if (!document.hidden) {
          listen();
        }
      })();
      """;

  /**
   * The state the server shows: the pages of a good build, or the problems of a failed one.
   *
   * @param failure a failed build's errors as the console shows them (paths as the user named
   *     the folder, each with its line and a caret), for the page that stands in for every page
   */
  public record Snapshot(Map<String, Page> pages, Optional<String> failure) {}

  private final HttpServer server;
  /** The names a request's Host may give, as {@link #hostName} writes them, unless {@link #anyHost}. */
  private final java.util.Set<String> hosts;
  private final boolean anyHost;
  private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
  private volatile Shown shown;

  /** The build shown, and its number in the server's life: a page says the number it was served at. */
  private record Shown(Snapshot snapshot, int build) {}

  public PreviewServer(String host, int port, Snapshot first) throws IOException {
    this.shown = new Shown(first, 1);
    InetSocketAddress address = new InetSocketAddress(host, port);
    // A preview open to the network (--host 0.0.0.0) is asked for by any of the machine's names.
    this.anyHost = address.getAddress() != null && address.getAddress().isAnyLocalAddress();
    this.hosts = new java.util.TreeSet<>(java.util.List.of("localhost", "127.0.0.1", "[::1]", hostName(host)));
    this.server = HttpServer.create(address, 0);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "dossier-serve");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Shows a new build and tells open pages to reload. */
  public synchronized void show(Snapshot next) {
    this.shown = new Shown(next, shown.build() + 1);
    byte[] event = "event: reload\ndata: reload\n\n".getBytes(StandardCharsets.UTF_8);
    for (OutputStream out : listeners) {
      try {
        synchronized (out) {
          out.write(event);
          out.flush();
        }
      } catch (IOException e) {
        listeners.remove(out);
      }
    }
  }

  /** A host as a Host header names it: lower case, an IPv6 address in brackets, without the port. */
  static String hostName(String host) {
    String h = host.strip().toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[")) {
      return h.substring(0, h.indexOf(']') < 0 ? h.length() : h.indexOf(']') + 1);
    }
    if (h.indexOf(':') != h.lastIndexOf(':')) {
      return "[" + h + "]"; // an IPv6 address as given to --host
    }
    return h.indexOf(':') < 0 ? h : h.substring(0, h.indexOf(':'));
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      // A page elsewhere whose name was made to lead here (DNS rebinding) would send its own
      // name: the unpublished preview answers only to the names it is served at.
      String asked = exchange.getRequestHeaders().getFirst("Host");
      if (!anyHost && asked != null && !hosts.contains(hostName(asked))) {
        send(exchange, 403, "text/plain", ("refused: this preview answers to " + String.join(", ", hosts)
            + ", not to " + hostName(asked) + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      // Decoded as a URL's path, where "+" is a plus sign (URLDecoder decodes a form, where it is a space).
      String raw = exchange.getRequestURI().getRawPath();
      String path = raw == null || raw.isEmpty() ? "/" : exchange.getRequestURI().getPath();
      if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!isInside(path)) {
        send(exchange, 403, "text/plain", "refused: the path leaves the site\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals(EVENTS)) {
        listen(exchange);
        return;
      }
      if (path.equals(RELOAD_JS)) {
        send(exchange, 200, "text/javascript; charset=utf-8", SCRIPT.getBytes(StandardCharsets.UTF_8));
        return;
      }
      Shown shownNow = shown;
      Snapshot now = shownNow.snapshot();
      String name = path.substring(1);
      if (name.isEmpty() || name.endsWith("/")) {
        name += "index.html";
      }
      if (now.failure().isPresent() && name.endsWith(".html")) {
        send(exchange, 500, "text/html; charset=utf-8", problemsPage(now.failure().get(), shownNow.build()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      Page page = now.pages().get(name);
      if (page == null && now.pages().containsKey(name + "/index.html")) {
        // A folder named without its slash ("/sources"), as a static host redirects it.
        exchange.getResponseHeaders().add("Location", raw + "/");
        send(exchange, 301, "text/plain", ("moved to " + path + "/\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (page == null) {
        send(exchange, 404, "text/plain", ("not found: " + name + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = name.endsWith(".html") ? withReload(page.bytes(), shownNow.build()) : page.bytes();
      send(exchange, 200, contentType(name), body);
    }
  }

  /** No ".." segment, no backslash, no NUL: the path names something inside the site. */
  static boolean isInside(String path) {
    if (!path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
  }

  private void listen(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (exchange.getRequestMethod().equals("HEAD")) {
      // The headers alone: a stream's length of 0 ("chunked") on a HEAD made the JDK's server
      // print a warning on the console.
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    // Which build is shown, said after joining the listeners: a build shown meanwhile is told
    // as a reload if not here. Each write to a stream holds it, as show() writes from its thread.
    listeners.add(out);
    // Then hold the connection open until the server closes or the browser goes away.
    try {
      synchronized (out) {
        out.write((": connected\n\nevent: build\ndata: " + shown.build() + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
      while (listeners.contains(out)) {
        Thread.sleep(15_000);
        synchronized (out) {
          out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (IOException | InterruptedException e) {
      listeners.remove(out);
    }
  }

  /** The page as built, plus the reload script, with the policy opened just enough for it. */
  static byte[] withReload(byte[] html, int build) {
    String page = new String(html, StandardCharsets.UTF_8)
        .replace("connect-src 'none'", "connect-src 'self'")
        .replaceFirst("</head>", "<script src=\"" + RELOAD_JS + "\" data-build=\"" + build + "\" defer></script>\n</head>");
    return page.getBytes(StandardCharsets.UTF_8);
  }

  static String problemsPage(String shown, int build) {
    StringBuilder out = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Build failed · dossier serve</title>
        <script src="RELOAD" data-build="BUILD" defer></script></head>
        <body><h1>The last build failed</h1><p>Fix these and save; this page reloads by itself.</p><pre>
        """.replace("RELOAD", RELOAD_JS).replace("BUILD", Integer.toString(build)));
    out.append(Entities.escape(shown.strip()));
    return out.append("</pre></body></html>\n").toString();
  }

  static String contentType(String name) {
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "json" -> "application/json";
      case "xml" -> "application/xml";
      case "svg" -> "image/svg+xml";
      case "bib", "txt" -> "text/plain; charset=utf-8";
      // What a theme may add beside its style sheet: images and fonts.
      case "png" -> "image/png";
      case "jpg", "jpeg" -> "image/jpeg";
      case "gif" -> "image/gif";
      case "webp" -> "image/webp";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      case "woff" -> "font/woff";
      default -> "application/octet-stream";
    };
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    listeners.clear();
    server.stop(0);
  }
}
