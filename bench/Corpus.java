import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a synthetic news dossier for the benchmark: N Markdown articles (about 8 KB each, YAML
 * front matter that Hugo reads too) and an {@code index.yml} that lists every source, about 60
 * topics with cited summaries and a few hundred events, every citation quoting words that really
 * occur in the cited paragraph. Deterministic: the same seed gives the same bytes.
 *
 * <p>Run with the JDK's single-file launcher, no build needed:
 *
 * <pre>
 * java bench/Corpus.java N DIR [--seed S]        write N articles and index.yml into DIR (new or empty)
 * java bench/Corpus.java --add-one DIR [--seed S] add the next article to such a corpus, and list it in index.yml
 * </pre>
 *
 * <p>Article {@code i} depends only on the seed and {@code i}, so a corpus of N articles plus
 * {@code --add-one} holds exactly the articles of a corpus of N + 1. Each article after the first
 * ends with a paragraph citing the one before it, so every source is cited (the build warns
 * about sources nothing cites) and source pages carry backlinks.
 */
public final class Corpus {

  static final int TOPICS = 60;
  static final int MAX_EVENTS = 300;
  static final int DAYS = 120;
  static final java.time.LocalDate START = java.time.LocalDate.of(2024, 1, 8);
  static final Pattern ARTICLE_FILE = Pattern.compile("a(\\d{5,})\\.md");

  public static void main(String[] args) throws IOException {
    long seed = 42;
    List<String> positional = new ArrayList<>();
    boolean addOne = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--add-one" -> addOne = true;
        default -> positional.add(args[i]);
      }
    }
    if (addOne && positional.size() == 1) {
      addOne(Path.of(positional.get(0)), seed);
    } else if (!addOne && positional.size() == 2) {
      write(Integer.parseInt(positional.get(0)), Path.of(positional.get(1)), seed);
    } else {
      System.err.println("usage: java bench/Corpus.java N DIR [--seed S] | java bench/Corpus.java --add-one DIR [--seed S]");
      System.exit(2);
    }
  }

  // ---------------------------------------------------------------- the corpus

  static void write(int n, Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> existing = Files.list(dir)) {
      if (existing.findAny().isPresent()) {
        throw new IOException(dir + " is not empty");
      }
    }
    Words w = new Words();
    List<Topic> topics = topics(w, seed);
    List<Article> articles = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Article a = article(w, seed, i, topics, i == 0 ? null : articles.get(i - 1));
      articles.add(a);
      Files.writeString(dir.resolve(a.file), a.markdown(), StandardCharsets.UTF_8);
    }
    StringBuilder y = new StringBuilder(n * 200);
    Random r = new Random(seed * 31 + 7);
    y.append("title: \"Synthetic dossier: ").append(n).append(" reports on the Harbour Ministry affair\"\n");
    y.append("description: |\n");
    y.append(indent("A generated dossier for benchmarking. It follows " + n + " news reports over four months. "
        + "The affair began with an audit." + cite(r, articles.get(0), true) + " It is still going on." + cite(r, articles.get(n - 1), true), 2));
    y.append("editor: \"dossier benchmark\"\n");
    y.append("language: en\n");
    y.append("sources:\n");
    for (Article a : articles) {
      y.append(a.indexEntry());
    }
    y.append("topics:\n");
    List<List<Article>> byTopic = new ArrayList<>();
    for (int t = 0; t < TOPICS; t++) {
      byTopic.add(new ArrayList<>());
    }
    for (Article a : articles) {
      for (int t : a.topics) {
        byTopic.get(t).add(a);
      }
    }
    for (Topic t : topics) {
      List<Article> members = byTopic.get(t.number).isEmpty() ? articles : byTopic.get(t.number);
      StringBuilder summary = new StringBuilder();
      int sentences = 5 + r.nextInt(4);
      for (int s = 0; s < sentences; s++) {
        Article a = members.get(r.nextInt(members.size()));
        summary.append(s == 0 ? "" : " ").append(w.summarySentence(r, t)).append(cite(r, a, s % 3 != 2));
      }
      y.append("  - id: ").append(t.id).append('\n');
      y.append("    title: \"").append(t.title).append("\"\n");
      y.append("    summary: |\n").append(indent(summary.toString(), 6));
    }
    y.append("events:\n");
    int events = Math.min(MAX_EVENTS, Math.max(1, n / 3));
    for (int e = 0; e < events; e++) {
      // The first events give every topic one; the last one cites the newest article, which no article cites.
      Topic topic = topics.get(e % TOPICS);
      List<Article> pool = byTopic.get(topic.number).isEmpty() ? articles : byTopic.get(topic.number);
      Article first = e == events - 1 ? articles.get(n - 1) : pool.get(r.nextInt(pool.size()));
      List<Article> cited = new ArrayList<>(List.of(first));
      int more = r.nextInt(3);
      for (int k = 0; k < more; k++) {
        cited.add(pool.get(r.nextInt(pool.size())));
      }
      y.append(event(w, r, first.date, topic, first, cited));
    }
    Files.writeString(dir.resolve("index.yml"), y.toString(), StandardCharsets.UTF_8);
  }

  /** Adds article number N to a corpus of N articles: its file, its source entry and one event citing it. */
  static void addOne(Path dir, long seed) throws IOException {
    int n;
    try (Stream<Path> files = Files.list(dir)) {
      n = (int) files.filter(p -> ARTICLE_FILE.matcher(p.getFileName().toString()).matches()).count();
    }
    Words w = new Words();
    List<Topic> topics = topics(w, seed);
    Article previous = n == 0 ? null : article(w, seed, n - 1, topics, n < 2 ? null : article(w, seed, n - 2, topics, null));
    Article a = article(w, seed, n, topics, previous);
    Files.writeString(dir.resolve(a.file), a.markdown(), StandardCharsets.UTF_8);
    Path indexFile = dir.resolve("index.yml");
    String index = Files.readString(indexFile, StandardCharsets.UTF_8);
    int topicsAt = index.indexOf("\ntopics:\n");
    if (topicsAt < 0 || !index.endsWith("\n")) {
      throw new IOException(indexFile + " was not written by this generator");
    }
    Random r = new Random(seed * 131 + n);
    Topic topic = topics.get(a.topics.get(0));
    String updated = index.substring(0, topicsAt + 1) + a.indexEntry() + index.substring(topicsAt + 1)
        + event(w, r, a.date, topic, a, List.of(a));
    Files.writeString(indexFile, updated, StandardCharsets.UTF_8);
    System.out.println("added " + a.file + " (" + a.key + ")");
  }

  // ---------------------------------------------------------------- model

  record Topic(int number, String id, String title, String subject) {}

  static final class Article {
    int number;
    String key;
    String file;
    String title;
    java.time.LocalDate date;
    Outlet outlet;
    List<String> authors;
    List<Integer> topics;
    List<String> topicIds;
    String url;
    /** The numbered paragraphs that may be quoted, each one line of plain text. */
    List<String> paragraphs = new ArrayList<>();
    /** Subheadings, placed after the paragraph numbered by the key. */
    java.util.Map<Integer, String> subheadings = new java.util.TreeMap<>();
    /** The closing paragraph that cites the previous article, if any. */
    String reference;

    String markdown() {
      StringBuilder md = new StringBuilder(9000);
      md.append("---\n");
      md.append("title: \"").append(title).append("\"\n");
      md.append("date: ").append(date).append('\n');
      md.append("outlet: \"").append(outlet.name).append("\"\n");
      md.append("authors: [").append(String.join(", ", authors.stream().map(s -> "\"" + s + "\"").toList())).append("]\n");
      md.append("topics: [").append(String.join(", ", topicIds)).append("]\n");
      md.append("---\n\n");
      for (int p = 0; p < paragraphs.size(); p++) {
        md.append(paragraphs.get(p)).append("\n\n");
        String sub = subheadings.get(p + 1);
        if (sub != null) {
          md.append("## ").append(sub).append("\n\n");
        }
      }
      if (reference != null) {
        md.append(reference).append('\n');
      }
      return md.toString();
    }

    String indexEntry() {
      return "  - key: " + key + "\n"
          + "    file: " + file + "\n"
          + "    url: " + url + "\n"
          + "    topics: [" + String.join(", ", topicIds) + "]\n";
    }
  }

  record Outlet(String name, String slug, String domain) {}

  // ---------------------------------------------------------------- generation

  static List<Topic> topics(Words w, long seed) {
    Random r = new Random(seed * 17 + 3);
    List<Topic> topics = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    while (topics.size() < TOPICS) {
      String subject = w.pick(r, w.topicSubjects);
      String place = w.pick(r, w.places);
      String id = slug(subject + " " + place);
      if (ids.add(id)) {
        topics.add(new Topic(topics.size(), id, capitalize(subject) + " in " + place, subject));
      }
    }
    return topics;
  }

  static Article article(Words w, long seed, int i, List<Topic> topics, Article previous) {
    Random r = new Random(seed * 1_000_003L + i);
    Article a = new Article();
    a.number = i;
    a.outlet = w.outlets.get(r.nextInt(w.outlets.size()));
    a.date = START.plusDays(r.nextInt(DAYS));
    a.key = a.outlet.slug + "-" + a.date + "-" + i;
    a.file = String.format(Locale.ROOT, "a%05d.md", i);
    int authorCount = r.nextInt(4);
    a.authors = new ArrayList<>();
    for (int k = 0; k < authorCount; k++) {
      a.authors.add(w.pick(r, w.firstNames) + " " + w.pick(r, w.lastNames));
    }
    // A skewed pick: a few topics are followed by many reports, most by a few.
    Set<Integer> chosen = new LinkedHashSet<>();
    int topicCount = 1 + r.nextInt(3);
    while (chosen.size() < topicCount) {
      chosen.add((int) (TOPICS * Math.pow(r.nextDouble(), 1.6)));
    }
    a.topics = new ArrayList<>(chosen);
    a.topicIds = a.topics.stream().map(t -> topics.get(t).id).toList();
    Topic main = topics.get(a.topics.get(0));
    a.title = w.headline(r, main);
    a.url = "https://" + a.outlet.domain + "/" + a.date.toString().replace('-', '/') + "/" + slug(a.title) + "-" + i;
    int paragraphs = 11 + r.nextInt(3);
    int size = 0;
    while (a.paragraphs.size() < paragraphs || size < 7400) {
      String p = w.paragraph(r, main);
      a.paragraphs.add(p);
      size += p.length() + 2;
      if (a.paragraphs.size() % 5 == 0) {
        a.subheadings.put(a.paragraphs.size(), w.subheading(r));
      }
    }
    if (previous != null) {
      a.reference = "This report follows earlier coverage by " + previous.outlet.name + ", which wrote that "
          + w.pick(r, w.nouns) + " remained under review." + cite(r, previous, true);
    }
    return a;
  }

  /** One event of the index, citing each article once (the first with paragraph and quote). */
  static String event(Words w, Random r, java.time.LocalDate date, Topic topic, Article first, List<Article> cited) {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < cited.size(); k++) {
      text.append(k == 0 ? "" : " ").append(w.eventSentence(r, topic)).append(cite(r, cited.get(k), k == 0 || r.nextBoolean()));
    }
    String when = switch (r.nextInt(20)) {
      case 0 -> date.toString().substring(0, 7);
      case 1 -> "~" + date;
      case 2 -> date + "/" + date.plusDays(1 + r.nextInt(6));
      default -> date.toString();
    };
    String title = w.eventTitle(r, topic);
    StringBuilder y = new StringBuilder();
    y.append("  - date: ").append(when).append('\n');
    y.append("    title: \"").append(title).append("\"\n");
    Set<String> ids = new LinkedHashSet<>();
    ids.add(topic.id);
    ids.addAll(first.topicIds);
    y.append("    topics: [").append(String.join(", ", ids)).append("]\n");
    y.append("    text: |\n").append(indent(text.toString(), 6));
    return y.toString();
  }

  /**
   * A citation of the article: with {@code exact}, a paragraph and words quoted from it (cut from
   * the generated text, so they occur there); otherwise a bare paragraph or a bare key.
   */
  static String cite(Random r, Article a, boolean exact) {
    int p = 1 + r.nextInt(a.paragraphs.size());
    if (!exact) {
      return r.nextBoolean() ? "[@" + a.key + " ¶" + p + "]" : "[@" + a.key + "]";
    }
    String[] words = a.paragraphs.get(p - 1).split(" ");
    int length = Math.min(words.length, 4 + r.nextInt(6));
    int start = r.nextInt(words.length - length + 1);
    String quote = String.join(" ", java.util.Arrays.copyOfRange(words, start, start + length));
    return r.nextInt(4) == 0 ? "[@" + a.key + " \"" + quote + "\"]" : "[@" + a.key + " ¶" + p + " \"" + quote + "\"]";
  }

  static String indent(String text, int spaces) {
    String pad = " ".repeat(spaces);
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append(pad).append(line);
      }
      out.append('\n');
    }
    return out.toString().replaceAll("\n+$", "\n");
  }

  static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  // ---------------------------------------------------------------- words

  /**
   * The vocabulary. Plain ASCII prose without double quotes, brackets, semicolons or Markdown
   * markup, so any run of its words can be quoted in a citation as it stands.
   */
  static final class Words {
    final List<Outlet> outlets = List.of(
        new Outlet("The Harbour Times", "harbour-times", "harbourtimes.example"),
        new Outlet("Northern Ledger", "northern-ledger", "northernledger.example"),
        new Outlet("Daily Courier", "daily-courier", "dailycourier.example"),
        new Outlet("City Herald", "city-herald", "cityherald.example"),
        new Outlet("Coastal Wire", "coastal-wire", "coastalwire.example"),
        new Outlet("Evening Standard Post", "evening-post", "eveningpost.example"),
        new Outlet("Public Radio News", "public-radio", "publicradio.example"),
        new Outlet("The Examiner", "examiner", "examiner.example"),
        new Outlet("Metro Gazette", "metro-gazette", "metrogazette.example"),
        new Outlet("Valley Observer", "valley-observer", "valleyobserver.example"),
        new Outlet("The Chronicle", "chronicle", "chronicle.example"),
        new Outlet("Independent Review", "independent-review", "independentreview.example"));
    final List<String> firstNames = List.of(
        "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Leon", "Maya",
        "Nikolai", "Olga", "Pavel", "Quentin", "Rosa", "Samir", "Tara", "Ulrich", "Vera", "Wen", "Yusuf", "Zofia");
    final List<String> lastNames = List.of(
        "Adler", "Brandt", "Costa", "Dumas", "Eriksen", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Urban", "Vargas",
        "Weber", "Young", "Zimmermann");
    final List<String> roles = List.of(
        "the finance minister", "a senior official", "the port director", "an opposition lawmaker", "the mayor",
        "a union spokesperson", "the chief auditor", "a government adviser", "the prosecutor", "a ministry spokesperson",
        "the committee chair", "a former deputy minister", "an independent analyst", "the harbour master",
        "a company lawyer", "the transport commissioner");
    final List<String> orgs = List.of(
        "the Harbour Ministry", "the port authority", "the national audit office", "the city council",
        "the shipping consortium", "the transport committee", "the public prosecutor", "the dock workers union",
        "the regional government", "the central bank", "the anti-corruption agency", "the customs service",
        "the parliamentary inquiry", "the freight operators association");
    final List<String> places = List.of(
        "Northport", "Eastbay", "Westhaven", "Southreach", "Kellport", "Marrow Sound", "Ostend Quay", "Lindholm",
        "Calder Bay", "Ravensby", "the capital", "the northern coast");
    final List<String> topicSubjects = List.of(
        "dredging contracts", "the container terminal", "customs fraud", "port tariffs", "the audit report",
        "dock strikes", "ferry subsidies", "land sales", "the inquiry hearings", "shipping permits", "budget overruns",
        "environmental permits", "the pension fund", "lobbying meetings", "procurement rules", "the rail link",
        "fishing quotas", "the bridge project", "whistleblower claims", "campaign donations", "storm damage",
        "harbour security", "cruise traffic", "the fuel depot", "freight volumes");
    final List<String> nouns = List.of(
        "the contract", "the tender", "the audit", "the budget", "the inquiry", "the settlement", "the agreement",
        "the terminal expansion", "the permit", "the report", "the investigation", "the loan", "the timetable",
        "the proposal", "the review", "the licence", "the subsidy", "the deal", "the plan", "the payment");
    final List<String> verbs = List.of(
        "approved", "delayed", "questioned", "suspended", "criticised", "defended", "revised", "rejected",
        "extended", "examined", "cancelled", "endorsed", "challenged", "postponed", "signed", "published");
    final List<String> futures = List.of(
        "would be reviewed", "could be delayed", "had been underestimated", "was never properly tendered",
        "would cost more than planned", "might be cancelled", "had been approved in haste", "would go ahead",
        "was under investigation", "had not been disclosed", "would be renegotiated", "remained unclear");
    final List<String> times = List.of(
        "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "over the weekend", "last week",
        "earlier this month", "late on Thursday", "in a statement", "at a press conference", "in an interview");
    final List<String> deadlines = List.of("next week", "within days", "before the summer", "next month", "by the end of the year");
    final List<String> amounts = List.of(
        "12 million", "48 million", "3.5 million", "210 million", "90 million", "1.2 billion", "640,000", "7 million");

    String pick(Random r, List<String> list) {
      return list.get(r.nextInt(list.size()));
    }

    String person(Random r) {
      return pick(r, firstNames) + " " + pick(r, lastNames);
    }

    String sentence(Random r, Topic topic) {
      return switch (r.nextInt(14)) {
        case 0 -> capitalize(pick(r, orgs)) + " " + pick(r, verbs) + " " + pick(r, nouns) + " " + pick(r, times)
            + ", saying that " + topic.subject + " " + pick(r, futures) + ".";
        case 1 -> person(r) + ", " + pick(r, roles) + ", told reporters that " + pick(r, nouns) + " " + pick(r, futures) + ".";
        case 2 -> "According to documents seen by reporters, " + pick(r, nouns) + " was worth " + pick(r, amounts)
            + " euros, far more than " + pick(r, orgs) + " had disclosed.";
        case 3 -> "The dispute over " + topic.subject + " in " + pick(r, places) + " has dragged on for months.";
        case 4 -> capitalize(pick(r, roles)) + " said " + pick(r, times) + " that " + pick(r, orgs) + " had "
            + pick(r, verbs) + " " + pick(r, nouns) + " without consulting " + pick(r, orgs) + ".";
        case 5 -> "Critics argue that " + topic.subject + " " + pick(r, futures) + ", and that " + pick(r, orgs)
            + " should answer for it.";
        case 6 -> "In " + pick(r, places) + ", residents said they had learned about " + pick(r, nouns) + " only "
            + pick(r, times) + ".";
        case 7 -> person(r) + " declined to comment when asked whether " + pick(r, nouns) + " " + pick(r, futures) + ".";
        case 8 -> "Figures released " + pick(r, times) + " show that spending on " + topic.subject + " rose by "
            + (2 + r.nextInt(40)) + " percent in a year.";
        case 9 -> capitalize(pick(r, orgs)) + " has repeatedly denied any wrongdoing.";
        case 10 -> "A spokesperson for " + pick(r, orgs) + " said the matter was closed, but " + pick(r, roles)
            + " disagreed.";
        case 11 -> "The vote on " + pick(r, nouns) + " is expected " + pick(r, deadlines)
            + ", when " + pick(r, orgs) + " meets in " + pick(r, places) + ".";
        case 12 -> "It was not the first time that " + topic.subject + " had drawn scrutiny from " + pick(r, orgs) + ".";
        default -> "Officials in " + pick(r, places) + " said " + pick(r, nouns) + " " + pick(r, futures)
            + " and that talks with " + pick(r, orgs) + " would continue.";
      };
    }

    String paragraph(Random r, Topic topic) {
      StringBuilder p = new StringBuilder();
      int sentences = 4 + r.nextInt(3);
      for (int s = 0; s < sentences; s++) {
        p.append(s == 0 ? "" : " ").append(sentence(r, topic));
      }
      return p.toString();
    }

    String headline(Random r, Topic topic) {
      return switch (r.nextInt(5)) {
        case 0 -> capitalize(pick(r, orgs)) + " " + pick(r, verbs) + " " + pick(r, nouns) + " over " + topic.subject;
        case 1 -> capitalize(topic.subject) + ": " + pick(r, nouns) + " " + pick(r, futures);
        case 2 -> "In " + pick(r, places) + ", questions grow over " + topic.subject;
        case 3 -> person(r) + " says " + pick(r, nouns) + " " + pick(r, futures);
        default -> capitalize(pick(r, nouns).replace("the ", "")) + " on " + topic.subject + " " + pick(r, verbs)
            + " after " + pick(r, amounts) + " euro row";
      };
    }

    String subheading(Random r) {
      return switch (r.nextInt(4)) {
        case 0 -> "What happens next";
        case 1 -> "Questions in " + pick(r, places);
        case 2 -> "A long dispute";
        default -> "The money";
      };
    }

    String summarySentence(Random r, Topic topic) {
      return switch (r.nextInt(4)) {
        case 0 -> "Reports on " + topic.subject + " said " + pick(r, nouns) + " " + pick(r, futures) + ".";
        case 1 -> capitalize(pick(r, orgs)) + " " + pick(r, verbs) + " " + pick(r, nouns) + ".";
        case 2 -> "In " + pick(r, places) + ", " + pick(r, roles) + " questioned " + pick(r, nouns) + ".";
        default -> "Coverage of " + topic.subject + " grew after " + pick(r, nouns) + " was " + pick(r, verbs) + ".";
      };
    }

    String eventSentence(Random r, Topic topic) {
      return switch (r.nextInt(3)) {
        case 0 -> capitalize(pick(r, orgs)) + " " + pick(r, verbs) + " " + pick(r, nouns) + ".";
        case 1 -> capitalize(pick(r, roles)) + " said " + pick(r, nouns) + " " + pick(r, futures) + ".";
        default -> "Reporting on " + topic.subject + " noted that " + pick(r, nouns) + " " + pick(r, futures) + ".";
      };
    }

    String eventTitle(Random r, Topic topic) {
      return capitalize(pick(r, orgs)) + " " + pick(r, verbs) + " " + pick(r, nouns) + " on " + topic.subject;
    }
  }
}
