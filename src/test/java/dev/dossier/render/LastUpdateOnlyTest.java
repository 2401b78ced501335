package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source known only by its last update is never shown as published then. */
class LastUpdateOnlyTest {

  @TempDir static Path tmp;

  private static Build.Result built;

  @BeforeAll
  static void build() throws IOException {
    built = new Build().run(SeedsKnownByTheirLastUpdate.copyInto(tmp), Theme.builtIn());
    assertThat(built.failed()).as("%s", built.diagnostics()).isFalse();
  }

  private static String file(String path) {
    return new String(built.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
  }

  private static Document page(String path) {
    return Jsoup.parse(file(path));
  }

  @Test
  void everyPageSaysUpdatedWhereOnlyTheUpdateIsKnown() {
    assertThat(page("index.html").select(".meta").eachText()).contains("— CNN · updated 15 February 2022");
    assertThat(page("topics/embassy-closure-lviv.html").select(".references li").text())
        .contains("CNN, updated 15 February 2022, ¶1").doesNotContain("CNN, 15 February");
    assertThat(file("sources.bib")).contains("note = {Title supplied by the editor; updated 2022-02-15 01:41 UTC}");
    // The bibliography gives the minute, which shows why a report of Monday's events is dated Tuesday.
    assertThat(page("sources/index.html").select(".entry").text()).contains("CNN, updated 15 February 2022, 01:41 UTC.");
    assertThat(page("sources/cnn-2022-02-14.html").select(".metadata").text()).contains("Published unknown");
  }
}
