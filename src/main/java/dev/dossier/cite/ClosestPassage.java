package dev.dossier.cite;

import java.util.List;
import java.util.Optional;

/**
 * When a quote is not in its source, the passage that comes nearest, so the curator can see
 * whether a word was changed, dropped or misremembered.
 */
public final class ClosestPassage {

  /** A passage of a paragraph and how far it is from the quote (edits per character). */
  public record Match(int paragraph, String passage, double distance) {}

  private ClosestPassage() {}

  /**
   * @param paragraphs the texts of the paragraphs to search, numbered from {@code firstNumber}
   */
  public static Optional<Match> find(List<String> paragraphs, int firstNumber, String quote) {
    String needle = QuoteMatcher.normalize(quote.strip());
    int words = needle.split(" ").length;
    Match best = null;
    for (int p = 0; p < paragraphs.size(); p++) {
      String[] tokens = QuoteMatcher.normalize(paragraphs.get(p)).split(" ");
      for (int size = Math.max(1, words - 1); size <= words + 1; size++) {
        for (int start = 0; start + size <= tokens.length || start == 0; start++) {
          String window = String.join(" ", java.util.Arrays.copyOfRange(tokens, start, Math.min(tokens.length, start + size)));
          double distance = (double) levenshtein(needle, window, best == null ? Integer.MAX_VALUE : (int) Math.ceil(best.distance * needle.length()) + 1)
              / Math.max(1, needle.length());
          if (best == null || distance < best.distance) {
            best = new Match(p + firstNumber, window, distance);
          }
          if (start + size >= tokens.length) {
            break;
          }
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    // The window is in matching's folded form (quotation marks straightened, spaces collapsed):
    // shown to the curator, it is the source's own characters.
    String text = paragraphs.get(best.paragraph() - firstNumber);
    Match found = best;
    return Optional.of(QuoteMatcher.find(text, found.passage())
        .map(r -> new Match(found.paragraph(), text.substring(r.start(), r.end()), found.distance()))
        .orElse(found));
  }

  /** Edit distance, giving up (returning {@code bound}) once it must exceed {@code bound}. */
  private static int levenshtein(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) >= bound) {
      return bound;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin >= bound) {
        return bound;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
