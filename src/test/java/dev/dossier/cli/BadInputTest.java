package dev.dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * Bad-input fixtures: every folder under {@code src/test/resources/bad/} holds an {@code input/}
 * dossier with mistakes and {@code expected.txt}, the exact diagnostics {@code dossier check}
 * must print for it (paths relative to the input folder). Each must exit 1, unless it holds only
 * warnings, and never show a stack trace. {@code -Dbad.update=true} rewrites the expectations.
 */
class BadInputTest {

  private static final Path BAD = Path.of("src/test/resources/bad");

  /** What one run printed. */
  private record Run(int exit, String err) {}

  @TestFactory
  Stream<DynamicTest> everyMistakeIsReportedWithItsPlace() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(BAD)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).hasSizeGreaterThanOrEqualTo(15);
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private static void check(Path dir) throws IOException {
    Path input = dir.resolve("input");
    // Without the build cache, which would be written into the fixture, inside the source tree.
    Run run = run("check", "--no-cache", input.toString());
    List<String> headlines = Arrays.stream(run.err().split("\n"))
        .filter(line -> line.matches("^\\S.*: (error|warning): .*"))
        .map(line -> relative(line, input))
        .toList();
    Path expected = dir.resolve("expected.txt");
    if (Boolean.getBoolean("bad.update")) {
      Files.write(expected, headlines, StandardCharsets.UTF_8);
    }
    assertThat(headlines).as(run.err()).isEqualTo(Files.readAllLines(expected, StandardCharsets.UTF_8));
    assertThat(headlines).isNotEmpty();
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    boolean errors = headlines.stream().anyMatch(h -> h.contains(": error: "));
    assertThat(run.exit()).isEqualTo(errors ? Main.CONTENT_ERROR : 0);
    if (!errors) {
      Run strict = run("check", "--no-cache", "--strict", input.toString());
      assertThat(strict.exit()).as("warnings are errors with --strict").isEqualTo(Main.CONTENT_ERROR);
    }
  }

  /** A line's paths as from the dossier folder; the folder itself, named as given, as ".". */
  private static String relative(String line, Path input) {
    String folder = line.startsWith(input + ": ") ? "." + line.substring(input.toString().length()) : line;
    return folder.replace(input.toAbsolutePath() + "/", "").replace(input + "/", "");
  }

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, err.toString());
  }
}
