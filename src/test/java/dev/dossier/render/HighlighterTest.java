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

  @Test
  void eachQuoteGetsAnAnchorWhereItFirstBeginsAndTheTextStaysTheSame() {
    String html = "<p>The <em>United States</em> is closing the embassy, and the United States is leaving.</p>";
    String marked = Highlighter.highlight(html, List.of("United States is closing", "the embassy", "the embassy"), q -> "p1-" + q.length());
    assertThat(marked).isEqualTo(
        "<p>The <em><span class=\"quote-anchor\" id=\"p1-24\"></span><mark data-quotes=\"p1-24\">United States</mark></em>"
            + "<mark data-quotes=\"p1-24\"> is closing</mark> "
            + "<span class=\"quote-anchor\" id=\"p1-11\"></span><mark data-quotes=\"p1-11\">the embassy</mark>, and the United States is leaving.</p>");
    assertThat(org.jsoup.Jsoup.parse(marked).text()).isEqualTo(org.jsoup.Jsoup.parse(html).text());
  }

  /**
   * Overlapping quotes make one run of marked words, cut where the quotes covering it change,
   * each piece naming its quotes: a followed citation can show its own words among the others.
   * A quote's later occurrences are marked without its name, as its anchor is at the first.
   */
  @Test
  void overlappingQuotesEachNameTheirOwnWords() {
    String html = "<p>Staff were told to pack and leave Kyiv; later, staff were told to pack.</p>";
    String marked = Highlighter.highlight(html, List.of("told to pack and leave", "pack and leave Kyiv", "told to pack"), q -> "q" + q.length());
    assertThat(marked.replaceAll("<span class=\"quote-anchor\" id=\"[^\"]+\"></span>", "")).isEqualTo("<p>Staff were <mark data-quotes=\"q12 q22\">told to </mark>"
        + "<mark data-quotes=\"q12 q19 q22\">pack</mark><mark data-quotes=\"q19 q22\"> and leave</mark><mark data-quotes=\"q19\"> Kyiv</mark>; later, staff were <mark>told to pack</mark>.</p>");
  }

  @Test
  void aQuoteAcrossTableRowsOrListItemsIsMarkedInsideTheCellsOnly() {
    String table = "<table>\n<thead>\n<tr><th>Date</th><th>Staff</th></tr>\n</thead>\n<tbody>\n"
        + "<tr><td>23 January</td><td>ordered</td></tr>\n</tbody>\n</table>";
    String marked = Highlighter.highlight(table, List.of("Staff 23 January"), q -> "p1-q");
    assertThat(marked).isEqualTo("<table>\n<thead>\n<tr><th>Date</th><th><span class=\"quote-anchor\" id=\"p1-q\"></span>"
        + "<mark data-quotes=\"p1-q\">Staff</mark></th></tr>\n</thead>\n<tbody>\n<tr><td><mark data-quotes=\"p1-q\">23 January</mark></td>"
        + "<td>ordered</td></tr>\n</tbody>\n</table>");
    String list = "<ul>\n<li>one thing</li>\n<li>two things</li>\n</ul>";
    assertThat(Highlighter.highlight(list, List.of("one thing two")))
        .isEqualTo("<ul>\n<li><mark>one thing</mark></li>\n<li><mark>two</mark> things</li>\n</ul>");
  }

  @Test
  void aQuotesAnchorDependsOnlyOnTheParagraphAndTheQuote() {
    assertThat(Links.quoteId(3, "the safety of our staff")).isEqualTo(Links.quoteId(3, "the safety of our staff")).matches("p3-q[0-9a-f]{8}");
    assertThat(Links.quoteId(3, "the safety of our staff")).isNotEqualTo(Links.quoteId(3, "the safety of the staff"));
  }
}
