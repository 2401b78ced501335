package dev.dossier.render;

import dev.dossier.cite.QuoteMatcher;
import dev.dossier.cite.QuoteMatcher.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
    List<TextNode> texts = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t) {
        texts.add(t);
      }
    }, doc.body());
    StringBuilder all = new StringBuilder();
    List<Integer> starts = new ArrayList<>();
    for (TextNode t : texts) {
      starts.add(all.length());
      all.append(t.getWholeText());
    }
    List<Range> ranges = merge(quotes.stream().flatMap(q -> QuoteMatcher.findAll(all.toString(), q, 100).stream()).toList());
    if (ranges.isEmpty()) {
      return html;
    }
    // Where each quote first begins, by its id (two quotes beginning at the same place keep both).
    Map<String, Integer> anchors = new java.util.LinkedHashMap<>();
    if (anchorOf != null) {
      for (String quote : quotes) {
        List<Range> found = QuoteMatcher.findAll(all.toString(), quote, 1);
        if (!found.isEmpty()) {
          anchors.putIfAbsent(anchorOf.apply(quote), found.get(0).start());
        }
      }
    }
    for (int i = texts.size() - 1; i >= 0; i--) {
      TextNode node = texts.get(i);
      int start = starts.get(i);
      int end = start + node.getWholeText().length();
      for (int r = ranges.size() - 1; r >= 0; r--) {
        Range range = ranges.get(r);
        int from = Math.max(range.start(), start);
        int to = Math.min(range.end(), end);
        if (from < to) {
          wrap(node, from - start, to - start);
        }
      }
    }
    anchors.forEach((id, at) -> anchor(doc, id, at));
    return doc.body().html();
  }

  /** Puts an empty span with the id before the character at offset {@code at} of the text. */
  private static void anchor(Document doc, String id, int at) {
    List<TextNode> texts = new ArrayList<>();
    NodeTraversor.traverse((node, depth) -> {
      if (node instanceof TextNode t) {
        texts.add(t);
      }
    }, doc.body());
    int start = 0;
    for (TextNode t : texts) {
      int length = t.getWholeText().length();
      if (at < start + length) {
        TextNode rest = at > start ? t.splitText(at - start) : t;
        rest.before(new Element("span").addClass("quote-anchor").attr("id", id));
        return;
      }
      start += length;
    }
  }

  /** Wraps characters [from, to) of a text node in a mark, splitting it as needed. */
  private static void wrap(TextNode node, int from, int to) {
    TextNode target = node;
    if (to < target.getWholeText().length()) {
      target.splitText(to);
    }
    if (from > 0) {
      target = target.splitText(from);
    }
    Element mark = new Element("mark");
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
