package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemeTest {

  @TempDir Path tmp;

  /** A jar cannot be listed, so the theme names its files; a file added to templates/ must be named too. */
  @Test
  void theBuiltInListsNameEveryFileOfTheTheme() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("templates"))) {
      List<String> all = files.filter(Files::isRegularFile).map(f -> Path.of("templates").relativize(f).toString().replace('\\', '/')).sorted().toList();
      assertThat(Stream.concat(Theme.BUILT_IN_TEMPLATES.stream(), Theme.BUILT_IN_ASSETS.stream()).sorted().toList()).isEqualTo(all);
    }
  }

  /**
   * A regular expression that looks behind ({@code (?<=}, {@code (?<!}) is a syntax error to
   * Safari and iOS before 16.4, which then run none of the script: the search page would do
   * nothing. The browser tests run Chromium only, so the scripts are read for one here.
   */
  @Test
  void noScriptOfTheThemeLooksBehindForOlderSafariRefusesTheWholeScript() throws IOException {
    for (String script : List.of("templates/assets/search.js", "templates/assets/dossier.js")) {
      assertThat(Files.readString(Path.of(script))).as(script).doesNotContain("(?<=", "(?<!");
    }
  }

  @Test
  void theFingerprintChangesWithAnyFileOfAnOverride() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("templates"));
    Theme theme = new Theme(List.of(dir));
    String bare = theme.fingerprint();
    Files.writeString(dir.resolve("topic.ftlh"), "<p>${title}</p>");
    String withTemplate = theme.fingerprint();
    Files.createDirectories(dir.resolve("assets"));
    Files.writeString(dir.resolve("assets/extra.css"), "p {}");
    String withAsset = theme.fingerprint();
    assertThat(List.of(bare, withTemplate, withAsset)).doesNotHaveDuplicates();
    assertThat(theme.fingerprint()).as("the same files, the same fingerprint").isEqualTo(withAsset);
  }

  /** "./d" and "d" are one folder: its assets override the built-in ones however it is typed, and fingerprint the same. */
  @Test
  void anOverrideFolderTypedWithDotsIsTheSameFolder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d/templates/assets"));
    Files.writeString(dir.resolve("dossier.css"), "body { color: navy; }\n");
    Theme plain = new Theme(List.of(tmp.resolve("d/templates")));
    Theme dotted = new Theme(List.of(tmp.resolve("d/./templates")));
    Theme roundabout = new Theme(List.of(tmp.resolve("d/../d/templates")));
    // As typed on the command line: relative to the current folder, starting "./".
    Theme relative = new Theme(List.of(Path.of(".").resolve(Path.of("").toAbsolutePath().relativize(tmp.resolve("d/templates")))));
    for (Theme theme : List.of(plain, dotted, roundabout, relative)) {
      assertThat(theme.asset("assets/dossier.css")).hasValueSatisfying(b -> assertThat(new String(b, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("body { color: navy; }\n"));
    }
    assertThat(dotted.fingerprint()).isEqualTo(plain.fingerprint()).isEqualTo(roundabout.fingerprint()).isEqualTo(relative.fingerprint());
    // Moved elsewhere, the same files are the same theme.
    Path moved = Files.createDirectories(tmp.resolve("elsewhere/templates/assets"));
    Files.copy(dir.resolve("dossier.css"), moved.resolve("dossier.css"));
    assertThat(new Theme(List.of(tmp.resolve("elsewhere/templates"))).fingerprint()).isEqualTo(plain.fingerprint());
  }
}
