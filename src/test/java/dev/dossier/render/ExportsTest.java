package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data files beside the site, as the programs that read them take them. */
class ExportsTest {

  @TempDir Path tmp;

  @Test
  void timelineJsHeadlinesAreTextThoughTimelineJsShowsThemAsHtml() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("gazette.txt"), "Published: 2023-03-10\n\nThe river peaked on Sunday.\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: "Floods & <em>levees</em>"
        sources:
          - key: gazette
            file: gazette.txt
        events:
          - date: 2023-03-05
            title: "Q&A: why the <b>river</b> rose"
            text: The river peaked.[@gazette ¶1]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    byte[] json = result.pages().stream().filter(p -> p.path().equals("timeline.json")).findFirst().orElseThrow().bytes();
    // The dossier's title, then the event's.
    assertThat(headlines(json)).containsExactly("Floods &amp; &lt;em&gt;levees&lt;/em&gt;", "Q&amp;A: why the &lt;b&gt;river&lt;/b&gt; rose");
  }

  private static List<String> headlines(byte[] json) throws IOException {
    List<String> found = new ArrayList<>();
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("headline")) {
          parser.nextToken();
          found.add(parser.getText());
        }
      }
    }
    return found;
  }
}
