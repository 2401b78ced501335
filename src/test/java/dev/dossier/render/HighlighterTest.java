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
        "<p>The <em><span class=\"quote-anchor\" id=\"p1-24\"></span><mark>United States</mark></em><mark> is closing</mark> "
            + "<span class=\"quote-anchor\" id=\"p1-11\"></span><mark>the embassy</mark>, and the United States is leaving.</p>");
    assertThat(org.jsoup.Jsoup.parse(marked).text()).isEqualTo(org.jsoup.Jsoup.parse(html).text());
  }

  @Test
  void aQuoteAcrossTableRowsOrListItemsIsMarkedInsideTheCellsOnly() {
    String table = "<table>\n<thead>\n<tr><th>Date</th><th>Staff</th></tr>\n</thead>\n<tbody>\n"
        + "<tr><td>23 January</td><td>ordered</td></tr>\n</tbody>\n</table>";
    String marked = Highlighter.highlight(table, List.of("Staff 23 January"), q -> "p1-q");
    assertThat(marked).isEqualTo("<table>\n<thead>\n<tr><th>Date</th><th><span class=\"quote-anchor\" id=\"p1-q\"></span>"
        + "<mark>Staff</mark></th></tr>\n</thead>\n<tbody>\n<tr><td><mark>23 January</mark></td><td>ordered</td></tr>\n</tbody>\n</table>");
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
