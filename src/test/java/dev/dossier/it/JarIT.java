package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a process: exit codes, messages, and a bad quote caught with its position. */
class JarIT {

  @TempDir Path tmp;

  @Test
  void versionComesFromTheManifest() throws Exception {
    Jar.Run run = Jar.run("--version");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).matches("dossier \\d+\\.\\d+\\.\\d+\\s*");
  }

  @Test
  void wrongUsageExitsWithTwo() throws Exception {
    Jar.Run run = Jar.run("build", "--frobnicate");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--frobnicate'");
  }

  /** Run from inside a dossier, "dossier build" looks for seeds/ and says to give "." instead. */
  @Test
  void runFromInsideADossierTheMissingDefaultFolderSuggestsThisOne() throws Exception {
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Jar.Run run = Jar.runIn(dossier, "check");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no dossier folder at seeds; give the folder that holds the documents and index.yml"
        + " (this folder has an index.yml: dossier check .)");
    assertThat(Jar.runIn(dossier, "check", ".").exit()).isZero();
    // add's folder comes after the file; a folder the user named is not second-guessed.
    assertThat(Jar.runIn(dossier, "add", "nothing.txt").err()).contains("(this folder has an index.yml: dossier add FILE .)");
    assertThat(Jar.runIn(dossier, "check", "sedes").err()).contains("no dossier folder at sedes").doesNotContain("this folder has");
  }

  @Test
  void aQuoteThatIsNotInItsSourceFailsTheBuildAtTheCitation() throws Exception {
    Path dossier = copySeeds();
    Path index = dossier.resolve("index.yml");
    String good = "\"ordering employees at its embassy in Kyiv to depart Ukraine\"";
    String text = Files.readString(index);
    assertThat(text).contains(good);
    Files.writeString(index, text.replace(good, "\"ordering all employees at its embassy in Kyiv to depart Ukraine\""));
    List<String> lines = Files.readAllLines(index);
    int line = 0;
    while (!lines.get(line).contains("ordering all employees")) {
      line++;
    }
    int column = lines.get(line).indexOf("@buzzfeed-2022-02-12 ¶1 \"ordering all") + 1;

    Path out = tmp.resolve("out");
    assertThat(Jar.run("build", "seeds", "--out", out.toString()).exit()).isZero();
    Map<String, byte[]> before = SeedDossierIT.files(out);
    Jar.Run run = Jar.run("build", dossier.toString(), "--out", out.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .contains(dossier + "/index.yml:" + (line + 1) + ":" + column
            + ": error: quote not found in paragraph 1 of \"buzzfeed-2022-02-12\": \"ordering all employees at its embassy in Kyiv to depart Ukraine\"")
        .contains("closest passage the source contains is in ¶1: \"ordering employees at its embassy in Kyiv to depart Ukraine")
        .doesNotContain("Exception");
    Map<String, byte[]> after = SeedDossierIT.files(out);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("seeds", "out");
    }
  }

  @Test
  void refusesToDeleteFilesItDidNotWrite() throws Exception {
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("notes.txt"), "my notes");
    Jar.Run run = Jar.run("build", "seeds", "--out", out.toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("holds files dossier did not write").contains("notes.txt").contains("--force");
    assertThat(out.resolve("notes.txt")).hasContent("my notes");
    assertThat(Jar.run("build", "seeds", "--out", out.toString(), "--force").exit()).isZero();
    assertThat(out.resolve("index.html")).isRegularFile();
    assertThat(out.resolve("notes.txt")).doesNotExist();
  }

  @Test
  void aSecondBuildIntoTheSameFolderWaitsForTheFirstToFinish() throws Exception {
    Path out = tmp.resolve("site");
    assertThat(Jar.run("build", "seeds", "--out", out.toString()).exit()).isZero();
    Map<String, byte[]> before = SeedDossierIT.files(out);
    Path log = tmp.resolve("build.log");
    Path lockFile = tmp.resolve(".site.lock");
    Process build;
    // This test stands for a build under way: it holds the lock as that build's process does,
    // through OutputLock, which reads the file back after locking it (a read whose closing once
    // gave the operating system's lock up, so that a second build went ahead at once).
    try (dev.dossier.site.OutputLock held = dev.dossier.site.OutputLock.take(out, () -> {
      throw new AssertionError("nobody else holds it");
    })) {
      assertThat(lockFile).exists();
      build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          Jar.JAR.toAbsolutePath().toString(), "build", "seeds", "--out", out.toString(), "--no-cache")
          .directory(Jar.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      String said = "";
      for (int i = 0; i < 300 && !said.contains("waiting for another build"); i++) {
        Thread.sleep(100);
        said = Files.readString(log);
      }
      assertThat(said).contains("waiting for another build into " + out + " to finish (it holds .site.lock)");
      Thread.sleep(500);
      assertThat(build.isAlive()).as("the second build waits").isTrue();
      Map<String, byte[]> meanwhile = SeedDossierIT.files(out);
      assertThat(meanwhile.keySet()).isEqualTo(before.keySet());
    }
    assertThat(build.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(log)).contains("built " + out);
    assertThat(lockFile).as("the lock file goes with the build that held it last").doesNotExist();
    assertThat(SeedDossierIT.files(out).keySet()).isEqualTo(before.keySet());
  }

  /**
   * A failed build's page in serve shows the errors as the console does: the folder as named, the
   * line and a caret; the console says the build failed, and says so again when a fix lands.
   */
  @Test
  void serveShowsAFailedBuildAsTheConsoleDoes() throws Exception {
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Path index = dossier.resolve("index.yml");
    Files.writeString(index, Files.readString(index).replace("\"the safety of our staff\"", "\"the safety of all our staff\""));
    Path log = tmp.resolve("serve-failed.log");
    Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Jar.JAR.toAbsolutePath().toString(), "serve", "seeds", "--port", "0")
        .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String line = "";
      for (int i = 0; i < 300 && !line.contains("serving "); i++) {
        Thread.sleep(100);
        line = Files.readAllLines(log).stream().filter(l -> l.startsWith("serving ")).findFirst().orElse("");
      }
      String url = line.substring(line.indexOf("http://"), line.indexOf("/ (") + 1);
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "index.html")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(500);
      String shown = org.jsoup.Jsoup.parse(response.body()).selectFirst("pre").wholeText();
      assertThat(shown).containsPattern("seeds/index\\.yml:\\d+:\\d+: error: quote not found")
          .contains("the safety of all our staff").containsPattern("\\n +\\^");
      assertThat(Files.readString(log)).contains(shown.lines().filter(l -> l.contains("error: quote not found")).findFirst().orElseThrow())
          .contains("build failed; the preview shows its errors until a build succeeds").doesNotContain("built: the preview is up to date");
      // Fixed: the console says so, and the page is the page again.
      Files.writeString(index, Files.readString(index).replace("\"the safety of all our staff\"", "\"the safety of our staff\""));
      for (int i = 0; i < 300 && !Files.readString(log).contains("built: the preview is up to date"); i++) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(log)).contains("built: the preview is up to date");
      assertThat(java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "index.html")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    } finally {
      serve.destroyForcibly();
    }
  }

  @Test
  void serveListensOnLoopbackAndStopsCleanly() throws Exception {
    Path log = tmp.resolve("serve.log");
    Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Jar.JAR.toAbsolutePath().toString(), "serve", "seeds", "--port", "0")
        .directory(Jar.ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      String line = "";
      for (int i = 0; i < 300 && !line.contains("serving "); i++) {
        Thread.sleep(100);
        line = Files.readAllLines(log).stream().filter(l -> l.startsWith("serving ")).findFirst().orElse("");
      }
      assertThat(line).startsWith("serving seeds at http://127.0.0.1:");
      String url = line.substring(line.indexOf("http://"), line.indexOf("/ (") + 1);
      var response = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "timeline.html")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("<h1>Timeline</h1>");
      serve.destroy();
      assertThat(serve.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readAllLines(log)).contains("stopping").noneMatch(l -> l.contains("Exception"));
    } finally {
      serve.destroyForcibly();
    }
  }

  private Path copySeeds() throws IOException {
    return Jar.copyOfTheSeeds(tmp);
  }
}
