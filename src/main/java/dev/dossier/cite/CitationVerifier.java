package dev.dossier.cite;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.Citation;
import dev.dossier.model.Citer;
import dev.dossier.model.Paragraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks each citation against its source: the key exists, the paragraph exists, the quote is in
 * the source (in that paragraph, when one is given). A quote given without a paragraph is pinned
 * to the first paragraph that contains it, so its link lands on the right passage.
 */
public final class CitationVerifier {

  private final Map<String, List<Paragraph>> paragraphsByKey;
  private final Set<String> broken;
  private final java.util.function.Consumer<Unverified> unverified;

  /**
   * @param paragraphsByKey every source's paragraphs, by citation key
   * @param broken keys of sources whose document failed to load, already reported; citations
   *     of them are dropped without a second message
   */
  public CitationVerifier(Map<String, List<Paragraph>> paragraphsByKey, Set<String> broken) {
    this(paragraphsByKey, broken, u -> {});
  }

  /** @param unverified told of every citation its source does not bear out */
  public CitationVerifier(Map<String, List<Paragraph>> paragraphsByKey, Set<String> broken, java.util.function.Consumer<Unverified> unverified) {
    this.paragraphsByKey = Map.copyOf(paragraphsByKey);
    this.broken = Set.copyOf(broken);
    this.unverified = unverified;
  }

  /** What a citation may hold, for any that cannot be read. */
  static final String SYNTAX = "a citation is [@key], [@key ¶5] (or [@key para 5]), [@key \"quoted words\"] or [@key ¶5 \"quoted words\"];"
      + " several go in one pair of brackets with ;, as in [@a ¶3; @b ¶5]";

  /** The verified citation, or empty after reporting what is wrong with it. */
  public Optional<Citation> verify(CitationRef ref, Position at, Citer citer, Diagnostics diagnostics) {
    if (ref.problem().isPresent()) {
      diagnostics.error(at, ref.problem().get(), SYNTAX);
      return Optional.empty();
    }
    if (broken.contains(ref.key())) {
      return Optional.empty();
    }
    List<Paragraph> paragraphs = paragraphsByKey.get(ref.key());
    if (paragraphs == null) {
      diagnostics.error(at, "unknown citation key \"" + ref.key() + "\"", keyHint(ref.key()));
      unverified.accept(new Unverified(citer, ref, at));
      return Optional.empty();
    }
    if (ref.paragraph().isPresent()) {
      int number = ref.paragraph().get();
      if (number < 1 || number > paragraphs.size()) {
        diagnostics.error(
            at,
            "paragraph " + number + " is out of range: \"" + ref.key() + "\" has " + paragraphs.size() + (paragraphs.size() == 1 ? " paragraph" : " paragraphs"),
            "cite a paragraph from 1 to " + paragraphs.size() + " (see the numbers on the source's page)");
        unverified.accept(new Unverified(citer, ref, at));
        return Optional.empty();
      }
    }
    Optional<Integer> paragraph = ref.paragraph();
    if (ref.quote().isPresent()) {
      String quote = ref.quote().get();
      List<Paragraph> searched = paragraph.map(n -> List.of(paragraphs.get(n - 1))).orElse(paragraphs);
      Optional<Paragraph> found = searched.stream().filter(p -> QuoteMatcher.find(p.text(), quote).isPresent()).findFirst();
      if (found.isEmpty()) {
        diagnostics.error(at, notFound(ref, quote), closest(paragraphs, quote));
        unverified.accept(new Unverified(citer, ref, at));
        return Optional.empty();
      }
      paragraph = Optional.of(found.get().number());
    }
    return Optional.of(new Citation(ref.key(), paragraph, ref.quote(), citer, at));
  }

  private static String notFound(CitationRef ref, String quote) {
    String where = ref.paragraph().map(n -> "paragraph " + n + " of \"" + ref.key() + "\"").orElse("\"" + ref.key() + "\"");
    return "quote not found in " + where + ": \"" + quote + "\"";
  }

  private static String closest(List<Paragraph> paragraphs, String quote) {
    return ClosestPassage.find(paragraphs.stream().map(Paragraph::text).toList(), 1, quote)
        .map(m -> "the closest passage the source contains is in ¶" + m.paragraph() + ": \"" + m.passage() + "\""
            + (encodedOtherwise(quote, paragraphs.get(m.paragraph() - 1).text())
                ? "; the quote's letters look the same but are encoded otherwise (an accent typed as a letter of its own, as some"
                    + " keyboards and copies from PDFs give it): copy the words from the source's text, or retype them"
                : otherCapitals(quote, paragraphs.get(m.paragraph() - 1).text())
                    ? "; only the capitals differ, and a quote keeps the source's: write them as the source does"
                    : ""))
        .orElse("the source has no text to quote");
  }

  /**
   * Whether the quote is in the paragraph but for its capitals ("In negotiations" for "in
   * negotiations"), and not as written: a quote the paragraph holds was cited with another
   * paragraph's number, which the closest passage's ¶ already tells.
   */
  private static boolean otherCapitals(String quote, String text) {
    return QuoteMatcher.find(text, quote).isEmpty()
        && QuoteMatcher.find(text.toLowerCase(java.util.Locale.ROOT), quote.toLowerCase(java.util.Locale.ROOT)).isPresent();
  }

  /**
   * Whether the quote is in the paragraph once both are in Unicode's composed form (NFC): "é"
   * as one character in one and as "e" with a combining accent in the other. The words are
   * compared as written, so such a quote is not found; this says why.
   */
  private static boolean encodedOtherwise(String quote, String text) {
    String composedQuote = java.text.Normalizer.normalize(quote, java.text.Normalizer.Form.NFC);
    String composedText = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
    return (!composedQuote.equals(quote) || !composedText.equals(text)) && QuoteMatcher.find(composedText, composedQuote).isPresent();
  }

  private String keyHint(String key) {
    return dev.dossier.diag.Similarity.closest(key, paragraphsByKey.keySet(), 3)
        .map(k -> "did you mean \"" + k + "\"?")
        .orElse("known keys: " + String.join(", ", new java.util.TreeSet<>(paragraphsByKey.keySet())));
  }

}
