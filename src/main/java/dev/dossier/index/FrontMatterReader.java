package dev.dossier.index;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.DossierDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Reads the YAML front matter of a Markdown document, with the same care as the index. */
public final class FrontMatterReader {

  public static final Set<String> KEYS = Set.of("title", "date", "published", "outlet", "authors", "url", "topics");

  /** What front matter may say about its document. */
  public record FrontMatter(
      Optional<String> title,
      Optional<DossierDate> published,
      Optional<String> outlet,
      List<String> authors,
      Optional<String> url,
      List<String> topics,
      Map<String, Position> topicsAt) {

    public static final FrontMatter NONE =
        new FrontMatter(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(), List.of(), Map.of());

    /** The same, with the title a document's first heading gives. */
    public FrontMatter withTitle(String title) {
      return new FrontMatter(Optional.of(title), published, outlet, authors, url, topics, topicsAt);
    }
  }

  /**
   * @param yaml the text between the {@code ---} lines
   * @param firstLine the file line the YAML starts on
   */
  public FrontMatter read(String path, String yaml, int firstLine, Diagnostics diagnostics) {
    YamlDocument doc = new YamlDocument(path, "the front matter", firstLine, diagnostics);
    Optional<Node> root = doc.compose(yaml);
    if (root.isEmpty() || doc.isNull(root.get())) {
      return FrontMatter.NONE;
    }
    Optional<Map<String, Node>> mapping = doc.mapping(root.get(), "the front matter", KEYS);
    if (mapping.isEmpty()) {
      return FrontMatter.NONE;
    }
    Map<String, Node> m = mapping.get();
    if (m.containsKey("date") && m.containsKey("published")) {
      warnOfTwoDates(doc, (MappingNode) root.get());
    }
    Optional<Node> dateNode = Optional.ofNullable(m.get("published")).or(() -> Optional.ofNullable(m.get("date")));
    Optional<DossierDate> published =
        dateNode.flatMap(
            n ->
                doc.optionalString(n, "date")
                    .flatMap(
                        text -> {
                          // Front matter often carries a full timestamp; its date part is the date.
                          String day = text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
                          DossierDate.Parsed parsed = DossierDate.parse(day);
                          if (parsed.date().isEmpty()) {
                            doc.error(n, "bad date: " + parsed.problem(), "write the date as 2022-02-14");
                          }
                          return parsed.date();
                        }));
    return new FrontMatter(
        Optional.ofNullable(m.get("title")).flatMap(n -> doc.text(n, "title")).map(t -> IndexReader.plain(doc, m.get("title"), t, IndexReader.SOURCE_HELP)),
        published,
        Optional.ofNullable(m.get("outlet")).flatMap(n -> doc.text(n, "outlet")).map(t -> IndexReader.plain(doc, m.get("outlet"), t, IndexReader.SOURCE_HELP)),
        Optional.ofNullable(m.get("authors")).flatMap(n -> IndexReader.authors(doc, n)).orElse(List.of()),
        // Checked as the index's url is: it becomes a link on the source's page, in the feed and the exports.
        Optional.ofNullable(m.get("url")).flatMap(n -> doc.optionalString(n, "url").filter(u -> IndexReader.checkUrl(doc, n, u, "url"))),
        Optional.ofNullable(m.get("topics")).flatMap(n -> doc.strings(n, "topics")).orElse(List.of()),
        Optional.ofNullable(m.get("topics")).map(n -> where(doc, n)).orElse(Map.of()));
  }

  /**
   * "date:" and "published:" are two names for one value, and only "published" is read: the
   * curator hears so at the second written, not that one of them silently did not count.
   */
  private static void warnOfTwoDates(YamlDocument doc, MappingNode root) {
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple tuple : root.getValue()) {
      doc.scalar(tuple.getKeyNode()).filter(k -> k.equals("date") || k.equals("published")).ifPresent(k -> keys.putIfAbsent(k, tuple.getKeyNode()));
    }
    List<String> order = List.copyOf(keys.keySet());
    Position first = doc.position(keys.get(order.get(0)));
    doc.warning(
        keys.get(order.get(1)),
        "both \"date\" and \"published\" are given (\"" + order.get(0) + "\" at line " + first.line() + "): the date is taken from \"published\", and \"date\" is ignored",
        "keep one of the two");
  }

  /** Where each topic is written: an item of the list, or the one value. */
  private static Map<String, Position> where(YamlDocument doc, Node topics) {
    Map<String, Position> at = new LinkedHashMap<>();
    List<Node> items = topics instanceof SequenceNode list ? list.getValue() : List.of(topics);
    for (Node item : items) {
      doc.scalar(item).ifPresent(id -> at.putIfAbsent(id, doc.position(item)));
    }
    return at;
  }
}
