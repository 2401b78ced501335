package dev.dossier.parse;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The page's JSON-LD description of its article: of every {@code application/ld+json} block,
 * the shallowest object typed as an article, in document order. Empty when there is none.
 */
record JsonLd(Map<?, ?> article) {

  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
          "OpinionNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report");

  /** The YAML parser recurses; JSON-LD nested deeper than this is not a real description. */
  private static final int MAX_NESTING = 64;

  static JsonLd read(org.jsoup.nodes.Document page, String path, Diagnostics diagnostics) {
    List<Object> roots = new ArrayList<>();
    for (Element script : page.select("script[type~=(?i)^\\s*application/ld\\+json]")) {
      parse(script.data()).ifPresentOrElse(
          roots::add,
          () ->
              diagnostics.warning(
                  position(path, script),
                  "this page's JSON-LD is not valid JSON; its metadata was ignored",
                  "the rest of the page's metadata is still used"));
    }
    return new JsonLd(findArticle(roots));
  }

  /** The parsed value; empty (not null) for malformed text, and blank text parses to nothing. */
  private static Optional<Object> parse(String json) {
    String text = json.strip();
    if (text.isEmpty()) {
      return Optional.of(Map.of());
    }
    // JSON-LD is an object or an array; refusing anything else also keeps out YAML's
    // indentation nesting, which the depth check below would not see.
    if (!(text.startsWith("{") || text.startsWith("[")) || nesting(text) > MAX_NESTING) {
      return Optional.empty();
    }
    try {
      // YAML 1.2 reads JSON; duplicate keys are allowed because JSON lets the last one win.
      Object value =
          new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build()).loadFromString(text);
      return Optional.of(value == null ? Map.of() : value);
    } catch (YamlEngineException e) {
      return Optional.empty();
    }
  }

  private static int nesting(String json) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        deepest = Math.max(deepest, ++depth);
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
    return deepest;
  }

  private static Position position(String path, Element script) {
    org.jsoup.nodes.Range.Position start = script.sourceRange().start();
    return start.lineNumber() > 0
        ? new Position(path, start.lineNumber(), start.columnNumber())
        : Position.file(path);
  }

  /** Breadth first, so the article itself wins over articles it links to (related, isPartOf). */
  private static Map<?, ?> findArticle(List<Object> roots) {
    Deque<Object> queue = new ArrayDeque<>(roots);
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!queue.isEmpty()) {
      Object node = queue.poll();
      if (!seen.add(node)) {
        continue;
      }
      if (node instanceof Map<?, ?> map) {
        if (isArticle(map.get("@type"))) {
          return map;
        }
        queue.addAll(map.values().stream().filter(v -> v instanceof Map || v instanceof List).toList());
      } else if (node instanceof List<?> list) {
        queue.addAll(list.stream().filter(v -> v instanceof Map || v instanceof List).toList());
      }
    }
    return Map.of();
  }

  private static boolean isArticle(Object type) {
    if (type instanceof List<?> types) {
      return types.stream().anyMatch(JsonLd::isArticle);
    }
    // "schema:NewsArticle" and "https://schema.org/NewsArticle" name the same type.
    return type instanceof String name && ARTICLE_TYPES.contains(name.replaceFirst("^.*[/:]", ""));
  }

  Optional<String> string(String key) {
    return text(article.get(key));
  }

  /** Names of people or organisations: a string, an object with a name, or a list of them. */
  List<String> names(String key) {
    Object value = article.get(key);
    List<?> items = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    List<String> names = new ArrayList<>();
    for (Object item : items) {
      Object name = item instanceof Map<?, ?> map ? map.get("name") : item;
      text(name).ifPresent(names::add);
    }
    return names;
  }

  /** A reference: a string, or an object's {@code @id}. */
  Optional<String> id(String key) {
    Object value = article.get(key);
    return text(value instanceof Map<?, ?> map ? map.get("@id") : value);
  }

  /** Many publishers escape HTML inside JSON-LD strings ("Q&amp;A"); a reader sees "Q&A". */
  private static Optional<String> text(Object value) {
    return value instanceof String s
        ? Optional.of(Whitespace.squash(Parser.unescapeEntities(s, false))).filter(t -> !t.isEmpty())
        : Optional.empty();
  }
}
