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

  private static List<String> titles(Build.Result result, String path, String events) {
    String page = new String(result.pages().stream().filter(p -> p.path().equals(path)).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
    return Jsoup.parse(page).select(events + " .event-title").eachText();
  }
}
