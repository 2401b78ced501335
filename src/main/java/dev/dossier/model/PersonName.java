package dev.dossier.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An author's name in the parts citation styles put in their own order: the family name is the
 * last word of the name as it is printed ("Jennifer Hansler"), less a suffix (Jr., Sr., II, III,
 * IV: "Martin Luther King Jr."), and the given names are the words before it. A name of one word
 * (an outlet's desk, "Reuters"), or of one word and a suffix, has no parts, and is written as it
 * is.
 *
 * @param given the given names; empty for a name without parts
 * @param family the family name, or the whole of a name without parts
 * @param suffix "Jr.", "III"; empty for none
 */
public record PersonName(Optional<String> given, String family, Optional<String> suffix) {

  /** A suffix after the family name, with or without a comma before it. */
  private static final Pattern SUFFIX = Pattern.compile("(.*[^\\s,])(?:\\s*,\\s*|\\s+)(Jr\\.?|Sr\\.?|II|III|IV)");

  /** The parts of a name; one written family name first ("Hansler, Jennifer") is read as such. */
  public static PersonName of(String name) {
    String printed = asPrinted(name).orElse(name.strip());
    String rest = printed;
    Optional<String> suffix = Optional.empty();
    Matcher m = SUFFIX.matcher(printed);
    if (m.matches()) {
      rest = m.group(1).strip();
      suffix = Optional.of(m.group(2));
    }
    int space = rest.lastIndexOf(' ');
    if (space < 0 || rest.contains(",")) {
      return new PersonName(Optional.empty(), printed, Optional.empty());
    }
    return new PersonName(Optional.of(rest.substring(0, space).strip()), rest.substring(space + 1), suffix);
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
    Matcher m = SUFFIX.matcher(name.strip());
    return (m.matches() ? m.group(1) : name).contains(",");
  }

  /**
   * A name written family name first as it is printed: "Jennifer Hansler" for "Hansler,
   * Jennifer", "Martin Luther King Jr." for "King, Martin Luther, Jr."; empty for a name not
   * written so, or with more commas than one family name and its given names need.
   */
  public static Optional<String> asPrinted(String name) {
    String rest = name.strip();
    String suffix = "";
    Matcher m = SUFFIX.matcher(rest);
    if (m.matches()) {
      rest = m.group(1).strip();
      suffix = " " + m.group(2);
    }
    int comma = rest.indexOf(',');
    if (comma < 0) {
      return Optional.empty();
    }
    String family = rest.substring(0, comma).strip();
    String given = rest.substring(comma + 1).strip();
    if (family.isEmpty() || given.isEmpty() || given.contains(",")) {
      return Optional.empty();
    }
    return Optional.of(given + " " + family + suffix);
  }
}
