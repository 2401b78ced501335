package dev.dossier.site;

import dev.dossier.render.Page;
import dev.dossier.render.PageSink;
import dev.dossier.render.PageSink.Piece;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

  private final Map<String, BuildCache.PieceFile> piecesBefore;
  private final Map<String, List<Piece>> piecesNow = new ConcurrentHashMap<>();

  /**
   * @param before what the build cache says the output holds; empty when there is no cache
   * @param piecesBefore the output's files the last build wrote in pieces, as the build cache recorded them
   */
  OutputSink(SiteWriter.Session session, Optional<Map<String, BuildCache.Unit>> before, Map<String, BuildCache.PieceFile> piecesBefore) {
    this.session = session;
    this.before = before.orElse(Map.of());
    this.remembers = before.isPresent();
    this.piecesBefore = piecesBefore;
  }

  /**
   * The pieces of the output's file at {@code path}, read from the file itself, when the cache
   * recorded them for the file the output now holds (by the manifest's SHA-256 and the size).
   */
  @Override
  public Previous pieces(String path) {
    BuildCache.PieceFile known = piecesBefore.get(path);
    Optional<Path> file = known == null ? Optional.empty() : session.previousFile(path, known.sha256(), known.size());
    if (file.isEmpty()) {
      return PageSink.super.pieces(path);
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file.get(), StandardOpenOption.READ);
    } catch (IOException e) {
      return PageSink.super.pieces(path);
    }
    Map<String, Piece> byFingerprint = new HashMap<>();
    known.pieces().forEach(p -> byFingerprint.putIfAbsent(p.fingerprint(), p));
    return new Previous() {
      @Override
      public Optional<byte[]> piece(String fingerprint) {
        Piece p = byFingerprint.get(fingerprint);
        if (p == null || p.offset() < 0 || p.length() < 0 || p.offset() + p.length() > known.size()) {
          return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.allocate(p.length());
        try {
          while (bytes.hasRemaining()) {
            if (channel.read(bytes, p.offset() + bytes.position()) < 0) {
              return Optional.empty();
            }
          }
        } catch (IOException e) {
          // The cache only saves work: a piece that cannot be read is made again.
          return Optional.empty();
        }
        return Optional.of(bytes.array());
      }

      @Override
      public void close() throws IOException {
        channel.close();
      }
    };
  }

  @Override
  public void pieces(String path, List<Piece> pieces) {
    piecesNow.put(path, List.copyOf(pieces));
  }

  /**
   * The files the output will hold that were written in pieces, for the cache: those written
   * now, and those kept as the last build wrote them.
   */
  Map<String, BuildCache.PieceFile> pieceFiles() {
    Map<String, BuildCache.File> files = new HashMap<>();
    now.values().forEach(unit -> {
      synchronized (unit.files()) {
        unit.files().forEach(f -> files.put(f.path(), f));
      }
    });
    Map<String, BuildCache.PieceFile> pieceFiles = new TreeMap<>();
    piecesNow.forEach((path, pieces) -> {
      BuildCache.File f = files.get(path);
      if (f != null) {
        pieceFiles.put(path, new BuildCache.PieceFile(f.sha256(), f.size(), pieces));
      }
    });
    piecesBefore.forEach((path, known) -> {
      BuildCache.File f = files.get(path);
      if (!pieceFiles.containsKey(path) && f != null && f.sha256().equals(known.sha256()) && f.size() == known.size()) {
        pieceFiles.put(path, known);
      }
    });
    return pieceFiles;
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

  @Override
  public Optional<String> recorded(String unit) {
    return Optional.ofNullable(before.get(unit)).map(BuildCache.Unit::fingerprint);
  }

  /** Every file the last build recorded, by path, found when first asked for. */
  private volatile Map<String, BuildCache.File> recorded;

  @Override
  public boolean keep(String unit, String fingerprint, String path) {
    if (recorded == null) {
      Map<String, BuildCache.File> files = new HashMap<>();
      before.values().forEach(u -> u.files().forEach(f -> files.put(f.path(), f)));
      recorded = files;
    }
    BuildCache.File file = recorded.get(path);
    try {
      if (file == null || !session.keep(path, file.sha256(), file.size())) {
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    record(unit, fingerprint, file);
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
