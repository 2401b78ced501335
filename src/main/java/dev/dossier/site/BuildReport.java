package dev.dossier.site;

import dev.dossier.cite.Unverified;
import dev.dossier.model.Citation;
import dev.dossier.model.Citer;
import dev.dossier.model.Dossier;
import dev.dossier.model.Event;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Source;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
    List<String> removedEvents,
    List<ChangedPassage> changedPassages,
    List<MovedKey> movedKeys,
    boolean sameInputs) {

  /**
   * A source key that names another document than at the last build, and is cited: its
   * citations now point at that document. Keys made from file names move when a file arrives
   * whose name makes the same key first.
   */
  public record MovedKey(String key, String was, String now, int citations) {
    /** A file's name on the notice's one line: its line breaks and tabs as \\n, \\r and \\t, nothing a terminal acts on. */
    private static String oneLine(String path) {
      return dev.dossier.diag.DiagnosticPrinter.visible(path.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t"));
    }

    public String describe() {
      return "\"" + key + "\" now names " + oneLine(now) + ", not " + oneLine(was) + " as in the last build: its "
          + (citations == 1 ? "citation points" : citations + " citations point") + " there now";
    }
  }

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
   * A citation that names a paragraph and quotes nothing, whose paragraph's text is not what it
   * was at the last build: the build checks only that the paragraph exists, so a source
   * re-saved with a paragraph more at its head would have it cite the wrong one, unnoticed.
   *
   * @param now where the paragraph it cited then is now, if the source still has it
   */
  public record ChangedPassage(Citation citation, Optional<Integer> now) {

    /**
     * {@code [@cnn ¶3] in event e-...: the paragraph it cited is now ¶4}, or, when no paragraph
     * has its words any more (reworded, or gone), {@code ...: no paragraph reads as ¶3 did}.
     */
    public String describe() {
      int cited = citation.paragraph().orElseThrow();
      return "[@" + citation.key() + " ¶" + cited + "] in " + citer(citation.citer()) + ": "
          + now.map(n -> "the paragraph it cited is now ¶" + n).orElse("no paragraph of the source reads as ¶" + cited + " did");
    }
  }

  /**
   * What a build held, kept in the build cache for the next build to say what changed: source
   * keys, event ids, each citation as "who cites what", and, for each citation of a paragraph
   * without a quote, a digest of the paragraph's text.
   */
  record Summary(Set<String> sources, Set<String> events, Set<String> citations, Map<String, String> passages, Map<String, String> files) {

    static Summary of(Dossier dossier) {
      Map<String, Source> sources = dossier.sourcesByKey();
      Map<String, String> passages = new TreeMap<>();
      for (Citation c : dossier.citations()) {
        if (namesParagraphOnly(c)) {
          String digest = digest(sources.get(c.key()).paragraph(c.paragraph().get()).orElseThrow());
          // By the citation, and by the paragraph alone, for a citation whose event was retitled or that moved.
          passages.put(citation(c), digest);
          passages.put(passage(c.key(), c.paragraph().get()), digest);
        }
      }
      // Each key's document, as what tells it from another (its paragraphs' count and its first
      // paragraph's digest: a document renamed or moved as it was is the same one) and its path.
      Map<String, String> files = new TreeMap<>();
      dossier.sources().forEach(s -> files.put(s.key(),
          s.paragraphs().size() + ":" + s.paragraphs().stream().findFirst().map(Summary::digest).orElse("") + "\t" + s.file()));
      return new Summary(
          new TreeSet<>(dossier.sources().stream().map(Source::key).toList()),
          new TreeSet<>(dossier.events().stream().map(Event::id).toList()),
          new TreeSet<>(dossier.citations().stream().map(Summary::citation).toList()),
          passages,
          files);
    }

    /** A citation of a paragraph without a quote: checked only for the paragraph's existence, so its words are kept track of. */
    static boolean namesParagraphOnly(Citation c) {
      return c.quote().isEmpty() && c.paragraph().isPresent();
    }

    static Summary empty() {
      return new Summary(Set.of(), Set.of(), Set.of(), Map.of(), Map.of());
    }

    private static String citation(Citation c) {
      return citation(c.citer(), c.key(), c.paragraph(), c.quote());
    }

    /** A paragraph's words, as a short digest: enough to tell an edited paragraph from the same one. */
    static String digest(Paragraph p) {
      return SiteWriter.sha256(p.text().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /**
     * A citation as the same words in the same place: its citer, key and quote, or its
     * paragraph when it quotes nothing (a quote's paragraph is found, not written).
     */
    static String citation(Citer citer, String key, Optional<Integer> paragraph, Optional<String> quote) {
      // One line of the summary file, whatever the quote holds: a quote may run over lines.
      return citer.kind() + " " + citer.id() + " @" + key + " "
          + quote.map(q -> "\"" + LINE_BREAKS.matcher(q).replaceAll(" ") + "\"").orElse("¶" + paragraph.map(String::valueOf).orElse(""));
    }

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\r\\n\\t\\u0085\\u2028\\u2029]");

    /** A paragraph as cited, whoever cites it: {@code @cnn ¶3}. */
    static String passage(String key, int paragraph) {
      return "@" + key + " ¶" + paragraph;
    }

    List<String> lines() {
      List<String> lines = new ArrayList<>();
      sources.forEach(s -> lines.add("source\t" + s));
      events.forEach(e -> lines.add("event\t" + e));
      citations.forEach(c -> lines.add("citation\t" + c));
      passages.forEach((c, digest) -> lines.add("passage\t" + digest + "\t" + c));
      // "file KEY IDENTITY PATH", tab-separated: a key and an identity hold no tab, and a path's own are escaped.
      files.forEach((key, file) -> lines.add("file\t" + key + "\t" + escaped(file)));
      return lines;
    }

    static Summary parse(List<String> lines) {
      Set<String> sources = new TreeSet<>();
      Set<String> events = new TreeSet<>();
      Set<String> citations = new TreeSet<>();
      Map<String, String> passages = new TreeMap<>();
      Map<String, String> files = new TreeMap<>();
      for (String line : lines) {
        int tab = line.indexOf('\t');
        String value = line.substring(tab + 1);
        switch (tab < 0 ? "" : line.substring(0, tab)) {
          case "source" -> sources.add(value);
          case "event" -> events.add(value);
          case "citation" -> citations.add(value);
          case "passage" -> {
            int second = value.indexOf('\t');
            if (second < 0) {
              throw new IllegalArgumentException("not a summary line: " + line);
            }
            passages.put(value.substring(second + 1), value.substring(0, second));
          }
          case "file" -> {
            int second = value.indexOf('\t');
            if (second < 0) {
              throw new IllegalArgumentException("not a summary line: " + line);
            }
            files.put(value.substring(0, second), unescaped(value.substring(second + 1)));
          }
          default -> throw new IllegalArgumentException("not a summary line: " + line);
        }
      }
      return new Summary(sources, events, citations, passages, files);
    }
  }

  /** A key's "IDENTITY<TAB>PATH" as one line of the summary: the path may hold a line break or a tab. */
  private static String escaped(String file) {
    int tab = file.indexOf('\t');
    String path = file.substring(tab + 1);
    return file.substring(0, tab + 1) + path.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private static String unescaped(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The cited keys that name another document than at the last build, by key. */
  static List<MovedKey> movedKeys(Dossier dossier, Summary now, Optional<Summary> last) {
    if (last.isEmpty()) {
      return List.of();
    }
    Map<String, Integer> cited = new TreeMap<>();
    dossier.citations().forEach(c -> cited.merge(c.key(), 1, Integer::sum));
    List<MovedKey> moved = new ArrayList<>();
    now.files().forEach((key, file) -> {
      String was = last.get().files().get(key);
      if (was == null || !cited.containsKey(key)) {
        return;
      }
      int tabNow = file.indexOf('\t');
      int tabWas = was.indexOf('\t');
      String pathNow = file.substring(tabNow + 1);
      String pathWas = was.substring(tabWas + 1);
      boolean sameDocument = tabNow > 0 && file.substring(0, tabNow).equals(tabWas < 0 ? "" : was.substring(0, tabWas));
      // Another file holding another document: one renamed or moved as it was is the same one.
      if (!pathNow.equals(pathWas) && !sameDocument) {
        moved.add(new MovedKey(key, pathWas, pathNow, cited.get(key)));
      }
    });
    return moved;
  }

  /**
   * The citations of a paragraph without a quote whose paragraph's text changed since the last
   * build, every one, in the order they are written, each with where that text is now. A
   * citation is compared with what it cited then; one the last build did not have as such (its
   * event retitled, or moved to another) with what the last build's citations of that paragraph cited.
   */
  static List<ChangedPassage> changedPassages(Dossier dossier, Summary now, Optional<Summary> last) {
    if (last.isEmpty()) {
      return List.of();
    }
    Map<String, Source> sources = dossier.sourcesByKey();
    List<ChangedPassage> changed = new ArrayList<>();
    for (Citation c : dossier.citations()) {
      if (!Summary.namesParagraphOnly(c)) {
        continue;
      }
      int cited = c.paragraph().get();
      String then = Optional.ofNullable(last.get().passages().get(Summary.citation(c)))
          .orElse(last.get().passages().get(Summary.passage(c.key(), cited)));
      if (then == null || then.equals(now.passages().get(Summary.citation(c)))) {
        continue;
      }
      // Where those words are now: of the paragraphs that read so, the nearest to where they were.
      Optional<Integer> moved = sources.get(c.key()).paragraphs().stream()
          .filter(p -> Summary.digest(p).equals(then)).map(Paragraph::number)
          .min(java.util.Comparator.comparingInt(n -> Math.abs(n - cited)));
      changed.add(new ChangedPassage(c, moved));
    }
    return changed.stream()
        .sorted(java.util.Comparator.comparing((ChangedPassage p) -> p.citation().position(), dev.dossier.diag.Position.ORDER))
        .distinct()
        .toList();
  }

  /** The citations that verified in the previous build and no longer do, in the order they are written. */
  static List<Unverified> noLongerVerified(List<Unverified> unverified, Optional<Summary> previous) {
    return unverified.stream()
        .filter(u -> previous.map(p -> p.citations().contains(citation(u))).orElse(false))
        .sorted(java.util.Comparator.comparing(Unverified::at, dev.dossier.diag.Position.ORDER))
        .toList();
  }

  /** A line of a list of citations: where, and what. */
  public record Listed(dev.dossier.diag.Position at, String text) {}

  /**
   * Citations as a list shows them: each as {@link #describe} has it, but the citations of a key
   * no source has, which all fail for that one reason (its error names them), as one line at the
   * first of them.
   */
  public static List<Listed> listed(List<Unverified> citations) {
    Map<String, Long> unknown = citations.stream().filter(Unverified::unknownKey)
        .collect(java.util.stream.Collectors.groupingBy(u -> u.ref().key(), java.util.stream.Collectors.counting()));
    Set<String> shown = new java.util.HashSet<>();
    List<Listed> lines = new ArrayList<>();
    for (Unverified u : citations) {
      long n = u.unknownKey() ? unknown.get(u.ref().key()) : 1;
      if (n == 1) {
        lines.add(new Listed(u.at(), describe(u)));
      } else if (shown.add(u.ref().key())) {
        lines.add(new Listed(u.at(), n + " citations of \"" + u.ref().key() + "\", a key no source has now; the first is " + describe(u)));
      }
    }
    return lines;
  }

  /** A citation as written and where: {@code [@cnn ¶3 "words"] in event e-2022-02-14-...}. */
  public static String describe(Unverified u) {
    return "[@" + u.ref().key() + u.ref().paragraph().map(p -> " ¶" + p).orElse("") + u.ref().quote().map(q -> " \"" + q + "\"").orElse("")
        + "] in " + citer(u.citer());
  }

  private static String citer(Citer citer) {
    return citer.kind().name().toLowerCase(java.util.Locale.ROOT) + (citer.id().isEmpty() ? "" : " " + citer.id());
  }

  private static String citation(Unverified u) {
    return Summary.citation(u.citer(), u.ref().key(), u.ref().paragraph(), u.ref().quote());
  }

  /**
   * @param now the summary of {@code dossier}, made once for this report and the build cache
   * @param last the summary the previous build left, if any
   */
  static BuildReport of(Dossier dossier, Summary now, SiteWriter.Written files, Work work, Duration took, Optional<Summary> last) {
    Summary previous = last.orElse(Summary.empty());
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
        minus(previous.events(), events),
        changedPassages(dossier, now, last),
        movedKeys(dossier, now, last),
        false);
  }

  /**
   * The report of a build that found its inputs those of the last build into the same folder,
   * and its files as that build left them, so did nothing.
   *
   * @param read the documents it read to find that out
   */
  static BuildReport unchanged(LastBuild.Counts counts, SiteWriter.Written files, int read, Duration took) {
    return new BuildReport(counts.sources(), counts.topics(), counts.events(), counts.citations(), files, new Work(read, 0, 0, 0), took,
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), true);
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    List<String> out = new ArrayList<>(a);
    out.removeAll(b);
    return out;
  }

  /** The report as lines of text. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(count(sources, "source") + ", " + count(topics, "topic") + ", " + count(events, "event") + ", " + count(citations, "citation"));
    lines.add(count(files.written().size(), "file") + " written, " + files.unchanged().size() + " unchanged, "
        + files.removed().size() + " removed, in " + String.format(java.util.Locale.ROOT, "%.2f s", took.toMillis() / 1000.0));
    if (sameInputs) {
      lines.add("nothing to do: the " + count(work.read(), "document") + ", the index, the templates and the options are those of the last build into this folder");
      return lines;
    }
    lines.add("parsed " + count(work.parsed(), "document") + " (" + (work.read() - work.parsed()) + " from the build cache); rendered "
        + count(work.rendered(), "page") + (work.reused() == 0 ? "" : " (" + work.reused() + " kept from the last build, their inputs the same)"));
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
