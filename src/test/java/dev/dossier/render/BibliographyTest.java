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

class BibliographyTest {

  @TempDir Path tmp;

  /**
   * Chicago files entries by their first word: the first author's family name, or the title less
   * its English article when no author is known; brackets, quotation marks, case and accents
   * aside; entries that read alike by their keys.
   */
  @Test
  void theBibliographyListsSourcesInChicagosOrder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    String[] keys = {"a-untitled", "b-kyiv", "c-ostergaard", "d-an", "e-lu", "f-avila", "g-same", "h-same"};
    StringBuilder index = new StringBuilder("title: Order\nsources:\n");
    String[][] entries = {
      {"title: Sirens over Kyiv\n    title_supplied: true"},
      {"title: The Kyiv embassy moves west"},
      {"title: Staff leave\n    authors: [Nils Østergaard]"},
      {"title: Talks\n    authors: [Li An]"},
      {"title: Lviv\n    authors: [Ed Lu]"},
      {"title: Embassy\n    authors: [Rosa Ávila]"},
      {"title: Same words"},
      {"title: Same words"},
    };
    for (int i = 0; i < keys.length; i++) {
      Files.writeString(dir.resolve(keys[i] + ".txt"), "Published: 2022-02-1" + i + "\n\nText " + i + ".\n");
      index.append("  - key: ").append(keys[i]).append("\n    file: ").append(keys[i]).append(".txt\n    ").append(entries[i][0]).append('\n');
    }
    Files.writeString(dir.resolve("index.yml"), index.toString());
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    String page = new String(result.pages().stream().filter(p -> p.path().equals("sources/index.html")).findFirst().orElseThrow().bytes(), StandardCharsets.UTF_8);
    assertThat(Jsoup.parse(page).select("ol.bibliography > li").eachAttr("id"))
        .containsExactly("d-an", "f-avila", "b-kyiv", "e-lu", "c-ostergaard", "g-same", "h-same", "a-untitled");
  }

  /**
   * Letters are filed without case or accents, those a character stands for included ("№" is
   * "No", "™" is "TM"), and ASCII entries, which skip the decomposing, the same way.
   */
  @Test
  void anEntryFilesByItsLettersWithoutCaseAccentsOrMarks() {
    assertThat(Bibliography.sortKey("“№ 5 and the embassy.” CNN.", true)).isEqualTo(Bibliography.sortKey("“No 5 and the embassy.” CNN.", true)).isEqualTo("no 5 and the embassy cnn");
    assertThat(Bibliography.sortKey("“Acme™ Rules.”", true)).isEqualTo("acmetm rules");
    assertThat(Bibliography.sortKey("Østergaard, Nils. “Staff Leave.”", false)).isEqualTo("ostergaard nils staff leave");
  }
}
