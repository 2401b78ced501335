package dev.dossier.render;

import dev.dossier.model.Citation;
import dev.dossier.model.Paragraph;
import java.util.List;

/**
 * A paragraph as its source page shows it: its HTML with the quoted words marked, and the
 * citations its markers stand for. Templates read it as they read prose ({@code cite(b.html)});
 * the HTML is made only when a template asks, so a page a rebuild finds unchanged is
 * fingerprinted from the paragraph and its quotes without highlighting or escaping anything.
 */
public final class ShownParagraph {

  private final Paragraph paragraph;
  private final List<String> quotes;
  private final List<Citation> citations;
  private String html;

  ShownParagraph(Paragraph paragraph, List<String> quotes, List<Citation> citations) {
    this.paragraph = paragraph;
    this.quotes = quotes;
    this.citations = citations;
  }

  /** Safe HTML with citation markers, quoted words in {@code <mark>}. */
  public String html() {
    if (html == null) {
      html = Highlighter.highlight(paragraph.html(), quotes, q -> Links.quoteId(paragraph.number(), q));
    }
    return html;
  }

  public List<Citation> citations() {
    return citations;
  }

  Paragraph paragraph() {
    return paragraph;
  }

  List<String> quotes() {
    return quotes;
  }
}
