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

  Backlinks(Dossier dossier) {
    for (Citation c : dossier.citations()) {
      bySource.computeIfAbsent(c.key(), k -> new LinkedHashSet<>()).add(c.citer());
      c.paragraph().ifPresent(p -> {
        byParagraph.computeIfAbsent(c.key() + "#" + p, k -> new LinkedHashSet<>()).add(c.citer());
        c.quote().ifPresent(q -> quotesByParagraph.computeIfAbsent(c.key() + "#" + p, k -> new ArrayList<>()).add(q));
      });
    }
  }

  List<Citer> citing(String key, int paragraph) {
    return List.copyOf(byParagraph.getOrDefault(key + "#" + paragraph, Set.of()));
  }

  List<Citer> citing(String key) {
    return List.copyOf(bySource.getOrDefault(key, Set.of()));
  }

  List<String> quotes(String key, int paragraph) {
    return quotesByParagraph.getOrDefault(key + "#" + paragraph, List.of());
  }

  boolean isCited(String key, int paragraph) {
    return byParagraph.containsKey(key + "#" + paragraph);
  }
}
