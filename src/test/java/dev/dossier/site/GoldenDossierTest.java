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
 * review the diff. The theme's assets are not kept there a second time: they must be the
 * theme's own files, byte for byte.
 */
class GoldenDossierTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String ASSETS = "assets/";

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
    Map<String, String> assets = new TreeMap<>(built);
    assets.keySet().removeIf(path -> !path.startsWith(ASSETS));
    built.keySet().removeAll(assets.keySet());
    for (Map.Entry<String, String> asset : assets.entrySet()) {
      Path override = input.resolve("templates").resolve(asset.getKey());
      Path source = Files.isRegularFile(override) ? override : Path.of("templates").resolve(asset.getKey());
      assertThat(asset.getValue()).as("%s is the theme's own file", asset.getKey()).isEqualTo(Files.readString(source));
    }
    assertThat(assets).as("the theme's assets are in the site").isNotEmpty();
    if (update) {
      if (Files.exists(expected)) {
        SiteWriter.deleteTree(expected);
      }
      for (Page page : first.pages().stream().filter(p -> !p.path().startsWith(ASSETS)).toList()) {
        Path file = expected.resolve(page.path());
        Files.createDirectories(file.getParent());
        Files.write(file, page.bytes());
      }
    }
    assertThat(expected).as("every golden case has an expected/ folder (run with -Dgolden.update=true)").isDirectory();
    assertThat(built).isEqualTo(BuildTest.snapshot(expected));
    Build.Result second = new Build().run(input, new Theme(List.of(input.resolve("templates"))));
    Map<String, String> again = asText(second.pages());
    again.keySet().removeIf(path -> path.startsWith(ASSETS));
    assertThat(again).as("building twice gives the same bytes").isEqualTo(built);
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
