package dev.dossier.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lowercase ASCII letters, digits and hyphens made from any text, as keys, ids and file names
 * need. Accents are dropped ("Zelenskyy’s café" gives "zelenskyy-s-cafe"), Cyrillic is
 * transliterated (Ukrainian first, as this kind of dossier's sources often are: "Київ" gives
 * "kyiv", "Львів" "lviv"); letters of other scripts have no ASCII form and are lost.
 */
public final class Slug {

  private Slug() {}

  /**
   * "Blinken: U.S. Closes Kyiv Embassy" gives "blinken-u-s-closes-kyiv-embassy"; the result may
   * be empty.
   *
   * @param max the longest result; longer slugs are cut at a hyphen, so no word is cut in half
   *     unless a single word is longer than max
   */
  public static String of(String text, int max) {
    String slug = ascii(text);
    if (slug.length() <= max) {
      return slug;
    }
    int cut = slug.lastIndexOf('-', max);
    return (cut > 0 ? slug.substring(0, cut) : slug.substring(0, max)).replaceAll("-+$", "");
  }

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * The whole slug, uncut. ASCII text, most of what it is given (a dossier makes one for each
   * topic a document names, and each event), needs neither transliterating nor decomposing.
   */
  public static String ascii(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String latin = lower.chars().allMatch(c -> c < 0x80) ? lower : MARKS.matcher(Normalizer.normalize(transliterated(lower), Normalizer.Form.NFKD)).replaceAll("");
    // Each run of anything but a-z and 0-9 becomes one hyphen, and none is left at either end.
    StringBuilder slug = new StringBuilder(latin.length());
    boolean gap = false;
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        if (gap && slug.length() > 0) {
          slug.append('-');
        }
        gap = false;
        slug.append(c);
      } else {
        gap = true;
      }
    }
    return slug.toString();
  }

  /** Lowercase Cyrillic in Latin letters, after Ukraine's national system (2010), with Russian's extra letters. */
  static String transliterated(String lower) {
    StringBuilder out = null;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      String latin = c >= '\u0430' && c <= '\u045f' || c == '\u0491' ? CYRILLIC[c == '\u0491' ? CYRILLIC.length - 1 : c - '\u0430'] : null;
      if (latin == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(lower.length() + 8).append(lower, 0, i);
      }
      out.append(latin);
    }
    return out == null ? lower : out.toString();
  }

  /** а to я, then ѐ to џ (U+0450 to U+045F), then ґ. */
  private static final String[] CYRILLIC = {
    "a", "b", "v", "h", "d", "e", "zh", "z", "y", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia",
    "e", "e", "dj", "g", "ie", "dz", "i", "i", "j", "lj", "nj", "c", "k", "i", "u", "dz",
    "g"
  };
}
