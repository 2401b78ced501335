package dev.dossier.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitationSyntaxTest {

  private static List<CitationRef> refs(String citation) {
    assertThat(CitationSyntax.extent(citation, 0)).isEqualTo(citation.length());
    return CitationSyntax.parse(citation.substring(1, citation.length() - 1), 1);
  }

  @Test
  void aWholeSource() {
    assertThat(refs("[@cnn-2022-02-14]")).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("cnn-2022-02-14");
      assertThat(r.paragraph()).isEmpty();
      assertThat(r.quote()).isEmpty();
      assertThat(r.problem()).isEmpty();
    });
  }

  @Test
  void aParagraphWithThePilcrowOrPara() {
    assertThat(refs("[@cnn-2022-02-14 ¶5]").get(0).paragraph()).contains(5);
    assertThat(refs("[@cnn-2022-02-14 para 5]").get(0).paragraph()).contains(5);
  }

  @Test
  void aQuoteAndAQuoteInAParagraph() {
    CitationRef quote = refs("[@cnn-2022-02-14 \"closing the US Embassy in Kyiv\"]").get(0);
    assertThat(quote.quote()).contains("closing the US Embassy in Kyiv");
    assertThat(quote.paragraph()).isEmpty();
    CitationRef both = refs("[@cnn-2022-02-14 ¶1 \"closing the US Embassy in Kyiv\"]").get(0);
    assertThat(both.paragraph()).contains(1);
    assertThat(both.quote()).contains("closing the US Embassy in Kyiv");
  }

  /** Wrapped over two lines of the index, or typed with two spaces, a quote is the one quote, as it is compared. */
  @Test
  void aQuotesRunsOfWhitespaceAreOneSpace() {
    assertThat(refs("[@cnn ¶1 \"closing the US\n      Embassy  in\u00A0Kyiv\"]").get(0).quote()).contains("closing the US Embassy in Kyiv");
    assertThat(refs("[@cnn \"\tLviv \"]").get(0).quote()).contains("Lviv");
  }

  @Test
  void severalAtOnceWithTheirOwnOffsets() {
    List<CitationRef> refs = refs("[@buzzfeed-2022-02-12 ¶3; @cnn-2022-02-14 \"Lviv\"]");
    assertThat(refs).extracting(CitationRef::key).containsExactly("buzzfeed-2022-02-12", "cnn-2022-02-14");
    assertThat(refs.get(1).quote()).contains("Lviv");
    assertThat(refs.get(0).offset()).isEqualTo(1);
    assertThat(refs.get(1).offset()).isEqualTo("[@buzzfeed-2022-02-12 ¶3; ".length());
  }

  @Test
  void aQuoteMayHoldQuotationMarksAndSemicolons() {
    List<CitationRef> refs = refs("[@cnn ¶1 \"and \"temporarily relocating\" the small; number\"]");
    assertThat(refs).singleElement().satisfies(r -> assertThat(r.quote()).contains("and \"temporarily relocating\" the small; number"));
    assertThat(refs("[@cnn “curly quotes”]").get(0).quote()).contains("curly quotes");
  }

  @Test
  void malformedCitationsSayWhatToWrite() {
    assertThat(refs("[@Bad_Key ¶2]").get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("not a citation key"));
    assertThat(refs("[@cnn ¶x]").get(0).problem()).hasValueSatisfying(p -> assertThat(p).isEqualTo("cannot read the citation \"@cnn ¶x\""));
    assertThat(refs("[@cnn \"\"]").get(0).problem()).isNotEqualTo(Optional.empty());
    assertThat(refs("[@cnn ¶1 'closed to all traffic']").get(0).problem()).contains("the quote in [@cnn] is in single quotation marks:"
        + " a quote goes in double ones, straight or curly, as in [@cnn ¶1 \"closed to all traffic\"]");
    assertThat(refs("[@cnn ‘We’re closed’]").get(0).problem()).contains("the quote in [@cnn] is in single quotation marks:"
        + " a quote goes in double ones, straight or curly, as in [@cnn \"We’re closed\"]");
  }

  @Test
  void anUnclosedQuoteIsReportedInItsPlaceAndSwallowsNothing() {
    String text = "Blinken spoke [@cnn ¶5 \"unclosed quote]. Later he left [@cnn ¶6 \"left\"] and \"so on\"].";
    int first = text.indexOf("[@");
    assertThat(CitationSyntax.extent(text, first)).isEqualTo(text.indexOf(']') - first + 1);
    int second = text.indexOf("[@", first + 2);
    assertThat(CitationSyntax.extent(text, second)).isEqualTo(text.indexOf("\"]", second) + 2 - second);
    assertThat(refs("[@cnn ¶5 \"unclosed quote]").get(0).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("does not end with a quotation mark right before ]"));
    assertThat(refs("[@cnn ¶5 \"words\" extra]").get(0).problem())
        .hasValueSatisfying(p -> assertThat(p).startsWith("the citation [@cnn ¶5 \"…\"] has words after its quote (\"extra\")"));
    // A citation whose ] was left out reads the text after it: said so, with its own paragraph.
    assertThat(refs("[@cnn ¶1 \"ordering staff out\" The embassy did not comment, its spokesman said]").get(0).problem())
        .hasValueSatisfying(p -> assertThat(p).contains("has words after its quote (\"The embassy did not comment, …\")")
            .contains("if its ] was left out, end it with ] right after the closing quotation mark, as in [@cnn ¶1 \"quoted words\"]"));
    assertThat(refs("[@cnn ¶7 \"unclosed quote]").get(0).problem()).hasValueSatisfying(p -> assertThat(p).endsWith("write [@cnn ¶7 \"quoted words\"]"));
    // A citation left open before the next one ends where the next one starts: both are read.
    String two = "Moved [@a \"unclosed quote. Then [@b ¶2 \"Talks failed\"].";
    int open = two.indexOf("[@");
    assertThat(CitationSyntax.extent(two, open)).isEqualTo(two.indexOf("[@b") - open);
    // Brackets that open no quote are left as they were: a link's text, not a citation.
    assertThat(CitationSyntax.extent("See [@a [the CNN piece]](https://example.com/x)", 4)).isEqualTo(-1);
    // Within its own paragraph only: a quote left open to the paragraph's end ends the citation there.
    assertThat(CitationSyntax.extent("[@cnn \"open\n\nnext paragraph\"]", 0)).isEqualTo("[@cnn \"open".length());
    String end = "It would close[@a ¶1 \"within days.";
    assertThat(CitationSyntax.extent(end, end.indexOf("[@"))).isEqualTo(end.length() - end.indexOf("[@"));
    // A later part's open quote counts too.
    String later = "[@a ¶1; @b ¶1 \"within days] and later [@b ¶5 \"Marines destroyed\"]";
    assertThat(CitationSyntax.extent(later, 0)).isEqualTo(later.indexOf(']') + 1);
    // "[@StateDept]" quoted inside a quote is no citation of its own: the quote is read whole.
    String inner = "[@a ¶2 \"wrote [@StateDept] on Twitter\"]";
    assertThat(CitationSyntax.extent(inner, 0)).isEqualTo(inner.length());
    assertThat(refs(inner).get(0).quote()).contains("wrote [@StateDept] on Twitter");
  }

  /** A citation left open before the next is read up to the next one's ]: the error says which bracket is missing. */
  @Test
  void aCitationRunningIntoTheNextSaysItHasNoClosingBracket() {
    List<CitationRef> refs = refs("[@a ¶1 The mayor said: \"safe\"[@a ¶3 \"We will reopen\"]");
    assertThat(refs).singleElement().satisfies(r -> assertThat(r.problem()).contains(
        "the citation \"[@a ¶1 The mayor said: \"safe\"\" has no closing ] before the next one, \"[@a ¶3 \"We will reopen\"]\": end it with ] where its words end"));
    // A handle in brackets inside a quote is its words, not another citation.
    assertThat(refs("[@a ¶1 as he wrote \"see [@StateDept] now\"]")).singleElement()
        .satisfies(r -> assertThat(r.problem()).get().asString().startsWith("cannot read the citation"));
  }

  @Test
  void aCitationWithNoClosingBracketIsReportedNotShownAsText() {
    // It ends where it stops reading as a citation; the words after it stay text.
    String text = "The warning was lifted.[@radio ¶3 and then text";
    int at = text.indexOf("[@");
    assertThat(CitationSyntax.extent(text, at)).isEqualTo("[@radio ¶3".length());
    assertThat(CitationSyntax.extent("[@cnn ¶1\n\nnew paragraph]", 0)).isEqualTo("[@cnn ¶1".length());
    assertThat(CitationSyntax.extent("Lifted.[@radio", 7)).isEqualTo("[@radio".length());
    assertThat(CitationSyntax.isClosed("[@radio ¶3")).isFalse();
    assertThat(CitationSyntax.isClosed("[@radio ¶3]")).isTrue();
    // Every part of it is an error, a well-formed one too: where it ends is a guess.
    assertThat(CitationSyntax.unclosed(refs("[@radio ¶3]"), "[@radio ¶3").get(0).problem())
        .hasValueSatisfying(p -> assertThat(p).isEqualTo("the citation [@radio ¶3 has no closing ]: end it with ], as in [@key ¶5 \"quoted words\"]"));
    // A link later in the paragraph closes its own brackets, not this citation.
    String linked = "Lifted.[@radio ¶3 followed by a [link](https://example.com) and [sic].";
    assertThat(CitationSyntax.extent(linked, 7)).isEqualTo("[@radio ¶3".length());
    // Not a citation: a key that cannot be one, a handle with words after it, or a link's text.
    assertThat(CitationSyntax.extent("Follow [@StateDept on Twitter", 7)).isEqualTo(-1);
    assertThat(CitationSyntax.extent("mail [@home-office_uk", 5)).isEqualTo(-1);
    assertThat(CitationSyntax.extent("(see [@nytimes on Twitter)", 5)).isEqualTo(-1);
    assertThat(CitationSyntax.extent("Interval [@a, b)", 9)).isEqualTo(-1);
    assertThat(CitationSyntax.extent("See [@a [the CNN piece]](https://example.com/x)", 4)).isEqualTo(-1);
  }

  @Test
  void anEmptyPartSaysSo() {
    List<CitationRef> refs = refs("[@a ¶3;]");
    assertThat(refs.get(0).problem()).isEmpty();
    assertThat(refs.get(1).problem()).hasValueSatisfying(p -> assertThat(p).startsWith("a citation has an empty part (a ; with nothing after it"));
  }

  /** A paragraph marked as other styles mark one, or a comma before the quote, is told how this one writes it. */
  @Test
  void aParagraphMarkedAnotherWayIsToldHowToWriteIt() {
    for (String[] c : new String[][] {
      {"[@cnn p3]", "[@cnn ¶3]"},
      {"[@cnn §3 \"the safety\"]", "[@cnn ¶3 \"the safety\"]"},
      {"[@cnn paragraph 12]", "[@cnn ¶12]"},
      {"[@cnn par. 3]", "[@cnn ¶3]"},
      {"[@cnn Para 3]", "[@cnn ¶3]"},
      {"[@cnn para3]", "[@cnn ¶3]"},
      {"[@cnn ¶3, \"the safety\"]", "[@cnn ¶3 \"the safety\"]"},
    }) {
      assertThat(refs(c[0])).as(c[0]).singleElement().satisfies(r -> assertThat(r.problem()).hasValueSatisfying(p ->
          assertThat(p).endsWith("right after the key, then the quote, if any, with no comma: " + c[1])));
    }
    // Those this one reads are read.
    assertThat(refs("[@cnn p. 3; @cnn para 4 \"x\"]")).extracting(r -> r.paragraph().orElseThrow()).containsExactly(3, 4);
  }

  @Test
  void bracketsInsideACitationButOutsideItsQuoteMakeItUnreadableNotText() {
    // "[@radio ¶3" starts a citation; it runs to the ] that closes it, brackets inside passed over.
    String text = "Lifted [@radio ¶3 see [sic] here] and on.";
    int at = text.indexOf("[@");
    assertThat(CitationSyntax.extent(text, at)).isEqualTo("[@radio ¶3 see [sic] here]".length());
    assertThat(refs("[@radio ¶3 see [sic] here]")).singleElement().satisfies(r ->
        assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("cannot read the citation \"@radio ¶3 see [sic] here\"")));
    String linked = "Lifted [@radio ¶3 as [the CNN piece](https://example.com/x) says] and on.";
    assertThat(CitationSyntax.extent(linked, linked.indexOf("[@"))).isEqualTo(linked.indexOf("] and") + 1 - linked.indexOf("[@"));
    // A bracket inside the quote is the source's own, as before.
    assertThat(refs("[@radio ¶3 \"the [embassy] staff\"]").get(0).quote()).contains("the [embassy] staff");
  }
}
