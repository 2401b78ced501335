package dev.dossier.model;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An author's name in the parts citation styles put in their own order: the family name is the
 * last word of the name as it is printed ("Jennifer Hansler"), less a suffix (Jr., Sr., II, III,
 * IV: "Martin Luther King Jr.") or a credential ("John Smith, PhD"; M.D., Esq., or after a comma
 * an abbreviation of two to four capitals, "Ann Lee, CFA"), and the given names are the words
 * before it. A name of one word
 * (an outlet's desk, "Reuters"), or of one word and a suffix, or joined with "and", "&" or ";"
 * (a firm's, "Ernst and Young"; several people's, "Jane Doe; John Roe"), has no parts, and is
 * written as it is.
 *
 * @param given the given names; empty for a name without parts
 * @param family the family name, or the whole of a name without parts
 * @param suffix "Jr.", "III", "PhD"; empty for none
 */
public record PersonName(Optional<String> given, String family, Optional<String> suffix) {

  /** A suffix or credential after the family name, with or without a comma before it. */
  private static final Pattern SUFFIX =
      Pattern.compile("(.*[^\\s,])(?:\\s*,\\s*|\\s+)(Jr\\.?|Sr\\.?|II|III|IV|Ph\\.?D\\.?|M\\.?D\\.?|Esq\\.?)");
  /**
   * An abbreviated credential ("CFA", "RN") after a comma and a name of two words or more:
   * "Smith, JD" is a family name and initials, and "Jean LI" a family name in capitals.
   */
  private static final Pattern CREDENTIAL = Pattern.compile("(.*\\S\\s+.*[^\\s,])\\s*,\\s*(\\p{Lu}{2,4})");

  /** The words SUFFIX ends with, their full stops left out. */
  private static final java.util.Set<String> SUFFIX_WORDS = java.util.Set.of("Jr", "Sr", "II", "III", "IV", "PhD", "MD", "Esq");

  private static String lastWord(String name) {
    int i = name.length();
    while (i > 0 && !Character.isWhitespace(name.charAt(i - 1))) {
      i--;
    }
    return name.substring(i);
  }

  /** A name less its suffix or credential, and that suffix. */
  private record Suffixed(String rest, Optional<String> suffix) {
    static Suffixed of(String name) {
      String stripped = name.strip();
      // Most names have neither a comma nor a suffix's word at their end: no pattern needed
      // (a dossier formats every author of thousands of sources several times over).
      if (stripped.indexOf(',') < 0 && !SUFFIX_WORDS.contains(lastWord(stripped).replace(".", ""))) {
        return new Suffixed(stripped, Optional.empty());
      }
      for (Pattern p : List.of(SUFFIX, CREDENTIAL)) {
        Matcher m = p.matcher(stripped);
        if (m.matches()) {
          return new Suffixed(m.group(1).strip(), Optional.of(m.group(2)));
        }
      }
      return new Suffixed(stripped, Optional.empty());
    }
  }

  /**
   * A name joined with "and" (in any case: "JANE DOE AND JOHN ROE", "Ernst And Young") or "&"
   * between two words: a firm's or a desk's ("Ernst and Young", "Johnson & Johnson"), not one
   * person's. An "And" that ends the name is the name's own word (the Turkish surname, "Metin
   * And"). A ";" joins too: no name holds one, so such a text is several ("Jane Doe; John Roe"),
   * kept whole rather than cut into a family name and given names that are neither.
   */
  private static final Pattern JOINED = Pattern.compile("\\s(?:[aA][nN][dD]|&)\\s|\\s*;\\s*");

  /** Whether a name is joined with "and", "&" or ";", the pattern tried only on a name holding one (most names hold none). */
  private static boolean joined(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '&' || c == ';' || (c == 'a' || c == 'A') && name.regionMatches(true, i, "and", 0, 3)) {
        return JOINED.matcher(name).find();
      }
    }
    return false;
  }

  /**
   * The people a joined name seems to hold: the parts of one joined with ";" (one part for
   * "Jane Doe;"), or with "and" or "&" when each part is a name of two words or more ("Jane Doe
   * and John Roe"); empty for a firm's ("Ernst and Young") or any other.
   */
  public static Optional<List<String>> people(String name) {
    if (!joined(name)) {
      return Optional.empty();
    }
    List<String> sides = java.util.Arrays.stream(JOINED.split(name)).map(String::strip).filter(side -> !side.isEmpty()).toList();
    if (name.indexOf(';') >= 0) {
      return sides.isEmpty() ? Optional.empty() : Optional.of(sides);
    }
    return sides.size() > 1 && sides.stream().allMatch(PersonName::fullName) ? Optional.of(sides) : Optional.empty();
  }

  /**
   * The two people a name written with one comma seems to hold when each side is a name of two
   * words or more ("Jane Doe, John Roe"), which may also be one name written family name first
   * ("García Márquez, Gabriel José"); empty for any other.
   */
  public static Optional<List<String>> perhapsTwo(String name) {
    Suffixed suffixed = Suffixed.of(name);
    String[] sides = suffixed.rest().split(",", -1);
    if (sides.length != 2 || suffixed.suffix().isPresent()) {
      return Optional.empty();
    }
    List<String> both = java.util.Arrays.stream(sides).map(String::strip).toList();
    return both.stream().allMatch(PersonName::fullName) ? Optional.of(both) : Optional.empty();
  }

  /** Whether a text reads as one person's whole name: two words or more, the first a capital's. */
  private static boolean fullName(String text) {
    return text.indexOf(' ') > 0 && Character.isUpperCase(text.charAt(0));
  }

  /** The parts of a name; one written family name first ("Hansler, Jennifer") is read as such. */
  public static PersonName of(String name) {
    if (joined(name)) {
      return new PersonName(Optional.empty(), name.strip(), Optional.empty());
    }
    Suffixed suffixed = Suffixed.of(name);
    Optional<String> turned = turned(suffixed.rest());
    String rest = turned.orElse(suffixed.rest());
    int space = rest.lastIndexOf(' ');
    if (space < 0 || rest.contains(",")) {
      // One word ("Reuters"), or commas no name has: written as it is.
      return new PersonName(Optional.empty(), name.strip(), Optional.empty());
    }
    return new PersonName(Optional.of(rest.substring(0, space).strip()), rest.substring(space + 1), suffixed.suffix());
  }

  /** "Jennifer Hansler" for "Hansler, Jennifer": a name less its suffix, turned as it is printed; empty for one not written family name first. */
  private static Optional<String> turned(String rest) {
    int comma = rest.indexOf(',');
    if (comma < 0) {
      return Optional.empty();
    }
    String family = rest.substring(0, comma).strip();
    String given = rest.substring(comma + 1).strip();
    if (family.isEmpty() || given.isEmpty() || given.contains(",")) {
      return Optional.empty();
    }
    return Optional.of(given + " " + family);
  }

  /** "King, Martin Luther, Jr.": family name first, as a bibliography lists its first author. */
  public String inverted() {
    return given.map(g -> family + ", " + g + suffix.map(s -> ", " + s).orElse("")).orElse(family);
  }

  /**
   * Whether a name is written family name first, "Hansler, Jennifer": it holds a comma other
   * than the one a suffix may have before it ("Martin Luther King, Jr.").
   */
  public static boolean writtenInverted(String name) {
    return Suffixed.of(name).rest().contains(",");
  }

  /**
   * A name written family name first as it is printed: "Jennifer Hansler" for "Hansler,
   * Jennifer", "Martin Luther King Jr." for "King, Martin Luther, Jr."; empty for a name not
   * written so, or with more commas than one family name and its given names need.
   */
  public static Optional<String> asPrinted(String name) {
    Suffixed suffixed = Suffixed.of(name);
    return turned(suffixed.rest()).map(t -> t + suffixed.suffix().map(s -> " " + s).orElse(""));
  }

  /**
   * Whether a text is a suffix or credential alone ("Jr.", "III", "PhD"): what YAML makes of
   * the part after the comma of an unquoted name in a list, {@code [Martin Luther King, Jr.]}.
   */
  public static boolean isSuffix(String text) {
    String word = text.strip();
    return !word.isEmpty() && SUFFIX_WORDS.contains(word.replace(".", "")) && SUFFIX.matcher("A " + word).matches();
  }
}
