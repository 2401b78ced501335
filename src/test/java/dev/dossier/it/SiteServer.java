package dev.dossier.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * A built site served read-only over HTTP on 127.0.0.1 and an ephemeral port, the way a static
 * host serves it: GET and HEAD only, files only, nothing outside the site's folder. The site sits
 * in a sub-folder of the host ({@code /kyiv/}, like its base URL), so a request that climbs out of
 * it, or that a browser makes at the host's root (a {@code /favicon.ico}), is seen as leaving it.
 */
final class SiteServer implements AutoCloseable {

  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "json", "application/json",
      "xml", "application/xml",
      "bib", "text/plain; charset=utf-8",
      "svg", "image/svg+xml",
      "woff2", "font/woff2");

  static final String FOLDER = "/kyiv/";

  private final Path root;
  private final HttpServer server;

  private SiteServer(Path root, HttpServer server) {
    this.root = root;
    this.server = server;
  }

  static SiteServer start(Path root) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SiteServer site = new SiteServer(root.toRealPath(), server);
    server.createContext("/", site::handle);
    server.start();
    return site;
  }

  /** {@code http://127.0.0.1:PORT/kyiv/}, the site's root. */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + FOLDER;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "method not allowed");
        return;
      }
      // getPath() is the decoded path, so %2e%2e and %2f are seen for what they are.
      String path = exchange.getRequestURI().getPath();
      if (path == null || path.indexOf('\0') >= 0 || path.contains("\\")) {
        send(exchange, 400, "bad path");
        return;
      }
      if (!path.startsWith(FOLDER)) {
        send(exchange, 404, "not found");
        return;
      }
      String relative = path.substring(FOLDER.length());
      if (relative.isEmpty()) {
        relative = "index.html";
      }
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root)) {
        send(exchange, 403, "outside the site");
        return;
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        send(exchange, 404, "not found");
        return;
      }
      if (!file.toRealPath().startsWith(root)) {
        send(exchange, 403, "outside the site");
        return;
      }
      String name = file.getFileName().toString();
      String extension = name.substring(name.lastIndexOf('.') + 1);
      exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
      exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
      byte[] body = Files.readAllBytes(file);
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void send(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
