package dev.dossier.parse;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document.OutputSettings;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The one gate every piece of HTML passes before it reaches a page: inline text markup and
 * links to the web survive; scripts, event handlers, {@code javascript:} URLs, frames, objects,
 * images, styles and anything else that could run or load from elsewhere do not.
 *
 * <p>{@code <mark>} does not survive either (its words do, as plain text): on a dossier's pages
 * it means "words a citation quotes", and a saved page's own highlighting would look cited.
 */
public final class HtmlSanitizer {

  private static final Safelist SAFELIST =
      new Safelist()
          .addTags(
              "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "cite", "code", "dd", "del", "dfn",
              "div", "dl", "dt", "em", "figcaption", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins",
              "kbd", "li", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub",
              "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
              "wbr", "sup", "section")
          // Hebrew or Arabic text reads in the wrong order without it; see keepValidDirections.
          .addAttributes(":all", "dir")
          .addAttributes("a", "href", "title")
          .addAttributes("abbr", "title")
          .addAttributes("time", "datetime")
          .addAttributes("td", "colspan", "rowspan", "align")
          .addAttributes("th", "colspan", "rowspan", "align", "scope")
          .addAttributes("ol", "start")
          .addAttributes("q", "cite")
          .addAttributes("blockquote", "cite")
          .addProtocols("a", "href", "http", "https", "mailto", "#")
          .addProtocols("q", "cite", "http", "https")
          .addProtocols("blockquote", "cite", "http", "https")
          .addEnforcedAttribute("a", "rel", "noopener noreferrer");

  private static final OutputSettings OUTPUT =
      new OutputSettings().prettyPrint(false).charset("UTF-8").escapeMode(org.jsoup.nodes.Entities.EscapeMode.base);

  /** The values {@code dir} may have; with any other a browser ignores it, and it is not valid HTML. */
  private static final Set<String> DIRECTIONS = Set.of("ltr", "rtl", "auto");

  private HtmlSanitizer() {}

  /** The direction an element's own {@code dir} gives its text, lower-cased; empty for none or a wrong one. */
  static Optional<String> direction(Element e) {
    String dir = e.attr("dir").strip().toLowerCase(Locale.ROOT);
    return DIRECTIONS.contains(dir) ? Optional.of(dir) : Optional.empty();
  }

  /** A body fragment with everything unsafe removed, serialised compactly and stably. */
  public static String clean(String fragment) {
    return cleanTree(fragment).body().html();
  }

  /**
   * The same, as the cleaned tree, for a caller that needs more from the fragment than its
   * HTML (its text, say) without parsing the cleaned HTML again. {@code body().html()} gives
   * what {@link #clean(String)} gives.
   */
  public static org.jsoup.nodes.Document cleanTree(String fragment) {
    org.jsoup.nodes.Document dirty = Jsoup.parseBodyFragment(fragment);
    flattenBelow(dirty.body(), MAX_DEPTH);
    keepValidDirections(dirty);
    org.jsoup.nodes.Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings(OUTPUT);
    return clean;
  }

  /** How deep elements may nest in what the sanitizer keeps; a real article's go a few dozen deep. */
  static final int MAX_DEPTH = 100;

  /**
   * Elements nested deeper than {@code depth} below {@code root} give up their tags, not their
   * words (a link keeps its own). The cleaner copies each element with its base address, which it looks for in every
   * element above it, so a page of 50,000 nested {@code <div>}s took 7 s; none of a real
   * article's structure is that deep.
   */
  static void flattenBelow(Element root, int depth) {
    List<Element> tooDeep = new java.util.ArrayList<>();
    org.jsoup.select.NodeTraversor.traverse((node, at) -> {
      // A link keeps its tag, and so its address: links do not nest.
      if (at > depth && node instanceof Element e && !e.normalName().equals("a")) {
        tooDeep.add(e);
      }
    }, root);
    tooDeep.forEach(Element::unwrap);
  }

  /**
   * Every {@code dir} the safelist keeps is one HTML allows, written as HTML writes it; a wrong
   * one goes, as a browser ignores it. A {@code <bdo>} exists to force ltr or rtl and is not
   * valid HTML without one of them, so one that forces neither gives up its tag, not its words.
   */
  private static void keepValidDirections(org.jsoup.nodes.Document dirty) {
    for (Element e : dirty.select("[dir]")) {
      direction(e).ifPresentOrElse(dir -> e.attr("dir", dir), () -> e.removeAttr("dir"));
    }
    for (Element bdo : dirty.select("bdo")) {
      if (!bdo.attr("dir").equals("ltr") && !bdo.attr("dir").equals("rtl")) {
        bdo.unwrap();
      }
    }
  }

  /** The same, for an element already parsed. */
  public static String clean(Element element) {
    return clean(element.html());
  }
}
