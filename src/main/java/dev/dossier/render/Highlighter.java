package dev.dossier.render;

import dev.dossier.cite.QuoteMatcher;
import dev.dossier.cite.QuoteMatcher.Range;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
    return doc.body().html();
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
