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
  void escapesAsTheSanitiserDoesWhateverTheMixOfCharacters() {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "ab &<>\u00A0\u00e9\u201c;p/";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      StringBuilder expected = new StringBuilder("<p>");
      text.chars().forEach(c -> expected.append(Prose.escaped((char) c) == null ? String.valueOf((char) c) : Prose.escaped((char) c)));
      String html = expected.append("</p>").toString();
      assertThat(new Paragraph(1, text.toString(), java.util.Optional.empty()).html()).isEqualTo(html);
      assertThat(new Paragraph(1, text.toString(), html).markup()).as(html).isEmpty();
      // Any other HTML is kept as markup: one character dropped, or one more.
      String shorter = html.substring(0, 3) + html.substring(Math.min(4, html.length() - 4));
      if (!shorter.equals(html)) {
        assertThat(new Paragraph(1, text.toString(), shorter).markup()).as(shorter).contains(shorter);
      }
      String longer = html.substring(0, html.length() - 4) + ";</p>";
      assertThat(new Paragraph(1, text.toString(), longer).markup()).as(longer).contains(longer);
    }
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
