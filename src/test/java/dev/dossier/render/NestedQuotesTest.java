package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedQuotesTest {

  @TempDir Path tmp;

  @Test
  void doubleMarksInsideAQuotationBecomeSingleAndNothingElseChanges() {
    assertThat(NestedQuotes.inner("to attack “at any time.”")).isEqualTo("to attack ‘at any time.’");
    assertThat(NestedQuotes.inner("\"very distinct possibility,\" Sullivan said")).isEqualTo("‘very distinct possibility,’ Sullivan said");
    assertThat(NestedQuotes.inner("a (\"so-called\") move—\"now\"")).isEqualTo("a (‘so-called’) move—‘now’");
    assertThat(NestedQuotes.inner("it's the US Embassy's staff")).isEqualTo("it's the US Embassy's staff");
    // Straight marks that pair up, whatever stands before them; an odd one out is no quotation mark.
    assertThat(NestedQuotes.inner("Biden:\"Putin has decided\"")).isEqualTo("Biden:‘Putin has decided’");
    assertThat(NestedQuotes.inner("A 12\" record")).isEqualTo("A 12\" record");
    assertThat(NestedQuotes.inner("a 12\" and a 14\" pipe")).as("inch marks that pair up").isEqualTo("a 12\" and a 14\" pipe");
  }

  @Test
  void aTitlesFullStopGoesInsideItsQuotationAndNotAfterItsOwnMark() {
    assertThat(NestedQuotes.titleWithStop("Embassy closes")).isEqualTo("“Embassy closes.”");
    assertThat(NestedQuotes.titleWithStop("Biden: \"Putin has decided\"")).isEqualTo("“Biden: ‘Putin has decided.’”");
    assertThat(NestedQuotes.titleWithStop("Biden: 'Putin has decided'")).isEqualTo("“Biden: 'Putin has decided.'”");
    assertThat(NestedQuotes.titleWithStop("Biden: \"Has Putin decided?\"")).isEqualTo("“Biden: ‘Has Putin decided?’”");
    assertThat(NestedQuotes.titleWithStop("Will Russia invade?")).isEqualTo("“Will Russia invade?”");
    assertThat(NestedQuotes.titleWithStop("Wait…")).isEqualTo("“Wait…”");
    assertThat(NestedQuotes.titleWithStop("为什么？")).isEqualTo("“为什么？”");
    assertThat(NestedQuotes.titleWithStop("The diplomats' families")).as("an apostrophe ends no quotation").isEqualTo("“The diplomats' families.”");
    assertThat(NestedQuotes.titleWithStop("A 12\" record")).isEqualTo("“A 12\" record.”");
  }

  /** A note's quote and a bibliography entry's title hold single marks inside the double ones the page adds. */
  @Test
  void aNoteAndABibliographyEntryNestTheirQuotationMarks() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("a.txt"), "Russia could attack “at any time,” he said.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: Test
        sources:
          - key: a
            file: a.txt
            title: 'Biden: "Putin has decided"'
        events:
          - date: 2022-02-18
            title: Warning
            text: He warned.[@a ¶1 "attack “at any time,” he said"]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    org.jsoup.nodes.Document timeline = Jsoup.parse(page(result, "timeline.html"));
    assertThat(timeline.select(".notes q").text()).isEqualTo("attack ‘at any time,’ he said");
    assertThat(timeline.select("sup.ref a").attr("title")).endsWith(": “attack ‘at any time,’ he said”");
    assertThat(Jsoup.parse(page(result, "sources/index.html")).select(".bibliography .entry").text())
        .contains("“Biden: ‘Putin has decided.’”");
    // The source's own page keeps its words and marks as written.
    assertThat(Jsoup.parse(page(result, "sources/a.html")).select("#p1").text()).contains("Russia could attack “at any time,” he said.");
  }

  private static String page(Build.Result result, String path) {
    return new String(result.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
  }
}
