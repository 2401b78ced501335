package dev.dossier.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

  /**
   * Markup nested deeper than any article's keeps its words, in their order, and gives up the
   * tags below the limit: a saved page of 50,000 nested elements is cleaned in linear time
   * instead of taking seconds, and says what it said.
   */
  @Test
  void markupNestedDeeperThanAnyArticlesKeepsItsWordsNotItsTags() {
    int n = 20_000;
    String html = "<p>Start.</p>" + "<div>".repeat(n) + "<p>inner <a href=\"https://example.org/x\" onclick=\"steal()\">link</a> words</p>" + "</div>".repeat(n) + "<p>End.</p>";
    org.jsoup.nodes.Document clean = HtmlSanitizer.cleanTree(html);
    assertThat(clean.body().text()).isEqualTo("Start. inner link words End.");
    int deepest = 0;
    for (Element e : clean.body().getAllElements()) {
      deepest = Math.max(deepest, e.parents().size());
    }
    assertThat(deepest).isLessThanOrEqualTo(HtmlSanitizer.MAX_DEPTH + 2);
    // Still sanitised: the handler goes, the link stays.
    assertThat(clean.body().html()).contains("<a href=\"https://example.org/x\" rel=\"noopener noreferrer\">link</a>").doesNotContain("onclick");
    // A page of ordinary depth is untouched by the limit.
    String ordinary = "<div><section><blockquote><p>Quoted <em>words</em></p></blockquote></section></div>";
    assertThat(HtmlSanitizer.clean(ordinary)).isEqualTo(ordinary);
  }
}
