package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.diag.Diagnostic;
import dev.dossier.render.Page;
import dev.dossier.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden dossiers: every folder under {@code src/test/resources/golden/} holds an {@code input/}
 * dossier and the {@code expected/} site it must build to, byte for byte. Run with
 * {@code -Dgolden.update=true} to rewrite the expected sites after an intended change, then
 * review the diff.
 */
class GoldenDossierTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> everyCaseBuildsToItsExpectedSite() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(cases).as("golden cases").isNotEmpty();
    return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir, Boolean.getBoolean("golden.update"))));
  }

  private static void check(Path dir, boolean update) throws IOException {
    Path input = dir.resolve("input");
    Path expected = dir.resolve("expected");
    assertThat(input).as("every golden case has an input/ folder").isDirectory();
    Build.Result first = new Build().run(input, new Theme(List.of(input.resolve("templates"))));
    assertThat(first.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline)).isEmpty();
    Map<String, String> built = asText(first.pages());
    if (update) {
      if (Files.exists(expected)) {
        SiteWriter.deleteTree(expected);
      }
      for (Page page : first.pages()) {
        Path file = expected.resolve(page.path());
        Files.createDirectories(file.getParent());
        Files.write(file, page.bytes());
      }
    }
    assertThat(expected).as("every golden case has an expected/ folder (run with -Dgolden.update=true)").isDirectory();
    assertThat(built).isEqualTo(BuildTest.snapshot(expected));
    Build.Result second = new Build().run(input, new Theme(List.of(input.resolve("templates"))));
    assertThat(asText(second.pages())).as("building twice gives the same bytes").isEqualTo(built);
  }

  @Test
  void aCaseWithoutItsPartnerFails() throws IOException {
    Path lonely = Files.createTempDirectory("golden");
    Files.createDirectories(lonely.resolve("input"));
    Files.writeString(lonely.resolve("input/a.txt"), "Text.");
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(lonely, false)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("expected/");
    } finally {
      SiteWriter.deleteTree(lonely);
    }
  }

  private static Map<String, String> asText(List<Page> pages) {
    Map<String, String> files = new TreeMap<>();
    for (Page p : pages) {
      files.put(p.path(), new String(p.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return files;
  }
}
