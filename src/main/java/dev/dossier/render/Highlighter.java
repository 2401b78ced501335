package dev.dossier.render;

import dev.dossier.cite.QuoteMatcher;
import dev.dossier.cite.QuoteMatcher.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Marks quoted words inside a paragraph's HTML with {@code <mark>}, across inline markup, without
 * changing a single character of the text.
 */
final class Highlighter {

  private Highlighter() {}

  static String highlight(String html, Collection<String> quotes) {
    return highlight(html, quotes, null);
  }

  /**
   * @param anchorOf when given, the id of an empty {@code <span class="quote-anchor">} put where
   *     each quote first begins, for a citation to link to the very words it rests on
   */
  static String highlight(String html, Collection<String> quotes, java.util.function.Function<String, String> anchorOf) {
    if (quotes.isEmpty()) {
      return html;
    }
    Document doc = Jsoup.parseBodyFragment(html);
    doc.outputSettings().prettyPrint(false);
    List<TextNode> texts = textNodes(doc);
    List<Integer> starts = new ArrayList<>();
    String all = text(texts, starts);
    // Each quote looked for once, however many citations make it.
    Map<String, List<Range>> found = new LinkedHashMap<>();
    for (String quote : quotes) {
      found.computeIfAbsent(quote, q -> QuoteMatcher.findAll(all, q, 100));
    }
    List<Range> ranges = merge(found.values().stream().flatMap(List::stream).toList());
    if (ranges.isEmpty()) {
      return html;
    }
    // Which quote's words each stretch is, by the id a citation links to: the words of the
    // quote a reader arrives at can then be told from the others marked beside them.
    List<Segment> segments = anchorOf == null ? plain(ranges) : segments(ranges, found, anchorOf);
    if (anchorOf != null) {
      // Where each quote first begins, by its id, latest first so earlier offsets keep their
      // text node: a split leaves the node its first part.
      TreeMap<Integer, List<String>> anchors = new TreeMap<>(Comparator.reverseOrder());
      java.util.Set<String> ids = new java.util.HashSet<>();
      found.forEach((quote, at) -> {
        String id = anchorOf.apply(quote);
        if (!at.isEmpty() && ids.add(id)) {
          anchors.computeIfAbsent(at.get(0).start(), k -> new ArrayList<>()).add(id);
        }
      });
      int i = texts.size() - 1;
      for (Map.Entry<Integer, List<String>> anchor : anchors.entrySet()) {
        int at = anchor.getKey();
        while (i > 0 && starts.get(i) > at) {
          i--;
        }
        TextNode node = texts.get(i);
        TextNode rest = at > starts.get(i) ? node.splitText(at - starts.get(i)) : node;
        for (String id : anchor.getValue()) {
          rest.before(new Element("span").addClass("quote-anchor").attr("id", id));
        }
      }
      // The splits made new text nodes: take them again (the text is the same).
      texts = textNodes(doc);
      starts.clear();
      text(texts, starts);
    }
    for (int i = texts.size() - 1; i >= 0; i--) {
      TextNode node = texts.get(i);
      if (betweenItems(node)) {
        continue;
      }
      int start = starts.get(i);
      int end = start + node.getWholeText().length();
      for (int r = segments.size() - 1; r >= 0; r--) {
        Segment segment = segments.get(r);
        int from = Math.max(segment.start(), start);
        int to = Math.min(segment.end(), end);
        if (from < to) {
          wrap(node, from - start, to - start, segment.quotes());
        }
      }
    }
    return doc.body().html();
  }

  /**
   * Elements whose children are rows, cells or items, never text: a {@code <mark>} around the
   * line break between two rows or two items would be invalid HTML.
   */
  private static final java.util.Set<String> NO_TEXT_INSIDE =
      java.util.Set.of("table", "thead", "tbody", "tfoot", "tr", "colgroup", "ul", "ol", "dl", "menu");

  /** Whitespace between a table's rows or a list's items: part of the text, never marked. */
  private static boolean betweenItems(TextNode node) {
    return node.isBlank() && node.parent() != null && NO_TEXT_INSIDE.contains(node.parent().normalName());
  }

  private static List<TextNode> textNodes(Document doc) {
    List<TextNode> texts = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t) {
        texts.add(t);
      }
    }, doc.body());
    return texts;
  }

  /** The text of the nodes run together, with where each begins in it. */
  private static String text(List<TextNode> texts, List<Integer> starts) {
    StringBuilder all = new StringBuilder();
    for (TextNode t : texts) {
      starts.add(all.length());
      all.append(t.getWholeText());
    }
    return all.toString();
  }

  /**
   * A stretch of marked text, and the ids of the quotes whose first occurrence it is part of
   * (space-separated, as an HTML attribute lists them; empty for none).
   */
  private record Segment(int start, int end, String quotes) {}

  private static List<Segment> plain(List<Range> ranges) {
    return ranges.stream().map(r -> new Segment(r.start(), r.end(), "")).toList();
  }

  /**
   * The marked ranges cut where the set of quotes covering them changes: each quote by its
   * first occurrence, the one its id's anchor stands at.
   */
  private static List<Segment> segments(List<Range> ranges, Map<String, List<Range>> found, java.util.function.Function<String, String> anchorOf) {
    Map<String, Range> first = new LinkedHashMap<>();
    found.forEach((quote, at) -> {
      if (!at.isEmpty()) {
        first.putIfAbsent(anchorOf.apply(quote), at.get(0));
      }
    });
    List<Segment> segments = new ArrayList<>();
    for (Range range : ranges) {
      java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>(List.of(range.start(), range.end()));
      first.values().forEach(q -> {
        if (q.start() > range.start() && q.start() < range.end()) {
          cuts.add(q.start());
        }
        if (q.end() > range.start() && q.end() < range.end()) {
          cuts.add(q.end());
        }
      });
      Integer from = null;
      for (int cut : cuts) {
        if (from != null) {
          int a = from;
          String ids = first.entrySet().stream().filter(e -> e.getValue().start() <= a && e.getValue().end() >= cut)
              .map(Map.Entry::getKey).sorted().collect(java.util.stream.Collectors.joining(" "));
          Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
          if (last != null && last.end() == a && last.quotes().equals(ids)) {
            segments.set(segments.size() - 1, new Segment(last.start(), cut, ids));
          } else {
            segments.add(new Segment(a, cut, ids));
          }
        }
        from = cut;
      }
    }
    return segments;
  }

  /** Wraps characters [from, to) of a text node in a mark, naming the quotes it is part of, splitting the node as needed. */
  private static void wrap(TextNode node, int from, int to, String quotes) {
    TextNode target = node;
    if (to < target.getWholeText().length()) {
      target.splitText(to);
    }
    if (from > 0) {
      target = target.splitText(from);
    }
    Element mark = new Element("mark");
    if (!quotes.isEmpty()) {
      mark.attr("data-quotes", quotes);
    }
    target.before(mark);
    mark.appendChild(target);
  }

  private static List<Range> merge(List<Range> ranges) {
    List<Range> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingInt(Range::start));
    List<Range> merged = new ArrayList<>();
    for (Range r : sorted) {
      if (!merged.isEmpty() && r.start() <= merged.get(merged.size() - 1).end()) {
        Range last = merged.remove(merged.size() - 1);
        merged.add(new Range(last.start(), Math.max(last.end(), r.end())));
      } else {
        merged.add(r);
      }
    }
    return merged;
  }

  static boolean isText(Node node) {
    return node instanceof TextNode;
  }
}
