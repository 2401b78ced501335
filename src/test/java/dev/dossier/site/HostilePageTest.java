package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.render.Page;
import dev.dossier.render.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A saved page full of scripts and trackers builds, and nothing that runs or loads reaches the site. */
class HostilePageTest {

  @TempDir Path tmp;

  @Test
  void nothingExecutableOrExternalReachesAnyFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.copy(Path.of("src/test/resources/parse/html/hostile.html"), dir.resolve("council.html"));
    Files.writeString(dir.resolve("index.yml"), """
        title: Hostile page
        sources:
          - key: council
            file: council.html
            topics: [budget]
        topics:
          - id: budget
            title: The budget
            summary: Approved.[@council ¶1 "approved the 2022 budget"]
        events:
          - date: 2022-03-01
            title: Budget approved
            topics: [budget]
            text: Approved 7 to 2.[@council ¶1 "by a vote of 7 to 2"]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as(result.diagnostics().toString()).isFalse();

    StringBuilder all = new StringBuilder();
    for (Page page : result.pages()) {
      String text = new String(page.bytes(), StandardCharsets.UTF_8);
      all.append(text);
      if (!page.path().endsWith(".html")) {
        continue;
      }
      Matcher scripts = Pattern.compile("(?i)<script[^>]*>").matcher(text);
      while (scripts.find()) {
        assertThat(scripts.group()).as(page.path()).matches("<script src=\"(\\.\\./)*assets/(dossier|search)\\.js\\?v=[0-9a-f]{12}\" defer>");
      }
      assertThat(text).as(page.path())
          .doesNotContainPattern("(?i)<[a-z][^>]*\\son[a-z]+\\s*=")
          .doesNotContainIgnoringCase("javascript:")
          .doesNotContainIgnoringCase("vbscript:")
          .doesNotContainIgnoringCase("<iframe")
          .doesNotContainIgnoringCase("<object")
          .doesNotContainIgnoringCase("<embed")
          .doesNotContainIgnoringCase("<img")
          .doesNotContainIgnoringCase("<base")
          .doesNotContainIgnoringCase("http-equiv=\"refresh\"")
          .doesNotContainPattern("(?i)<[a-z][^>]*\\sstyle\\s*=")
          .doesNotContainPattern("(?i)\\ssrc=\"(https?:)?//")
          .doesNotContainIgnoringCase("tracker.example")
          .doesNotContainIgnoringCase("evil.example")
          .contains("Content-Security-Policy");
    }
    String source = new String(result.pages().stream().filter(p -> p.path().equals("sources/council.html")).findFirst().orElseThrow().bytes(),
        StandardCharsets.UTF_8);
    assertThat(BuildTest.unanchored(source)).contains("The city council <mark>approved the 2022 budget</mark> on Tuesday")
        .contains("Council approves budget &lt;script&gt;")
        .contains("Opponents said the plan");
    assertThat(all.toString()).doesNotContain("This site uses cookies", "Home page of the City Chronicle", "Privacy policy",
        "Flash fallback", "Hidden text", "Enter your password");
  }
}
