package dev.dossier.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wall time of each stage of a build, for finding where a slow build spends it: {@code
 * DOSSIER_TIMINGS=1 dossier build ...} prints them after the report.
 */
public final class StageTimes implements Progress {

  private final List<String> names = new ArrayList<>();
  private final List<Long> starts = new ArrayList<>();
  /** How long the JVM had been running when this was made: its start, and reading the options. */
  private final double startup = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
  private final long start = System.nanoTime();

  @Override
  public synchronized void stage(String name, int total) {
    names.add(name);
    starts.add(System.nanoTime());
  }

  @Override
  public void step() {}

  /** "start 0.40 s, index 0.91 s, reading 3.20 s, ...", each stage until the next began, the last until now. */
  public synchronized String summary() {
    long now = System.nanoTime();
    List<String> parts = new ArrayList<>();
    long first = starts.isEmpty() ? now : starts.get(0);
    parts.add(String.format(Locale.ROOT, "start %.2f s", startup + (first - start) / 1e9));
    for (int i = 0; i < names.size(); i++) {
      long end = i + 1 < starts.size() ? starts.get(i + 1) : now;
      parts.add(String.format(Locale.ROOT, "%s %.2f s", names.get(i), (end - starts.get(i)) / 1e9));
    }
    return String.join(", ", parts);
  }
}
