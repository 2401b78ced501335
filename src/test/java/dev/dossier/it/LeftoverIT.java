package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build whose new site is in place but which cannot delete the last one (a folder of it made
 * read-only) says so, as a warning naming the folder left beside the site, and does not claim
 * the output was left as it was; the builds after it work, and delete the folder once they can.
 * Permissions bind only a user other than root, so the builds run as {@code nobody}.
 */
class LeftoverIT {

  @TempDir Path tmp;

  @Test
  void aLastSiteThatCannotBeDeletedIsAWarningAndTheNewSiteStands() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/sbin/runuser")),
        "needs root, to run the builds as another user");
    Path dir = Files.createDirectories(tmp.resolve("work"));
    Path seeds = Jar.copyOfTheSeeds(dir);
    Path jar = Files.copy(Jar.JAR, dir.resolve("dossier.jar"));
    chmod("a+rwX", tmp);
    Run first = asNobody(dir, jar, "build", "seeds", "--out", "out");
    assertThat(first.exit()).as(first.err()).isZero();

    retitle(seeds, "Kyiv, winter 2022: second build");
    chmod("555", dir.resolve("out/sources"));
    Run second = asNobody(dir, jar, "build", "seeds", "--out", "out");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(Files.readString(dir.resolve("out/index.html"))).contains("second build");
    assertThat(second.err()).contains("warning: the new site is in out, but this folder beside it, the last site moved aside, could not be deleted: permission denied")
        .containsPattern("\\.out\\.old-\\w+/sources/")
        .doesNotContain("leaves its output folder as it was").doesNotContain("Exception");
    List<Path> left = leftovers(dir);
    assertThat(left).hasSize(1);

    // The next build still works, and says the folder is still there.
    retitle(seeds, "Kyiv, winter 2022: third build");
    Run third = asNobody(dir, jar, "build", "seeds", "--out", "out");
    assertThat(third.exit()).as(third.err()).isZero();
    assertThat(Files.readString(dir.resolve("out/index.html"))).contains("third build");
    assertThat(third.err()).contains("could not be deleted: permission denied");

    // Once it can, a build deletes it, and says nothing of it.
    chmod("755", left.get(0).resolve("sources"));
    retitle(seeds, "Kyiv, winter 2022: fourth build");
    Run fourth = asNobody(dir, jar, "build", "seeds", "--out", "out");
    assertThat(fourth.exit()).as(fourth.err()).isZero();
    assertThat(fourth.err()).doesNotContain("could not be deleted");
    assertThat(leftovers(dir)).isEmpty();
  }

  private record Run(int exit, String err) {}

  private static void retitle(Path seeds, String title) throws IOException {
    Path index = seeds.resolve("index.yml");
    String text = Files.readString(index, StandardCharsets.UTF_8);
    Files.writeString(index, text.replaceFirst("(?m)^title: .*$", "title: \"" + title + "\""), StandardCharsets.UTF_8);
  }

  private static List<Path> leftovers(Path dir) throws IOException {
    try (Stream<Path> siblings = Files.list(dir)) {
      return siblings.filter(p -> p.getFileName().toString().startsWith(".out.")).toList();
    }
  }

  private static void chmod(String mode, Path path) throws Exception {
    assertThat(new ProcessBuilder("chmod", "-R", mode, path.toString()).inheritIO().start().waitFor()).isZero();
  }

  private static Run asNobody(Path dir, Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/sbin/runuser", "-u", "nobody", "--",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("dossier did not finish in 120 s");
    }
    String said = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    return new Run(process.exitValue(), said);
  }
}
