package dev.dossier.site;

import dev.dossier.model.Dossier;
import dev.dossier.model.Event;
import dev.dossier.model.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What a build did, for the person who ran it: the dossier's size, the files written, kept and
 * removed, the time taken, and what changed since the previous build (read from the previous
 * site's {@code dossier.json}).
 */
public record BuildReport(
    int sources,
    int topics,
    int events,
    int citations,
    SiteWriter.Written files,
    Duration took,
    List<String> newSources,
    List<String> removedSources,
    List<String> newEvents,
    List<String> removedEvents) {

  /** The keys and ids of the previous build, from its {@code dossier.json}; empty sets if none. */
  record Previous(Set<String> sources, Set<String> events, boolean exists) {
    static Previous read(Path out) {
      Path file = out.resolve("dossier.json");
      if (!Files.isRegularFile(file)) {
        return new Previous(Set.of(), Set.of(), false);
      }
      try {
        Object root = new Load(LoadSettings.builder().setMaxAliasesForCollections(10).build()).loadFromString(Files.readString(file));
        if (root instanceof Map<?, ?> map) {
          return new Previous(ids(map.get("sources"), "key"), ids(map.get("events"), "id"), true);
        }
      } catch (IOException | RuntimeException e) {
        // An unreadable previous model only means no "since last build" lines.
      }
      return new Previous(Set.of(), Set.of(), false);
    }

    private static Set<String> ids(Object list, String field) {
      Set<String> ids = new TreeSet<>();
      if (list instanceof List<?> items) {
        for (Object item : items) {
          if (item instanceof Map<?, ?> m && m.get(field) != null) {
            ids.add(String.valueOf(m.get(field)));
          }
        }
      }
      return ids;
    }
  }

  static BuildReport of(Dossier dossier, SiteWriter.Written files, Duration took, Previous previous) {
    Set<String> sources = new TreeSet<>(dossier.sources().stream().map(Source::key).toList());
    Set<String> events = new TreeSet<>(dossier.events().stream().map(Event::id).toList());
    return new BuildReport(
        dossier.sources().size(),
        dossier.topics().size(),
        dossier.events().size(),
        dossier.citations().size(),
        files,
        took,
        previous.exists() ? minus(sources, previous.sources()) : List.of(),
        minus(previous.sources(), sources),
        previous.exists() ? minus(events, previous.events()) : List.of(),
        minus(previous.events(), events));
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.removeAll(b);
    return out;
  }

  /** The report as lines of text. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(sources + " sources, " + topics + " topics, " + events + " events, " + citations + " citations");
    lines.add(files.written().size() + " files written, " + files.unchanged().size() + " unchanged, "
        + files.removed().size() + " removed, in " + String.format(java.util.Locale.ROOT, "%.2f s", took.toMillis() / 1000.0));
    change(lines, "new sources", newSources);
    change(lines, "removed sources", removedSources);
    change(lines, "new events", newEvents);
    change(lines, "removed events", removedEvents);
    return lines;
  }

  private static void change(List<String> lines, String what, List<String> ids) {
    if (!ids.isEmpty()) {
      int shown = Math.min(ids.size(), 10);
      lines.add(what + ": " + String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? " and " + (ids.size() - shown) + " more" : ""));
    }
  }
}
