package dev.dossier.render;

import dev.dossier.model.Block;
import dev.dossier.model.Citation;
import dev.dossier.model.Dossier;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Event;
import dev.dossier.model.Field;
import dev.dossier.model.Paragraph;
import dev.dossier.model.PersonName;
import dev.dossier.model.Reproduce;
import dev.dossier.model.Source;
import dev.dossier.model.Subheading;
import dev.dossier.model.Topic;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dossier as data, for other tools: CSL-JSON and BibTeX for reference managers, TimelineJS
 * JSON for a timeline elsewhere, and {@code dossier.json}, the whole verified model. A source
 * reproduced as excerpts contributes only its cited paragraphs, here as everywhere.
 */
final class Exports {

  private final Dossier dossier;
  private final Map<String, Source> sources;
  private final Backlinks backlinks;

  /** Where the last build's {@code dossier.json} is, and where this one's pieces are recorded. */
  private final PageSink sink;
  /** The build cache key of each document's bytes, by path, which stands for its source's text in {@code dossier.json}. */
  private final Map<String, String> documentKeys;

  Exports(Dossier dossier, Backlinks backlinks) {
    this(dossier, backlinks, PageSink.DISCARD, Map.of());
  }

  /**
   * @param sink asked for the pieces of the last build's {@code dossier.json}, and told this one's
   * @param documentKeys the build cache key of each document's bytes, by path; a source whose
   *     document is not in it has its piece fingerprinted from its whole data
   */
  Exports(Dossier dossier, Backlinks backlinks, PageSink sink, Map<String, String> documentKeys) {
    this.dossier = dossier;
    this.sources = dossier.sourcesByKey();
    this.backlinks = backlinks;
    this.sink = sink;
    this.documentKeys = documentKeys;
  }

  static final String DOSSIER_JSON = "dossier.json";

  /**
   * The export files by path. Each is made only as it is written, and written as it is made:
   * {@code dossier.json} holds every paragraph of every source, too much to keep in memory twice.
   */
  Map<String, PageSink.Body> files() {
    Map<String, PageSink.Body> files = new LinkedHashMap<>();
    files.put("sources.json", out -> Json.pretty(dossier.sources().stream().map(this::csl).toList(), out));
    files.put("sources.bib", out -> out.write(bibtex().getBytes(StandardCharsets.UTF_8)));
    files.put("timeline.json", out -> Json.pretty(timelineJs(), out));
    files.put(DOSSIER_JSON, this::writeModel);
    return files;
  }

  // CSL-JSON: https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html
  private Map<String, Object> csl(Source s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.key());
    v.put("type", "article-newspaper");
    v.put("title", Bibliography.displayTitle(s));
    s.shortTitle().ifPresent(t -> v.put("title-short", Bibliography.displayShortTitle(s)));
    s.authors().value().filter(a -> !a.isEmpty()).ifPresent(a -> v.put("author", a.stream().map(Exports::cslName).toList()));
    s.outlet().value().ifPresent(o -> v.put("container-title", o));
    s.published().value().ifPresent(d -> v.put("issued", cslDate(d)));
    s.url().value().ifPresent(u -> v.put("URL", u));
    List<String> notes = new ArrayList<>();
    if (s.titleSupplied()) {
      notes.add("title supplied by the editor");
    } else if (s.title().value().isEmpty()) {
      notes.add("no title known: the document carries no headline");
    }
    s.updated().value().ifPresent(u -> notes.add("updated " + u.withOffsetSameInstant(ZoneOffset.UTC).toInstant()));
    if (!notes.isEmpty()) {
      v.put("note", String.join("; ", notes));
    }
    return v;
  }

  private static Map<String, Object> cslName(String name) {
    PersonName parts = PersonName.of(name);
    Map<String, Object> v = new LinkedHashMap<>();
    if (parts.given().isEmpty()) {
      v.put("literal", parts.family());
    } else {
      v.put("family", parts.family());
      v.put("given", parts.given().get());
      parts.suffix().ifPresent(s -> v.put("suffix", s));
    }
    return v;
  }

  private static Map<String, Object> cslDate(DossierDate d) {
    Map<String, Object> v = new LinkedHashMap<>();
    List<Object> parts = new ArrayList<>();
    parts.add(dateParts(d.start(), d.precision()));
    d.end().ifPresent(end -> parts.add(dateParts(end, DossierDate.Precision.DAY)));
    v.put("date-parts", parts);
    if (d.approximate()) {
      v.put("circa", true);
    }
    return v;
  }

  private static List<Object> dateParts(java.time.LocalDate day, DossierDate.Precision precision) {
    return switch (precision) {
      case YEAR -> List.of(day.getYear());
      case MONTH -> List.of(day.getYear(), day.getMonthValue());
      case DAY -> List.of(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    };
  }

  private String bibtex() {
    StringBuilder out = new StringBuilder();
    for (Source s : dossier.sources()) {
      // An article needs a journal in BibTeX; a source with no known outlet is filed as @misc,
      // which reference managers take without a warning and without one being made up.
      out.append(s.outlet().isKnown() ? "@article{" : "@misc{").append(s.key()).append(",\n");
      field(out, "title", "{" + bibEscape(Bibliography.displayTitle(s)) + "}");
      s.shortTitle().ifPresent(t -> field(out, "shorttitle", "{" + bibEscape(Bibliography.displayShortTitle(s)) + "}"));
      s.authors().value().filter(a -> !a.isEmpty()).ifPresent(a -> field(out, "author",
          a.stream().map(Exports::bibName).collect(Collectors.joining(" and "))));
      s.outlet().value().ifPresent(o -> field(out, "journal", bibEscape(o)));
      s.published().value().ifPresent(d -> {
        field(out, "year", Integer.toString(d.start().getYear()));
        if (d.precision() != DossierDate.Precision.YEAR) {
          field(out, "month", Integer.toString(d.start().getMonthValue()));
        }
        // EDTF, as biblatex reads it: "~" after each approximate date.
        String circa = d.approximate() ? "~" : "";
        field(out, "date", d.machine() + circa + d.end().map(end -> "/" + end + circa).orElse(""));
      });
      // A URL is verbatim to biblatex and to reference managers: written as it is, but for the
      // braces that would end the field.
      s.url().value().ifPresent(u -> field(out, "url", u.replace("{", "%7B").replace("}", "%7D")));
      // A source known only by its last update has no year: the update goes in the note.
      List<String> notes = new ArrayList<>();
      if (s.titleSupplied()) {
        notes.add("Title supplied by the editor");
      } else if (s.title().value().isEmpty()) {
        notes.add("No title known: the document carries no headline");
      }
      if (s.published().value().isEmpty()) {
        s.updated().value().ifPresent(u -> notes.add("updated " + UPDATED.format(u.withOffsetSameInstant(ZoneOffset.UTC))));
      }
      if (!notes.isEmpty()) {
        field(out, "note", String.join("; ", notes));
      }
      out.append("}\n\n");
    }
    return out.toString();
  }

  private static final java.time.format.DateTimeFormatter UPDATED = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT);

  private static void field(StringBuilder out, String name, String value) {
    out.append("  ").append(name).append(" = {").append(value).append("},\n");
  }

  /** BibTeX's "Last, Jr, First", or a name without parts in braces, so it is not split. */
  private static String bibName(String name) {
    PersonName parts = PersonName.of(name);
    return parts.given().isEmpty()
        ? "{" + bibEscape(parts.family()) + "}"
        : bibPart(parts.family()) + parts.suffix().map(s -> ", " + bibEscape(s)).orElse("") + ", " + bibPart(parts.given().get());
  }

  /** A part of a person's name, braced when it holds a word "and" in any case ("Metin And"), which BibTeX would read as parting two authors. */
  private static String bibPart(String part) {
    return AND_WORD.matcher(part).find() ? "{" + bibEscape(part) + "}" : bibEscape(part);
  }

  private static final java.util.regex.Pattern AND_WORD = java.util.regex.Pattern.compile("(?i)(?<![\\p{L}\\p{N}])and(?![\\p{L}\\p{N}])");

  /** BibTeX's special characters, escaped so titles and names come through as written. */
  static String bibEscape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        // An escaped brace still counts for BibTeX's brace matching: a lone one would run the
        // field, and the entries after it, together.
        case '{' -> out.append("\\textbraceleft{}");
        case '}' -> out.append("\\textbraceright{}");
        case '&', '%', '$', '#', '_' -> out.append('\\').append(c);
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  // TimelineJS: https://timeline.knightlab.com/docs/json-format.html
  private Map<String, Object> timelineJs() {
    PageReferences refs = PageReferences.detached(links(), sources);
    Map<String, Object> title = new LinkedHashMap<>();
    title.put("text", text(dossier.title(), dossier.description().map(refs::cite).orElse("")));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", title);
    List<Object> events = new ArrayList<>();
    Map<String, Topic> topics = dossier.topics().stream().collect(Collectors.toMap(Topic::id, t -> t));
    for (Event e : dossier.events()) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("unique_id", e.id());
      event.put("start_date", timelineDate(e.date().start(), e.date().precision()));
      e.date().end().ifPresent(end -> event.put("end_date", timelineDate(end, DossierDate.Precision.DAY)));
      event.put("display_date", e.date().label());
      event.put("text", text(e.title(), refs.cite(e.text())));
      if (!e.topics().isEmpty()) {
        event.put("group", escapeHtml(Optional.ofNullable(topics.get(e.topics().get(0))).map(Topic::title).orElse(e.topics().get(0))));
      }
      events.add(event);
    }
    v.put("events", events);
    return v;
  }

  private static Map<String, Object> timelineDate(java.time.LocalDate day, DossierDate.Precision precision) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("year", day.getYear());
    if (precision != DossierDate.Precision.YEAR) {
      v.put("month", day.getMonthValue());
    }
    if (precision == DossierDate.Precision.DAY) {
      v.put("day", day.getDayOfMonth());
    }
    return v;
  }

  /** Text for a field TimelineJS shows as HTML (a headline, a group's label). */
  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** TimelineJS shows a headline as HTML: the curator's title is text, so it is escaped. */
  private static Map<String, Object> text(String headline, String html) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("headline", escapeHtml(headline));
    v.put("text", html);
    return v;
  }

  /** Links in exported HTML: absolute under the base URL when there is one, else from the site's root. */
  private Links links() {
    return dossier.baseUrl().map(Links::absolute).orElse(new Links("dossier.json"));
  }

  /**
   * {@code dossier.json}: the JSON {@code Json.pretty} writes for {@link #model()}, written a
   * source at a time. Each source's JSON, as it stands in the file, is recorded as a piece by a
   * fingerprint of its data, and the next build copies it from this file when the source's data
   * are the same: the sources' text is nearly all of the file, and writing it was most of the
   * exports' time in a rebuild after one article was added to 10,000. The fingerprint takes the
   * text from what it is made of, as a source's page does ({@link Views#sourcePageInputs}): the
   * document's build cache key, and for a source published as excerpts the paragraphs cited;
   * so a source whose piece is kept has its text neither made into data nor hashed.
   */
  private void writeModel(OutputStream stream) throws IOException {
    Counting out = new Counting(stream);
    PageReferences refs = PageReferences.detached(links(), sources);
    List<PageSink.Piece> pieces = new ArrayList<>();
    try (PageSink.Previous previous = sink.pieces(DOSSIER_JSON)) {
      String comma = "{";
      for (Map.Entry<String, java.util.function.Supplier<Object>> field : fields(refs).entrySet()) {
        out.write(comma + "\n  " + Json.compact(field.getKey()) + " : ");
        comma = ",";
        if (field.getKey().equals("sources")) {
          out.write(dossier.sources().isEmpty() ? "[ ]" : "[ ");
          String separator = "";
          for (Source s : dossier.sources()) {
            out.write(separator);
            separator = ", ";
            // Its date note is numbered here, once, whether the piece is kept or made.
            Map<String, Object> source = sourceHead(s, refs);
            String document = documentKeys.get(s.file());
            if (document == null) {
              // Known by no key: its text is in its fingerprint, so it is made first.
              source.put("text", text(s));
            }
            // A build that keeps nothing for the next one has no use for fingerprints.
            String fingerprint = sink.remembers() ? pieceFingerprint(s, source, document) : "";
            long start = out.count;
            Optional<byte[]> kept = fingerprint.isEmpty() ? Optional.empty() : previous.piece(fingerprint);
            if (kept.isEmpty() && document != null) {
              source.put("text", text(s));
            }
            out.write(kept.isPresent() ? kept.get() : Json.prettyNested(source));
            pieces.add(new PageSink.Piece(fingerprint, start, (int) (out.count - start)));
          }
          out.write(dossier.sources().isEmpty() ? "" : " ]");
        } else {
          out.write(Json.prettyNested(field.getValue().get()));
        }
      }
      out.write("\n}\n");
    }
    sink.pieces(DOSSIER_JSON, pieces);
  }

  /** Counts what passes through, for where each piece begins. */
  private static final class Counting {
    private final OutputStream out;
    long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    void write(String text) throws IOException {
      write(text.getBytes(StandardCharsets.UTF_8));
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      count += bytes.length;
    }
  }

  /** The whole dossier as data; {@code dossier.json} is its JSON. */
  Map<String, Object> model() {
    Map<String, Object> v = new LinkedHashMap<>();
    fields(PageReferences.detached(links(), sources)).forEach((name, value) -> v.put(name, value.get()));
    return v;
  }

  /**
   * The fields of the model in order, each made when it is asked for: a citation is numbered
   * as it is cited, so the description's are made first, then the sources' (in their notes), then
   * the topics' and the events'.
   */
  private Map<String, java.util.function.Supplier<Object>> fields(PageReferences refs) {
    Map<String, java.util.function.Supplier<Object>> v = new LinkedHashMap<>();
    v.put("title", dossier::title);
    v.put("description", () -> dossier.description().map(refs::cite).orElse(null));
    v.put("editor", () -> dossier.editor().orElse(null));
    v.put("language", dossier::language);
    v.put("base_url", () -> dossier.baseUrl().orElse(null));
    v.put("sources", () -> dossier.sources().stream().map(s -> source(s, refs)).toList());
    v.put("topics", () -> dossier.topics().stream().map(t -> {
      Map<String, Object> topic = new LinkedHashMap<>();
      topic.put("id", t.id());
      topic.put("title", t.title());
      topic.put("summary", t.summary().map(refs::cite).orElse(null));
      return (Object) topic;
    }).toList());
    v.put("events", () -> dossier.events().stream().map(e -> {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("id", e.id());
      event.put("date", e.date().iso());
      event.put("date_label", e.date().label());
      event.put("title", e.title());
      event.put("topics", e.topics());
      event.put("text", refs.cite(e.text()));
      return (Object) event;
    }).toList());
    v.put("citations", () -> dossier.citations().stream().map(this::citation).toList());
    return v;
  }

  /**
   * What a source's piece of {@code dossier.json} is made from: its data but the text, and
   * what the text is made from (its document's key, and which paragraphs excerpts show). A
   * source whose document is not known by its key is fingerprinted from its whole data.
   *
   * @param data the source's data, with its text when {@code document} is null
   */
  private String pieceFingerprint(Source s, Map<String, Object> data, String document) {
    if (document == null) {
      return new Fingerprint(c -> null).add(data).hex();
    }
    List<Integer> shown = s.reproduce() == Reproduce.FULL ? null
        : s.paragraphs().stream().map(Paragraph::number).filter(n -> backlinks.isCited(s.key(), n)).toList();
    return new Fingerprint(c -> null).add("inputs").add(data).add(document).add(shown).hex();
  }

  private Map<String, Object> source(Source s, PageReferences refs) {
    Map<String, Object> v = sourceHead(s, refs);
    v.put("text", text(s));
    return v;
  }

  /** A source's data in {@code dossier.json} but its text, which comes last. */
  private Map<String, Object> sourceHead(Source s, PageReferences refs) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("key", s.key());
    v.put("file", s.file());
    v.put("format", s.format());
    v.put("title", field(s.title()));
    v.put("title_supplied", s.titleSupplied());
    v.put("short_title", s.shortTitle().orElse(null));
    v.put("outlet", field(s.outlet()));
    Map<String, Object> authors = new LinkedHashMap<>();
    authors.put("value", s.authors().value().orElse(null));
    authors.put("origin", s.authors().origin().label());
    v.put("authors", authors);
    Map<String, Object> published = new LinkedHashMap<>();
    published.put("value", s.published().value().map(DossierDate::iso).orElse(null));
    published.put("origin", s.published().origin().label());
    published.put("note", s.publishedNote().map(refs::cite).orElse(null));
    v.put("published", published);
    Map<String, Object> updated = new LinkedHashMap<>();
    updated.put("value", s.updated().value().map(u -> u.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString()).orElse(null));
    updated.put("origin", s.updated().origin().label());
    v.put("updated", updated);
    v.put("url", field(s.url()));
    v.put("dateline", s.dateline().orElse(null));
    v.put("reproduce", s.reproduce().name().toLowerCase(java.util.Locale.ROOT));
    v.put("topics", s.topics());
    return v;
  }

  /** A source's text as {@code dossier.json} gives it: every paragraph and subheading, or the cited paragraphs of excerpts. */
  private List<Object> text(Source s) {
    List<Object> blocks = new ArrayList<>();
    for (Block block : s.blocks()) {
      if (block instanceof Paragraph p && (s.reproduce() == Reproduce.FULL || backlinks.isCited(s.key(), p.number()))) {
        Map<String, Object> para = new LinkedHashMap<>();
        para.put("paragraph", p.number());
        para.put("text", p.text());
        blocks.add(para);
      } else if (block instanceof Subheading h && s.reproduce() == Reproduce.FULL) {
        blocks.add(Map.of("subheading", h.text()));
      }
    }
    return blocks;
  }

  private static Map<String, Object> field(Field<String> field) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("value", field.orNull());
    v.put("origin", field.origin().label());
    return v;
  }

  private Map<String, Object> citation(Citation c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("key", c.key());
    v.put("paragraph", c.paragraph().orElse(null));
    v.put("quote", c.quote().orElse(null));
    Map<String, Object> citer = new LinkedHashMap<>();
    citer.put("kind", c.citer().kind().name().toLowerCase(java.util.Locale.ROOT));
    citer.put("id", c.citer().id());
    v.put("cited_by", citer);
    v.put("written_at", c.position().toString());
    return v;
  }
}
