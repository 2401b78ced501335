package dev.dossier.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;

/** Meta values by property, name and itemprop (lower-cased), the canonical link and {@code <title>}. */
record SavedPageTags(Map<String, List<String>> meta, Optional<String> canonical, Optional<String> pageTitle) {

  static SavedPageTags read(org.jsoup.nodes.Document page) {
    Map<String, List<String>> meta = new LinkedHashMap<>();
    for (Element m : page.select("meta[content]")) {
      String content = Whitespace.squash(m.attr("content"));
      if (content.isEmpty()) {
        continue;
      }
      Set<String> keys = new LinkedHashSet<>();
      for (String attribute : List.of("property", "name", "itemprop")) {
        keys.add(m.attr(attribute).strip().toLowerCase(Locale.ROOT));
      }
      keys.remove("");
      keys.forEach(k -> meta.computeIfAbsent(k, x -> new ArrayList<>()).add(content));
    }
    Optional<String> canonical =
        page.select("link[rel~=(?i)(^|\\s)canonical(\\s|$)][href]").stream().map(l -> l.attr("href")).findFirst();
    Optional<String> title = Optional.of(Whitespace.squash(page.title())).filter(t -> !t.isEmpty());
    return new SavedPageTags(meta, canonical, title);
  }

  /** The first value under any of the keys, trying the keys in order. */
  Optional<String> first(String... keys) {
    for (String key : keys) {
      List<String> values = all(key);
      if (!values.isEmpty()) {
        return Optional.of(values.get(0));
      }
    }
    return Optional.empty();
  }

  List<String> all(String key) {
    return meta.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
  }
}
