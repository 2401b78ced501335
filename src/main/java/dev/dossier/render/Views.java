package dev.dossier.render;

import dev.dossier.model.Block;
import dev.dossier.model.Citation;
import dev.dossier.model.Citer;
import dev.dossier.model.Dossier;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Event;
import dev.dossier.model.Field;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Prose;
import dev.dossier.model.Reproduce;
import dev.dossier.model.Source;
import dev.dossier.model.Subheading;
import dev.dossier.model.Topic;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The data each template sees: plain maps and lists of strings, numbers and booleans (no
 * Optionals, no model types), with links already made relative to the page. Cited prose is
 * passed as an opaque value for the template's {@code cite} function, so citation numbers follow
 * the order the page shows them.
 */
final class Views {

  /**
   * One page's template data.
   *
   * @param citationInputs what the page shows of a cited source, looked up when the template
   *     numbers a citation, for the page's fingerprint
   */
  record PageModel(Map<String, Object> data, Function<Citation, Object> citationInputs) {}

  private static final int LATEST_EVENTS = 6;
  /**
   * The home page lists every source up to this many; a bigger dossier's home page lists this
   * many of the newest and links to the bibliography, which lists them all.
   */
  static final int HOME_SOURCES = 12;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

  private final Dossier dossier;
  /** The description as plain text, for every page's meta description: made once, not per page. */
  private final String descriptionText;
  private final Map<String, Source> sources;
  private final Map<String, Topic> topics;
  private final Backlinks backlinks;
  /** Every citation of the dossier, gathered once: the model makes a new list on each call. */
  private final List<Citation> citations;

  /** What asset() says of a file the theme does not have. */
  static final String NO_SUCH_ASSET = "the theme has no such file";

  /** Each asset's version, by its path in the site (see {@code SiteRenderer.versions}). */
  private final Map<String, String> assetVersions;

  /**
   * The description for a page's {@code <meta name="description">}: whole up to 300 characters,
   * else cut at its last space before the 298th and ended with "…"; a text with no space there
   * (Japanese or Chinese, which put none between words) is cut after its 297th character, never
   * inside one written with two {@code char}s.
   */
  static String shortDescription(String text) {
    if (text.length() <= 300) {
      return text;
    }
    int space = text.lastIndexOf(' ', 297);
    int cut = space > 0 ? space : Character.isLowSurrogate(text.charAt(297)) ? 296 : 297;
    return text.substring(0, cut) + "…";
  }

  Views(Dossier dossier, Map<String, String> assetVersions) {
    this.assetVersions = assetVersions;
    this.descriptionText = dossier.description()
        .map(d -> org.jsoup.Jsoup.parseBodyFragment(stripMarkers(d.html())).text())
        .map(Views::shortDescription)
        .orElse(null);
    this.dossier = dossier;
    this.citations = dossier.citations();
    this.sources = dossier.sourcesByKey();
    this.topics = dossier.topics().stream().collect(Collectors.toMap(Topic::id, Function.identity()));
    this.backlinks = new Backlinks(dossier);
    for (Event e : dossier.events()) {
      e.topics().stream().distinct().forEach(t -> eventsByTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(e));
    }
    // A topic's sources: those the index files under it, and those its summary and its events
    // cite, so that a topic whose passages come from two sources never says it has none.
    Map<String, List<String>> topicsOfEvent = new java.util.HashMap<>();
    dossier.events().forEach(e -> topicsOfEvent.put(e.id(), e.topics()));
    Map<String, Set<String>> topicsCiting = new java.util.HashMap<>();
    for (Citation c : citations) {
      List<String> about = switch (c.citer().kind()) {
        case TOPIC -> List.of(c.citer().id());
        case EVENT -> topicsOfEvent.getOrDefault(c.citer().id(), List.of());
        default -> List.of();
      };
      about.forEach(t -> topicsCiting.computeIfAbsent(c.key(), k -> new java.util.HashSet<>()).add(t));
    }
    for (Source s : dossier.sources()) {
      // Each topic's list takes its sources in the dossier's order, each once.
      Set<String> of = new java.util.HashSet<>(s.topics());
      of.addAll(topicsCiting.getOrDefault(s.key(), Set.of()));
      of.forEach(t -> sourcesByTopic.computeIfAbsent(t, k -> new ArrayList<>()).add(s));
    }
    for (int i = 0; i < citations.size(); i++) {
      Citer citer = citations.get(i).citer();
      citationsByCiter.computeIfAbsent(citer.kind() + " " + citer.id(), k -> new ArrayList<>()).add(i);
    }
  }

  /** Each topic's sources and events, in the dossier's order, found once rather than per page. */
  private final Map<String, List<Source>> sourcesByTopic = new java.util.HashMap<>();
  private final Map<String, List<Event>> eventsByTopic = new java.util.HashMap<>();

  /**
   * Each source's bibliography entry, by key: made once, where a source is shown on many pages
   * (the timeline, the bibliography, its topics', its own) and pages are rendered in parallel.
   */
  private final Map<String, String> entries = new java.util.concurrent.ConcurrentHashMap<>();

  private String entry(Source s) {
    return entries.computeIfAbsent(s.key(), k -> Bibliography.entry(s));
  }

  /** Where each topic's and event's citations are in {@link #citations}, found once rather than per topic page. */
  private final Map<String, List<Integer>> citationsByCiter = new java.util.HashMap<>();

  private List<Integer> citationsBy(Citer.Kind kind, String id) {
    return citationsByCiter.getOrDefault(kind + " " + id, List.of());
  }

  private List<Source> sourcesOf(String topic) {
    return sourcesByTopic.getOrDefault(topic, List.of());
  }

  private List<Event> eventsOf(String topic) {
    return eventsByTopic.getOrDefault(topic, List.of());
  }

  Backlinks backlinks() {
    return backlinks;
  }

  PageModel home() {
    Page page = new Page("index.html", dossier.title(), "home");
    page.put("description", dossier.description().orElse(null));
    page.put("topics", dossier.topics().stream().map(t -> topic(t, page.links)).toList());
    page.put("latestEvents", dossier.eventsLatestFirst().stream().limit(LATEST_EVENTS).map(e -> event(e, page.links)).toList());
    page.put("eventCount", dossier.events().size());
    List<Source> shown = dossier.sources();
    if (shown.size() > HOME_SOURCES) {
      // Newest first, the undated after the dated, each in the index's order when dates tie.
      Comparator<Source> newest = Comparator.comparing((Source s) -> s.date().orElse(null), Comparator.nullsLast(Comparator.reverseOrder()));
      shown = shown.stream().sorted(newest).limit(HOME_SOURCES).toList();
    }
    page.put("sources", shown.stream().map(s -> source(s, page.links)).toList());
    page.put("sourceCount", dossier.sources().size());
    page.put("latestSources", shown.size() < dossier.sources().size());
    return page.model();
  }

  PageModel timeline() {
    Page page = new Page("timeline.html", "Timeline", "timeline");
    Map<String, List<Event>> byMonth = new TreeMap<>();
    for (Event e : dossier.events()) {
      byMonth.computeIfAbsent(e.date().monthKey(), k -> new ArrayList<>()).add(e);
    }
    List<Map<String, Object>> months = new ArrayList<>();
    byMonth.forEach((key, events) -> {
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("key", key);
      month.put("id", "m-" + key);
      month.put("label", events.get(0).date().monthLabel());
      month.put("events", events.stream().map(e -> event(e, page.links)).toList());
      months.add(month);
    });
    page.put("months", months);
    page.put("eventCount", dossier.events().size());
    page.put("approximateDates", dossier.events().stream().anyMatch(e -> e.date().approximate()));
    page.put("dateRanges", dossier.events().stream().anyMatch(e -> e.date().isRange()));
    List<TimelineChart.Bar> bars = TimelineChart.bars(dossier.events());
    String unit = TimelineChart.unit(dossier.events());
    page.put("chart", TimelineChart.svg(bars, unit, dossier.topics()));
    page.put("chartUnit", unit);
    page.put("chartLeftOut", TimelineChart.leftOut(dossier.events()));
    page.put("chartTable", TimelineChart.table(bars, dossier.topics()));
    List<Map<String, Object>> legend = new ArrayList<>();
    for (int i = 0; i < dossier.topics().size(); i++) {
      Map<String, Object> entry = topicRef(dossier.topics().get(i), page.links);
      entry.put("colour", TimelineChart.PALETTE.get(i % TimelineChart.PALETTE.size()));
      legend.add(entry);
    }
    page.put("legend", legend);
    page.put("topics", dossier.topics().stream().map(t -> topic(t, page.links)).toList());
    List<Source> dated = dossier.sources().stream().filter(s -> s.date().isPresent())
        .sorted(Comparator.comparing((Source s) -> s.date().get()).thenComparing(Source::key)).toList();
    page.put("sourceTrack", dated.stream().map(s -> source(s, page.links)).toList());
    page.put("undatedSources", dossier.sources().stream().filter(s -> s.date().isEmpty()).map(s -> source(s, page.links)).toList());
    return page.model();
  }

  PageModel bibliography() {
    Page page = new Page("sources/index.html", "Sources", "bibliography");
    page.put("sources", Bibliography.alphabetical(dossier.sources(), this::entry).stream().map(s -> source(s, page.links)).toList());
    page.put("dossierCitation", dossierCitation());
    page.put("address", dossier.baseUrl().orElse(null));
    page.put("feed", dossier.baseUrl().isPresent());
    return page.model();
  }

  /** @param indexVersion the search index's version, so the page asks for its own manifest past any cache */
  PageModel search(String indexVersion) {
    Page page = new Page("search.html", "Search", "search");
    page.put("indexVersion", indexVersion);
    return page.model();
  }

  PageModel topicPage(Topic topic, String path) {
    Page page = new Page(path, topic.title(), "topic");
    page.put("topic", topic(topic, page.links));
    page.put("summary", topic.summary().orElse(null));
    page.put("events", eventsOf(topic.id()).stream().map(e -> event(e, page.links)).toList());
    page.put("sources", sourcesOf(topic.id()).stream().map(s -> source(s, page.links)).toList());
    page.put("passages", passages(topic, page.links));
    return page.model();
  }

  PageModel sourcePage(Source source, String path) {
    Page page = sourcePageHead(source, path);
    List<Map<String, Object>> blocks = new ArrayList<>();
    int subheadings = 0;
    for (Block block : source.blocks()) {
      Map<String, Object> view = new LinkedHashMap<>();
      if (block instanceof Paragraph p) {
        boolean cited = backlinks.isCited(source.key(), p.number());
        if (source.reproduce() == Reproduce.EXCERPTS && !cited) {
          continue;
        }
        view.put("kind", "paragraph");
        view.put("number", p.number());
        view.put("anchor", p.anchor());
        view.put("cited", cited);
        view.put("html", new ShownParagraph(p, backlinks.quotes(source.key(), p.number()), source.citations()));
        view.put("citedBy", backlinks.citing(source.key(), p.number()).stream().map(c -> citer(c, page.links)).toList());
        // The source's own date note is no backlink, but it does cite the paragraph: said so, or the highlight is unexplained.
        view.put("citedByDateNote", source.publishedNote().stream().flatMap(n -> n.citations().stream())
            .anyMatch(c -> c.key().equals(source.key()) && c.paragraph().equals(java.util.Optional.of(p.number()))));
      } else if (block instanceof Subheading h) {
        if (source.reproduce() == Reproduce.EXCERPTS) {
          continue;
        }
        view.put("kind", "subheading");
        view.put("anchor", Links.subheadingAnchor(++subheadings));
        // A Markdown document may cite in a heading too: its markers become references as a paragraph's do.
        view.put("html", new Prose(h.html(), source.citations()));
        view.put("text", h.text());
        h.direction().ifPresent(dir -> view.put("dir", dir));
      }
      blocks.add(view);
    }
    page.put("blocks", blocks);
    page.put("citedBy", backlinks.citing(source.key()).stream().map(c -> citer(c, page.links)).distinct().toList());
    // Its own date note is left out of "Cited by" and the bibliography's count: said so, as its paragraphs say it cites them.
    page.put("datedByItself", source.publishedNote().stream().flatMap(n -> n.citations().stream()).anyMatch(c -> c.key().equals(source.key())));
    return page.model();
  }

  /**
   * What a source page is made from, for its fingerprint, without the data of its every
   * paragraph: so that a rebuild tells the page of a source nothing touched is as it was
   * without making that data (at 10,000 sources, a third of a rebuild's rendering). The page's
   * paragraphs and subheadings are made from the document's path and text alone (no index
   * setting changes how a document is read), so the document's build cache key stands for
   * them. The citations the document makes are not: a quote's paragraph is found in the cited
   * source's current text, and a citation of a source with no text is dropped, so they are
   * added as verified. Of the rest of the dossier, the text shows only the citations of this
   * source (what is cited, with which words, by what), so those stand for it; the rest is the
   * page's own data, as {@link #sourcePage} makes it, and the sources it cites, through the
   * fingerprint's citation inputs.
   *
   * @param document the build cache key of the source's document (of its bytes)
   */
  PageModel sourcePageInputs(Source source, String path, String document) {
    Page page = sourcePageHead(source, path);
    page.put("document", document);
    page.put("documentCitations", new Prose("", source.citations()));
    // Each citer as the page links it (its href names it), with what it cites.
    page.put("citedAs", backlinks.of(source.key()).stream().map(c -> {
      Map<String, Object> v = citer(c.citer(), page.links);
      v.put("paragraph", c.paragraph().orElse(null));
      v.put("quote", c.quote().orElse(null));
      return v;
    }).toList());
    return page.model();
  }

  /** A source page's data but for its text and its list of citers. */
  private Page sourcePageHead(Source source, String path) {
    Page page = new Page(path, Bibliography.displayTitle(source), "source");
    page.put("source", source(source, page.links));
    page.put("excerpts", source.reproduce() == Reproduce.EXCERPTS);
    page.put("publishedNote", source.publishedNote().orElse(null));
    return page;
  }

  /**
   * The passages cited for a topic: by its summary and by its events, in source order, each
   * with the words this topic quotes from it marked (not those other topics quote).
   */
  private List<Map<String, Object>> passages(Topic topic, Links links) {
    // The topic's citations and its events', in the dossier's order.
    SortedSet<Integer> forTopic = new TreeSet<>(citationsBy(Citer.Kind.TOPIC, topic.id()));
    eventsOf(topic.id()).forEach(e -> forTopic.addAll(citationsBy(Citer.Kind.EVENT, e.id())));
    Map<String, List<Citation>> byTarget = new TreeMap<>();
    for (int index : forTopic) {
      Citation c = citations.get(index);
      c.paragraph().ifPresent(number ->
          byTarget.computeIfAbsent(c.key() + "|" + "0".repeat(Math.max(0, 6 - Integer.toString(number).length())) + number, k -> new ArrayList<>()).add(c));
    }
    List<Map<String, Object>> passages = new ArrayList<>();
    byTarget.values().forEach(cited -> {
      Citation first = cited.get(0);
      Source source = sources.get(first.key());
      int number = first.paragraph().orElseThrow();
      List<String> quotes = cited.stream().flatMap(c -> c.quote().stream()).distinct().toList();
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("source", source(source, links));
      view.put("number", number);
      view.put("href", links.paragraph(first.key(), number));
      view.put("quotes", quotes);
      view.put("html", Highlighter.highlight(stripMarkers(source.paragraph(number).orElseThrow().html()), quotes));
      passages.add(view);
    });
    return List.copyOf(passages);
  }

  /** The original article deep-linked to the cited words, when its URL is known. */
  static java.util.Optional<String> original(Source source, Citation citation) {
    return source.url().value().map(url -> citation.quote()
        .map(q -> TextFragment.toQuote(url, q))
        .or(() -> citation.paragraph().flatMap(source::paragraph).map(p -> TextFragment.toParagraph(url, p.text())))
        .orElse(url));
  }

  private static String stripMarkers(String html) {
    return Prose.MARKER.matcher(html).replaceAll("");
  }

  private Map<String, Object> source(Source s, Links links) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("key", s.key());
    v.put("href", links.source(s.key()));
    v.put("title", Bibliography.displayTitle(s));
    v.put("titleSupplied", s.titleSupplied());
    v.put("titleKnown", s.title().isKnown());
    v.put("titleOrigin", s.title().origin().label());
    field(v, "outlet", s.outlet());
    v.put("authors", s.authors().value().orElse(List.of()));
    v.put("authorsText", s.authors().value().map(Views::names).orElse(null));
    v.put("authorsOrigin", s.authors().origin().label());
    v.put("published", s.published().value().map(d -> date(d)).orElse(null));
    v.put("publishedOrigin", s.published().origin().label());
    v.put("updated", s.updated().value().map(Views::timestamp).orElse(null));
    v.put("updatedOrigin", s.updated().origin().label());
    v.put("date", s.date().map(Views::date).orElse(null));
    v.put("dateText", Bibliography.dateLabel(s).orElse(null));
    field(v, "url", s.url());
    v.put("dateline", s.dateline().orElse(null));
    v.put("file", s.file());
    v.put("format", s.format());
    v.put("excerpts", s.reproduce() == Reproduce.EXCERPTS);
    v.put("paragraphCount", s.paragraphs().size());
    v.put("topics", s.topics().stream().map(topics::get).filter(java.util.Objects::nonNull).map(t -> topicRef(t, links)).toList());
    v.put("citation", entry(s));
    v.put("shortLabel", Bibliography.shortLabel(s));
    v.put("citedCount", backlinks.citingCount(s.key()));
    return v;
  }

  private Map<String, Object> topic(Topic t, Links links) {
    Map<String, Object> v = topicRef(t, links);
    v.put("eventCount", eventsOf(t.id()).size());
    v.put("sourceCount", (long) sourcesOf(t.id()).size());
    return v;
  }

  private static Map<String, Object> topicRef(Topic t, Links links) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", t.id());
    v.put("title", t.title());
    v.put("href", links.topic(t.id()));
    return v;
  }

  private Map<String, Object> event(Event e, Links links) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", e.id());
    v.put("href", links.event(e.id()));
    v.put("title", e.title());
    v.put("date", date(e.date()));
    v.put("text", e.text());
    v.put("topics", e.topics().stream().map(topics::get).filter(java.util.Objects::nonNull).map(t -> topicRef(t, links)).toList());
    v.put("topicIds", String.join(" ", e.topics()));
    return v;
  }

  private static Map<String, Object> date(DossierDate d) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("label", d.label());
    v.put("machine", d.machine());
    v.put("datetime", d.enclosing().orElse(null));
    v.put("iso", d.iso());
    v.put("approximate", d.approximate());
    v.put("range", d.isRange());
    v.put("end", d.end().map(Object::toString).orElse(null));
    v.put("precision", d.precision().name().toLowerCase(Locale.ROOT));
    return v;
  }

  private static Map<String, Object> timestamp(OffsetDateTime t) {
    OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("label", TIMESTAMP.format(utc));
    v.put("machine", utc.toInstant().toString());
    return v;
  }

  private Map<String, Object> citer(Citer c, Links links) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
    v.put("title", c.title());
    v.put("href", switch (c.kind()) {
      case TOPIC -> links.topic(c.id());
      case EVENT -> links.event(c.id());
      case SOURCE -> links.source(c.id());
      case DESCRIPTION -> links.to("index.html");
    });
    return v;
  }

  private static void field(Map<String, Object> v, String name, Field<String> field) {
    v.put(name, field.orNull());
    v.put(name + "Origin", field.origin().label());
  }

  private static String names(List<String> names) {
    if (names.size() <= 2) {
      return String.join(" and ", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  private String dossierCitation() {
    StringBuilder out = new StringBuilder();
    out.append(NestedQuotes.titleWithStop(dossier.title()));
    // "Edited by", not "ed.": an editor may be one person or a group.
    dossier.editor().ifPresent(e -> out.append(" Edited by ").append(e).append('.'));
    dossier.baseUrl().ifPresent(u -> out.append(' ').append(u).append('.'));
    return out.toString();
  }

  /** The data every page shares, and its citation numbering. */
  private final class Page {
    final Links links;
    final PageReferences references;
    final Map<String, Object> data = new LinkedHashMap<>();

    Page(String path, String title, String kind) {
      this.links = new Links(path);
      this.references = new PageReferences(links, sources);
      Map<String, Object> site = new LinkedHashMap<>();
      site.put("title", dossier.title());
      site.put("language", dossier.language());
      site.put("editor", dossier.editor().orElse(null));
      // No dossier-wide counts here: every page would change whenever a source is added.
      site.put("descriptionText", descriptionText);
      data.put("site", site);
      data.put("root", links.root());
      data.put("path", path);
      data.put("title", title);
      data.put("kind", kind);
      data.put("cite", (TemplateMethodModelEx) args -> {
        Object prose = args.isEmpty() ? null : DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0));
        if (prose == null) {
          return "";
        }
        if (prose instanceof ShownParagraph p) {
          return references.cite(p.html(), p.citations());
        }
        if (!(prose instanceof Prose p)) {
          throw new TemplateModelException("cite() takes cited prose, such as event.text or summary");
        }
        return references.cite(p);
      });
      data.put("notes", (TemplateMethodModelEx) args -> references.notes().stream().map(this::note).toList());
      data.put("asset", (TemplateMethodModelEx) args -> {
        String written = args.isEmpty() ? "" : String.valueOf(DeepUnwrap.unwrap((freemarker.template.TemplateModel) args.get(0)));
        String asset = written.startsWith("./") ? written.substring(2) : written;
        String version = assetVersions.get(asset);
        if (version == null) {
          throw new TemplateModelException("asset(\"" + written + "\"): " + NO_SUCH_ASSET + "; the theme's assets are "
              + String.join(", ", new java.util.TreeSet<>(assetVersions.keySet())));
        }
        return links.root() + asset + "?v=" + version;
      });
      data.put("citedSources", (TemplateMethodModelEx) args -> references.sourcesCited().stream().map(s -> source(s, links)).toList());
    }

    private Map<String, Object> note(PageReferences.Note n) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("number", n.number());
      v.put("id", n.id());
      v.put("textId", n.textId());
      v.put("backref", "#" + n.refId());
      v.put("href", n.href());
      v.put("source", source(n.source(), links));
      v.put("paragraph", n.citation().paragraph().orElse(null));
      // The page puts the quote in <q>, which adds the outer marks.
      v.put("quote", n.citation().quote().map(NestedQuotes::inner).orElse(null));
      v.put("original", original(n.source(), n.citation()).orElse(null));
      return v;
    }

    void put(String key, Object value) {
      data.put(key, value);
    }

    PageModel model() {
      return new PageModel(data, c -> {
        Source s = sources.get(c.key());
        return s == null ? List.of() : List.of(source(s, links), original(s, c).orElse(""));
      });
    }
  }
}
