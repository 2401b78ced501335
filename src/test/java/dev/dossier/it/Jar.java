package dev.dossier.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs {@code target/dossier.jar} as a separate process, as a user would. */
final class Jar {

  /** What a run printed and how it ended. */
  record Run(int exit, String out, String err) {}

  static final Path ROOT = Path.of(System.getProperty("dossier.root", "."));
  static final Path JAR = Path.of(System.getProperty("dossier.jar", "target/dossier.jar"));

  private Jar() {}

  /** A copy of the seed dossier (its documents and index, not its build cache) in {@code dir}/seeds, to build and edit. */
  static Path copyOfTheSeeds(Path dir) throws IOException {
    Path copy = Files.createDirectories(dir.resolve("seeds"));
    try (Stream<Path> files = Files.list(ROOT.resolve("seeds"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  static Run run(String... args) throws IOException, InterruptedException {
    return runIn(ROOT, args);
  }

  /** Runs the jar in {@code dir}, where relative paths among {@code args} start from. */
  static Run runIn(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("dossier-out", ".txt");
    Path err = Files.createTempFile("dossier-err", ".txt");
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("dossier " + String.join(" ", args) + " did not finish in 120 s");
    }
    Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return run;
  }
}
