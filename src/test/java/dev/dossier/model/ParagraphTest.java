package dev.dossier.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A paragraph that keeps only its text must still give back exactly the HTML it was made with. */
class ParagraphTest {

  @Test
  void givesBackTheHtmlItWasMadeWith() {
    String[][] cases = {
      {"Plain words.", "<p>Plain words.</p>"},
      {"Fish & chips <b> \u00A0 \"quoted\"", "<p>Fish &amp; chips &lt;b&gt; &nbsp; \"quoted\"</p>"},
      {"Fish & chips", "<p>Fish & chips</p>"},
      {"Fish &amp; chips", "<p>Fish &amp;amp; chips</p>"},
      {"Some emphasis", "<p>Some <em>emphasis</em></p>"},
      {"A cited claim", "<p>A cited claim\uE0000\uE001</p>"},
      {"Words", "<div>Words</div>"},
      {"Words", "<p>Words</p> "},
      {"", "<p></p>"},
      {"Short", "<p>Shor</p>"},
      {"Shor", "<p>Short</p>"},
    };
    for (String[] c : cases) {
      Paragraph p = new Paragraph(1, c[0], c[1]);
      assertThat(p.html()).as(c[1]).isEqualTo(c[1]);
      assertThat(p.text()).isEqualTo(c[0]);
      assertThat(p).isEqualTo(new Paragraph(1, c[0], c[1])).hasSameHashCodeAs(new Paragraph(1, c[0], c[1]));
    }
    assertThat(new Paragraph(1, "a", "<p>a</p>")).isNotEqualTo(new Paragraph(2, "a", "<p>a</p>")).isNotEqualTo(new Paragraph(1, "a", "<p><i>a</i></p>"));
  }

  @Test
  void keepsMarkupOnlyWhenTheHtmlIsMoreThanItsText() {
    assertThat(new Paragraph(1, "Fish & chips", "<p>Fish &amp; chips</p>").markup()).isEmpty();
    assertThat(new Paragraph(1, "Some emphasis", "<p>Some <em>emphasis</em></p>").markup()).contains("<p>Some <em>emphasis</em></p>");
    // Made again from text and markup, as the build cache makes it: the same paragraph.
    for (Paragraph p : new Paragraph[] {new Paragraph(3, "a < b", "<p>a &lt; b</p>"), new Paragraph(3, "a b", "<p>a <b>b</b></p>")}) {
      assertThat(new Paragraph(p.number(), p.text(), p.markup())).isEqualTo(p);
    }
    // Markup that is only the text escaped is kept as text alone.
    assertThat(new Paragraph(1, "a", java.util.Optional.of("<p>a</p>")).markup()).isEmpty();
  }
}
