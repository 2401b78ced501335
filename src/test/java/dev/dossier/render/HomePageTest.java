package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomePageTest {

  @TempDir Path tmp;

  /**
   * "Last on the timeline" is the timeline read from its end, one way throughout: the latest
   * day first, and of one day's events the one the timeline shows last first. So are the
   * feed's events.
   */
  @Test
  void theLatestEventsAreTheTimelineReadBackwards() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("a.txt"), "Published: 2022-02-14\n\nThe embassy moved to Lviv.\n");
    StringBuilder index = new StringBuilder("title: Order\nbase_url: https://example.org/order/\nsources:\n  - key: a\n    file: a.txt\nevents:\n");
    String[][] events = {
      {"2022-02-10", "Tenth"},
      {"2022-02-14", "Fourteenth, first"},
      {"2022-02-12", "Twelfth"},
      {"~2022-02-14", "Fourteenth, approximate"},
      {"2022-02-14", "Fourteenth, third"},
      {"2022-02-11", "Eleventh"},
      {"2022-02-13", "Thirteenth"},
    };
    for (String[] e : events) {
      index.append("  - date: \"").append(e[0]).append("\"\n    title: ").append(e[1]).append("\n    text: Moved [@a ¶1].\n");
    }
    Files.writeString(dir.resolve("index.yml"), index.toString());
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    List<String> timeline = titles(result, "timeline.html", "article.event");
    List<String> latest = titles(result, "index.html", "section[aria-labelledby=latest] article.event");
    assertThat(timeline).hasSize(7).startsWith("Tenth", "Eleventh", "Twelfth", "Thirteenth");
    List<String> backwards = new java.util.ArrayList<>(timeline);
    java.util.Collections.reverse(backwards);
    assertThat(latest).isEqualTo(backwards.subList(0, 6));
    String feed = new String(result.pages().stream().filter(p -> p.path().equals("feed.xml")).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(feed, "", org.jsoup.parser.Parser.xmlParser()).select("entry:has(id:containsOwn(timeline.html#)) > title").eachText())
        .isEqualTo(backwards);
  }

  /**
   * A long description is cut for the pages' meta description at a space, or, in a language
   * written without spaces, at a character: never a crash, never half a character.
   */
  @Test
  void aLongDescriptionWithoutSpacesIsCutAtACharacter() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("a.txt"), "Published: 2022-02-14\n\nThe embassy moved to Lviv.\n");
    String japanese = "東京で会議が開かれた。".repeat(40);
    Files.writeString(dir.resolve("index.yml"), "title: Long\ndescription: \"" + japanese + "\"\nsources:\n  - key: a\n    file: a.txt\n");
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    String home = new String(result.pages().stream().filter(p -> p.path().equals("index.html")).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(home).selectFirst("meta[name=description]").attr("content")).isEqualTo(japanese.substring(0, 297) + "…");
    assertThat(Views.shortDescription("a".repeat(296) + "😀" + "b".repeat(10))).as("a character of two chars").isEqualTo("a".repeat(296) + "…");
    assertThat(Views.shortDescription("word ".repeat(80))).endsWith("word…").hasSizeLessThanOrEqualTo(298);
    assertThat(Views.shortDescription(" " + "x".repeat(400))).as("a space only at the start").hasSize(298);
  }

  private static List<String> titles(Build.Result result, String path, String events) {
    String page = new String(result.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
    return Jsoup.parse(page).select(events + " .event-title").eachText();
  }
}
