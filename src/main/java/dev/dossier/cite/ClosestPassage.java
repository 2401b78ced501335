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
    String[] needleWords = needle.split(" ");
    int words = needleWords.length;
    java.util.Set<String> wanted = java.util.Set.of(java.util.Arrays.stream(needleWords).distinct().toArray(String[]::new));
    // Every window of the quote's length, give or take a word, scored first by how many of the
    // quote's words it holds (cheap); the edit distance, which costs the quote's length times
    // the window's, is worked out only for the best scored. Without this, a source of 50 KB
    // with a quote missing from it took seconds, and a paragraph of megabytes, minutes.
    java.util.PriorityQueue<Window> kept = new java.util.PriorityQueue<>();
    List<String[]> tokenized = new java.util.ArrayList<>();
    for (int p = 0; p < paragraphs.size(); p++) {
      String[] tokens = QuoteMatcher.normalize(paragraphs.get(p)).split(" ");
      tokenized.add(tokens);
      for (int size = Math.max(1, words - 1); size <= words + 1; size++) {
        int shared = 0;
        int end = Math.min(tokens.length, size);
        for (int i = 0; i < end; i++) {
          shared += wanted.contains(tokens[i]) ? 1 : 0;
        }
        for (int start = 0; ; start++) {
          kept.add(new Window(shared, p, start, end));
          if (kept.size() > CANDIDATES) {
            kept.poll();
          }
          if (end >= tokens.length) {
            break;
          }
          shared += (wanted.contains(tokens[end]) ? 1 : 0) - (wanted.contains(tokens[start]) ? 1 : 0);
          end++;
        }
      }
    }
    List<Window> candidates = new java.util.ArrayList<>(kept);
    // In the paragraphs' order, so that of equally near passages the first is chosen.
    candidates.sort(java.util.Comparator.comparingInt(Window::paragraph).thenComparingInt(Window::start).thenComparingInt(Window::end));
    Match best = null;
    for (Window w : candidates) {
      String window = String.join(" ", java.util.Arrays.copyOfRange(tokenized.get(w.paragraph()), w.start(), w.end()));
      double distance = (double) levenshtein(needle, window, best == null ? Integer.MAX_VALUE : (int) Math.ceil(best.distance * needle.length()) + 1)
          / Math.max(1, needle.length());
      if (best == null || distance < best.distance) {
        best = new Match(w.paragraph() + firstNumber, window, distance);
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

  /** How many scored windows have their edit distance worked out. */
  private static final int CANDIDATES = 200;

  /** A run of a paragraph's words, and how many of the quote's words it holds. */
  private record Window(int shared, int paragraph, int start, int end) implements Comparable<Window> {
    /** Fewest shared words first (the queue drops those), then the later in the text. */
    @Override
    public int compareTo(Window other) {
      int c = Integer.compare(shared, other.shared);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(other.paragraph, paragraph);
      return c != 0 ? c : Integer.compare(other.start, start);
    }
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
