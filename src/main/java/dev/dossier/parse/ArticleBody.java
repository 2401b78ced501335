package dev.dossier.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Finds the element that holds the article's text. A semantic container ({@code
 * [itemprop=articleBody]}, {@code <article>}, {@code <main>}) is taken when it holds at least half
 * the text of the best-scoring element; otherwise the best-scoring element, readability-style:
 * each block of 25 or more characters of non-link text scores for its container, half for the
 * container's parent and a third for the grandparent.
 */
final class ArticleBody {

  private static final int MIN_BLOCK_TEXT = 25;
  private static final Set<String> PARAGRAPH_LIKE =
      Set.of("p", "pre", "li", "dd", "dt", "td", "th", "blockquote", "figcaption");

  private final Element root;
  private final Elements all;
  /** Non-link text of each block, counting only blocks long enough to be prose. */
  private final Map<Element, Integer> readable = new IdentityHashMap<>();
  /** Readable text of each element's whole subtree. */
  private final Map<Element, Integer> contained = new IdentityHashMap<>();
  /** The part of it in paragraphs, list items and the like, rather than headings or labels. */
  private final Map<Element, Integer> prose = new IdentityHashMap<>();

  private ArticleBody(org.jsoup.nodes.Document page, PageChrome chrome) {
    this.root = page.body();
    this.all = root.getAllElements();
    measure(chrome);
  }

  static Element find(org.jsoup.nodes.Document page, PageChrome chrome) {
    ArticleBody finder = new ArticleBody(page, chrome);
    Element best = finder.bestScored();
    int needed = (finder.contained(best) + 1) / 2;
    for (Element candidate : finder.semanticCandidates(page, chrome)) {
      if (finder.contained(candidate) > 0 && finder.contained(candidate) >= needed) {
        return candidate;
      }
    }
    return best;
  }

  private void measure(PageChrome chrome) {
    Map<Element, Element> owner = new IdentityHashMap<>();
    Map<Element, Boolean> linked = new IdentityHashMap<>();
    Map<Element, int[]> text = new IdentityHashMap<>();
    for (Element e : all) { // document order: a parent comes before its children
      boolean top = e == root;
      owner.put(e, top || !BlockReader.isInline(e) ? e : owner.get(e.parent()));
      linked.put(e, e.nameIs("a") || (!top && linked.get(e.parent())));
      if (chrome.within(e)) {
        continue;
      }
      int length = e.textNodes().stream().mapToInt(t -> t.text().strip().length()).sum();
      if (length > 0) {
        int[] counts = text.computeIfAbsent(owner.get(e), k -> new int[2]);
        counts[0] += length;
        counts[1] += linked.get(e) ? length : 0;
      }
    }
    text.forEach((block, counts) -> {
      if (counts[0] >= MIN_BLOCK_TEXT && counts[0] > counts[1]) {
        readable.put(block, counts[0] - counts[1]);
      }
    });
    for (int i = all.size() - 1; i >= 0; i--) { // children before parents
      Element e = all.get(i);
      int own = readable.getOrDefault(e, 0);
      int total = contained(e) + own;
      int paragraphs = prose(e) + (PARAGRAPH_LIKE.contains(e.normalName()) ? own : 0);
      contained.put(e, total);
      prose.put(e, paragraphs);
      if (e != root) {
        contained.merge(e.parent(), total, Integer::sum);
        prose.merge(e.parent(), paragraphs, Integer::sum);
      }
    }
  }

  private int contained(Element e) {
    return contained.getOrDefault(e, 0);
  }

  private int prose(Element e) {
    return prose.getOrDefault(e, 0);
  }

  private Element bestScored() {
    Map<Element, Double> score = new IdentityHashMap<>();
    for (Element block : all) {
      Integer length = readable.get(block);
      if (length == null) {
        continue;
      }
      Element container = PARAGRAPH_LIKE.contains(block.normalName()) && block != root ? block.parent() : block;
      for (int level = 1; level <= 3 && container != null; level++) {
        score.merge(container, (double) length / level, Double::sum);
        container = container == root ? null : container.parent();
      }
    }
    Element best = root;
    double bestScore = 0;
    for (Element e : all) {
      double s = score.getOrDefault(e, 0.0);
      if (s > bestScore) {
        best = e;
        bestScore = s;
      }
    }
    return widened(best);
  }

  /**
   * An article cut into sibling parts (text, an ad slot, more text) scores highest in one part;
   * climb while the siblings hold paragraphs worth a quarter of its text. Siblings holding only a
   * headline or a "Posted by" line do not count, so a blog post's body is not widened to them.
   */
  private Element widened(Element best) {
    Element e = best;
    while (e != root && (prose(e.parent()) - prose(e)) * 4 >= Math.max(contained(e), 1)) {
      e = e.parent();
    }
    return e;
  }

  private List<Element> semanticCandidates(org.jsoup.nodes.Document page, PageChrome chrome) {
    List<Element> candidates = new ArrayList<>();
    List<Element> bodies = visible(page.select("[itemprop=articleBody]"), chrome);
    if (!bodies.isEmpty()) {
      // Some sites cut the body into several articleBody parts around their ads.
      candidates.add(commonAncestor(bodies));
    }
    largest(visible(page.select("article"), chrome)).ifPresent(candidates::add);
    largest(visible(page.select("main, [role=main]"), chrome)).ifPresent(candidates::add);
    return candidates;
  }

  private static List<Element> visible(Elements elements, PageChrome chrome) {
    return elements.stream().filter(e -> !chrome.within(e)).toList();
  }

  private Optional<Element> largest(List<Element> elements) {
    Element largest = null;
    for (Element e : elements) {
      if (largest == null || contained(e) > contained(largest)) {
        largest = e;
      }
    }
    return Optional.ofNullable(largest);
  }

  private static Element commonAncestor(List<Element> elements) {
    Element ancestor = elements.get(0);
    for (Element e : elements) {
      while (ancestor.parent() != null && !isSelfOrAncestor(ancestor, e)) {
        ancestor = ancestor.parent();
      }
    }
    return ancestor;
  }

  private static boolean isSelfOrAncestor(Element ancestor, Element e) {
    for (Element up = e; up != null; up = up.parent()) {
      if (up == ancestor) {
        return true;
      }
    }
    return false;
  }
}
