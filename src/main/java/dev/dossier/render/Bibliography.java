package dev.dossier.render;

import dev.dossier.model.PersonName;
import dev.dossier.model.Source;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Full citations in the Chicago Manual of Style's notes-and-bibliography form, adapted honestly:
 * a title the curator supplied stands in square brackets, an unknown date is "n.d.", an
 * approximate one "c." (as everywhere on the site), an unknown author is simply left out.
 */
final class Bibliography {

  private Bibliography() {}

  /** "[US orders embassy staff to leave]" or "Title", as a reader should see it. */
  static String displayTitle(Source source) {
    if (source.title().value().isEmpty()) {
      return "[untitled: " + source.file() + "]";
    }
    String title = source.title().value().get();
    return source.titleSupplied() ? "[" + title + "]" : title;
  }

  /**
   * The title as a reference to the source shows it: the curator's short title, in brackets
   * as the title is, else the title.
   */
  static String displayShortTitle(Source source) {
    return source.shortTitle().map(t -> bracketed(source) ? "[" + t + "]" : t).orElseGet(() -> displayTitle(source));
  }

  /** True when the title shown is not the document's own headline. */
  static boolean bracketed(Source source) {
    return source.titleSupplied() || source.title().value().isEmpty();
  }

  /**
   * "BuzzFeed News, 12 February 2022", or "CNN, updated 15 February 2022" for a source known
   * only by its last update; the (short) title when there is no outlet.
   */
  static String shortLabel(Source source) {
    String who = source.outlet().value().orElseGet(() -> displayShortTitle(source));
    return dateLabel(source).map(d -> who + ", " + d).orElse(who);
  }

  /** "12 February 2022", or "updated 15 February 2022" for a source known only by its last update. */
  static Optional<String> dateLabel(Source source) {
    String updated = source.published().isKnown() ? "" : "updated ";
    return source.date().map(d -> updated + d.label());
  }

  /** The bibliography entry, as plain text. */
  static String entry(Source source) {
    StringBuilder out = new StringBuilder();
    // "King, Martin Luther, Jr." brings its own full stop.
    source.authors().value().filter(a -> !a.isEmpty()).map(Bibliography::authors).ifPresent(a -> out.append(a).append(a.endsWith(".") ? " " : ". "));
    String title = displayTitle(source);
    out.append(bracketed(source) ? title + "." : NestedQuotes.titleWithStop(title));
    source.outlet().value().ifPresent(o -> out.append(' ').append(o).append(','));
    String date = date(source);
    // "n.d." ends with its own full stop.
    out.append(' ').append(date).append(date.endsWith(".") ? "" : ".");
    source.url().value().ifPresent(u -> out.append(' ').append(u).append('.'));
    return out.toString();
  }

  /**
   * The bibliography's order, as Chicago's: by each entry's first word (the first author's
   * family name, or the title when no author is known, less an English article), letters
   * compared without case or accents and brackets and quotation marks passed over; sources
   * whose entries read alike by their keys.
   *
   * @param entry each source's entry, as {@link #entry} makes it (the caller may have it already)
   */
  static List<Source> alphabetical(List<Source> sources, java.util.function.Function<Source, String> entry) {
    Map<Source, String> sortKeys = new java.util.IdentityHashMap<>();
    sources.forEach(s -> sortKeys.put(s, sortKey(entry.apply(s), s.authors().value().filter(a -> !a.isEmpty()).isEmpty())));
    return sources.stream().sorted(Comparator.comparing((Source s) -> sortKeys.get(s)).thenComparing(Source::key)).toList();
  }

  /** @param titleFirst whether the entry starts with its title (no author is known), whose article is passed over */
  static String sortKey(String entry, boolean titleFirst) {
    String lower = entry.toLowerCase(java.util.Locale.ROOT);
    // Most entries are ASCII but for their quotation marks and dashes, with nothing to decompose
    // or fold: no pass over them but the last.
    String plain = lower.chars().allMatch(c -> c < 0x80 || UNFOLDED.indexOf(c) >= 0) ? lower : folded(lower);
    String key = NOT_FILED.matcher(plain).replaceAll("");
    // An English title's article is passed over, as Chicago files "The Kyiv Post" under K; an
    // author's name is not ("An, Li" stays under A).
    return titleFirst ? ARTICLE.matcher(key).replaceFirst("") : key;
  }

  /** Punctuation beyond ASCII that decomposes to nothing and is passed over as it is. */
  private static final String UNFOLDED = "“”‘’–—…";
  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  /** What the order passes over: all but letters, digits and spaces. */
  private static final java.util.regex.Pattern NOT_FILED = java.util.regex.Pattern.compile("[^\\p{L}\\p{N} ]+");
  private static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile("^(?:the|a|an) ");

  /** Lower-cased text decomposed, its marks dropped and the letters that do not decompose written as the letters they look like. */
  private static String folded(String lower) {
    String plain = MARKS.matcher(java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFKD)).replaceAll("");
    // Letters that do not decompose, filed as the letters they are written like.
    StringBuilder folded = new StringBuilder(plain.length());
    plain.codePoints().forEach(c -> folded.append(switch (c) {
      case 'ø' -> "o";
      case 'ł' -> "l";
      case 'đ' -> "d";
      case 'ħ' -> "h";
      case 'æ' -> "ae";
      case 'œ' -> "oe";
      case 'ß' -> "ss";
      case 'þ' -> "th";
      default -> Character.toString(c);
    }));
    // Lower case again: a compatibility character may decompose into capitals ("™" is "TM").
    return folded.toString().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The date as the rest of the site writes it ("c. 18 January 2022"; Chicago allows the day
   * first), or, for a source known only by its last update, that update to the minute, which
   * tells a reader why a report of Monday's events can be dated Tuesday.
   */
  private static String date(Source source) {
    if (source.published().isKnown()) {
      return source.published().value().get().label();
    }
    return source.updated().value().map(u -> "updated " + UPDATED.format(u.withOffsetSameInstant(ZoneOffset.UTC))).orElse("n.d.");
  }

  private static final java.time.format.DateTimeFormatter UPDATED =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", java.util.Locale.ENGLISH);

  /**
   * "Hansler, Jennifer, and Kylie Atwood": the first name inverted, as Chicago asks, the others
   * as they are printed, even if the index wrote one family name first.
   */
  static String authors(List<String> names) {
    StringBuilder out = new StringBuilder(PersonName.of(names.get(0)).inverted());
    for (int i = 1; i < names.size(); i++) {
      String name = names.get(i);
      out.append(i == names.size() - 1 ? ", and " : ", ").append(PersonName.asPrinted(name).orElse(name.strip()));
    }
    return out.toString();
  }
}
