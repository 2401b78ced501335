package dev.dossier.curate;

import java.text.Normalizer;
import java.util.Locale;

/** Lowercase ASCII letters, digits and hyphens made from any text, as keys and file names need. */
final class Slug {

  private Slug() {}

  /**
   * "Blinken: U.S. Closes Kyiv Embassy" gives "blinken-u-s-closes-kyiv-embassy"; accents are
   * dropped ("Zelenskyy’s café" gives "zelenskyy-s-cafe"); letters with no ASCII form are lost, so
   * the result may be empty.
   *
   * @param max the longest result; longer slugs are cut at a hyphen, so no word is cut in half
   *     unless a single word is longer than max
   */
  static String of(String text, int max) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() <= max) {
      return slug;
    }
    int cut = slug.lastIndexOf('-', max);
    return (cut > 0 ? slug.substring(0, cut) : slug.substring(0, max)).replaceAll("-+$", "");
  }
}
