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

  static Byline parse(String text) {
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
      for (String name : part.split("\\s+and\\s+|\\s*&\\s*")) {
        if (!name.isBlank()) {
          authors.add(name.strip());
        }
      }
    }
    return new Byline(List.copyOf(authors), outlet);
  }
}
