package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {

  @Test
  void marksQuotedWordsAcrossInlineMarkupWithoutChangingText() {
    String html = "<p>The <em>United States</em> is closing the embassy.</p>";
    assertThat(Highlighter.highlight(html, List.of("United States is closing")))
        .isEqualTo("<p>The <em><mark>United States</mark></em><mark> is closing</mark> the embassy.</p>");
  }

  @Test
  void mergesOverlappingQuotesAndFoldsQuotationMarks() {
    String html = "<p>He said \"we will leave\" today.</p>";
    assertThat(Highlighter.highlight(html, List.of("“we will", "will leave”")))
        .isEqualTo("<p>He said <mark>\"we will leave\"</mark> today.</p>");
  }

  @Test
  void leavesTextAloneWhenNothingMatches() {
    assertThat(Highlighter.highlight("<p>Text &amp; more.</p>", List.of("absent"))).isEqualTo("<p>Text &amp; more.</p>");
  }
}
