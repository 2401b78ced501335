package dev.dossier.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.render.Page;
import dev.dossier.render.Theme;
import dev.dossier.site.Build;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewTest {

  @TempDir Path tmp;
  private Path dossier;
  private Preview preview;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws IOException {
    dossier = Files.createDirectories(tmp.resolve("seeds"));
    try (Stream<Path> files = Files.list(Path.of("seeds"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dossier.resolve(f.getFileName()));
      }
    }
    preview = new Preview(dossier, List.of(dossier), new Build(false, Optional.empty()), Theme::builtIn, "127.0.0.1", 0, (d, build, changed) -> {}, PreviewTest::shown);
  }

  @AfterEach
  void stop() throws IOException {
    preview.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheSiteWithTheReloadScriptOnlyInServedPages() throws Exception {
    HttpResponse<String> home = get("/");
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Kyiv, winter 2022").contains("<script src=\"/__dossier/reload.js\" data-build=\"1\" defer></script>")
        .contains("connect-src 'self'");
    assertThat(get("/sources/cnn-2022-02-14.html").body()).contains("id=\"p1\"");
    assertThat(get("/assets/dossier.css").headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    assertThat(get("/nothing.html").statusCode()).isEqualTo(404);
    // A folder without its slash is redirected, as static hosts do; the client follows no redirect here.
    HttpResponse<String> folder = get("/sources");
    assertThat(folder.statusCode()).isEqualTo(301);
    assertThat(folder.headers().firstValue("Location")).contains("/sources/");
    for (Page page : new Build().run(dossier, Theme.builtIn()).pages()) {
      assertThat(new String(page.bytes(), StandardCharsets.UTF_8)).as(page.path()).doesNotContain("__dossier");
    }
  }

  @Test
  void anEditToTheIndexShowsWithoutRestarting() throws Exception {
    CompletableFuture<List<String>> reload = CompletableFuture.supplyAsync(this::awaitReloadEvent);
    Thread.sleep(200);
    Path index = dossier.resolve("index.yml");
    long saved = System.nanoTime();
    Files.writeString(index, Files.readString(index).replace("title: \"Kyiv, winter 2022: the US Embassy drawdown\"", "title: \"Kyiv, winter 2022: edited\""));
    String body = "";
    // The target is two seconds (ServeBrowserIT prints the figure); the limit here is generous
    // because a shared machine makes any timing noisy.
    while (System.nanoTime() - saved < TimeUnit.SECONDS.toNanos(10) && !body.contains("Kyiv, winter 2022: edited")) {
      Thread.sleep(50);
      body = get("/index.html").body();
    }
    assertThat(body).contains("Kyiv, winter 2022: edited");
    // The stream says first which build is shown, then tells of the next.
    assertThat(reload.get(10, TimeUnit.SECONDS)).isEqualTo(List.of("build 1", "reload reload"));
    // A page says the build it was served from, and a stream opened now says the same: a page
    // shown again after the rebuild, or one served just before it, can tell it is out of date.
    java.util.regex.Matcher served = java.util.regex.Pattern.compile("<script src=\"/__dossier/reload.js\" data-build=\"(\\d+)\" defer>").matcher(body);
    assertThat(served.find()).as(body).isTrue();
    assertThat(Integer.parseInt(served.group(1))).isGreaterThan(1);
    assertThat(events(1)).containsExactly("build " + served.group(1));
  }

  /** Each rebuild names the files whose change started it, for the console; the first build names none. */
  @Test
  void aRebuildNamesTheFilesThatChanged() throws Exception {
    preview.close();
    java.util.concurrent.BlockingQueue<List<String>> builds = new java.util.concurrent.LinkedBlockingQueue<>();
    preview = new Preview(dossier, List.of(dossier), new Build(false, Optional.empty()), Theme::builtIn, "127.0.0.1", 0,
        (d, build, changed) -> builds.add(changed), PreviewTest::shown);
    assertThat(builds.poll(10, TimeUnit.SECONDS)).isEmpty();
    Path index = dossier.resolve("index.yml");
    Files.writeString(index, Files.readString(index).replace("title: \"Kyiv, winter 2022: the US Embassy drawdown\"", "title: \"Kyiv, winter 2022: edited\""));
    assertThat(builds.poll(10, TimeUnit.SECONDS)).containsExactly("index.yml");
  }

  /** A save while the first build runs is not lost: the preview builds again once that build is done. */
  @Test
  void anEditSavedDuringTheFirstBuildShows() throws Exception {
    preview.close();
    Path index = dossier.resolve("index.yml");
    java.util.concurrent.atomic.AtomicBoolean saved = new java.util.concurrent.atomic.AtomicBoolean();
    // The console is told of the first build before the preview serves it: the index is saved
    // then, after that build has read it.
    Preview.Report report = (d, build, changed) -> {
      if (saved.compareAndSet(false, true)) {
        try {
          Files.writeString(index, Files.readString(index).replace("title: \"Kyiv, winter 2022: the US Embassy drawdown\"", "title: \"Kyiv, winter 2022: saved meanwhile\""));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    };
    preview = new Preview(dossier, List.of(dossier), new Build(false, Optional.empty()), Theme::builtIn, "127.0.0.1", 0, report, PreviewTest::shown);
    awaitHome(body -> body.contains("Kyiv, winter 2022: saved meanwhile"));
  }

  @Test
  void aFailedRebuildShowsItsDiagnosticsInsteadOfAStalePage() throws Exception {
    Path index = dossier.resolve("index.yml");
    Files.writeString(index, Files.readString(index).replace("\"the safety of our staff\"", "\"the safety of all our staff\""));
    HttpResponse<String> page = get("/index.html");
    for (int i = 0; i < 200 && page.statusCode() != 500; i++) {
      Thread.sleep(50);
      page = get("/index.html");
    }
    assertThat(page.statusCode()).isEqualTo(500);
    assertThat(page.body()).contains("The last build failed").contains("quote not found").contains("the safety of all our staff")
        .contains("/__dossier/reload.js");
  }

  /** A templates folder made while serving is used, and one moved aside again is not; the preview keeps rebuilding throughout. */
  @Test
  void aTemplatesFolderMadeOrRemovedWhileServingIsFollowed() throws Exception {
    preview.close();
    Path templates = dossier.resolve("templates");
    preview = new Preview(dossier, List.of(dossier), new Build(false, Optional.empty()), () -> new Theme(List.of(templates)), "127.0.0.1", 0, (d, build, changed) -> {}, PreviewTest::shown);
    assertThat(get("/index.html").body()).doesNotContain("Overridden home");

    Files.createDirectories(templates);
    Files.writeString(templates.resolve("index.ftlh"), Files.readString(Path.of("templates/index.ftlh")).replaceFirst("</h1>", "</h1><p>Overridden home</p>"));
    awaitHome(body -> body.contains("Overridden home"));

    Path aside = Files.move(templates, tmp.resolve("aside"));
    Path index = dossier.resolve("index.yml");
    Files.writeString(index, Files.readString(index).replace("title: \"Kyiv, winter 2022: the US Embassy drawdown\"", "title: \"Kyiv, winter 2022: edited\""));
    awaitHome(body -> body.contains("Kyiv, winter 2022: edited") && !body.contains("Overridden home"));
    assertThat(aside.resolve("index.ftlh")).exists();
  }

  /**
   * A path is percent-decoded as a URL's path is, not as a form: a "+" is a plus sign, so an
   * asset whose name has one is served ("Noto+Sans.woff2"), as a static host serves it.
   */
  @Test
  void aPlusInAPathIsAPlusSign() throws Exception {
    preview.close();
    Path templates = Files.createDirectories(tmp.resolve("theme/assets")).getParent();
    Files.writeString(templates.resolve("assets/Noto+Sans.woff2"), "plus");
    Files.writeString(templates.resolve("assets/Noto Sans.woff2"), "space");
    preview = new Preview(dossier, List.of(dossier), new Build(false, Optional.empty()), () -> new Theme(List.of(templates)), "127.0.0.1", 0, (d, build, changed) -> {}, PreviewTest::shown);
    assertThat(get("/assets/Noto+Sans.woff2").body()).isEqualTo("plus");
    assertThat(get("/assets/Noto%2BSans.woff2").body()).isEqualTo("plus");
    assertThat(get("/assets/Noto%20Sans.woff2").body()).isEqualTo("space");
  }

  /** A HEAD of the event stream is answered with its headers alone, and the JDK's server has nothing to warn of on the console. */
  @Test
  void aHeadOfTheEventStreamIsAnsweredQuietly() throws Exception {
    java.util.logging.Logger server = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    List<java.util.logging.LogRecord> warned = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.logging.Handler handler = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
          warned.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    server.addHandler(handler);
    try {
      HttpResponse<Void> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + PreviewServer.EVENTS))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      assertThat(get("/index.html").statusCode()).isEqualTo(200);
      assertThat(warned).extracting(java.util.logging.LogRecord::getMessage).isEmpty();
    } finally {
      server.removeHandler(handler);
    }
  }

  /**
   * A templates folder outside the dossier (--templates) moved aside is noticed by itself, with
   * nothing else saved, and so is its coming back: the folder that holds it is watched for it.
   */
  @Test
  void aTemplatesFolderOutsideTheDossierMovedAsideAndBackIsFollowed() throws Exception {
    preview.close();
    Path templates = Files.createDirectories(tmp.resolve("theme"));
    Files.writeString(templates.resolve("index.ftlh"), Files.readString(Path.of("templates/index.ftlh")).replaceFirst("</h1>", "</h1><p>Overridden home</p>"));
    preview = new Preview(dossier, List.of(dossier, templates), new Build(false, Optional.empty()), () -> new Theme(List.of(templates)), "127.0.0.1", 0,
        (d, build, changed) -> {}, PreviewTest::shown);
    assertThat(get("/index.html").body()).contains("Overridden home");

    Path aside = Files.move(templates, tmp.resolve("aside"));
    awaitHome(body -> body.contains("Kyiv, winter 2022") && !body.contains("Overridden home"));
    Files.move(aside, templates);
    awaitHome(body -> body.contains("Overridden home"));
  }

  /** The problems as the console would show them: here, one line each. */
  private static String shown(List<dev.dossier.diag.Diagnostic> problems) {
    return String.join("\n", problems.stream().map(dev.dossier.diag.Diagnostic::headline).toList());
  }

  private void awaitHome(java.util.function.Predicate<String> shows) throws Exception {
    String body = "";
    for (int i = 0; i < 200 && !shows.test(body); i++) {
      Thread.sleep(50);
      body = get("/index.html").body();
    }
    assertThat(shows.test(body)).as(body).isTrue();
  }

  @Test
  void refusesPathsOutsideTheSite() throws Exception {
    for (String path : List.of("/../pom.xml", "/%2e%2e/pom.xml", "/sources/../../seeds/index.yml", "/..%5cpom.xml")) {
      assertThat(rawStatus(path)).as(path).isEqualTo(403);
    }
    assertThat(PreviewServer.isInside("/sources/a.html")).isTrue();
  }

  /**
   * A page elsewhere whose name was made to lead to this machine (DNS rebinding) asks with its
   * own name: the preview, which holds every document's text, refuses it.
   */
  @Test
  void answersOnlyToTheNamesItIsServedAt() throws Exception {
    for (String host : List.of("127.0.0.1", "localhost:" + preview.port(), "LOCALHOST", "[::1]:" + preview.port())) {
      assertThat(rawStatus("/index.html", host)).as(host).isEqualTo(200);
    }
    for (String host : List.of("attacker.example", "attacker.example:" + preview.port(), "127.0.0.1.attacker.example")) {
      assertThat(rawStatus("/dossier.json", host)).as(host).isEqualTo(403);
    }
    assertThat(PreviewServer.hostName("::1")).isEqualTo("[::1]");
    assertThat(PreviewServer.hostName("[::1]:8000")).isEqualTo("[::1]");
    assertThat(PreviewServer.hostName("Example.org:80")).isEqualTo("example.org");
  }

  /** What is not a GET or a HEAD is refused, saying which are allowed; a theme's images and fonts go with their types. */
  @Test
  void refusesOtherMethodsSayingWhichAreAllowedAndTypesAThemesFiles() throws Exception {
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + "/index.html"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(PreviewServer.contentType("assets/logo.PNG")).isEqualTo("image/png");
    assertThat(PreviewServer.contentType("assets/serif.woff2")).isEqualTo("font/woff2");
    assertThat(PreviewServer.contentType("assets/data.bin")).isEqualTo("application/octet-stream");
  }

  private int rawStatus(String path) throws IOException {
    return rawStatus(path, "127.0.0.1");
  }

  /** Sends the path exactly as given: HTTP clients would tidy "..", a hostile one will not. */
  private int rawStatus(String path, String host) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", preview.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(status.split(" ")[1]);
    }
  }

  /** The events of a new stream, each as "name data", up to the first reload. */
  private List<String> awaitReloadEvent() {
    return events(Integer.MAX_VALUE);
  }

  /** The first {@code count} events of a new stream, each as "name data", or up to the first reload. */
  private List<String> events(int count) {
    List<String> seen = new java.util.ArrayList<>();
    try {
      HttpResponse<java.io.InputStream> events = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + PreviewServer.EVENTS)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
        String name = "";
        for (String line; seen.size() < count && (line = lines.readLine()) != null; ) {
          if (line.startsWith("event: ")) {
            name = line.substring(7);
          } else if (line.startsWith("data: ")) {
            seen.add(name + " " + line.substring(6));
            if (name.equals("reload")) {
              break;
            }
          }
        }
      }
    } catch (IOException | InterruptedException e) {
      seen.add(e.toString());
    }
    return seen;
  }
}
