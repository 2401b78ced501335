package dev.dossier.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The names in a news byline: "Jennifer Hansler and Kylie Atwood, CNN" gives two authors and the
 * outlet CNN; "Jane Doe, John Roe and Ann Poe" gives three authors.
 */
record Byline(List<String> authors, Optional<String> outlet) {

  /** Days, months and times: a sentence starts with one after "By" ("By Monday, …", "By then …"). */
  private static final String TIME_WORDS =
      "(?i:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august"
          + "|september|october|november|december|today|tonight|yesterday|tomorrow|now|then|noon|midnight|dawn)";
  /** A day or a month alone is not a name. */
  private static final java.util.regex.Pattern DAY_OR_MONTH = java.util.regex.Pattern.compile(TIME_WORDS + "\\.?");

  /** A time word followed by what a sentence has there, not a surname: "By June 1, …", not "By June Kronholz". */
  private static final java.util.regex.Pattern TIME_WORD =
      java.util.regex.Pattern.compile(TIME_WORDS + "(?:[,.;:!?]|\\s+(?:\\d|\\p{Ll})|$).*", java.util.regex.Pattern.DOTALL);
  /** A lowercase first word that is neither "the" nor an address ("cnn.com", "https://apnews.com/…"). */
  private static final java.util.regex.Pattern LOWERCASE_START =
      java.util.regex.Pattern.compile("(?!the\\b|https?://)\\p{Ll}(?![\\p{Ll}\\p{N}-]*\\.\\p{Ll}).*", java.util.regex.Pattern.DOTALL);
  /** Three lowercase words in a row: prose, not names ("most of the staff had left"). */
  private static final java.util.regex.Pattern PROSE = java.util.regex.Pattern.compile("(?:^|\\s)\\p{Ll}+(?:\\s+\\p{Ll}+){2}(?=\\s|$)");
  /** A sentence's end on a lowercase word: "…, officials said." */
  private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile(".*(?:^|\\s)\\p{Ll}\\S*[.!?…]", java.util.regex.Pattern.DOTALL);

  /**
   * The byline in the words after "By" of an article's head line (plain text, or a saved page's),
   * unless the line reads as the article's first sentence ({@link #isProse}). Names need no
   * capitals ("By the Associated Press", "By Ana dos Santos, Voice of America", "By 王小明,
   * Xinhua").
   */
  static Optional<Byline> readLine(String text) {
    if (isProse(text)) {
      return Optional.empty();
    }
    Byline byline = parse(text);
    boolean names = !byline.authors().isEmpty()
        && byline.authors().stream().allMatch(Byline::isLooseName) && byline.outlet().stream().allMatch(Byline::isOutlet);
    return names ? Optional.of(byline) : Optional.empty();
  }

  /**
   * An outlet as bylines write it: it starts as a name does, and may then run in sentence case
   * or hold digits ("Українська правда", "ABC7 News"); at most eight words.
   */
  static boolean isOutlet(String text) {
    String[] words = text.strip().split("\\s+");
    return words.length <= 8 && isLooseName(words[0].replaceAll("\\d", ""));
  }

  /** A name that starts with a joined particle: "al-Sayed", "d'Arcy". */
  private static final java.util.regex.Pattern PARTICLE_PREFIX = java.util.regex.Pattern.compile("(?:al|el|d|l|o|bin|ibn)[-'’]\\p{L}.*");
  /** Wire styles: "Jane Doe | Reuters", "Jane Doe and John Roe / CNN". */
  private static final java.util.regex.Pattern WIRE = java.util.regex.Pattern.compile("^(.+?)\\s+[|/]\\s+([^|/]+)$");

  /** Lowercase words a name or an outlet may hold: particles, and the words of staff bylines. */
  private static final java.util.Set<String> NAME_WORDS = java.util.Set.of(
      "of", "the", "for", "and", "de", "da", "das", "do", "dos", "du", "del", "della", "der", "den", "di", "la", "le", "van", "von",
      "bin", "ibn", "al", "el", "y", "e", "staff", "reporters", "correspondent", "correspondents", "agencies", "wires", "news");

  /**
   * A name as bylines write them, in any script: words that start with a capital or a letter of
   * a script without case, or the particles names hold ("Ana dos Santos", "Mohammed al-Sayed",
   * "the Associated Press", "王小明"); no digit, at most eight words, and not a day or a month
   * alone ("By Monday").
   */
  static boolean isLooseName(String text) {
    String[] words = text.strip().split("\\s+");
    if (text.isBlank() || words.length > 8 || DAY_OR_MONTH.matcher(text.strip()).matches()) {
      return false;
    }
    for (String word : words) {
      int c = word.codePointAt(0);
      boolean capital = Character.isUpperCase(c) || Character.isLetter(c) && !Character.isLowerCase(c);
      boolean particle = NAME_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) || PARTICLE_PREFIX.matcher(word).matches();
      if (!(capital || particle) || word.chars().anyMatch(Character::isDigit)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a head line's value (after "By" or "Source:") is the start of a sentence rather than
   * names: it starts with a day, a time or a lowercase word other than "the" ("By Monday, …", "By
   * then …", "Source: officials said …"), holds three lowercase words in a row, or ends a sentence
   * on a lowercase word ("…, officials said.").
   */
  static boolean isProse(String text) {
    String t = text.strip();
    return TIME_WORD.matcher(t).matches() || LOWERCASE_START.matcher(t).matches() || PROSE.matcher(t).find() || SENTENCE_END.matcher(t).matches();
  }

  static Byline parse(String text) {
    java.util.regex.Matcher wire = WIRE.matcher(text.strip());
    if (wire.matches()) {
      Byline names = parse(wire.group(1));
      return new Byline(names.authors(), Optional.of(wire.group(2).strip()));
    }
    List<String> parts = new ArrayList<>(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    Optional<String> outlet = Optional.empty();
    // "A and B, CNN" or "A, CNN": a last part after a list that already ended with "and", or
    // after a single name, is the outlet; "A, B and C" is three people.
    if (parts.size() >= 2) {
      String last = parts.get(parts.size() - 1);
      String before = parts.get(parts.size() - 2);
      if (!last.contains(" and ") && (parts.size() == 2 || before.contains(" and "))) {
        outlet = Optional.of(last);
        parts.remove(parts.size() - 1);
      }
    }
    List<String> authors = new ArrayList<>();
    for (String part : parts) {
      for (String name : part.split("(?i)\\s+and\\s+|\\s*&\\s*")) {
        if (!name.isBlank()) {
          authors.add(name.strip());
        }
      }
    }
    return new Byline(List.copyOf(authors), outlet);
  }
}
