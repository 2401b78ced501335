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
  void theSpaceOrLineBreakBeforeACitationIsDroppedSoTheTextReadsWithoutAGapBeforeItsStop() {
    String text = "The embassy closed [@a ¶1].\n\nIt moved\n[@a ¶2] [@b] to Lviv.\n\nIt closed  \n[@a ¶3].";
    java.util.List<MarkdownProcessor.RenderedBlock> direct = markdown.renderBlocks(markdown.parse(text));
    assertThat(direct).extracting(MarkdownProcessor.RenderedBlock::text).containsExactly("The embassy closed.", "It moved to Lviv.", "It closed.");
    assertThat(direct.get(0).html()).isEqualTo("<p>The embassy closed" + Prose.marker(0) + ".</p>");
    // The full path (renderer and sanitiser) gives the same as the direct one.
    assertThat(markdown.renderBlocksCleaned(markdown.parse(text))).isEqualTo(direct);
    assertThat(markdown.render("*Closed* [@a ¶1]").html()).isEqualTo("<p><em>Closed</em>" + Prose.marker(0) + "</p>");
  }

  @Test
  void anImageIsShownAsItsDescriptionNotDropped() {
    MarkdownProcessor.Rendered r = markdown.render("Before ![Photo of the *embassy* gate](gate.jpg) after.[@cnn ¶1] ![ref][g]\n\n[g]: javascript:alert(1)");
    assertThat(r.html()).isEqualTo("<p>Before Photo of the <em>embassy</em> gate after." + Prose.marker(0) + " ref</p>");
  }

  @Test
  void theCitationsOffsetPointsAtItsKeyInTheText() {
    String text = "First line.\nSecond [@cnn ¶1].";
    MarkdownProcessor.Rendered r = markdown.render(text);
    assertThat(r.refs().get(0).offset()).isEqualTo(text.indexOf("@cnn"));
  }

  @Test
  void aCitationLeftWithoutItsClosingBracketIsAnErrorInItsPlace() {
    String text = "The warning was lifted.[@radio ¶3 by noon.\n\nLater.[@cnn ¶1 \"closing the embassy\"";
    MarkdownProcessor.Rendered r = markdown.render(text);
    assertThat(r.refs()).hasSize(2).allSatisfy(ref -> assertThat(ref.problem()).hasValueSatisfying(p -> assertThat(p).contains("has no closing ]")));
    assertThat(r.refs()).extracting(CitationRef::offset).containsExactly(text.indexOf("@radio"), text.indexOf("@cnn"));
    assertThat(r.html()).isEqualTo("<p>The warning was lifted." + Prose.marker(0) + " by noon.</p>\n<p>Later." + Prose.marker(1) + "</p>");
  }

  @Test
  void anAtAndAKeyInRunningTextAreFoundOutsideCodeCitationsAndUndefinedBrackets() {
    String text = "As @cnn-2022-02-14 reported, and *@bbc* too; mail desk@cnn.com, `@code-key`, [via @nytimes], [@a ¶1; @b], [desk @cnn-2022-02-14](https://x.org), ![by @cnn-2022-02-14](p.png), \\[see @cnn-2022-02-14\\], \\@cnn-2022-02-14, @cnn-2022-02-14@mastodon.social,"
        + " https://x.org/?u=@cnn-2022-02-14, (@cnn-2022-02-14).\n\n    @indented";
    assertThat(markdown.render(text).handles()).extracting(MarkdownProcessor.Bracketed::text).containsExactly("@cnn-2022-02-14", "@bbc", "@cnn-2022-02-14");
    // A bracket before it that no citation was read from: kept with the bracket, escaped or not.
    String open = "Text [@cnn-2022-02-14 reported that, and \\[@cnn-2022-02-14 too.\n\nAs —@bbc said.";
    assertThat(markdown.render(open).handles()).extracting(MarkdownProcessor.Bracketed::text).containsExactly("[@cnn-2022-02-14", "@bbc");
    assertThat(markdown.render(open).handles().get(0).offset()).isEqualTo(open.indexOf("[@"));
    assertThat(markdown.render(text).handles().get(0).offset()).isEqualTo(text.indexOf("@cnn"));
  }

  @Test
  void ordinaryLinksAndBracketsAreNotCitations() {
    MarkdownProcessor.Rendered r = markdown.render("A [link](https://example.org) and [a note] and an email@example.org.");
    assertThat(r.refs()).isEmpty();
    assertThat(r.html()).contains("<a href=\"https://example.org\"");
  }

  @Test
  void aCitationInALinksTextGoesAfterTheLinkSoNoLinkHoldsAnother() {
    MarkdownProcessor.Rendered r = markdown.render("See [the order [@a ¶1] and [@b]](https://example.org/x), [ref text [@c]][r].[@d]\n\n[r]: https://example.org/r");
    assertThat(r.html()).isEqualTo("<p>See <a href=\"https://example.org/x\" rel=\"noopener noreferrer\">the order and</a>"
        + Prose.marker(0) + Prose.marker(1) + ", <a href=\"https://example.org/r\" rel=\"noopener noreferrer\">ref text</a>" + Prose.marker(2) + "." + Prose.marker(3) + "</p>");
    assertThat(r.refs()).extracting(CitationRef::key).containsExactly("a", "b", "c", "d");
  }

  @Test
  void bracketsThatFlexmarkGivesUpAsALinkKeepTheirCitationInPlace() {
    // A footnote or a link inside them stops them being a link; Flexmark leaves stale parents.
    // (Footnotes are read in documents only: the index's prose shows "[^1]" as written.)
    String dispatch = "[as reported [@a ¶1] in a dispatch[^1]](https://example.org/x).\n\n[^1]: Dated 12 February.";
    assertThat(markdown.renderBlocks(markdown.parse(dispatch)).get(0).html()).startsWith("<p>[as reported" + Prose.marker(0) + " in a dispatch<sup>");
    assertThat(markdown.render(dispatch).html()).contains(Prose.marker(0)).contains("[^1]").contains("Dated 12 February.");
    MarkdownProcessor.Rendered link = markdown.render("[t [@a] [r]](https://x.org)\n\n[r]: https://r.org");
    assertThat(link.html()).isEqualTo("<p>[t" + Prose.marker(0) + " <a href=\"https://r.org\" rel=\"noopener noreferrer\">r</a>](https://x.org)</p>");
  }

  @Test
  void aLinkWhoseOnlyWordsWereACitationShowsItsAddress() {
    assertThat(markdown.render("[[@a ¶1]](https://x.org)").html())
        .isEqualTo("<p><a href=\"https://x.org\" rel=\"noopener noreferrer\">https://x.org</a>" + Prose.marker(0) + "</p>");
  }

  @Test
  void anImageReferenceThatIsNotDefinedKeepsItsCitationsMarker() {
    assertThat(markdown.render("![the [@a ¶1] crowd]").html()).isEqualTo("<p>![the [@a ¶1] crowd]" + Prose.marker(0) + "</p>");
  }

  @Test
  void aCitationInAReferenceLinkThatIsNotDefinedStaysInItsText() {
    MarkdownProcessor.Rendered r = markdown.render("As [the report [@a ¶1]] says.");
    assertThat(r.html()).isEqualTo("<p>As [the report" + Prose.marker(0) + "] says.</p>");
  }

  @Test
  void rawHtmlAndScriptUrlsNeverPassThrough() {
    String html = markdown.render("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>").html();
    assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img").doesNotContain("onerror=\"");
  }
}
