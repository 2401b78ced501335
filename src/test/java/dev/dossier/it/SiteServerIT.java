package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser tests' host serves the site's folder and nothing beside it. */
class SiteServerIT {

  @TempDir Path tmp;

  @Test
  void servesTheSiteReadOnlyAndNothingOutsideIt() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("site"));
    Files.writeString(root.resolve("index.html"), "<!DOCTYPE html><title>home</title>");
    Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(root.resolve("link.txt"), tmp.resolve("secret.txt"));
    Files.createSymbolicLink(root.resolve("up"), tmp);

    try (SiteServer server = SiteServer.start(root)) {
      int port = Integer.parseInt(server.base().replaceAll(".*:(\\d+)/.*", "$1"));
      assertThat(server.base()).isEqualTo("http://127.0.0.1:" + port + "/kyiv/");
      assertThat(raw(port, "GET /kyiv/index.html")).startsWith("HTTP/1.1 200").contains("text/html; charset=utf-8").endsWith("<title>home</title>");
      assertThat(raw(port, "GET /kyiv/")).startsWith("HTTP/1.1 200");
      assertThat(raw(port, "HEAD /kyiv/index.html")).startsWith("HTTP/1.1 200");
      assertThat(raw(port, "GET /kyiv/missing.html")).startsWith("HTTP/1.1 404");
      assertThat(raw(port, "POST /kyiv/index.html")).startsWith("HTTP/1.1 405");
      assertThat(raw(port, "PUT /kyiv/new.html")).startsWith("HTTP/1.1 405");
      for (String outside : new String[] {"/secret.txt", "/kyiv/../secret.txt", "/kyiv/%2e%2e/secret.txt",
          "/kyiv/..%2fsecret.txt", "/kyiv/link.txt", "/kyiv/up/secret.txt", "/favicon.ico"}) {
        assertThat(raw(port, "GET " + outside)).as(outside).matches("(?s)HTTP/1.1 40[34] .*").doesNotContain("secret\n").doesNotEndWith("secret");
      }
    }
    assertThat(root.resolve("new.html")).doesNotExist();
  }

  /** One request as written, not as an HTTP client would tidy it up (clients resolve "..", this does not). */
  private static String raw(int port, String requestLine) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
