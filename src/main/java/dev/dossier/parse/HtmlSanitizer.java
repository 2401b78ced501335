package dev.dossier.parse;

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

  private HtmlSanitizer() {}

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
    org.jsoup.nodes.Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings(OUTPUT);
    return clean;
  }

  /** The same, for an element already parsed. */
  public static String clean(Element element) {
    return clean(element.html());
  }
}
