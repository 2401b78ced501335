package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BibliographyTest {

  /** Chicago files entries by their first word: a family name, or a title less its article. */
  @Test
  void entriesSortByTheirFirstWordsPassingOverBracketsQuotesAccentsAndArticles() {
    List<String> entries = List.of(
        "[US orders Kyiv embassy staff to leave]. BuzzFeed News, February 12, 2022.",
        "Hansler, Jennifer, and Kylie Atwood. “US closes its Kyiv embassy.” CNN, February 14, 2022.",
        "“The Kyiv embassy moves west.” Kyiv Post, February 14, 2022.",
        "Ávila, Rosa. “Staff leave.” El País, February 13, 2022.",
        "[Blinken to visit Ukraine]. ca. January 18, 2022.");
    assertThat(entries.stream().sorted(Comparator.comparing(Bibliography::sortKey)).map(e -> e.substring(0, 8)).toList())
        .containsExactly("Ávila, R", "[Blinken", "Hansler,", "“The Kyi", "[US orde");
  }
}
