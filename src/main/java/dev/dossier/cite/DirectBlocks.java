package dev.dossier.cite;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import dev.dossier.cite.MarkdownProcessor.RenderedBlock;
import dev.dossier.model.Prose;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTML and reader text of a plain Markdown document's top-level blocks, written straight
 * from Flexmark's tree: byte for byte what {@link MarkdownProcessor#renderBlocks} gives by
 * rendering with Flexmark, parsing the result with Jsoup, cleaning it and serialising it again,
 * at a fraction of the cost. "Plain" is what news articles are made of: paragraphs and
 * headings of text, emphasis, code spans, line breaks, citations and links to the web. A
 * document with anything else (lists, quotes, tables, footnotes, images, raw HTML, control
 * characters, links that are not plain web addresses) is left to the full path, which
 * stays the one gate for everything this class does not know to be safe.
 */
final class DirectBlocks {

  /**
   * A link this renders itself: a lower-case http, https or mailto address that starts with a
   * host or a name, in printable ASCII. The sanitiser runs every address through
   * {@code java.net.URL}, which rewrites some (an upper-case scheme, {@code http:///path}); these
   * it gives back as they are.
   */
  private static final Pattern PLAIN_URL = Pattern.compile("(?:https?://|mailto:)[A-Za-z0-9][A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]*");

  /** An address with something like an entity in it, which the sanitiser would decode a second time. */
  private static final Pattern ENTITY_LIKE = Pattern.compile("&#?[A-Za-z0-9]+;");

  private final StringBuilder html = new StringBuilder(4096);
  private final StringBuilder text = new StringBuilder(4096);

  private DirectBlocks() {}

  /** Each top-level block's HTML and reader text, or empty when the document is not plain. */
  static Optional<List<RenderedBlock>> render(Document document) {
    List<RenderedBlock> blocks = new ArrayList<>();
    DirectBlocks out = new DirectBlocks();
    for (Node block : document.getChildren()) {
      out.html.setLength(0);
      out.text.setLength(0);
      // Flexmark's writer drops the spaces that follow a line break it wrote; rather than
      // follow it there, such a block goes the full way.
      if (!out.block(block) || out.html.indexOf("\n ") >= 0 || out.html.indexOf("\n\t") >= 0) {
        return Optional.empty();
      }
      blocks.add(new RenderedBlock(out.html.toString().strip(), normalised(out.text.toString())));
    }
    return Optional.of(blocks);
  }

  private boolean block(Node block) {
    if (block instanceof Paragraph) {
      html.append("<p>");
      boolean plain = inlines(block);
      html.append("</p>");
      return plain;
    }
    if (block instanceof Heading heading) {
      // The cleaner drops h1 (a page has one title) and keeps its words.
      int level = heading.getLevel();
      if (level > 1) {
        html.append("<h").append(level).append('>');
      }
      boolean plain = inlines(block);
      if (level > 1) {
        html.append("</h").append(level).append('>');
      }
      return plain;
    }
    // Rendered as <hr>, which no caller keeps as a block of the text.
    if (block instanceof ThematicBreak) {
      html.append("<hr>");
      return true;
    }
    return false;
  }

  private boolean inlines(Node parent) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (!inline(node)) {
        return false;
      }
    }
    return true;
  }

  private boolean inline(Node node) {
    if (node instanceof Text) {
      // Unescaping looks for backslashes and entities with a regular expression: most text has
      // neither. Looked for in the String: Flexmark's indexOfAny calls a predicate for each
      // character, which in one profile the JIT left uninlined (bench/HISTORY.md).
      BasedSequence chars = node.getChars();
      String plain = plain(chars);
      return words(plain.indexOf('\\') < 0 && plain.indexOf('&') < 0 ? plain : chars.unescape());
    }
    if (node instanceof HtmlEntity) {
      return words(Escaping.unescapeHtml(node.getChars()));
    }
    if (node instanceof TextBase) {
      return inlines(node);
    }
    if (node instanceof SoftLineBreak) {
      html.append(' ');
      text.append(' ');
      return true;
    }
    if (node instanceof HardLineBreak) {
      html.append("<br>\n");
      text.append(' ');
      return true;
    }
    if (node instanceof Emphasis) {
      return wrapped("em", node);
    }
    if (node instanceof StrongEmphasis) {
      return wrapped("strong", node);
    }
    if (node instanceof Code code) {
      String content = code.getText().toString();
      if (!asciiSpaced(content)) {
        return false;
      }
      html.append("<code>");
      boolean plain = words(trimmed(collapsed(content)));
      html.append("</code>");
      return plain;
    }
    if (node instanceof CitationNode citation) {
      for (int i = 0; i < citation.refs().size(); i++) {
        html.append(Prose.marker(citation.firstIndex() + i));
      }
      return true;
    }
    if (node instanceof Link link) {
      String url = link.getUrl().unescape();
      if (!PLAIN_URL.matcher(url).matches() || ENTITY_LIKE.matcher(url).find() || !link.getTitle().isEmpty()) {
        return false;
      }
      html.append("<a href=\"").append(url.replace("&", "&amp;")).append("\" rel=\"noopener noreferrer\">");
      boolean plain = inlines(node);
      html.append("</a>");
      return plain;
    }
    return false;
  }

  /** The characters as a String: cut from the parsed text when it is one, as Flexmark's toString goes a character at a time. */
  private static String plain(BasedSequence chars) {
    Object base = chars.getBase();
    return base instanceof String text ? text.substring(chars.getStartOffset(), chars.getEndOffset()) : chars.toString();
  }

  private boolean wrapped(String tag, Node node) {
    html.append('<').append(tag).append('>');
    boolean plain = inlines(node);
    html.append("</").append(tag).append('>');
    return plain;
  }

  /** Appends text, escaped as the cleaner serialises it; false for a character it would encode. */
  private boolean words(String words) {
    int from = 0;
    for (int i = 0, n = words.length(); i < n; i++) {
      char c = words.charAt(i);
      if (c >= ' ' && c < 0x7F && c != '&' && c != '<' && c != '>' || c == '\n' || c == '\t') {
        continue;
      }
      String escaped = Prose.escaped(c);
      if (escaped == null) {
        if (c < 0xA0 || (c >= '\uE000' && c <= '\uE002') || c == '\uFFFD' || Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT
            || Character.getType(c) == Character.UNASSIGNED || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          return false;
        }
        continue;
      }
      html.append(words, from, i).append(escaped);
      from = i + 1;
    }
    html.append(words, from, words.length());
    text.append(words);
    return true;
  }

  /** Whether {@link #normalised} would change nothing: single spaces between words, none at the ends. */
  private static boolean isNormal(String words) {
    int n = words.length();
    if (n > 0 && (words.charAt(0) == ' ' || words.charAt(n - 1) == ' ')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = words.charAt(i);
      if (c > ' ' && c != '\u00A0') {
        continue;
      }
      if (c != ' ' ? isSpace(c) : i > 0 && words.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /** Whether the only whitespace and control characters in a code span are space, tab and newline, all Flexmark trims. */
  private static boolean asciiSpaced(String code) {
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && (Character.isWhitespace(c) || Character.isSpaceChar(c) || c < 0xA0)) {
        return false;
      }
    }
    return true;
  }

  /** Without the spaces at either end. */
  private static String trimmed(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  /** A code span's text as Flexmark renders it, before trimming: each run of whitespace one space. */
  private static String collapsed(String code) {
    StringBuilder out = new StringBuilder(code.length());
    boolean space = false;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = true;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    if (space) {
      out.append(' ');
    }
    return out.toString();
  }

  /** What Jsoup's {@code text()} takes for whitespace: no-break spaces included. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\u00A0';
  }

  /** Jsoup's {@code text()}: runs of whitespace (no-break spaces included) one space, trimmed. */
  private static String normalised(String words) {
    if (isNormal(words)) {
      return words;
    }
    StringBuilder out = new StringBuilder(words.length());
    boolean space = false;
    for (int i = 0; i < words.length(); i++) {
      char c = words.charAt(i);
      if (isSpace(c)) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
