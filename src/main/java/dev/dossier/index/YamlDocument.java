package dev.dossier.index;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.diag.Similarity;
import dev.dossier.model.HtmlCharacters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, positioned access to a YAML file's node tree. Every mismatch (a wrong type, an unknown
 * or duplicate key) becomes a diagnostic at the node at fault, and the caller gets an empty value
 * and carries on, so one run reports every problem.
 */
final class YamlDocument {

  /**
   * A line that starts with a key and a colon with no space after it: {@code title:"Kyiv"}, not
   * an address ({@code https://…}).
   */
  private static final Pattern KEY_WITHOUT_SPACE = Pattern.compile("\\s*(?:- )?(?<key>[A-Za-z_][A-Za-z0-9_-]*)(?<colon>:)(?=[^\\s:])(?!//)");

  /** The JSON schema, as SnakeYAML reads YAML by default, typing scalars faster ({@link QuickSchema}). */
  private static final QuickSchema SCHEMA = new QuickSchema();

  private final String path;
  /** What the text is, for messages about the whole of it: "the index", "the front matter". */
  private final String what;
  private final int firstLine;
  private final Diagnostics diagnostics;
  /** The text's lines, to see what follows a value on its line. */
  private String[] lines = new String[0];
  /** The values read with characters replaced ({@link #readable}), each warned about once. */
  private final Map<ScalarNode, String> replacedValues = new IdentityHashMap<>();

  /**
   * @param what what the text is, for messages: "the index", "the front matter"
   * @param firstLine the file line the YAML text starts on (2 for front matter after "---")
   */
  YamlDocument(String path, String what, int firstLine, Diagnostics diagnostics) {
    this.path = path;
    this.what = what;
    this.firstLine = firstLine;
    this.diagnostics = diagnostics;
  }

  /** The root node, or empty after reporting a syntax error. */
  Optional<Node> compose(String yaml) {
    this.lines = yaml.split("\n", -1);
    // No limit on the text's length: SnakeYAML's default (3 MiB) would refuse the index of a
    // dossier of 12,000 sources or so (10,000 take 2.6 MB), and the text is in memory already.
    // The limit on aliases stays: it is what keeps a few lines from expanding into millions.
    LoadSettings settings = LoadSettings.builder().setLabel(path).setSchema(SCHEMA).setMaxAliasesForCollections(MAX_COLLECTION_ALIASES).setCodePointLimit(Integer.MAX_VALUE).build();
    try {
      return new Compose(settings).composeString(yaml);
    } catch (StackOverflowError e) {
      // Brackets or lists inside one another thousands deep: the parser recurses.
      diagnostics.error(new Position(path, 1, 1), "YAML nests too deeply to read (lists or mappings inside one another, thousands deep)",
          "flatten the nesting; an index needs a few levels at most");
      return Optional.empty();
    } catch (MarkedYamlEngineException e) {
      String problemLine = e.getProblemMark().map(m -> m.getLine() < lines.length ? lines[m.getLine()] : "").orElse("");
      int problemColumn = e.getProblemMark().map(Mark::getColumn).orElse(-1);
      boolean sameLine = e.getContextMark().isEmpty() || e.getProblemMark().isEmpty()
          || e.getContextMark().get().getLine() == e.getProblemMark().get().getLine();
      String problem = e.getProblem() == null ? "" : e.getProblem();
      if (problem.contains("found another document") && e.getProblemMark().isPresent()) {
        // A second "---" (often a pasted index, or a separator meant as a comment): the parser
        // names the first document's start, but the mistake is where the second begins.
        diagnostics.error(position(e.getProblemMark().get()), "a second YAML document starts here, but " + what + " is one document",
            "remove this --- (and a ... that ends the document above it), and merge what follows into " + what + " above if it belongs there");
        return Optional.empty();
      }
      if (e.getContext() != null && e.getContext().contains("block scalar")) {
        // A tab in the indentation of a block's text reads to the parser as anything but a tab
        // ("the leading empty lines contain more spaces"): say what it is, where it is.
        Optional<Position> tab = e.getContextMark().flatMap(m -> tabIndent(lines, m.getLine() + 1, e.getProblemMark().map(Mark::getLine).orElse(m.getLine()) + 1));
        if (tab.isPresent()) {
          diagnostics.error(tab.get(), "YAML syntax: a tab is used to indent the text of a block (key: |)", "indent with spaces: YAML does not allow tabs");
          return Optional.empty();
        }
      }
      if (problem.contains("could not find expected ':'") && e.getContextMark().isPresent()) {
        // title:"Bridge reopens" reads as one word with no colon after it, and the parser looks
        // for the colon on the next line: say it is the space after this one that is missing.
        Mark at = e.getContextMark().get();
        String line = at.getLine() < lines.length ? lines[at.getLine()] : "";
        Matcher key = KEY_WITHOUT_SPACE.matcher(line);
        if (key.lookingAt()) {
          diagnostics.error(new Position(path, position(at).line(), line.codePointCount(0, key.end("colon")) + 1),
              "YAML syntax: no space after the colon of \"" + key.group("key") + ":\", so it does not read as a key",
              "put a space after the colon: " + key.group("key") + ": " + line.substring(key.end("colon")).strip());
          return Optional.empty();
        }
      }
      if (problem.contains("expected <block end>") && problem.contains("'<block sequence start>'") && e.getProblemMark().isPresent()) {
        // "sources:" then "    key: a" then "  - key: b": the first entry lost its "- ", so the
        // parser reads it as a mapping and stumbles only on the next entry. Point at the first.
        Optional<Position> undashed = undashedFirstEntry(lines, e.getProblemMark().get().getLine(), e.getProblemMark().get().getColumn());
        if (undashed.isPresent()) {
          diagnostics.error(undashed.get(), "YAML syntax: the first entry of this list has no \"- \" before it, so the entries after it do not read as a list",
              "write \"- \" just before its key here, in place of two spaces, as the entries below it have");
          return Optional.empty();
        }
      }
      Optional<Plain> plain = Plain.of(e.getContext() == null ? "" : e.getContext(), problem, problemLine, problemColumn, sameLine);
      if (plain.map(p -> p.message().startsWith("a quotation mark opened")).orElse(problem.contains("expected <block end>") && problem.contains("'<scalar>'"))) {
        // Text after a quoted value, with no quote ended early on its own line: a quote opened
        // on an earlier line and left open there is what went wrong. Point at that line.
        Optional<Position> opener = e.getProblemMark().flatMap(m -> openQuote(lines, m.getLine()));
        if (opener.isPresent()) {
          unclosedQuote(opener.get());
          return Optional.empty();
        }
      }
      // A quote left open on an earlier line that the next quotation mark closes on the line at
      // fault (authors: ["Ahmed Hassan"]): the open quote is the mistake, not what follows it.
      Optional<Position> runOn = e.getProblemMark().flatMap(m -> closedOn(lines, m.getLine()));
      if (runOn.isPresent()) {
        unclosedQuote(runOn.get());
        return Optional.empty();
      }
      if (plain.isPresent()) {
        Optional<Mark> mark = plain.get().atProblem() ? e.getProblemMark().or(e::getContextMark) : e.getContextMark().or(e::getProblemMark);
        diagnostics.error(mark.map(this::position).orElse(Position.file(path)), "YAML syntax: " + plain.get().message(), plain.get().hint());
        return Optional.empty();
      }
      // The context ("while scanning a quoted scalar") starts where the mistake usually is.
      Position at = e.getContextMark().or(e::getProblemMark).map(this::position).orElse(Position.file(path));
      String context = e.getContext() == null ? "" : e.getContext() + ": ";
      String problemAt = e.getProblemMark().map(m -> " (at line " + position(m).line() + ")").orElse("");
      diagnostics.error(at, "YAML syntax: " + context + e.getProblem() + problemAt, "check the indentation and quoting around this line");
    } catch (YamlEngineException e) {
      // The one complaint of the composer's with no place: too many aliases of a collection.
      Optional<Mark> alias = String.valueOf(e.getMessage()).startsWith("Number of aliases for non-scalar nodes exceeds")
          ? aliasPastTheLimit(yaml, settings)
          : Optional.empty();
      if (alias.isPresent()) {
        diagnostics.error(position(alias.get()), "YAML: more than " + MAX_COLLECTION_ALIASES + " aliases repeat a list or mapping, and this one is past the limit",
            "write the entries out instead of repeating them through aliases (*name): the limit keeps a few lines of YAML from expanding into millions");
        return Optional.empty();
      }
      diagnostics.error(Position.file(path), "YAML syntax: " + e.getMessage(), "check the file is valid YAML");
    }
    return Optional.empty();
  }

  /**
   * Where the first entry of a list stands without its "- ", when the entry at {@code line}
   * (0-based) has its dash at {@code column}: the first line below the key that holds the list
   * (the nearest line above, indented less than the dash, and ending with its colon), if it is a
   * key indented two spaces more than the dash, as an entry's keys are.
   */
  private Optional<Position> undashedFirstEntry(String[] lines, int line, int column) {
    if (line >= lines.length || !lines[line].startsWith("- ", column) || !lines[line].substring(0, column).isBlank()) {
      return Optional.empty();
    }
    int parent = line - 1;
    while (parent >= 0 && (noContent(lines[parent]) || indent(lines[parent]) >= column)) {
      parent--;
    }
    if (parent < 0 || !lines[parent].stripTrailing().endsWith(":")) {
      return Optional.empty();
    }
    int first = parent + 1;
    while (first < line && noContent(lines[first])) {
      first++;
    }
    if (first >= line || indent(lines[first]) != column + 2 || !UNDASHED_KEY.matcher(lines[first]).lookingAt()) {
      return Optional.empty();
    }
    return Optional.of(new Position(path, first + 1, column + 3));
  }

  private static final Pattern UNDASHED_KEY = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_-]*:(?:\\s|$)");

  private static int indent(String line) {
    return line.length() - line.stripLeading().length();
  }

  /** A blank line or a comment: no part of the structure. */
  private static boolean noContent(String line) {
    return line.isBlank() || line.stripLeading().startsWith("#");
  }

  /** How many times aliases may repeat a list or mapping, in all. */
  static final int MAX_COLLECTION_ALIASES = 50;

  /**
   * Where the alias is that takes the text past {@link #MAX_COLLECTION_ALIASES} aliases of a
   * list or mapping, counted as the composer counts them: found again from the parser's events,
   * which have places, on the way to reporting it.
   */
  private static Optional<Mark> aliasPastTheLimit(String yaml, LoadSettings settings) {
    Map<Anchor, Boolean> collections = new HashMap<>();
    int count = 0;
    try {
      for (Event event : new Parse(settings).parseString(yaml)) {
        if (event instanceof AliasEvent alias) {
          if (collections.getOrDefault(alias.getAlias(), false) && ++count > MAX_COLLECTION_ALIASES) {
            return event.getStartMark();
          }
        } else if (event instanceof NodeEvent node && node.getAnchor().isPresent()) {
          collections.put(node.getAnchor().get(), event instanceof CollectionStartEvent);
        }
      }
    } catch (RuntimeException e) {
      // Not found again: reported without a place, as the composer put it.
    }
    return Optional.empty();
  }

  /** A line's value: its first character after an optional "- " and an optional "key: ". */
  private static final java.util.regex.Pattern VALUE_START = java.util.regex.Pattern.compile("^\\s*(?:- )?(?:[A-Za-z_][A-Za-z0-9_-]*:\\s+)?(.)");

  /**
   * The YAML parser's commonest complaints in plain words, with what to do: where the mistake
   * is (the problem's place, or the context's: where an unclosed quote opened), and the fix.
   */
  record Plain(String message, String hint, boolean atProblem) {
    static Optional<Plain> of(String context, String problem, String line, int column, boolean sameLine) {
      String before = column >= 0 && column <= line.length() ? line.substring(0, column) : "";
      if (problem.contains("\\t(TAB)")) {
        if (before.isBlank() || before.strip().equals("-")) {
          return Optional.of(new Plain("a tab is used to indent", "indent with spaces: YAML does not allow tabs", true));
        }
        return Optional.of(before.stripTrailing().endsWith(":")
            ? new Plain("a tab follows the colon", "put a space after the colon, not a tab", true)
            : new Plain("a tab is used where YAML allows only spaces", "replace the tab with spaces", true));
      }
      if (context.contains("quoted scalar") && problem.contains("end of stream")) {
        return Optional.of(new Plain("the quoted text that starts here is never closed", "close it with the same quotation mark it opens with", false));
      }
      if (problem.startsWith("mapping values are not allowed here")) {
        if (before.matches("\\s+(?:- )?[A-Za-z_][A-Za-z0-9_-]*")) {
          // "  Note: staff left" under "description: The embassy", or a key indented too far.
          return Optional.of(new Plain("a colon and a space make this line read as a key, inside the value above it",
              "if it is a key, indent it like the keys above it; if it is text, quote the value or write it as a block (key: | with the text indented below)", true));
        }
        return Optional.of(new Plain("a colon and a space inside a value make it look like a key",
            "put the whole value in quotes, such as title: \"Kyiv: the embassy\"", true));
      }
      if (context.contains("block") && problem.contains("expected <block end>") && problem.contains("'<scalar>'")) {
        return quoteEndedEarly(line, column);
      }
      if (context.contains("block") && problem.contains("expected <block end>")) {
        return Optional.of(new Plain("this line is not indented like the lines of the entry above it",
            "indent every key of an entry by the same number of spaces", true));
      }
      // Unclosed when the parser ran on past the line the [ or { opened on.
      boolean ended = problem.contains("<stream end>") || !sameLine;
      if (context.contains("flow sequence") && problem.contains("expected ',' or ']'")) {
        return Optional.of(ended
            ? new Plain("the list that starts here with [ is not closed", "close it with ], with a comma between items", false)
            : new Plain("the items of a list need a comma between them", "put a comma between items; an item holding a quotation mark of its own is quoted with the other kind ('...' or \"...\")", true));
      }
      if (context.contains("flow mapping") && problem.contains("expected ',' or '}'")) {
        return Optional.of(ended
            ? new Plain("the mapping that starts here with { is not closed", "close it with }, with a comma between entries", false)
            : new Plain("the entries of a mapping need a comma between them", "put a comma between entries", true));
      }
      return Optional.empty();
    }

    /** Text found after a value that ended: which quotation mark ended it, if one did. */
    private static Optional<Plain> quoteEndedEarly(String line, int column) {
      java.util.regex.Matcher value = VALUE_START.matcher(line);
      if (column < 0 || column > line.length() || !value.find()) {
        return Optional.empty();
      }
      char first = value.group(1).charAt(0);
      int start = value.start(1);
      if (first == '[' || first == '{') {
        return Optional.of(new Plain("a value that starts with " + first + " is read as a " + (first == '[' ? "list" : "mapping"),
            "put the whole value in quotes, such as title: \"[Updated] Kyiv embassy\"", true));
      }
      if (first != '"' && first != '\'') {
        return Optional.empty();
      }
      if (line.indexOf(first, start + 1) >= 0 && line.indexOf(first, start + 1) < column) {
        return Optional.of(first == '"'
            ? new Plain("a \" inside the quoted value ends it early", "quote the value with '...' instead, or write \\\" for each \" inside it", true)
            : new Plain("a ' inside the quoted value ends it early", "write each ' inside it as '' (it''s), or quote the value with \"...\"", true));
      }
      return Optional.of(new Plain("a quotation mark opened on an earlier line closes only here", "close each quote on the line where it opens", true));
    }
  }

  /** The lines of the text last composed, as read: no copy of them. */
  List<String> lines() {
    return java.util.Collections.unmodifiableList(java.util.Arrays.asList(lines));
  }

  /** The first tab in the indentation of lines {@code from} to {@code to}, both included. */
  private Optional<Position> tabIndent(String[] lines, int from, int to) {
    for (int i = from; i <= to && i < lines.length; i++) {
      String line = lines[i];
      int indent = 0;
      while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
        indent++;
      }
      int tab = line.substring(0, indent).indexOf('\t');
      if (tab >= 0 && indent < line.length()) {
        return Optional.of(new Position(path, firstLine + i, tab + 1));
      }
    }
    return Optional.empty();
  }

  /** The last line before {@code before} whose value opens a quote it does not close. */
  private Optional<Position> openQuote(String[] lines, int before) {
    for (int l = Math.min(before, lines.length) - 1; l >= 0; l--) {
      java.util.regex.Matcher m = VALUE_START.matcher(lines[l]);
      if (m.find() && (m.group(1).equals("\"") || m.group(1).equals("'"))) {
        char quote = m.group(1).charAt(0);
        String rest = lines[l].substring(m.end(1));
        String unescaped = quote == '"' ? rest.replace("\\\\", "").replace("\\\"", "") : rest.replace("''", "");
        if (unescaped.indexOf(quote) < 0) {
          return Optional.of(new Position(path, firstLine + l, lines[l].codePointCount(0, m.start(1)) + 1));
        }
      }
    }
    return Optional.empty();
  }

  private void unclosedQuote(Position at) {
    diagnostics.error(at, "YAML syntax: the quoted text that starts here is not closed on its line",
        "close it with the same quotation mark it opens with, on this line");
  }

  /**
   * {@link #openQuote} before line {@code at} (0-based), if the first quotation mark to close it
   * is on that line.
   */
  private Optional<Position> closedOn(String[] lines, int at) {
    Optional<Position> opener = openQuote(lines, at);
    if (opener.isEmpty() || at >= lines.length) {
      return Optional.empty();
    }
    int l = opener.get().line() - firstLine;
    java.util.regex.Matcher m = VALUE_START.matcher(lines[l]);
    if (!m.find()) {
      return Optional.empty();
    }
    char quote = m.group(1).charAt(0);
    for (int line = l + 1; line <= at; line++) {
      String text = lines[line];
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote == '"' && c == '\\') {
          i++;
        } else if (c == quote && quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
          i++;
        } else if (c == quote) {
          return line == at ? opener : Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  Position position(Mark mark) {
    return new Position(path, firstLine + mark.getLine(), mark.getColumn() + 1);
  }

  Position position(Node node) {
    return node.getStartMark().map(this::position).orElse(Position.file(path));
  }

  String path() {
    return path;
  }

  /**
   * The entries of a mapping by key, after reporting unknown and duplicate keys.
   *
   * @param what what the mapping is, for messages ("a source")
   */
  Optional<Map<String, Node>> mapping(Node node, String what, Set<String> allowed) {
    if (!(node instanceof MappingNode mapping)) {
      error(node, what + " should be a mapping of keys to values", "write it as key: value lines, indented under it, as README.md's \"The index\" shows");
      return Optional.empty();
    }
    Map<String, Node> entries = new LinkedHashMap<>();
    Map<String, Node> keys = new HashMap<>();
    // In an entry of a list, where the keys start again: perhaps the next entry, its "- " forgotten.
    Position again = null;
    for (NodeTuple tuple : mapping.getValue()) {
      Optional<String> key = scalar(tuple.getKeyNode());
      if (key.isEmpty()) {
        error(tuple.getKeyNode(), "keys should be plain words", "write a word and a colon, such as title:");
        continue;
      }
      String name = key.get();
      if (keys.containsKey(name)) {
        Position at = position(tuple.getKeyNode());
        again = again == null ? at : again;
        boolean entry = what.startsWith("a ") || what.startsWith("an ");
        diagnostics.error(
            at,
            "duplicate key \"" + name + "\" in " + what + " (first at line " + position(keys.get(name)).line() + ")",
            entry
                ? "if another " + what.substring(what.indexOf(' ') + 1) + " begins on line " + again.line() + ", write \"- \" just before its key there,"
                    + " in place of two spaces, as each one's first line has it; if not, remove one of the two"
                : "remove one of the two");
        continue;
      }
      keys.put(name, tuple.getKeyNode());
      if (!allowed.contains(name)) {
        diagnostics.error(position(tuple.getKeyNode()), "unknown key \"" + name + "\" in " + what, suggestion(name, allowed));
        continue;
      }
      entries.put(name, tuple.getValueNode());
    }
    return Optional.of(entries);
  }

  /** A closest-match suggestion, as compilers do. */
  static String suggestion(String name, Set<String> allowed) {
    String known = String.join(", ", new TreeSet<>(allowed));
    return Similarity.closest(name, allowed, 2).map(k -> "did you mean \"" + k + "\"? Known keys: " + known).orElse("known keys: " + known);
  }


  List<Node> sequence(Node node, String what) {
    if (node instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (isNull(node)) {
      // "topics: #ukraine" is no topic at all, and a comment.
      warnOfCutComment((ScalarNode) node, "", what);
      return List.of();
    }
    error(node, what + " should be a list", "put each item on a line of its own that starts with \"- \", or write [a, b]");
    return List.of();
  }

  /**
   * Whether a value is YAML's null: {@code null}, nothing, or an unquoted {@code ~}, which YAML
   * 1.1 and the core schema read as null and the JSON schema SnakeYAML Engine resolves with does
   * not, so that "authors: [~]" is no author called "~".
   */
  boolean isNull(Node node) {
    return node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.NULL) || scalar.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN && scalar.getValue().equals("~"));
  }

  /** A scalar's text; empty (and reported) for a list or mapping. */
  Optional<String> string(Node node, String what) {
    Optional<String> value = scalar(node);
    value.ifPresent(v -> warnOfCutComment((ScalarNode) node, v, what));
    if (value.isEmpty()) {
      error(node, what + " should be text, not a " + (node instanceof SequenceNode ? "list" : "mapping"),
          "write one text, in quotes if it holds a colon or starts with [ or {: \"like this\"");
    }
    return value;
  }

  /** A scalar's text, or empty for a null, a list or a mapping (null is "not given"). */
  Optional<String> optionalString(Node node, String what) {
    if (isNull(node)) {
      // "title: #1 Blinken visit" is a title left empty, and a comment.
      warnOfCutComment((ScalarNode) node, "", what);
      return Optional.empty();
    }
    return string(node, what);
  }

  Optional<Boolean> bool(Node node, String what) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return Optional.of(Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT)));
    }
    error(node, what + " should be true or false", "write true or false, without quotes");
    return Optional.empty();
  }

  /**
   * {@link #optionalString}, for a value shown as written (a title, an outlet, a name): a blank
   * one is reported, since it would show as nothing where the reader expects words, and is
   * taken as not given.
   */
  Optional<String> text(Node node, String what) {
    Optional<String> value = optionalString(node, what);
    if (value.isPresent() && value.get().isBlank()) {
      error(node, "\"" + what + "\" is empty", "write its value, or remove the line to leave it unknown");
      return Optional.empty();
    }
    return value;
  }

  /**
   * "title: Floods #1, November": in YAML a space and # start a comment, so the title is
   * "Floods". A comment written as one starts "# " with a space; "#1" or "#StandWithUkraine"
   * right after a value is more likely part of it, and is said so.
   */
  private void warnOfCutComment(ScalarNode node, String value, String what) {
    if (node.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN || node.getEndMark().isEmpty()) {
      return;
    }
    Mark end = node.getEndMark().get();
    if (end.getLine() >= lines.length) {
      return;
    }
    String line = lines[end.getLine()];
    if (line.indexOf('#') < 0) {
      // Most lines have none: every plain value of the index comes here.
      return;
    }
    int at = Position.charIndex(line, end.getColumn());
    java.util.regex.Matcher comment = CUT_COMMENT.matcher(line).region(at, line.length());
    if (comment.lookingAt()) {
      String rest = line.substring(comment.start(1)).strip();
      diagnostics.warning(
          new Position(path, firstLine + end.getLine(), line.codePointCount(0, comment.start(1)) + 1),
          "the words from \"" + rest + "\" are a YAML comment, so " + what + (value.isEmpty() ? " is empty" : " is only \"" + value + "\""),
          "if they belong to it, put the whole value in quotes: \"" + (value.isEmpty() ? "" : value + " ") + rest.replace("\"", "\\\"") + "\"");
    }
  }

  private static final java.util.regex.Pattern CUT_COMMENT = java.util.regex.Pattern.compile("[ \t]+(#[^\\s#])");

  /** A list of strings; a single string is taken as a list of one. A blank item is reported and left out. */
  Optional<List<String>> strings(Node node, String what) {
    if (node instanceof ScalarNode && !isNull(node)) {
      return text(node, what).map(List::of);
    }
    List<String> values = new ArrayList<>();
    for (Node item : sequence(node, what)) {
      if (isNull(item) || item instanceof ScalarNode scalar && scalar.getValue().isBlank()) {
        error(item, "an item of " + what + " is empty", "write a value there, or remove the item");
        continue;
      }
      string(item, "each item of " + what).ifPresent(values::add);
    }
    return Optional.of(List.copyOf(values));
  }

  /** Markdown in a scalar, positioned so citations inside it can be located exactly. */
  Optional<MarkdownText> markdown(Node node, String what, List<String> fileLines) {
    return optionalString(node, what).map(text -> markdownAt((ScalarNode) node, text, fileLines));
  }

  private MarkdownText markdownAt(ScalarNode node, String text, List<String> fileLines) {
    Position start = position(node);
    return switch (node.getScalarStyle()) {
      // The text starts on the line after the "|" or ">" indicator; its indentation is whitespace.
      case LITERAL -> new MarkdownText(text, path, fileLines, start.line() + 1, 1, '|');
      case FOLDED -> new MarkdownText(text, path, fileLines, start.line() + 1, 1, '>');
      case DOUBLE_QUOTED -> new MarkdownText(text, path, fileLines, start.line(), start.column() + 1, '"');
      case SINGLE_QUOTED -> new MarkdownText(text, path, fileLines, start.line(), start.column() + 1, '\'');
      default -> new MarkdownText(text, path, fileLines, start.line(), start.column(), ' ');
    };
  }

  /** A scalar's text, as every value of the file is read; empty for a list or mapping. */
  Optional<String> scalar(Node node) {
    return node instanceof ScalarNode scalar ? Optional.of(readable(scalar)) : Optional.empty();
  }

  /**
   * A scalar's text with each character no web page may hold read as U+FFFD, as a file's own
   * are when it is read (DossierFolder): only an escape ({@code "\x01"}, {@code "\e"}) writes
   * one into a value now. The first read of such a value warns at the escape; later reads of
   * the same node (an alias, a value looked at twice) take the same text silently.
   */
  private String readable(ScalarNode node) {
    String value = node.getValue();
    Optional<HtmlCharacters.Replaced> replaced = HtmlCharacters.replace(value, YamlDocument::replaced);
    if (replaced.isEmpty()) {
      return value;
    }
    return replacedValues.computeIfAbsent(node, n -> {
      HtmlCharacters.Replaced r = replaced.get();
      Optional<Written> written = firstForbidden(node);
      Position at = written.map(Written::at).orElse(position(node));
      Optional<String> escape = written.flatMap(Written::escape);
      if (escape.isPresent()) {
        diagnostics.warning(at, HtmlCharacters.escapeMessage(escape.get(), r.found(), r.count()), HtmlCharacters.ESCAPE_HINT);
      } else {
        diagnostics.warning(at, r.message("in this value"), HtmlCharacters.HINT);
      }
      return r.text();
    });
  }

  /**
   * Whether a value's character is read as U+FFFD: one no web page may hold, but for a carriage
   * return ({@code "\r"}), which no file's text holds raw, but which HTML and XML both take for
   * whitespace, and which a quote matches to a space.
   */
  static boolean replaced(int c) {
    return c != '\r' && HtmlCharacters.forbidden(c);
  }

  /** Where a character is written in the file, and the escape that writes it, if one does. */
  private record Written(Position at, Optional<String> escape) {}

  /**
   * Where a scalar writes its first character no web page may hold: its text read again from
   * the file's lines between its marks, escapes and all in a double-quoted one.
   */
  private Optional<Written> firstForbidden(ScalarNode node) {
    if (node.getStartMark().isEmpty() || node.getEndMark().isEmpty()) {
      return Optional.empty();
    }
    Mark start = node.getStartMark().get();
    Mark end = node.getEndMark().get();
    boolean escapes = node.getScalarStyle() == org.snakeyaml.engine.v2.common.ScalarStyle.DOUBLE_QUOTED;
    for (int l = start.getLine(); l <= end.getLine() && l < lines.length; l++) {
      String line = lines[l];
      int from = l == start.getLine() ? Position.charIndex(line, start.getColumn()) : 0;
      int to = l == end.getLine() ? Position.charIndex(line, end.getColumn()) : line.length();
      for (int i = from; i < to; ) {
        int c = line.codePointAt(i);
        boolean escape = escapes && c == '\\' && i + 1 < line.length();
        int length = escape ? MarkdownText.escapeLength(line, i) : Character.charCount(c);
        if (replaced(escape ? MarkdownText.escapedCodePoint(line, i) : c)) {
          Position at = new Position(path, firstLine + l, line.codePointCount(0, i) + 1);
          return Optional.of(new Written(at, escape ? Optional.of(line.substring(i, i + length)) : Optional.empty()));
        }
        i += length;
      }
    }
    return Optional.empty();
  }

  void error(Node node, String message, String hint) {
    diagnostics.error(position(node), message, hint);
  }

  void warning(Node node, String message, String hint) {
    warning(position(node), message, hint);
  }

  void warning(Position at, String message, String hint) {
    diagnostics.warning(at, message, hint);
  }
}
