package dev.dossier.diag;

/**
 * Edit distance for "did you mean" suggestions, counting a swap of two neighbouring letters as
 * one edit ("tilte" is one edit from "title"), as typos usually are.
 */
public final class Similarity {

  private Similarity() {}

  /**
   * The known word nearest to {@code word}, if it is near enough to be a likely typo: within a
   * third of the word's length, and at least {@code minimumReach} edits. Ties go to the first
   * in alphabetical order, so the suggestion is stable.
   */
  public static java.util.Optional<String> closest(String word, java.util.Collection<String> known, int minimumReach) {
    int reach = Math.max(minimumReach, word.length() / 3);
    return known.stream()
        .filter(k -> distance(word, k) <= reach)
        .min(java.util.Comparator.comparingInt((String k) -> distance(word, k)).thenComparing(k -> k));
  }

  /** The optimal-string-alignment distance between two words. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
