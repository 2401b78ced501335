package dev.dossier.assemble;

import dev.dossier.cite.CitationRef;
import dev.dossier.cite.CitationSyntax;
import dev.dossier.cite.CitationVerifier;
import dev.dossier.cite.LocatedRef;
import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.index.Index;
import dev.dossier.index.Index.EventEntry;
import dev.dossier.index.Index.Ref;
import dev.dossier.index.Index.SourceEntry;
import dev.dossier.load.DossierFolder;
import dev.dossier.index.Index.TopicEntry;
import dev.dossier.index.MarkdownText;
import dev.dossier.model.Citation;
import dev.dossier.model.Citer;
import dev.dossier.model.Document;
import dev.dossier.model.Dossier;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Event;
import dev.dossier.model.Field;
import dev.dossier.model.Origin;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Prose;
import dev.dossier.model.Reproduce;
import dev.dossier.model.Source;
import dev.dossier.model.Topic;
import dev.dossier.parse.ParsedDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the {@link Dossier} from the index and the parsed documents. A pure function of its
 * inputs: every problem becomes a diagnostic, and the result is only meaningful when there are
 * no errors.
 */
public final class Assembler {

  private static final String DEFAULT_TITLE = "Dossier";

  private final MarkdownProcessor markdown;
  private final java.util.function.Consumer<dev.dossier.cite.Unverified> unverified;

  public Assembler(MarkdownProcessor markdown) {
    this(markdown, u -> {});
  }

  /** @param unverified told of every citation its source does not bear out */
  public Assembler(MarkdownProcessor markdown, java.util.function.Consumer<dev.dossier.cite.Unverified> unverified) {
    this.markdown = markdown;
    this.unverified = unverified;
  }

  /**
   * @param documents the parsed documents by path relative to the dossier folder
   */
  public Dossier assemble(Index index, Map<String, ParsedDocument> documents, Diagnostics diagnostics) {
    return assemble(index, documents, Set.of(), diagnostics);
  }

  /**
   * @param documents the parsed documents by path relative to the dossier folder
   * @param meant documents that an error already named as the ones a file name of the index
   *     meant ({@link dev.dossier.load.DossierFolder#meant}): listed, misspelt, so not said to
   *     be missing from the index as well
   */
  public Dossier assemble(Index index, Map<String, ParsedDocument> documents, Set<String> meant, Diagnostics diagnostics) {
    Map<String, Topic> topicsById = new LinkedHashMap<>();
    for (TopicEntry t : index.topics()) {
      topicsById.put(t.id(), new Topic(t.id(), t.title(), Optional.empty()));
    }

    List<SourcePlan> plans = planSources(index, documents, meant, diagnostics);
    // Documents may name topics in front matter; without an index entry they become topics of
    // their own, titled as written.
    Set<String> indexTopics = Set.copyOf(topicsById.keySet());
    for (SourcePlan plan : plans) {
      boolean ownTopics = plan.entry.isEmpty() || plan.entry.get().topics().isEmpty();
      for (String topic : plan.topics) {
        if (!topicsById.containsKey(topic) && ownTopics) {
          topicsById.put(topic, new Topic(topic, plan.topicTitles.getOrDefault(topic, topic), Optional.empty()));
          nearTopic(plan, topic, indexTopics, diagnostics);
        }
      }
    }
    Set<String> topicIds = topicsById.keySet();
    List<Ref> refs = new ArrayList<>();
    index.sources().forEach(entry -> refs.addAll(entry.topics()));
    index.events().forEach(event -> refs.addAll(event.topics()));
    checkRefs(refs, topicIds, diagnostics);

    Map<String, List<Paragraph>> paragraphs = new HashMap<>();
    plans.forEach(p -> paragraphs.put(p.key, p.document.paragraphs()));
    // Sources whose document could not be read or holds no text were reported already;
    // citations of them say nothing new.
    Set<String> broken = new HashSet<>();
    index.sources().stream().map(SourceEntry::key).filter(k -> !paragraphs.containsKey(k)).forEach(broken::add);
    paragraphs.forEach((k, v) -> {
      if (v.isEmpty()) {
        broken.add(k);
      }
    });
    Set<String> keys = new HashSet<>(paragraphs.keySet());
    keys.addAll(broken);
    Map<String, Position> keyAt = new HashMap<>();
    index.sources().forEach(s -> keyAt.put(s.key(), s.keyAt()));
    CitationVerifier verifier = new CitationVerifier(paragraphs, broken, unverified, keyAt);
    Prosaist prose = new Prosaist(markdown, verifier, keys, diagnostics);

    List<Source> sources =
        plans.stream()
            .sorted(Comparator.comparing(p -> p.key))
            .map(p -> source(p, prose, documents.get(p.document.path()), diagnostics))
            .toList();

    List<Topic> topics = new ArrayList<>();
    Map<String, TopicEntry> topicEntries = new HashMap<>();
    index.topics().forEach(t -> topicEntries.put(t.id(), t));
    for (Topic topic : topicsById.values()) {
      TopicEntry entry = topicEntries.get(topic.id());
      Optional<Prose> summary =
          entry == null
              ? Optional.empty()
              : entry.summary().map(s -> prose.render(s, new Citer(Citer.Kind.TOPIC, topic.id(), topic.title())));
      topics.add(new Topic(topic.id(), topic.title(), summary));
    }

    List<Event> events = events(index, prose, diagnostics);
    Optional<Prose> description =
        index.description().map(d -> prose.render(d, new Citer(Citer.Kind.DESCRIPTION, "", "Overview")));
    if (!index.sourcesUnread()) {
      verifier.reportUnknownKeys(diagnostics);
    }

    Dossier dossier = new Dossier(
        index.title().orElse(DEFAULT_TITLE),
        description,
        index.editor(),
        index.language().orElse("en"),
        index.baseUrl(),
        sources,
        topics,
        events);
    // An error can hide a citation or an event, so loose ends are only worth a word without one.
    if (!diagnostics.hasErrors()) {
      warnAboutLooseEnds(dossier, index, diagnostics);
    }
    return dossier;
  }

  /**
   * A document's own topic that is one slip from a topic of the index ("embasy-drawdown") is
   * most likely that topic misspelt: worth a warning, where the document names it.
   */
  private static void nearTopic(SourcePlan plan, String topic, Set<String> indexTopics, Diagnostics diagnostics) {
    Position at = Optional.ofNullable(plan.topicsAt.get(plan.topicTitles.getOrDefault(topic, topic)))
        .or(() -> plan.entry.map(SourceEntry::at))
        .orElse(Position.file(plan.document.path()));
    dev.dossier.diag.Similarity.closest(topic, indexTopics, 1).filter(known -> !known.equals(topic)).ifPresent(known -> diagnostics.warning(
        at,
        "the topics of " + plan.document.path() + " name \"" + topic + "\", which the index does not list, so it becomes a topic of its own",
        "did you mean \"" + known + "\"? Correct the document's topics, or give this source topics: in the index"));
  }

  /** What a curator may intend but probably did not: uncited sources, topics without events. */
  private static void warnAboutLooseEnds(Dossier dossier, Index index, Diagnostics diagnostics) {
    Set<String> cited = new HashSet<>();
    for (Citation c : dossier.citations()) {
      if (!(c.citer().kind() == Citer.Kind.SOURCE && c.citer().id().equals(c.key()))) {
        cited.add(c.key());
      }
    }
    Map<String, Position> sourceAt = new HashMap<>();
    index.sources().forEach(s -> sourceAt.put(s.key(), s.at()));
    for (Source source : dossier.sources()) {
      if (!cited.contains(source.key()) && !index.sources().isEmpty()) {
        diagnostics.warning(
            sourceAt.getOrDefault(source.key(), Position.file(source.file())),
            "nothing cites the source \"" + source.key() + "\"",
            "cite it from a topic or an event, or remove it from the dossier");
      }
    }
    Set<String> withEvents = new HashSet<>();
    dossier.events().forEach(e -> withEvents.addAll(e.topics()));
    for (TopicEntry topic : index.topics()) {
      if (!withEvents.contains(topic.id())) {
        diagnostics.warning(topic.at(), "the topic \"" + topic.id() + "\" has no events", "list it in the topics: of the events it concerns");
      }
    }
  }

  /** What is known of one source before its prose is rendered. */
  private static final class SourcePlan {
    String key;
    Optional<SourceEntry> entry = Optional.empty();
    Document document;
    List<String> topics = List.of();
    Map<String, String> topicTitles = Map.of();
    /** Where the document names its topics, by the topic as written. */
    Map<String, Position> topicsAt = Map.of();
  }

  private List<SourcePlan> planSources(Index index, Map<String, ParsedDocument> documents, Set<String> meant, Diagnostics diagnostics) {
    List<SourcePlan> plans = new ArrayList<>();
    Set<String> listed = new HashSet<>(index.refusedFiles());
    // A document's topic written as an index topic's title ("The move to Lviv") is that topic.
    Map<String, String> indexTitles = new HashMap<>();
    index.topics().forEach(t -> indexTitles.putIfAbsent(t.title().strip().toLowerCase(Locale.ROOT), t.id()));
    Topics named = new Topics(indexTitles, documents.values());
    // A document saved as index.html must not take the bibliography's page.
    Set<String> keys = new HashSet<>(Set.of(Source.RESERVED_KEY));
    for (SourceEntry entry : index.sources()) {
      ParsedDocument parsed = documents.get(entry.file());
      listed.add(entry.file());
      if (parsed == null) {
        // The loader reports files it could not find or read.
        continue;
      }
      SourcePlan plan = new SourcePlan();
      plan.key = entry.key();
      plan.entry = Optional.of(entry);
      plan.document = parsed.document();
      plan.topics = entry.topics().isEmpty() ? named.ids(parsed.document().topics()) : entry.topics().stream().map(Ref::id).toList();
      plan.topicTitles = named.titles(parsed.document().topics());
      plan.topicsAt = parsed.topicsAt();
      plans.add(plan);
      keys.add(entry.key());
    }
    Map<String, ParsedDocument> unlistedDocuments = new TreeMap<>(documents);
    unlistedDocuments.keySet().removeAll(listed);
    Map<String, String> unlistedKeys = keysOfUnlisted(unlistedDocuments.keySet(), keys);
    for (Map.Entry<String, ParsedDocument> unlisted : unlistedDocuments.entrySet()) {
      Document document = unlisted.getValue().document();
      SourcePlan plan = new SourcePlan();
      plan.key = unlistedKeys.get(unlisted.getKey());
      plan.document = document;
      plan.topics = named.ids(document.topics());
      plan.topicTitles = named.titles(document.topics());
      plan.topicsAt = unlisted.getValue().topicsAt();
      plans.add(plan);
      // A file the index names with a slip was said not to be found, with this document as the one meant.
      if ((!index.sources().isEmpty() || index.title().isPresent()) && !index.sourcesUnread() && !meant.contains(unlisted.getKey())) {
        diagnostics.warning(
            Position.file(document.path()),
            "the index does not list this document; it is included with the key \"" + plan.key + "\"",
            "add it to sources: in " + index.path() + " to give it a key, title and topics");
      }
    }
    return plans;
  }

  private Source source(SourcePlan plan, Prosaist prose, ParsedDocument parsed, Diagnostics diagnostics) {
    Document doc = plan.document;
    Optional<SourceEntry> entry = plan.entry;
    Field<String> title = known(entry.flatMap(SourceEntry::title), Origin.INDEX).or(known(doc.title(), Origin.DOCUMENT));
    // Supplied by the editor only when the editor gave one: "[untitled: FILE]" is nobody's title.
    boolean supplied = entry.map(SourceEntry::titleSupplied).orElse(false) && entry.flatMap(SourceEntry::title).isPresent();
    Field<String> outlet = known(entry.flatMap(SourceEntry::outlet), Origin.INDEX).or(known(doc.site(), Origin.DOCUMENT));
    Field<List<String>> authors =
        known(entry.flatMap(SourceEntry::authors).filter(a -> !a.isEmpty()), Origin.INDEX)
            .or(known(Optional.of(doc.authors()).filter(a -> !a.isEmpty()), Origin.DOCUMENT));
    Optional<MarkdownText> note = entry.flatMap(SourceEntry::publishedNote);
    Field<DossierDate> published =
        known(entry.flatMap(SourceEntry::published), note.isPresent() ? Origin.INFERRED : Origin.INDEX)
            .or(known(doc.published(), Origin.DOCUMENT));
    Field<String> url = known(entry.flatMap(SourceEntry::url), Origin.INDEX).or(known(doc.url(), Origin.DOCUMENT));
    String label = title.value().orElse(plan.key);
    Citer asSource = new Citer(Citer.Kind.SOURCE, plan.key, label);
    Optional<Prose> publishedNote = note.map(n -> prose.render(n, asSource));
    List<Citation> bodyCitations = new ArrayList<>();
    for (LocatedRef ref : parsed.citations()) {
      prose.verify(ref.ref(), ref.at(), asSource).ifPresent(bodyCitations::add);
    }
    return new Source(
        plan.key,
        doc.path(),
        doc.format(),
        title,
        supplied,
        entry.flatMap(SourceEntry::shortTitle),
        outlet,
        authors,
        published,
        publishedNote,
        known(doc.updated(), Origin.DOCUMENT),
        url,
        doc.dateline(),
        entry.map(SourceEntry::reproduce).orElse(Reproduce.FULL),
        plan.topics,
        doc.blocks(),
        bodyCitations);
  }

  private List<Event> events(Index index, Prosaist prose, Diagnostics diagnostics) {
    List<Event> events = new ArrayList<>();
    // An event's own id is its anchor whatever its date and title; the others' are made from
    // those, around the ids given.
    Set<String> ids = new HashSet<>();
    index.events().forEach(entry -> entry.id().ifPresent(given -> ids.add(eventAnchor(given.id()))));
    // An event pasted twice is two on the timeline: the same date, title and text, and no id of
    // its own to say it is another (two briefings of a day may share a title, with their ids).
    Map<String, Position> seen = new HashMap<>();
    for (EventEntry entry : index.events()) {
      if (entry.date().isEmpty() || entry.id().isPresent()) {
        continue;
      }
      String same = entry.date().get().iso() + "\n" + entry.title() + "\n" + entry.text().map(MarkdownText::text).orElse("").strip();
      Position first = seen.putIfAbsent(same, entry.at());
      if (first != null) {
        diagnostics.warning(
            entry.at(),
            "the event \"" + entry.title() + "\" of " + entry.date().get().label() + " is listed again, as it is at line " + first.line(),
            "remove the copy; if they are two events, give each a title of its own, or an id:");
      }
    }
    for (EventEntry entry : index.events()) {
      String datePart = entry.date().map(d -> d.iso().replace("~", "c").replace('/', '-')).orElse("undated");
      String id = entry.id().map(given -> eventAnchor(given.id())).orElseGet(() -> uniqueKey(eventAnchor(datePart + "-" + slug(entry.title())), ids));
      Citer citer = new Citer(Citer.Kind.EVENT, id, entry.title());
      Prose text = entry.text().map(t -> prose.render(t, citer)).orElse(new Prose("", List.of()));
      boolean cites = Prose.MARKER.matcher(text.html()).find();
      if (!cites) {
        diagnostics.error(
            entry.at(),
            "the event \"" + entry.title() + "\" cites no source",
            (entry.text().isPresent() ? "add a citation to its text" : "add text: with a citation")
                + " such as [@key ¶3 \"quoted words\"] for the passage it comes from");
      }
      // An event whose date could not be read was reported; its citations were still checked.
      entry.date().ifPresent(date -> events.add(new Event(id, date, entry.title(), entry.topics().stream().map(Ref::id).toList(), text)));
    }
    // A stable sort keeps the curator's order among events of the same date.
    events.sort(Comparator.comparing(Event::date));
    return events;
  }

  /**
   * Reports each topic that sources and events name and no topic has: one error, at its first
   * use, naming the others, as for a citation key no source has.
   */
  private static void checkRefs(List<Ref> refs, Set<String> known, Diagnostics diagnostics) {
    Map<String, List<Position>> unknown = new TreeMap<>();
    for (Ref ref : refs) {
      if (!known.contains(ref.id())) {
        unknown.computeIfAbsent(ref.id(), id -> new ArrayList<>()).add(ref.at());
      }
    }
    unknown.forEach((id, uses) -> {
      List<Position> places = uses.stream().sorted(Position.ORDER).toList();
      String hint = known.isEmpty() ? "add it under topics:" : suggestion(id, known);
      if (places.size() > 1) {
        hint += (hint.endsWith("?") ? " The" : "; the") + " unknown topic is named here and at " + Position.others(places.get(0), places.subList(1, places.size()), 8) + ".";
      }
      diagnostics.error(places.get(0), "unknown topic \"" + id + "\"" + (places.size() > 1 ? ", named " + places.size() + " times" : ""), hint);
    });
  }

  private static String suggestion(String id, Set<String> known) {
    return dev.dossier.diag.Similarity.closest(id, known, 3)
        .map(k -> "did you mean \"" + k + "\"?")
        .orElse("add it under topics:, or use one of: " + String.join(", ", new java.util.TreeSet<>(known)));
  }


  /**
   * The ids of the topics documents name in words: the index's topic when the words are its
   * title, else an id made from the words, so "Elections" and "elections" are one topic. Words
   * whose id would be another's ("C++" and "C#" are both "c"), or that have none (Greek,
   * Japanese or emoji, which a slug cannot spell, are all "x"), get the hash of their folded
   * form after it: two topics stay two, and "Ελλάδα" and "ΕΛΛΑΔΑ" stay one.
   */
  static final class Topics {
    /** Each topic's id by its words as written, made once: thousands of documents name a few dozen topics. */
    private final Map<String, String> ids = new HashMap<>();

    Topics(Map<String, String> indexTitles, java.util.Collection<ParsedDocument> documents) {
      Set<String> written = new java.util.LinkedHashSet<>();
      documents.forEach(parsed -> written.addAll(parsed.document().topics()));
      // Each wording's slug and folded words; a slug that stands for two folded wordings is shared.
      Map<String, String> slugs = new HashMap<>();
      Map<String, String> foldedOf = new HashMap<>();
      Map<String, String> foldedBySlug = new HashMap<>();
      Set<String> shared = new HashSet<>(Set.of("x"));
      for (String words : written) {
        String known = indexTitles.get(words.strip().toLowerCase(Locale.ROOT));
        if (known != null) {
          ids.put(words, known);
        } else {
          String slug = slug(words);
          slugs.put(words, slug);
          String folded = folded(words);
          foldedOf.put(words, folded);
          String before = foldedBySlug.putIfAbsent(slug, folded);
          if (before != null && !before.equals(folded)) {
            shared.add(slug);
          }
        }
      }
      slugs.forEach((words, slug) -> ids.put(words, shared.contains(slug)
          ? (slug.equals("x") ? "topic" : slug) + "-" + String.format(Locale.ROOT, "%08x", foldedOf.get(words).hashCode())
          : slug));
    }

    /** @param written a topic as one of the documents writes it */
    String id(String written) {
      return ids.get(written);
    }

    List<String> ids(List<String> topics) {
      return topics.stream().map(this::id).distinct().toList();
    }

    /** The words each id stands for, as a document first wrote them. */
    Map<String, String> titles(List<String> topics) {
      Map<String, String> titles = new HashMap<>();
      topics.forEach(t -> titles.putIfAbsent(id(t), t));
      return titles;
    }

    /** Lower case, accents and marks dropped, spaces as one: the words as a topic's identity. */
    private static String folded(String written) {
      String decomposed = java.text.Normalizer.normalize(written.strip().toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFKD);
      return decomposed.replaceAll("\\p{M}+", "").replaceAll("\\s+", " ");
    }
  }

  private static <T> Field<T> known(Optional<T> value, Origin origin) {
    return value.map(v -> Field.of(v, origin)).orElse(Field.unknown());
  }

  static String slug(String text) {
    String slug = dev.dossier.model.Slug.ascii(text);
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+[^-]*$", "");
    }
    return slug.isEmpty() ? "x" : slug;
  }

  /**
   * The keys of documents the index does not list, made from their file names, none of them
   * taken: a file named as its key ("my-article.txt") has it before a file whose name only makes
   * it ("My Article.txt"), so that a file added later does not take the key, and the
   * citations, of one already there; between files alike, the first by path has it.
   *
   * @param paths the documents' paths in the folder
   * @param taken the keys the index gives, which no unlisted document may have
   * @return each path's key
   */
  public static Map<String, String> keysOfUnlisted(java.util.Collection<String> paths, Set<String> taken) {
    Set<String> used = new HashSet<>(taken);
    used.add(Source.RESERVED_KEY);
    List<String> sorted = paths.stream().sorted().toList();
    Map<String, String> keys = new HashMap<>();
    for (String path : sorted) {
      if (keyFor(path).equals(DossierFolder.stem(path))) {
        keys.put(path, uniqueKey(keyFor(path), used));
      }
    }
    for (String path : sorted) {
      if (!keys.containsKey(path)) {
        keys.put(path, uniqueKey(keyFor(path), used));
      }
    }
    return keys;
  }

  /** A citation key from a file name: "000_aa88e0e7.txt" gives "000-aa88e0e7". */
  static String keyFor(String path) {
    return slug(DossierFolder.stem(path));
  }

  /** An event's id, its anchor on the timeline: "e-" and its own id, or its date and title. */
  private static String eventAnchor(String name) {
    return "e-" + name;
  }

  private static String uniqueKey(String base, Set<String> taken) {
    String key = base;
    for (int n = 2; !taken.add(key); n++) {
      key = base + "-" + n;
    }
    return key;
  }

  /** Renders the curator's Markdown and verifies its citations, reporting at their exact place. */
  private static final class Prosaist {
    private final MarkdownProcessor markdown;
    private final CitationVerifier verifier;
    private final Diagnostics diagnostics;
    /** Every source's key, to tell a citation written with words before its @ from a handle in brackets. */
    private final Set<String> keys;

    Prosaist(MarkdownProcessor markdown, CitationVerifier verifier, Set<String> keys, Diagnostics diagnostics) {
      this.markdown = markdown;
      this.verifier = verifier;
      this.keys = keys;
      this.diagnostics = diagnostics;
    }

    /**
     * Words, then a source's key after an @, in brackets that are no link: "[see @cnn ¶3]", as
     * Pandoc writes a citation with a prefix. dossier's citations start with the @, so this is
     * text; without a word, the curator would only see the brackets published as they are. The
     * key must be a whole word ("@cnn_intl" is a handle). Markdown itself tells these brackets
     * from links, images, code and escaped brackets ({@link MarkdownProcessor.Bracketed}).
     */
    private static final Pattern PREFIXED = Pattern.compile("\\[\\s*[^@\\s][^@]*?\\s@(" + CitationSyntax.KEY.pattern() + ")(?=[\\s;\\]])[^@]*\\]", Pattern.DOTALL);

    private void warnAboutPrefixedCitations(MarkdownText text, List<MarkdownProcessor.Bracketed> bracketed) {
      for (MarkdownProcessor.Bracketed words : bracketed) {
        Matcher m = PREFIXED.matcher(words.text());
        if (!m.matches() || !keys.contains(m.group(1))) {
          continue;
        }
        String written = words.text().replaceAll("\\s+", " ");
        int at = written.indexOf('@');
        diagnostics.warning(
            text.position(words.offset() + m.start(1) - 1),
            "\"" + written + "\" is not a citation: the words before the @ make it text, published as written",
            "put the words outside the brackets, as in \"" + written.substring(1, at).strip() + " [" + written.substring(at) + "\"");
      }
    }

    /**
     * A source's key after an @ in running text ("as @cnn-2022-02-14 reported"): a citation
     * without its brackets, published as text and checked by nothing; after a bracket the
     * syntax did not read as a citation ("[@cnn-2022-02-14 reported that…"), one whose ] was
     * forgotten, an error. A handle that is no source's key ("@nytimes") is text without a word.
     */
    private void warnAboutBareKeys(MarkdownText text, List<MarkdownProcessor.Bracketed> handles) {
      for (MarkdownProcessor.Bracketed handle : handles) {
        if (handle.text().startsWith("[")) {
          // "[@cnn-2022-02-14 reported…": a source's key, so a citation whose ] was forgotten.
          if (keys.contains(handle.text().substring(2))) {
            int close = dev.dossier.cite.CitationSyntax.closingBracket(text.text(), handle.offset() + 1);
            diagnostics.error(
                text.position(handle.offset() + 1),
                close < 0
                    ? "the citation " + handle.text() + " has no closing ]: end it with ], as in [@key ¶5 \"quoted words\"]"
                    // "[@cnn see [sic] here]": closed, but with words (and brackets) no citation holds.
                    : "cannot read the citation " + text.text().substring(handle.offset(), close + 1).replaceAll("\\s+", " ")
                        + ": after its key a citation holds only ¶5 and a \"quote\"; keep other words outside it, as in [@key ¶5 \"quoted words\"]");
          }
          continue;
        }
        String key = handle.text().substring(1);
        if (keys.contains(key)) {
          diagnostics.warning(
              text.position(handle.offset()),
              "\"" + handle.text() + "\" is not a citation: without brackets it is published as text, and nothing checks it",
              "write [" + handle.text() + "], [" + handle.text() + " ¶5] or [" + handle.text() + " ¶5 \"quoted words\"]");
        }
      }
    }

    /** "[^1]", a footnote's mark in Markdown that has them. */
    private static final java.util.regex.Pattern FOOTNOTE = java.util.regex.Pattern.compile("\\[\\^[^\\]\\s]+\\]");

    Prose render(MarkdownText text, Citer citer) {
      MarkdownProcessor.Rendered rendered = markdown.render(text.text());
      java.util.regex.Matcher footnote = FOOTNOTE.matcher(text.text());
      if (footnote.find()) {
        diagnostics.warning(
            text.position(footnote.start()),
            "the index's prose has no footnotes: " + footnote.group() + " and its note are shown as written, where they stand",
            "write the note into the text, with its citation where the footnote mark is");
      }
      warnAboutPrefixedCitations(text, rendered.bracketed());
      warnAboutBareKeys(text, rendered.handles());
      IntFunction<Position> at = text::position;
      List<Citation> citations = new ArrayList<>();
      for (CitationRef ref : rendered.refs()) {
        verify(ref, at.apply(ref.offset()), citer).ifPresent(citations::add);
      }
      if (citations.size() != rendered.refs().size()) {
        // Markers index into the citation list; with a failed citation the build stops anyway.
        return new Prose(rendered.html(), List.of());
      }
      return new Prose(rendered.html(), citations);
    }

    Optional<Citation> verify(CitationRef ref, Position at, Citer citer) {
      return verifier.verify(ref, at, citer, diagnostics);
    }
  }
}
