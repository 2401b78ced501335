package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.render.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteWriterTest {

  @TempDir Path tmp;

  private static Page page(String path, String text) {
    return new Page(path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesPagesAndAManifestOfThem() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home"), page("topics/a.html", "a")), out);
    assertThat(out.resolve("topics/a.html")).hasContent("a");
    assertThat(Files.readAllLines(out.resolve(SiteWriter.MANIFEST))).containsExactly("index.html", "topics/a.html");
    assertThat(SiteWriter.foreignFiles(out)).isEmpty();
  }

  @Test
  void replacesTheWholeSiteRemovingPagesThatAreGone() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "one"), page("old.html", "old")), out);
    new SiteWriter().write(List.of(page("index.html", "two")), out);
    assertThat(out.resolve("index.html")).hasContent("two");
    assertThat(out.resolve("old.html")).doesNotExist();
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }

  @Test
  void findsFilesItDidNotWrite() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "home")), out);
    Files.writeString(out.resolve("CNAME"), "example.org");
    assertThat(SiteWriter.foreignFiles(out)).containsExactly("CNAME");
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("thesis.docx"), "!");
    assertThat(SiteWriter.foreignFiles(other)).containsExactly("thesis.docx");
    assertThat(SiteWriter.foreignFiles(tmp.resolve("new"))).isEmpty();
  }

  @Test
  void aKillBetweenTheTwoMovesIsUndoneByTheNextWrite() throws IOException {
    Path out = tmp.resolve("site");
    new SiteWriter().write(List.of(page("index.html", "previous")), out);
    // The state a SIGKILL leaves between "move the old site aside" and "move the new one in".
    Files.move(out, tmp.resolve(".site.old-123"));
    Files.createDirectories(tmp.resolve(".site.staging-456"));
    SiteWriter.recover(out);
    assertThat(out.resolve("index.html")).hasContent("previous");
    try (var siblings = Files.list(tmp)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("site");
    }
  }
}
