package dev.dossier.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * Walks the article body in reading order. An element holding only inline content is one block
 * ({@code p}, {@code li}, {@code blockquote}, a cell, a {@code div} of text); one holding blocks
 * is walked into, and loose text between its blocks (split at {@code <br><br>}) is a paragraph
 * of its own. {@code h2}-{@code h6} (and any {@code h1} other than the headline) are subheadings.
 */
final class BlockReader {

  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn",
          "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "output", "q", "rp", "rt", "ruby",
          "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var",
          "wbr");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  /** Deeper than this a container is read as one block: pages nested thousands deep exist. */
  private static final int MAX_DEPTH = 200;

  private final Optional<Element> headline;
  private final Set<Element> holdsBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<ArticlePiece> pieces = new ArrayList<>();
  private final List<Node> run = new ArrayList<>();
  private final Element scratch;

  BlockReader(Optional<Element> headline) {
    this.headline = headline;
    org.jsoup.nodes.Document shell = org.jsoup.nodes.Document.createShell("");
    shell.outputSettings().prettyPrint(false);
    this.scratch = shell.body();
  }

  static boolean isInline(Element e) {
    return INLINE.contains(e.normalName());
  }

  List<ArticlePiece> read(Element body) {
    Elements all = body.getAllElements();
    for (int i = all.size() - 1; i > 0; i--) { // children before parents
      Element e = all.get(i);
      if (!isInline(e) || holdsBlocks.contains(e)) {
        holdsBlocks.add(e.parent());
      }
    }
    container(body, 0);
    return pieces;
  }

  private void container(Element e, int depth) {
    for (Node child : e.childNodes()) {
      if (child instanceof Element element && (!isInline(element) || holdsBlocks.contains(element))) {
        flush();
        block(element, depth + 1);
      } else if (child instanceof Element br && br.nameIs("br") && endsWithBreak()) {
        flush();
      } else if (child instanceof Element || child instanceof TextNode) {
        run.add(child);
      }
    }
    flush();
  }

  private void block(Element e, int depth) {
    String tag = e.normalName();
    if (HEADINGS.contains(tag)) {
      if (headline.filter(h -> h == e).isEmpty()) {
        add(e, true);
      }
    } else if (tag.equals("p") || tag.equals("pre") || !holdsBlocks.contains(e) || depth > MAX_DEPTH) {
      add(e, false);
    } else if (tag.equals("table") && isDataTable(e)) {
      // One numbered paragraph, its rows and cells kept, as a Markdown table is.
      String text = e.text();
      if (!Whitespace.isBlank(text)) {
        org.jsoup.nodes.Document clean = HtmlSanitizer.cleanTree(e.outerHtml());
        Optional<String> direction = direction(e);
        // Its HTML is the whole table, so the table itself carries a direction it inherits.
        direction.ifPresent(dir -> clean.body().child(0).attr("dir", dir));
        pieces.add(new ArticlePiece(e, false, text, clean.body().html().strip(), direction));
      }
    } else {
      container(e, depth);
    }
  }

  /**
   * A table of data, not of layout: it has header cells or every row has two cells or more,
   * and every cell holds a line of text alone. An old page laid out in a table has paragraphs
   * in its cells, or lines parted by {@code <br>}, often in one column: each stays a paragraph
   * of its own. No table is inside a table of data.
   */
  private boolean isDataTable(Element table) {
    // Its own elements only: a selector such as "table table" would also match a table of data
    // that is itself inside a layout table.
    if (table.getElementsByTag("table").size() > 1 || !table.getElementsByTag("br").isEmpty()
        || table.select("td, th").stream().anyMatch(holdsBlocks::contains)) {
      return false;
    }
    return !table.select("th").isEmpty() || table.select("tr").stream().allMatch(row -> row.select("> td, > th").size() >= 2);
  }

  /** Whether the loose text so far ends in a {@code <br>}, so a second one ends the paragraph. */
  private boolean endsWithBreak() {
    for (int i = run.size() - 1; i >= 0; i--) {
      Node node = run.get(i);
      if (node instanceof Element e && e.nameIs("br")) {
        return true;
      }
      if (!(node instanceof TextNode t) || !t.isBlank()) {
        return false;
      }
    }
    return false;
  }

  private void flush() {
    if (run.isEmpty()) {
      return;
    }
    // The loose text's direction is its container's; the wrapper is not in the page.
    Optional<String> direction =
        run.get(0).parent() instanceof Element container ? direction(container) : Optional.empty();
    Element wrapper = scratch.appendElement("div");
    run.forEach(node -> wrapper.appendChild(node.clone()));
    run.clear();
    // A paragraph does not start or end with a line break, whatever the markup did.
    while (wrapper.childNodeSize() > 0 && isBreakOrBlank(wrapper.childNode(0))) {
      wrapper.childNode(0).remove();
    }
    while (wrapper.childNodeSize() > 0 && isBreakOrBlank(wrapper.childNode(wrapper.childNodeSize() - 1))) {
      wrapper.childNode(wrapper.childNodeSize() - 1).remove();
    }
    add(wrapper, false, direction);
    // Detached only now: a detached element would serialise with pretty printing.
    wrapper.remove();
  }

  private static boolean isBreakOrBlank(Node node) {
    return (node instanceof Element e && e.nameIs("br")) || (node instanceof TextNode t && t.isBlank());
  }

  private void add(Element e, boolean heading) {
    add(e, heading, direction(e));
  }

  private void add(Element e, boolean heading, Optional<String> direction) {
    String text = e.text();
    if (!Whitespace.isBlank(text)) {
      // The source's indentation at the edges is not content; inside, HTML collapses it anyway.
      pieces.add(new ArticlePiece(e, heading, text, HtmlSanitizer.clean(e.html()).strip(), direction));
    }
  }

  /**
   * The direction of a block's text: its own {@code dir}, else the nearest ancestor's, as a
   * browser reads it. A page in Hebrew or Arabic usually says it once, on {@code <html>}, which
   * the paragraph's HTML does not keep.
   */
  private static Optional<String> direction(Element e) {
    Optional<String> nearest = Optional.empty();
    for (Element up = e; up != null; up = up.parent()) {
      Optional<String> dir = HtmlSanitizer.direction(up);
      if (dir.isEmpty()) {
        continue;
      }
      if (nearest.isEmpty()) {
        nearest = dir;
        if (up == e || !dir.get().equals("ltr")) {
          return dir;
        }
      } else if (!dir.get().equals("ltr")) {
        // An ltr inside something turned the other way: kept.
        return nearest;
      }
    }
    // Only an inherited ltr, such as an English page's <html dir="ltr">, which says what every
    // page's text does anyway: not carried onto each paragraph.
    return Optional.empty();
  }
}
