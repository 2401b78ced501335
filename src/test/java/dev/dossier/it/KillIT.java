package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build killed with SIGKILL while it writes leaves the previous site exactly as it was. */
class KillIT {

  @TempDir Path tmp;

  @Test
  void aBuildKilledMidwayLosesNothing() throws Exception {
    Path dossier = Files.createDirectories(tmp.resolve("big"));
    for (int i = 0; i < 1500; i++) {
      Files.writeString(dossier.resolve(String.format("doc-%04d.md", i)), article(i, "first"));
    }
    Path out = tmp.resolve("out");
    assertThat(Jar.run("build", dossier.toString(), "--out", out.toString()).exit()).isZero();
    Map<String, byte[]> before = SeedDossierIT.files(out);

    int killedWhileWriting = 0;
    for (int attempt = 0; attempt < 5 && killedWhileWriting == 0; attempt++) {
      Files.writeString(dossier.resolve("doc-0000.md"), article(0, "changed " + attempt));
      Process build = start(dossier, out);
      while (build.isAlive() && staging(out).isEmpty()) {
        Thread.sleep(2);
      }
      if (build.isAlive()) {
        build.destroyForcibly();
        build.waitFor(30, TimeUnit.SECONDS);
        killedWhileWriting++;
      }
      build.waitFor(120, TimeUnit.SECONDS);
      if (killedWhileWriting == 0) {
        // The build won the race and finished; the new site is the one to protect next.
        before = SeedDossierIT.files(out);
      }
    }
    assertThat(killedWhileWriting).as("a build was killed while writing its staging folder").isPositive();
    Map<String, byte[]> after = SeedDossierIT.files(out);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    Map<String, byte[]> expected = before;
    after.forEach((path, bytes) -> assertThat(bytes).as(path).isEqualTo(expected.get(path)));

    assertThat(Jar.run("build", dossier.toString(), "--out", out.toString()).exit()).isZero();
    assertThat(staging(out)).as("the next build clears what the killed one left").isEmpty();
    assertThat(out.resolveSibling(".out.lock")).as("and takes the lock file the killed one left, then deletes it").doesNotExist();
    assertThat(Files.readString(out.resolve("sources/doc-0000.html"))).contains("changed");
  }

  private static String article(int i, String word) {
    StringBuilder text = new StringBuilder("---\ntitle: Article " + i + "\ndate: 2022-02-14\noutlet: Wire\n---\n");
    for (int p = 0; p < 6; p++) {
      text.append("Paragraph ").append(p).append(" of article ").append(i).append(", ").append(word)
          .append(", with enough words to look like a news paragraph about the embassy in Kyiv.\n\n");
    }
    return text.toString();
  }

  private static Process start(Path dossier, Path out) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Jar.JAR.toAbsolutePath().toString(), "build", dossier.toString(), "--out", out.toString()));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static List<Path> staging(Path out) throws IOException {
    try (Stream<Path> siblings = Files.list(out.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith("." + out.getFileName() + ".staging-")).toList();
    }
  }
}
