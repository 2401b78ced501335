package dev.dossier.cli;

import dev.dossier.diag.Progress;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on a terminal, shown only once a build has taken more than a moment,
 * and never when the output is a file or a CI log.
 */
final class TerminalProgress implements Progress, AutoCloseable {

  private static final long QUIET_NANOS = 1_500_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private volatile String stage = "";
  private volatile int total;
  private volatile boolean shown;
  private long lastDrawn;

  private TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  /** A bar on an interactive terminal; nothing otherwise. */
  static Progress forConsole(PrintWriter err) {
    return System.console() != null && !"true".equals(System.getenv("CI")) ? new TerminalProgress(err) : NONE;
  }

  @Override
  public void stage(String name, int steps) {
    stage = name;
    total = steps;
    done.set(0);
    draw();
  }

  @Override
  public void step() {
    done.incrementAndGet();
    draw();
  }

  private synchronized void draw() {
    long now = System.nanoTime();
    if (now - start < QUIET_NANOS || now - lastDrawn < 100_000_000L) {
      return;
    }
    lastDrawn = now;
    shown = true;
    int n = Math.min(done.get(), total);
    int filled = total == 0 ? WIDTH : n * WIDTH / total;
    err.print("\r" + stage + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + n + "/" + total + "   ");
    err.flush();
  }

  /** Clears the bar's line, so the report that follows starts clean. */
  @Override
  public synchronized void close() {
    if (shown) {
      err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      err.flush();
    }
  }
}
