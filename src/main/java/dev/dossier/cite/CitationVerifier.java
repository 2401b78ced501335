package dev.dossier.cite;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.Citation;
import dev.dossier.model.Citer;
import dev.dossier.model.Paragraph;
import java.util.ArrayList;
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

  /** At most this many other places are named in an unknown key's error. */
  private static final int PLACES_NAMED = 8;

  private final Map<String, List<Paragraph>> paragraphsByKey;
  private final Set<String> broken;
  private final java.util.function.Consumer<Unverified> unverified;
  /** Where each source's key is written in the index, for a hint that the key is the one misspelt. */
  private final Map<String, Position> keyAt;
  /** Where each key no source has is cited, in the order met, for {@link #reportUnknownKeys}. */
  private final Map<String, List<Position>> unknown = new java.util.LinkedHashMap<>();
  /** The keys of sources that some citation names, whether or not it verified. */
  private final Set<String> cited = new java.util.HashSet<>();

  /**
   * @param paragraphsByKey every source's paragraphs, by citation key
   * @param broken keys of sources whose document failed to load, already reported; citations
   *     of them are dropped without a second message
   */
  public CitationVerifier(Map<String, List<Paragraph>> paragraphsByKey, Set<String> broken) {
    this(paragraphsByKey, broken, u -> {}, Map.of());
  }

  /**
   * @param unverified told of every citation its source does not bear out
   * @param keyAt where the index gives each source's key, when it does
   */
  public CitationVerifier(Map<String, List<Paragraph>> paragraphsByKey, Set<String> broken, java.util.function.Consumer<Unverified> unverified,
      Map<String, Position> keyAt) {
    this.paragraphsByKey = Map.copyOf(paragraphsByKey);
    this.broken = Set.copyOf(broken);
    this.unverified = unverified;
    this.keyAt = Map.copyOf(keyAt);
  }

  /** What a citation may hold, for any that cannot be read. */
  static final String SYNTAX = "a citation is [@key], [@key ¶5] (or [@key para 5]), [@key \"quoted words\"] or [@key ¶5 \"quoted words\"];"
      + " several go in one pair of brackets with ;, as in [@a ¶3; @b ¶5]";

  /**
   * The verified citation, or empty after reporting what is wrong with it; a citation of a key no
   * source has is reported by {@link #reportUnknownKeys}, with the others of that key.
   */
  public Optional<Citation> verify(CitationRef ref, Position at, Citer citer, Diagnostics diagnostics) {
    if (ref.problem().isPresent()) {
      diagnostics.error(at, ref.problem().get(), SYNTAX);
      return Optional.empty();
    }
    if (broken.contains(ref.key())) {
      cited.add(ref.key());
      return Optional.empty();
    }
    List<Paragraph> paragraphs = paragraphsByKey.get(ref.key());
    if (paragraphs == null) {
      unknown.computeIfAbsent(ref.key(), k -> new ArrayList<>()).add(at);
      unverified.accept(new Unverified(citer, ref, at, true));
      return Optional.empty();
    }
    cited.add(ref.key());
    if (ref.paragraph().isPresent()) {
      int number = ref.paragraph().get();
      if (number < 1 || number > paragraphs.size()) {
        diagnostics.error(
            at,
            "paragraph " + number + " is out of range: \"" + ref.key() + "\" has " + paragraphs.size() + (paragraphs.size() == 1 ? " paragraph" : " paragraphs"),
            "cite a paragraph from 1 to " + paragraphs.size() + " (see the numbers on the source's page)");
        unverified.accept(new Unverified(citer, ref, at, false));
        return Optional.empty();
      }
    }
    Optional<Integer> paragraph = ref.paragraph();
    if (ref.quote().isPresent()) {
      String quote = ref.quote().get();
      List<Paragraph> searched = paragraph.map(n -> List.of(paragraphs.get(n - 1))).orElse(paragraphs);
      Optional<Paragraph> found = searched.stream().filter(p -> QuoteMatcher.find(p.text(), quote).isPresent()).findFirst();
      if (found.isEmpty()) {
        diagnostics.error(at, notFound(ref, quote), across(paragraphs, ref.key(), quote).orElseGet(() -> closest(paragraphs, quote)));
        unverified.accept(new Unverified(citer, ref, at, false));
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

  /**
   * For a quote that runs from the end of one paragraph into the start of the next, which no
   * paragraph holds whole: the two parts, as citations of their own.
   */
  private static Optional<String> across(List<Paragraph> paragraphs, String key, String quote) {
    String q = QuoteMatcher.normalize(quote).strip();
    List<String> texts = paragraphs.stream().map(p -> QuoteMatcher.normalize(p.text()).strip()).toList();
    for (int i = 0; i + 1 < texts.size(); i++) {
      String end = texts.get(i);
      String start = texts.get(i + 1);
      // Each cut at a space: the words before it end this paragraph, the words after it start the next.
      for (int cut = q.indexOf(' '); cut > 0; cut = q.indexOf(' ', cut + 1)) {
        int rest = q.length() - cut - 1;
        if (cut <= end.length() && rest <= start.length()
            && end.regionMatches(end.length() - cut, q, 0, cut) && start.regionMatches(0, q, cut + 1, rest)) {
          int n = paragraphs.get(i).number();
          int m = paragraphs.get(i + 1).number();
          return Optional.of("the quote runs from the end of ¶" + n + " into the start of ¶" + m + ", and a quote is words of one paragraph:"
              + " cite each part, as in [@" + key + " ¶" + n + " \"" + q.substring(0, cut) + "\"; @" + key + " ¶" + m + " \"" + q.substring(cut + 1) + "\"]");
        }
      }
    }
    return Optional.empty();
  }

  private static String closest(List<Paragraph> paragraphs, String quote) {
    return ClosestPassage.find(paragraphs.stream().map(Paragraph::text).toList(), 1, quote)
        .map(m -> "the closest passage the source contains is in ¶" + m.paragraph() + ": \"" + m.passage() + "\""
            + (encodedOtherwise(quote, paragraphs.get(m.paragraph() - 1).text())
                ? "; the quote's letters look the same but are encoded otherwise (an accent typed as a letter of its own, as some"
                    + " keyboards and copies from PDFs give it): copy the words from the source's text, or retype them"
                : otherCapitals(quote, paragraphs.get(m.paragraph() - 1).text())
                    ? "; only the capitals differ, and a quote keeps the source's: write them as the source does"
                    : otherDashes(quote, paragraphs.get(m.paragraph() - 1).text())
                        ? "; only the dashes differ (a hyphen typed for the source's en or em dash, say), and a quote keeps the source's:"
                            + " copy the dash from the source's text"
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

  /** A run of hyphens and dashes, which look alike in a terminal and are told apart in a quote, with the spaces around it. */
  private static final java.util.regex.Pattern DASH_RUN = java.util.regex.Pattern.compile("\\s*[-\u2010-\u2015\u2212]+\\s*");

  /**
   * Whether the quote is in the paragraph but for its dashes ("FALLS - The" or "bridge--closed"
   * for "FALLS – The" or "bridge—closed"), and not as written.
   */
  private static boolean otherDashes(String quote, String text) {
    return QuoteMatcher.find(text, quote).isEmpty()
        && QuoteMatcher.find(dashed(text), dashed(quote)).isPresent();
  }

  /** Every dash as one hyphen, a doubled hyphen ("--", typed for a dash) too, with the spaces around it. */
  private static String dashed(String text) {
    return DASH_RUN.matcher(text).replaceAll("-");
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

  /**
   * Reports each key that citations name and no source has, once all are verified: one error, at
   * its first citation, naming the others, since a key misspelt once in the index (in its
   * source's entry, or copied from one citation to the next) is cited wrongly everywhere, and an
   * error at each citation would bury every other. When the source key most like it is cited
   * nowhere, the slip may be that key's: a note at the source's entry says so.
   */
  public void reportUnknownKeys(Diagnostics diagnostics) {
    unknown.forEach((key, met) -> {
      List<Position> places = met.stream()
          .sorted(Position.ORDER)
          .toList();
      String times = places.size() > 1 ? ", cited " + places.size() + " times" : "";
      Optional<String> near = dev.dossier.diag.Similarity.closest(key, paragraphsByKey.keySet(), 3);
      String hint = near.map(k -> "did you mean \"" + k + "\"?").orElseGet(this::knownKeys);
      if (places.size() > 1) {
        hint += (hint.endsWith("?") ? " The" : "; the") + " unknown key is cited here and at " + Position.others(places.get(0), places.subList(1, places.size()), PLACES_NAMED) + ".";
      }
      diagnostics.error(places.get(0), "unknown citation key \"" + key + "\"" + times, hint);
      near.filter(k -> !cited.contains(k) && keyAt.containsKey(k)).ifPresent(k -> diagnostics.note(keyAt.get(k),
          "no citation names the key \"" + k + "\", and " + (places.size() == 1 ? "one names" : places.size() + " name") + " \"" + key
              + "\", which no source has: if the slip is this key's, correct it here"));
    });
    unknown.clear();
  }

  /** The sources' keys, when none is like the one cited: the first few, for a dossier of thousands. */
  private String knownKeys() {
    List<String> keys = new ArrayList<>(new java.util.TreeSet<>(paragraphsByKey.keySet()));
    if (keys.isEmpty()) {
      return "no source has a key yet";
    }
    return "no source's key is like it; the keys are " + Position.joined(keys.subList(0, Math.min(keys.size(), PLACES_NAMED)), keys.size() - Math.min(keys.size(), PLACES_NAMED));
  }
}
