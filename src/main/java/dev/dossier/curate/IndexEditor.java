package dev.dossier.curate;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.index.IndexReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Adds a source entry to the text of {@code index.yml} the way a curator would: typed into the
 * {@code sources:} list right after its last entry, or a new {@code sources:} list at the end.
 * Every other byte of the file stays as it was (comments, blank lines, quoting, line endings);
 * the YAML parser is used only to find where the list ends.
 *
 * <p>The result is checked by reading it back: it must mean exactly what the old index meant
 * plus the new entry, or nothing is changed.
 */
final class IndexEditor {

  /**
   * @param text the new index
   * @param line the 1-based line the entry starts on
   */
  record Edit(String text, int line) {}

  private static final Pattern LINE = Pattern.compile("[^\\r\\n]*(?:\\r\\n|\\r|\\n)|[^\\r\\n]+$");
  private static final int DEFAULT_OFFSET = 2;

  private IndexEditor() {}

  /**
   * @param path the index's name, for messages
   * @param original the index's text exactly as on disk
   * @param entry the entry's lines at indentation 0 (see {@link IndexEntry#lines()})
   */
  static Edit addSource(String path, String original, List<String> entry) throws Refusal {
    String newline = original.contains("\r\n") ? "\r\n" : original.contains("\r") ? "\r" : "\n";
    boolean bom = original.startsWith("\uFEFF");
    String normal = normalize(original);
    List<String> lines = rawLines(original);
    List<String> plain = rawLines(normal).stream().map(l -> l.replaceAll("\\n$", "")).toList();

    Optional<Node> root = compose(path, normal);
    Placement at;
    if (root.isEmpty() || isNull(root.get())) {
      at = atEnd(lines, newline);
    } else if (!(root.get() instanceof MappingNode mapping)) {
      throw Refusal.content(position(path, root.get().getStartMark()), "the index is not a mapping of keys to values",
          "fix the index (dossier check shows how), then add again");
    } else {
      Optional<NodeTuple> sources =
          mapping.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("sources")).findFirst();
      at = sources.isEmpty() ? atEnd(lines, newline) : inList(path, sources.get(), lines, plain, bom);
    }

    List<String> edited = new ArrayList<>(lines);
    if (at.replaceLine >= 0) {
      edited.set(at.replaceLine, at.replacement);
    }
    int insertAt = at.insertAt;
    if (insertAt > 0 && !endsWithNewline(edited.get(insertAt - 1))) {
      edited.set(insertAt - 1, edited.get(insertAt - 1) + newline);
    }
    List<String> block = new ArrayList<>(at.prefix);
    for (int i = 0; i < entry.size(); i++) {
      String indent = " ".repeat(i == 0 ? at.dash : at.dash + at.offset);
      String text = i == 0 ? "-" + " ".repeat(at.offset - 1) + entry.get(0).substring(2) : entry.get(i).substring(2);
      block.add(indent + text + newline);
    }
    edited.addAll(insertAt, block);
    String text = String.join("", edited);
    verify(path, normal, normalize(text), entry);
    return new Edit(text, insertAt + at.prefix.size() + 1);
  }

  /**
   * Where the entry goes and how it is indented.
   *
   * @param replaceLine a line whose text changes (an empty {@code []} or {@code null} dropped), or -1
   * @param prefix lines to insert before the entry (a new {@code sources:} key)
   */
  private record Placement(int insertAt, int dash, int offset, int replaceLine, String replacement, List<String> prefix) {}

  /** A new {@code sources:} list at the end of the file. */
  private static Placement atEnd(List<String> lines, String newline) {
    List<String> prefix = new ArrayList<>();
    boolean blankLast = lines.isEmpty() || lines.get(lines.size() - 1).isBlank();
    if (!blankLast) {
      prefix.add(newline);
    }
    prefix.add("sources:" + newline);
    return new Placement(lines.size(), 2, DEFAULT_OFFSET, -1, null, prefix);
  }

  private static Placement inList(String path, NodeTuple sources, List<String> lines, List<String> plain, boolean bom) throws Refusal {
    Node key = sources.getKeyNode();
    Node value = sources.getValueNode();
    int keyLine = line(key.getStartMark());
    int dashUnderKey = column(key.getStartMark()) + 2;
    boolean emptyFlow = value instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.FLOW && s.getValue().isEmpty();
    if (value instanceof ScalarNode s && isNull(s) && s.getValue().isEmpty()) {
      // "sources:" with nothing after it: the list starts on the next line.
      return new Placement(skipComments(plain, keyLine + 1, dashUnderKey - 1), dashUnderKey, DEFAULT_OFFSET, -1, null, List.of());
    }
    if (isNull(value) || emptyFlow) {
      // "sources: null" or "sources: []": the value is dropped and the list starts on the next line.
      int from = column(value.getStartMark());
      int to = column(value.getEndMark());
      if (line(value.getStartMark()) != keyLine || line(value.getEndMark()) != keyLine) {
        throw notBlockList(path, value);
      }
      String raw = lines.get(keyLine);
      int shift = keyLine == 0 && bom ? 1 : 0;
      String replacement = raw.substring(0, from + shift).stripTrailing() + keepComment(raw.substring(to + shift));
      int insertAt = skipComments(plain, keyLine + 1, dashUnderKey - 1);
      return new Placement(insertAt, dashUnderKey, DEFAULT_OFFSET, keyLine, replacement, List.of());
    }
    if (!(value instanceof SequenceNode list) || list.getFlowStyle() == FlowStyle.FLOW) {
      throw notBlockList(path, value);
    }
    int dash = column(list.getStartMark());
    Node first = list.getValue().get(0);
    int offset = line(first.getStartMark()) == line(list.getStartMark()) ? column(first.getStartMark()) - dash : DEFAULT_OFFSET;
    Mark end = lastEnd(list.getValue().get(list.getValue().size() - 1));
    // A block scalar ends at the start of the line after it; anything else ends inside its last line.
    int insertAt = column(end) == 0 ? line(end) : line(end) + 1;
    insertAt = Math.min(insertAt, lines.size());
    return new Placement(skipComments(plain, insertAt, dash), dash, Math.max(offset, DEFAULT_OFFSET), -1, null, List.of());
  }

  /** The remainder of a line after a dropped value: its comment, if it has one, kept as written. */
  private static String keepComment(String rest) {
    Matcher m = Pattern.compile("^([ \\t]*)(#.*)?(\\r\\n|\\r|\\n)?$", Pattern.DOTALL).matcher(rest);
    if (!m.matches()) {
      return rest;
    }
    String comment = m.group(2) == null ? "" : " " + m.group(2);
    return comment + (m.group(3) == null ? "" : m.group(3));
  }

  /** Comment lines indented deeper than the list's dashes belong to its last entry. */
  private static int skipComments(List<String> plain, int from, int dash) {
    int i = from;
    while (i < plain.size() && plain.get(i).strip().startsWith("#") && indent(plain.get(i)) > dash) {
      i++;
    }
    return i;
  }

  /** The end of the last thing written in a node: its last value, however deeply nested. */
  private static Mark lastEnd(Node node) {
    if (node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.BLOCK && !m.getValue().isEmpty()) {
      return lastEnd(m.getValue().get(m.getValue().size() - 1).getValueNode());
    }
    if (node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
      return lastEnd(s.getValue().get(s.getValue().size() - 1));
    }
    return node.getEndMark().orElseThrow();
  }

  private static Refusal notBlockList(String path, Node value) {
    return Refusal.content(
        position(path, value.getStartMark().orElse(null)),
        "sources: is not written as a list of entries, one \"- key:\" per source, so the new entry cannot be added to it",
        "write sources: as a block list (see README.md), or add the entry by hand");
  }

  /** The old index plus the entry, and nothing else, or the edit is refused. */
  private static void verify(String path, String before, String after, List<String> entry) throws Refusal {
    try {
      Load load = new Load(LoadSettings.builder().setAllowDuplicateKeys(true).build());
      Object old = before.isBlank() ? null : load.loadFromString(before);
      Object added = ((List<?>) load.loadFromString(String.join("\n", entry))).get(0);
      Map<Object, Object> expected = old instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : new LinkedHashMap<>();
      List<Object> sources = new ArrayList<>();
      if (expected.get("sources") instanceof List<?> list) {
        sources.addAll(list);
      }
      sources.add(added);
      expected.put("sources", sources);
      if (expected.equals(load.loadFromString(after))) {
        return;
      }
    } catch (YamlEngineException | ClassCastException e) {
      // reported below
    }
    throw Refusal.content(
        Position.file(path),
        "the new entry could not be added to the index without changing what it says; the index was left as it was",
        "add the entry to sources: by hand");
  }

  private static Optional<Node> compose(String path, String text) throws Refusal {
    try {
      return new Compose(LoadSettings.builder().setLabel(path).build()).composeString(text);
    } catch (YamlEngineException e) {
      Diagnostics diagnostics = new Diagnostics();
      new IndexReader().read(path, text, diagnostics);
      List<Diagnostic> errors = diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
      throw errors.isEmpty()
          ? Refusal.content(Position.file(path), "the index is not valid YAML: " + e.getMessage(), "fix it, then add again")
          : Refusal.content(errors);
    }
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static int line(Optional<Mark> mark) {
    return mark.orElseThrow().getLine();
  }

  private static int line(Mark mark) {
    return mark.getLine();
  }

  private static int column(Optional<Mark> mark) {
    return mark.orElseThrow().getColumn();
  }

  private static int column(Mark mark) {
    return mark.getColumn();
  }

  private static Position position(String path, Optional<Mark> mark) {
    return mark.map(m -> new Position(path, m.getLine() + 1, m.getColumn() + 1)).orElse(Position.file(path));
  }

  private static Position position(String path, Mark mark) {
    return mark == null ? Position.file(path) : new Position(path, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean endsWithNewline(String line) {
    return line.endsWith("\n") || line.endsWith("\r");
  }

  /** The text's lines, each with its own line ending, so joining them gives the text back. */
  static List<String> rawLines(String text) {
    List<String> lines = new ArrayList<>();
    Matcher m = LINE.matcher(text);
    while (m.find()) {
      if (!m.group().isEmpty()) {
        lines.add(m.group());
      }
    }
    return lines;
  }

  /** As the build reads it: no byte-order mark, {@code \n} line endings. */
  static String normalize(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return s.replace("\r\n", "\n").replace('\r', '\n');
  }
}
