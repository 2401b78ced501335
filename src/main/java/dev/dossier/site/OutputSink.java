package dev.dossier.site;

import dev.dossier.render.Page;
import dev.dossier.render.PageSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends pages to the output's staging folder as they are rendered, and answers the renderer's
 * "is this page still as it was?" from the build cache: a unit whose fingerprint is the one
 * recorded for the files the output now holds is kept without rendering it.
 */
final class OutputSink implements PageSink {

  private final SiteWriter.Session session;
  private final Map<String, BuildCache.Unit> before;
  private final boolean remembers;
  private final Map<String, BuildCache.Unit> now = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger reused = new java.util.concurrent.atomic.AtomicInteger();

  /** @param before what the build cache says the output holds; empty when there is no cache */
  OutputSink(SiteWriter.Session session, Optional<Map<String, BuildCache.Unit>> before) {
    this.session = session;
    this.before = before.orElse(Map.of());
    this.remembers = before.isPresent();
  }

  @Override
  public boolean remembers() {
    return remembers;
  }

  @Override
  public void accept(String unit, String fingerprint, Page page) {
    try {
      String hash = session.add(page);
      if (page.path().endsWith(".html")) {
        rendered.incrementAndGet();
      }
      record(unit, fingerprint, new BuildCache.File(page.path(), hash, page.bytes().length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void accept(String unit, String fingerprint, String path, Body body) {
    try {
      record(unit, fingerprint, session.add(path, body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void record(String unit, String fingerprint, BuildCache.File file) {
    now.computeIfAbsent(unit, u -> new BuildCache.Unit(fingerprint, Collections.synchronizedList(new ArrayList<>()))).files().add(file);
  }

  @Override
  public boolean reuse(String unit, String fingerprint) {
    BuildCache.Unit known = before.get(unit);
    if (known == null || fingerprint.isEmpty() || !known.fingerprint().equals(fingerprint)) {
      return false;
    }
    try {
      if (!session.keepAll(known.files())) {
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    now.put(unit, known);
    reused.addAndGet((int) known.files().stream().filter(f -> f.path().endsWith(".html")).count());
    return true;
  }

  /** How many HTML pages were rendered. */
  int rendered() {
    return rendered.get();
  }

  /** How many HTML pages were not rendered, their inputs being those of the page the output has. */
  int reused() {
    return reused.get();
  }

  /** What the output will hold once the session is committed, for the cache. */
  Map<String, BuildCache.Unit> units() {
    Map<String, BuildCache.Unit> units = new java.util.TreeMap<>();
    now.forEach((name, unit) -> {
      if (!unit.fingerprint().isEmpty()) {
        units.put(name, unit);
      }
    });
    return units;
  }
}
