package dev.dossier.render;

import dev.dossier.model.Citation;
import dev.dossier.model.Citer;
import dev.dossier.model.Dossier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who cites what: for each source and paragraph, the topics, events and notes that cite it. */
final class Backlinks {

  private final Map<String, Set<Citer>> byParagraph = new HashMap<>();
  private final Map<String, Set<Citer>> bySource = new HashMap<>();
  private final Map<String, List<String>> quotesByParagraph = new HashMap<>();
  private final Set<String> cited = new java.util.HashSet<>();
  private final Map<String, List<Citation>> ofSource = new HashMap<>();

  Backlinks(Dossier dossier) {
    for (Citation c : dossier.citations()) {
      ofSource.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
      c.paragraph().ifPresent(p -> {
        cited.add(c.key() + "#" + p);
        c.quote().ifPresent(q -> quotesByParagraph.computeIfAbsent(c.key() + "#" + p, k -> new ArrayList<>()).add(q));
      });
      // A source's own date note quotes it; that is not a backlink worth listing.
      if (c.citer().kind() == Citer.Kind.SOURCE && c.citer().id().equals(c.key())) {
        continue;
      }
      bySource.computeIfAbsent(c.key(), k -> new LinkedHashSet<>()).add(c.citer());
      c.paragraph().ifPresent(p -> byParagraph.computeIfAbsent(c.key() + "#" + p, k -> new LinkedHashSet<>()).add(c.citer()));
    }
  }

  /**
   * Every citation of the source, its own date note's included, in the dossier's order: all
   * that the lists above say of it is made from these.
   */
  List<Citation> of(String key) {
    return ofSource.getOrDefault(key, List.of());
  }

  List<Citer> citing(String key, int paragraph) {
    return List.copyOf(byParagraph.getOrDefault(key + "#" + paragraph, Set.of()));
  }

  List<Citer> citing(String key) {
    return List.copyOf(bySource.getOrDefault(key, Set.of()));
  }

  /** How many topics, events and sources cite the source: {@code citing(key).size()} without the copy. */
  int citingCount(String key) {
    return bySource.getOrDefault(key, Set.of()).size();
  }

  List<String> quotes(String key, int paragraph) {
    return quotesByParagraph.getOrDefault(key + "#" + paragraph, List.of());
  }

  /** Whether anything, the source's own notes included, cites the paragraph. */
  boolean isCited(String key, int paragraph) {
    return cited.contains(key + "#" + paragraph);
  }
}
