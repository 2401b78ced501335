package dev.dossier.index;

import dev.dossier.cite.CitationSyntax;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.index.Index.EventEntry;
import dev.dossier.index.Index.Ref;
import dev.dossier.index.Index.SourceEntry;
import dev.dossier.index.Index.TopicEntry;
import dev.dossier.model.DossierDate;
import dev.dossier.model.PersonName;
import dev.dossier.model.Reproduce;
import dev.dossier.model.Source;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the text of {@code index.yml}. A pure function of the text: it opens no file. */
public final class IndexReader {

  static final Set<String> TOP_KEYS =
      Set.of("title", "description", "editor", "language", "base_url", "sources", "topics", "events");
  static final Set<String> SOURCE_KEYS =
      Set.of(
          "key", "file", "title", "title_supplied", "short_title", "outlet", "authors", "published", "published_note",
          "url", "reproduce", "topics");
  static final Set<String> TOPIC_KEYS = Set.of("id", "title", "summary");
  static final Set<String> EVENT_KEYS = Set.of("id", "date", "title", "topics", "text");

  /**
   * @param path the index's path as diagnostics should name it
   * @param text the file's content
   */
  public Index read(String path, String text, Diagnostics diagnostics) {
    YamlDocument yaml = new YamlDocument(path, "the index", 1, diagnostics);
    Optional<Node> root = yaml.compose(text);
    List<String> lines = yaml.lines();
    if (root.isEmpty() || yaml.isNull(root.get())) {
      // Empty (or comments only), or unreadable YAML (already reported).
      if (root.isPresent() || text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#") || l.equals("---") || l.equals("..."))) {
        emptyIndex(path, diagnostics);
      }
      return Index.empty(path);
    }
    Optional<Map<String, Node>> top = yaml.mapping(root.get(), "the index", TOP_KEYS);
    if (top.isEmpty()) {
      return Index.empty(path);
    }
    Map<String, Node> m = top.get();
    Optional<String> language = get(m, "language").flatMap(n -> yaml.optionalString(n, "language")).filter(l -> checkLanguage(yaml, m.get("language"), l));
    Optional<String> baseUrl = get(m, "base_url").flatMap(n -> yaml.optionalString(n, "base_url"));
    baseUrl.filter(url -> checkUrl(yaml, m.get("base_url"), url, "base_url")).ifPresent(url -> checkBase(yaml, m.get("base_url"), url));
    List<String> refused = new ArrayList<>();
    Index index = new Index(
        path,
        get(m, "title").flatMap(n -> yaml.text(n, "title")).map(t -> plain(yaml, m.get("title"), t, "cite in the description: instead")),
        get(m, "description").flatMap(n -> yaml.markdown(n, "description", lines)),
        get(m, "editor").flatMap(n -> yaml.text(n, "editor")),
        language,
        baseUrl,
        sources(yaml, get(m, "sources"), lines, refused),
        topics(yaml, get(m, "topics"), lines),
        events(yaml, get(m, "events"), lines),
        refused,
        get(m, "sources").filter(n -> !(n instanceof SequenceNode) && !yaml.isNull(n)).isPresent());
    if (index.title().isEmpty() && index.sources().isEmpty() && index.topics().isEmpty() && index.events().isEmpty()) {
      emptyIndex(path, diagnostics);
    }
    return index;
  }

  /** A language tag, as a page's {@code lang} attribute needs it: "en", "en-GB", "uk". */
  private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*");

  private static boolean checkLanguage(YamlDocument yaml, Node node, String language) {
    if (LANGUAGE_TAG.matcher(language).matches()) {
      return true;
    }
    yaml.error(node, "language \"" + language + "\" is not a language tag", "write a tag such as en, en-GB or uk (BCP 47), not the language's name");
    return false;
  }

  /** An index that says nothing is read as no index: worth a word, as it is rarely meant. */
  private static void emptyIndex(String path, Diagnostics diagnostics) {
    diagnostics.warning(
        Position.file(path),
        "the index lists no title, sources, topics or events, so the site will have none",
        "fill it in (dossier init writes a starter index from the documents), or delete it");
  }

  private static Optional<Node> get(Map<String, Node> mapping, String key) {
    return Optional.ofNullable(mapping.get(key));
  }

  private List<SourceEntry> sources(YamlDocument yaml, Optional<Node> node, List<String> lines, List<String> refused) {
    List<SourceEntry> sources = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    Map<String, SourceEntry> byFile = new HashMap<>();
    for (Node item : node.map(n -> yaml.sequence(n, "sources")).orElse(List.of())) {
      yaml.mapping(item, "a source", SOURCE_KEYS)
          .flatMap(m -> source(yaml, item, m, lines, refused))
          .ifPresent(
              entry -> {
                Position first = seen.putIfAbsent(entry.key(), entry.keyAt());
                if (first != null) {
                  yaml.error(
                      item,
                      "duplicate source key \"" + entry.key() + "\" (first at line " + first.line() + ")",
                      "give each source its own key");
                  refused.add(entry.file());
                } else {
                  SourceEntry same = byFile.putIfAbsent(entry.file(), entry);
                  if (same != null) {
                    yaml.warning(
                        entry.fileAt(),
                        "the file \"" + entry.file() + "\" is already the source \"" + same.key() + "\" (line " + same.at().line() + "), so it would be published twice",
                        "remove one of the two entries, or point this one at its own file");
                  }
                  sources.add(entry);
                }
              });
    }
    return sources;
  }

  private Optional<SourceEntry> source(YamlDocument yaml, Node item, Map<String, Node> m, List<String> lines, List<String> refused) {
    Optional<String> key = required(yaml, item, m, "key", "a source");
    Optional<String> written = required(yaml, item, m, "file", "a source");
    key.ifPresent(k -> checkId(yaml, m.get("key"), k, "source key"));
    key.filter(Source.RESERVED_KEY::equals).ifPresent(k -> yaml.error(
        m.get("key"),
        "the source key \"" + k + "\" is taken: sources/" + k + ".html is the bibliography",
        "choose another key, e.g. \"" + k + "-source\""));
    written.ifPresent(f -> checkFile(yaml, m.get("file"), f));
    // As the folder lists it, so "./a.txt" is the document a.txt, not a second one.
    Optional<String> file = written.map(IndexReader::normalFile);
    Optional<String> url = get(m, "url").flatMap(n -> yaml.optionalString(n, "url"));
    url.ifPresent(u -> checkUrl(yaml, m.get("url"), u, "url"));
    Optional<DossierDate> published = get(m, "published").flatMap(n -> date(yaml, n, "published"));
    Reproduce reproduce =
        get(m, "reproduce").flatMap(n -> yaml.string(n, "reproduce")).flatMap(r -> reproduce(yaml, m.get("reproduce"), r))
            .orElse(Reproduce.FULL);
    Optional<String> title = get(m, "title").flatMap(n -> yaml.text(n, "title")).map(t -> plain(yaml, m.get("title"), t, SOURCE_HELP));
    boolean titleSupplied = get(m, "title_supplied").flatMap(n -> yaml.bool(n, "title_supplied")).orElse(false);
    // Not for a blank title, already an error: for none at all, or "title:" or "title: ~".
    if (titleSupplied && title.isEmpty() && (!m.containsKey("title") || yaml.isNull(m.get("title")))) {
      yaml.warning(
          m.get("title_supplied"),
          "title_supplied: true, but no title is given: nobody supplied one, so the source keeps the document's own or is shown as untitled",
          "write the title the editors supply above it, as title: \"...\"");
    }
    if (key.isEmpty() || file.isEmpty()) {
      // An entry without a key (reported) still names its file: not one the index forgot.
      file.ifPresent(refused::add);
      return Optional.empty();
    }
    return Optional.of(
        new SourceEntry(
            yaml.position(item),
            key.get(),
            yaml.position(m.get("key")),
            file.get(),
            yaml.position(m.get("file")),
            title,
            titleSupplied,
            get(m, "short_title").flatMap(n -> yaml.text(n, "short_title")).map(t -> plain(yaml, m.get("short_title"), t, SOURCE_HELP)),
            get(m, "outlet").flatMap(n -> yaml.text(n, "outlet")).map(t -> plain(yaml, m.get("outlet"), t, SOURCE_HELP)),
            get(m, "authors").flatMap(n -> authors(yaml, n)),
            published,
            get(m, "published_note").flatMap(n -> yaml.markdown(n, "published_note", lines)),
            url,
            reproduce,
            refs(yaml, get(m, "topics"))));
  }

  private List<TopicEntry> topics(YamlDocument yaml, Optional<Node> node, List<String> lines) {
    List<TopicEntry> topics = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    for (Node item : node.map(n -> yaml.sequence(n, "topics")).orElse(List.of())) {
      Optional<Map<String, Node>> mapping = yaml.mapping(item, "a topic", TOPIC_KEYS);
      if (mapping.isEmpty()) {
        continue;
      }
      Map<String, Node> m = mapping.get();
      Optional<String> id = required(yaml, item, m, "id", "a topic");
      Optional<String> title = required(yaml, item, m, "title", "a topic").map(t -> plain(yaml, m.get("title"), t, "cite in the topic's summary: instead"));
      id.ifPresent(i -> checkId(yaml, m.get("id"), i, "topic id"));
      Optional<MarkdownText> summary = get(m, "summary").flatMap(n -> yaml.markdown(n, "summary", lines));
      if (id.isEmpty() || title.isEmpty()) {
        continue;
      }
      Position first = seen.putIfAbsent(id.get(), yaml.position(m.get("id")));
      if (first != null) {
        yaml.error(m.get("id"), "duplicate topic id \"" + id.get() + "\" (first at line " + first.line() + ")", "give each topic its own id");
        continue;
      }
      topics.add(new TopicEntry(yaml.position(item), id.get(), yaml.position(m.get("id")), title.get(), summary));
    }
    return topics;
  }

  private List<EventEntry> events(YamlDocument yaml, Optional<Node> node, List<String> lines) {
    List<EventEntry> events = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    for (Node item : node.map(n -> yaml.sequence(n, "events")).orElse(List.of())) {
      Optional<Map<String, Node>> mapping = yaml.mapping(item, "an event", EVENT_KEYS);
      if (mapping.isEmpty()) {
        continue;
      }
      Map<String, Node> m = mapping.get();
      Optional<DossierDate> date = required(yaml, item, m, "date", "an event").flatMap(d -> date(yaml, m.get("date"), "date"));
      Optional<String> title = required(yaml, item, m, "title", "an event").map(t -> plain(yaml, m.get("title"), t, "cite in the event's text: instead"));
      Optional<MarkdownText> text = get(m, "text").flatMap(n -> yaml.markdown(n, "text", lines));
      List<Ref> topics = refs(yaml, get(m, "topics"));
      Optional<Ref> id = get(m, "id").flatMap(n -> yaml.optionalString(n, "id")).flatMap(i -> {
        Node at = m.get("id");
        if (i.isBlank()) {
          yaml.error(at, "the event's id is empty", "remove id:, or give the event an id of lowercase letters, digits and hyphens");
          return Optional.empty();
        }
        if (!CitationSyntax.KEY.matcher(i).matches()) {
          checkId(yaml, at, i, "event id");
          return Optional.empty();
        }
        Position first = seen.putIfAbsent(i, yaml.position(at));
        if (first != null) {
          yaml.error(at, "duplicate event id \"" + i + "\" (first at line " + first.line() + ")", "give each event its own id");
          return Optional.empty();
        }
        return Optional.of(new Ref(i, yaml.position(at)));
      });
      if (title.isPresent()) {
        events.add(new EventEntry(yaml.position(item), id, date, title.get(), topics, text));
      }
    }
    return events;
  }

  static final String SOURCE_HELP = "a source's fields say what it is; cite it from a topic's summary or an event's text";

  /**
   * A title (or outlet) is plain text, shown as written: a citation in it would be published as
   * its brackets and never checked, so it is warned about, not passed over.
   */
  static String plain(YamlDocument yaml, Node node, String value, String help) {
    int start = CitationSyntax.firstCitation(value);
    if (start >= 0) {
      int end = value.indexOf(']', start);
      String shown = end < 0 ? value.substring(start) : value.substring(start, end + 1);
      yaml.warning(node, "this is plain text, not Markdown: the citation " + shown + " in it would be shown as written and never checked",
          "keep the words plain; " + help);
    }
    return value;
  }

  private static Optional<String> required(YamlDocument yaml, Node item, Map<String, Node> m, String key, String what) {
    Node value = m.get(key);
    if (value == null || yaml.isNull(value)) {
      yaml.error(item, what + " needs " + ("aeiou".indexOf(key.charAt(0)) >= 0 ? "an" : "a") + " \"" + key + "\"", "add " + key + ": to this entry");
      return Optional.empty();
    }
    Optional<String> text = yaml.string(value, key);
    if (text.isPresent() && text.get().isBlank()) {
      yaml.error(value, "\"" + key + "\" is empty", "write a value or remove the entry");
      return Optional.empty();
    }
    return text;
  }

  private static List<Ref> refs(YamlDocument yaml, Optional<Node> node) {
    List<Ref> refs = new ArrayList<>();
    for (Node item : node.map(n -> yaml.sequence(n, "topics")).orElse(List.of())) {
      yaml.string(item, "a topic reference").ifPresent(id -> refs.add(new Ref(id, yaml.position(item))));
    }
    return refs;
  }

  /**
   * The authors: a list of names, each as it is printed. One text is not taken for a list of one,
   * as a topic is: "Jane Smith, John Doe" would be one author, "Doe, Jane Smith, John" in BibTeX.
   * A name written family name first ("Hansler, Jennifer") is read as such by the bibliography
   * and the exports, and warned about, since pages show it as written where a reader expects
   * "Jennifer Hansler".
   */
  static Optional<List<String>> authors(YamlDocument yaml, Node node) {
    if (node instanceof ScalarNode && !yaml.isNull(node)) {
      Optional<String> text = yaml.text(node, "authors");
      // One name ("authors: Jane Doe", "authors: Reuters") is a list of one, as it always was;
      // only a text that joins several cannot be split without guessing.
      if (text.isEmpty() || !SEVERAL_NAMES.matcher(text.get()).find()) {
        return text.map(List::of);
      }
      yaml.error(
          node,
          "authors should be a list of names, not one text",
          "write each name as an item of a list, as it is printed: authors: " + authorsExample(text.get()));
      return Optional.empty();
    }
    Optional<List<String>> names = yaml.strings(node, "authors");
    if (node instanceof SequenceNode list) {
      names = names.map(n -> withSuffixesJoined(yaml, list, n));
      for (Node item : list.getValue()) {
        yaml.scalar(item).ifPresent(name -> warnAboutAuthor(yaml, item, name));
      }
    }
    return names;
  }

  /** A name that holds two people's, or is written family name first, or holds commas no name has. */
  private static void warnAboutAuthor(YamlDocument yaml, Node item, String name) {
    Optional<List<String>> joined = PersonName.people(name);
    joined.ifPresent(people -> {
      // Each part as it is printed: "Doe, Jane" turned, "Jane Doe, John Roe" two people, not "John Roe Jane Doe".
      List<String> printed = people.stream()
          .flatMap(person -> PersonName.perhapsTwo(person).map(List::stream).orElseGet(() -> java.util.stream.Stream.of(PersonName.asPrinted(person).orElse(person))))
          .toList();
      yaml.warning(
          item,
          "the author \"" + name + "\" joins names with " + (name.indexOf(';') >= 0 ? "\";\"" : "\"and\" or \"&\"") + ": it is kept as one name, as a firm's is",
          printed.size() == 1
              ? "write the name without the \";\": " + yamlQuoted(printed.get(0))
              : "if they are people, write each as an item of its own, as the name is printed: " + yamlList(printed));
    });
    if (joined.isEmpty() && PersonName.writtenInverted(name)) {
      Optional<List<String>> two = PersonName.perhapsTwo(name);
      PersonName.asPrinted(name).ifPresentOrElse(
          printed -> yaml.warning(
              item,
              "the author \"" + name + "\" is written family name first" + (two.isPresent() ? ", or holds two names" : ""),
              two.map(people -> "if they are two people, write each as an item of its own: " + yamlList(people) + "; if it is one name, write it as it is printed, \"" + printed + "\"")
                  .orElse("write the name as it is printed, \"" + printed + "\": pages show it as written, and the bibliography puts the family name first itself")),
          () -> yaml.warning(
              item,
              "the author \"" + name + "\" holds commas, as no name does as it is printed",
              "write each author as an item of its own, each name as it is printed, such as \"Jennifer Hansler\""));
    }
  }

  /** A text as a double-quoted YAML scalar, for a hint to show as the curator should write it. */
  private static String yamlQuoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String yamlList(List<String> items) {
    return items.stream().map(IndexReader::yamlQuoted).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
  }

  /**
   * The names with a suffix alone ("Jr.") joined to the name before it, with a warning: YAML
   * reads {@code [Martin Luther King, Jr.]} as two items, and no author is called "Jr.".
   */
  private static List<String> withSuffixesJoined(YamlDocument yaml, SequenceNode list, List<String> names) {
    List<Node> items = list.getValue();
    if (items.size() != names.size() || names.stream().noneMatch(PersonName::isSuffix)) {
      return names; // an empty item was an error, and the list is not read further
    }
    List<String> joined = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (!PersonName.isSuffix(name) || joined.isEmpty()) {
        joined.add(name);
        continue;
      }
      String whole = joined.remove(joined.size() - 1) + ", " + name.strip();
      joined.add(whole);
      yaml.warning(
          items.get(i),
          "\"" + name.strip() + "\" is read as the end of the author before it, \"" + whole + "\"",
          "quote the name so YAML reads it as one item: " + yamlQuoted(whole));
    }
    return List.copyOf(joined);
  }

  private static final java.util.regex.Pattern SEVERAL_NAMES = java.util.regex.Pattern.compile("[,;&]|\\band\\b");

  /** The list that one text of names should be: its names, when each is of two words or more; otherwise two made up. */
  private static String authorsExample(String text) {
    List<String> names = Arrays.stream(text.split("\\s*(?:,|;|&|\\band\\b)\\s*")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    if (names.isEmpty() || !names.stream().allMatch(n -> n.contains(" "))) {
      names = List.of("Jane Smith", "John Doe");
    }
    return yamlList(names);
  }

  private static Optional<DossierDate> date(YamlDocument yaml, Node node, String what) {
    Optional<String> text = yaml.optionalString(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    DossierDate.Parsed parsed = DossierDate.parse(text.get());
    if (parsed.date().isEmpty()) {
      yaml.error(node, "bad " + what + ": " + parsed.problem(), "the index writes dates year first, as 2022, 2022-02 or 2022-02-14, with ~ before an approximate one and / between the first and last days of a range");
    }
    return parsed.date();
  }

  private static Optional<Reproduce> reproduce(YamlDocument yaml, Node node, String value) {
    return switch (value) {
      case "full" -> Optional.of(Reproduce.FULL);
      case "excerpts" -> Optional.of(Reproduce.EXCERPTS);
      default -> {
        yaml.error(node, "reproduce is \"" + value + "\"", "write reproduce: full or reproduce: excerpts");
        yield Optional.empty();
      }
    };
  }

  private static void checkId(YamlDocument yaml, Node node, String id, String what) {
    if (!CitationSyntax.KEY.matcher(id).matches()) {
      yaml.error(
          node,
          "\"" + id + "\" is not a valid " + what,
          "use lowercase letters, digits and hyphens, e.g. \"" + slug(id) + "\"");
    }
  }

  /** "C:\\" or "C:/" opening an absolute Windows path; compiled once, as every source's file is checked. */
  private static final java.util.regex.Pattern WINDOWS_DRIVE = java.util.regex.Pattern.compile("[A-Za-z]:[\\\\/]");

  private static void checkFile(YamlDocument yaml, Node node, String file) {
    if (file.startsWith("/") || WINDOWS_DRIVE.matcher(file).lookingAt() || file.startsWith("\\")) {
      // Even one that names a file inside the folder: the dossier must build wherever it is copied.
      yaml.error(node, "\"" + file + "\" is an absolute path; it was not read", "give the path relative to the index's folder, e.g. \"" + file.replaceAll(".*[/\\\\]", "") + "\"");
    } else if (!staysInside(file)) {
      yaml.error(node, "\"" + file + "\" points outside the dossier folder; it was not read", "give a path relative to the index's folder, without \"..\"");
    }
  }

  /**
   * A file's path as the folder's listing gives it: "./a.txt" and "sub/../a.txt" are "a.txt".
   * A path that climbs out of the folder keeps its "..", so it is still refused.
   */
  static String normalFile(String file) {
    if (isNormal(file)) {
      // Most are: "a00001.md", "articles/bbc.html".
      return file;
    }
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String part : file.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) {
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    String normal = (file.startsWith("/") ? "/" : "") + String.join("/", parts);
    return normal.isEmpty() ? file : normal;
  }

  /** Whether a path has no empty, "." or ".." part, which {@link #normalFile} would leave as it is. */
  private static boolean isNormal(String file) {
    int start = 0;
    for (int i = 0; i <= file.length(); i++) {
      if (i == file.length() || file.charAt(i) == '/') {
        int length = i - start;
        if (length == 0 || length <= 2 && file.charAt(start) == '.' && file.charAt(i - 1) == '.') {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  /** True for a relative path that cannot climb out of the folder it is relative to. */
  public static boolean staysInside(String file) {
    String normal = normalFile(file.replace('\\', '/'));
    boolean drive = normal.length() >= 2 && normal.charAt(1) == ':' && (normal.charAt(0) | 0x20) >= 'a' && (normal.charAt(0) | 0x20) <= 'z';
    return !(normal.startsWith("/") || drive || Arrays.asList(normal.split("/")).contains(".."));
  }

  private static void checkBase(YamlDocument yaml, Node node, String url) {
    baseUrlProblem(url).ifPresent(problem -> yaml.error(node, "base_url \"" + url + "\" " + problem, BASE_URL_HINT));
  }

  /**
   * What is wrong with an absolute http(s) URL as the site's base, if anything: pages' paths are
   * added to it, so a query or a fragment would end up in the middle of every page's address.
   */
  public static Optional<String> baseUrlProblem(String url) {
    URI uri = URI.create(url);
    if (uri.getRawQuery() == null && uri.getRawFragment() == null) {
      return Optional.empty();
    }
    return Optional.of("has a " + (uri.getRawQuery() != null ? "query (?…)" : "fragment (#…)") + ", which would end up in the middle of every page's address");
  }

  public static final String BASE_URL_HINT = "give the folder's address alone, such as https://example.org/kyiv/";

  /**
   * Whether {@code url} is an absolute http(s) URL, the only kind a page links to as a source's
   * original; reports it at {@code node} if not.
   */
  static boolean checkUrl(YamlDocument yaml, Node node, String url, String what) {
    if (plainHttpUrl(url)) {
      return true;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        yaml.error(node, what + " \"" + url + "\" is not an absolute http(s) URL", "write the full address, starting with https://");
        return false;
      }
      return true;
    } catch (URISyntaxException e) {
      yaml.error(node, what + " \"" + url + "\" is not a valid URL: " + e.getReason(), "check the address for spaces or stray characters");
      return false;
    }
  }

  /**
   * Whether {@code url} is plainly an absolute http(s) URL that {@link URI} takes with a host:
   * {@code http://} or {@code https://}, a host name (labels of letters, digits and inner
   * hyphens, the last beginning with a letter), then only unreserved characters, percent
   * escapes, {@code /=&+,;:@$}, one {@code ?} and one {@code #}. The sources' URLs, thousands in
   * a large dossier, are nearly all of that kind, and looking at their characters costs far less
   * than parsing them; any other URL is parsed, and said to be wrong only by that.
   */
  static boolean plainHttpUrl(String url) {
    int i = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
    if (i < 0) {
      return false;
    }
    int n = url.length();
    // The host: labels of letters, digits and inner hyphens, up to the first '/', '?' or '#'.
    int label = i;
    for (; ; i++) {
      char c = i < n ? url.charAt(i) : '/';
      if (c == '.' || c == '/' || c == '?' || c == '#') {
        if (i == label || url.charAt(label) == '-' || url.charAt(i - 1) == '-') {
          return false;
        }
        if (c != '.') {
          break;
        }
        label = i + 1;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    if (!Character.isLetter(url.charAt(label))) {
      return false;
    }
    boolean query = false;
    boolean fragment = false;
    for (; i < n; i++) {
      char c = url.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/=&+,;:@$".indexOf(c) >= 0) {
        continue;
      }
      if (c == '%' && i + 2 < n && hex(url.charAt(i + 1)) && hex(url.charAt(i + 2))) {
        i += 2;
      } else if (c == '?' && !query && !fragment) {
        query = true;
      } else if (c == '#' && !fragment) {
        fragment = true;
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  /** A suggestion for a bad id: lowercase, hyphens for everything else. */
  static String slug(String text) {
    String slug = dev.dossier.model.Slug.ascii(text);
    return slug.isEmpty() ? "x" : slug;
  }
}
