package dev.dossier.cite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.cite.QuoteMatcher.Range;
import org.junit.jupiter.api.Test;

class QuoteMatcherTest {

  private static final String TEXT = "Blinken said: “We will continue  that\nprocess.” And we’ve also been clear -- leave now.";

  @Test
  void foldsWhitespaceAndQuotationMarksOnly() {
    assertThat(QuoteMatcher.find(TEXT, "\"We will continue that process.\"")).isPresent();
    assertThat(QuoteMatcher.find(TEXT, "And we've also")).isPresent();
  }

  @Test
  void caseDashesAndSpellingStillCount() {
    assertThat(QuoteMatcher.find(TEXT, "and we've also")).isEmpty();
    assertThat(QuoteMatcher.find(TEXT, "clear — leave now")).isEmpty();
    assertThat(QuoteMatcher.find(TEXT, "we will continue")).isEmpty();
  }

  @Test
  void givesTheRangeInTheOriginalText() {
    Range range = QuoteMatcher.find(TEXT, "continue that process").orElseThrow();
    assertThat(TEXT.substring(range.start(), range.end())).isEqualTo("continue  that\nprocess");
  }

  @Test
  void findsEveryOccurrence() {
    assertThat(QuoteMatcher.findAll("Kyiv and Kyiv and Kyiv", "Kyiv", 10)).hasSize(3);
  }

  @Test
  void theClosestPassageShowsWhatTheSourceSays() {
    var match = ClosestPassage.find(java.util.List.of("Nothing here.", "The United States is closing the US Embassy in Kyiv and relocating."), 1,
        "closing the American Embassy in Kyiv").orElseThrow();
    assertThat(match.paragraph()).isEqualTo(2);
    assertThat(match.passage()).isEqualTo("closing the US Embassy in Kyiv");
  }

  @Test
  void theClosestPassageIsTheSourcesOwnCharacters() {
    var match = ClosestPassage.find(java.util.List.of("“We will continue that process,”  he said of the drawdown."), 1,
        "\"We will continue this process,\" he said").orElseThrow();
    assertThat(match.passage()).isEqualTo("“We will continue that process,”  he said");
  }
}
