package dev.dossier.site;

import dev.dossier.render.Page;
import dev.dossier.render.PageSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a site in memory, as {@code serve} wants it, taking the pages of a unit from the
 * previous run when their fingerprint is the same.
 */
final class MemorySink implements PageSink {

  /** The pages a unit was rendered into, and from what. */
  record Unit(String fingerprint, List<Page> pages) {}

  private final Map<String, Unit> before;
  private final Map<String, Unit> now = new ConcurrentHashMap<>();

  MemorySink(Map<String, Unit> before) {
    this.before = before;
  }

  @Override
  public void accept(String unit, String fingerprint, Page page) {
    now.computeIfAbsent(unit, u -> new Unit(fingerprint, Collections.synchronizedList(new ArrayList<>()))).pages().add(page);
  }

  @Override
  public boolean remembers() {
    return true;
  }

  @Override
  public boolean reuse(String unit, String fingerprint) {
    Unit known = before.get(unit);
    if (known == null || fingerprint.isEmpty() || !known.fingerprint().equals(fingerprint)) {
      return false;
    }
    now.put(unit, known);
    return true;
  }

  @Override
  public Optional<String> recorded(String unit) {
    return Optional.ofNullable(before.get(unit)).map(Unit::fingerprint);
  }

  Map<String, Unit> units() {
    return Map.copyOf(now);
  }

  /** Every page, sorted by path. */
  List<Page> pages() {
    List<Page> pages = new ArrayList<>();
    now.values().forEach(u -> pages.addAll(u.pages()));
    pages.sort(Comparator.comparing(Page::path));
    return pages;
  }
}
