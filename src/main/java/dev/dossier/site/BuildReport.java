package dev.dossier.site;

import dev.dossier.cite.Unverified;
import dev.dossier.model.Citer;
import dev.dossier.model.Dossier;
import dev.dossier.model.Event;
import dev.dossier.model.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a build did, for the person who ran it: the dossier's size, the files written, kept and
 * removed, the time taken, and what changed since the previous build (as the build cache
 * remembers it).
 */
public record BuildReport(
    int sources,
    int topics,
    int events,
    int citations,
    SiteWriter.Written files,
    Work work,
    Duration took,
    List<String> newSources,
    List<String> removedSources,
    List<String> newEvents,
    List<String> removedEvents) {

  /**
   * What the build had to do, the rest coming from the build cache.
   *
   * @param read documents read
   * @param parsed documents parsed, not found in the cache
   * @param rendered HTML pages rendered
   * @param reused HTML pages not rendered, since their inputs were those of the page in the output
   */
  public record Work(int read, int parsed, int rendered, int reused) {}

  /**
   * What a build held, kept in the build cache for the next build to say what changed: source
   * keys, event ids, and each citation as "who cites what".
   */
  record Summary(Set<String> sources, Set<String> events, Set<String> citations) {

    static Summary of(Dossier dossier) {
      return new Summary(
          new TreeSet<>(dossier.sources().stream().map(Source::key).toList()),
          new TreeSet<>(dossier.events().stream().map(Event::id).toList()),
          new TreeSet<>(dossier.citations().stream().map(c -> citation(c.citer(), c.key(), c.paragraph(), c.quote())).toList()));
    }

    /**
     * A citation as the same words in the same place: its citer, key and quote, or its
     * paragraph when it quotes nothing (a quote's paragraph is found, not written).
     */
    static String citation(Citer citer, String key, Optional<Integer> paragraph, Optional<String> quote) {
      return citer.kind() + " " + citer.id() + " @" + key + " " + quote.map(q -> "\"" + q + "\"").orElse("¶" + paragraph.map(String::valueOf).orElse(""));
    }

    List<String> lines() {
      List<String> lines = new ArrayList<>();
      sources.forEach(s -> lines.add("source\t" + s));
      events.forEach(e -> lines.add("event\t" + e));
      citations.forEach(c -> lines.add("citation\t" + c.replace('\n', ' ')));
      return lines;
    }

    static Summary parse(List<String> lines) {
      Set<String> sources = new TreeSet<>();
      Set<String> events = new TreeSet<>();
      Set<String> citations = new TreeSet<>();
      for (String line : lines) {
        int tab = line.indexOf('\t');
        String value = line.substring(tab + 1);
        switch (tab < 0 ? "" : line.substring(0, tab)) {
          case "source" -> sources.add(value);
          case "event" -> events.add(value);
          case "citation" -> citations.add(value);
          default -> throw new IllegalArgumentException("not a summary line: " + line);
        }
      }
      return new Summary(sources, events, citations);
    }
  }

  /** The citations that verified in the previous build and no longer do, in the order they are written. */
  static List<Unverified> noLongerVerified(List<Unverified> unverified, Optional<Summary> previous) {
    return unverified.stream()
        .filter(u -> previous.map(p -> p.citations().contains(citation(u))).orElse(false))
        .sorted(java.util.Comparator.comparing((Unverified u) -> u.at().path()).thenComparingInt(u -> u.at().line()).thenComparingInt(u -> u.at().column()))
        .toList();
  }

  /** A citation as written and where: {@code [@cnn ¶3 "words"] in event e-2022-02-14-...}. */
  public static String describe(Unverified u) {
    return "[@" + u.ref().key() + u.ref().paragraph().map(p -> " ¶" + p).orElse("") + u.ref().quote().map(q -> " \"" + q + "\"").orElse("")
        + "] in " + u.citer().kind().name().toLowerCase(java.util.Locale.ROOT) + (u.citer().id().isEmpty() ? "" : " " + u.citer().id());
  }

  private static String citation(Unverified u) {
    return Summary.citation(u.citer(), u.ref().key(), u.ref().paragraph(), u.ref().quote());
  }

  /**
   * @param now the summary of {@code dossier}, made once for this report and the build cache
   * @param last the summary the previous build left, if any
   */
  static BuildReport of(Dossier dossier, Summary now, SiteWriter.Written files, Work work, Duration took, Optional<Summary> last) {
    Summary previous = last.orElse(new Summary(Set.of(), Set.of(), Set.of()));
    Set<String> sources = now.sources();
    Set<String> events = now.events();
    return new BuildReport(
        dossier.sources().size(),
        dossier.topics().size(),
        dossier.events().size(),
        dossier.citations().size(),
        files,
        work,
        took,
        last.isPresent() ? minus(sources, previous.sources()) : List.of(),
        minus(previous.sources(), sources),
        last.isPresent() ? minus(events, previous.events()) : List.of(),
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
    lines.add("parsed " + count(work.parsed(), "document") + " (" + (work.read() - work.parsed()) + " from the build cache); rendered "
        + count(work.rendered(), "page") + " (" + work.reused() + " unchanged since the last build)");
    change(lines, "new sources", newSources);
    change(lines, "removed sources", removedSources);
    change(lines, "new events", newEvents);
    change(lines, "removed events", removedEvents);
    return lines;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static void change(List<String> lines, String what, List<String> ids) {
    if (!ids.isEmpty()) {
      int shown = Math.min(ids.size(), 10);
      lines.add(what + ": " + String.join(", ", ids.subList(0, shown)) + (ids.size() > shown ? " and " + (ids.size() - shown) + " more" : ""));
    }
  }
}
