package dev.dossier.cite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.model.Prose;
import org.junit.jupiter.api.Test;

class MarkdownProcessorTest {

  private final MarkdownProcessor markdown = new MarkdownProcessor();

  @Test
  void citationsBecomeMarkersInReadingOrder() {
    MarkdownProcessor.Rendered r = markdown.render("The embassy *closed*.[@cnn ¶1 \"closing\"] It moved.[@a ¶2; @b]");
    assertThat(r.html()).isEqualTo("<p>The embassy <em>closed</em>." + Prose.marker(0) + " It moved." + Prose.marker(1) + Prose.marker(2) + "</p>");
    assertThat(r.refs()).extracting(CitationRef::key).containsExactly("cnn", "a", "b");
  }

  @Test
  void theCitationsOffsetPointsAtItsKeyInTheText() {
    String text = "First line.\nSecond [@cnn ¶1].";
    MarkdownProcessor.Rendered r = markdown.render(text);
    assertThat(r.refs().get(0).offset()).isEqualTo(text.indexOf("@cnn"));
  }

  @Test
  void ordinaryLinksAndBracketsAreNotCitations() {
    MarkdownProcessor.Rendered r = markdown.render("A [link](https://example.org) and [a note] and an email@example.org.");
    assertThat(r.refs()).isEmpty();
    assertThat(r.html()).contains("<a href=\"https://example.org\"");
  }

  @Test
  void rawHtmlAndScriptUrlsNeverPassThrough() {
    String html = markdown.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>").html();
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img").doesNotContain("onerror=\"");
  }
}
