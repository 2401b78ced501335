package dev.dossier.cite;

import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.InlineLinkNode;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.dossier.model.Prose;
import dev.dossier.parse.HtmlSanitizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to safe HTML with citation markers. One parser and one renderer, built once and
 * shared: Flexmark's are immutable and thread-safe.
 */
public final class MarkdownProcessor {

  /**
   * Markdown rendered once: HTML with markers, and the references the markers stand for.
   *
   * @param handles an @ and a key-like word in the text ("@cnn-2022-02-14"), or a bracket and
   *     them ("[@cnn-2022-02-14") where no citation was read
   */
  public record Rendered(String html, List<CitationRef> refs, List<Bracketed> bracketed, List<Bracketed> handles) {
    public Rendered {
      refs = List.copyOf(refs);
      bracketed = List.copyOf(bracketed);
      handles = List.copyOf(handles);
    }
  }

  /**
   * An @ and a word that could be a key, in the text outside brackets, code and citations ("as
   * @cnn-2022-02-14 reported"): at a word's start, and not part of an address ("x@cnn.com",
   * "@cnn@mastodon.social", "?u=@cnn").
   */
  private static final java.util.regex.Pattern HANDLE =
      java.util.regex.Pattern.compile("(?<=^|[\\s(“\"'‘—–\\[])@" + CitationSyntax.KEY.pattern() + "(?![\\w@-]|\\.\\w)");

  /**
   * Words in brackets that are neither a link nor a citation ("[see @cnn ¶3]", "[sic]"): a
   * reference link with no reference, which is published as the text it is.
   *
   * @param offset where the opening bracket is in the Markdown
   * @param text the brackets and what they hold, as written
   */
  public record Bracketed(int offset, String text) {}

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final MutableDataSet options;
  /**
   * Rendering a document block by block with one render call each sets up every node renderer
   * again per block; this renderer does the whole document in one call and marks where each
   * top-level block ends. Built when first needed: building it takes about 40 ms of a cold
   * start, which a dossier of text and HTML documents need not pay.
   */
  private final Lazily<HtmlRenderer> blockRenderer = new Lazily<>(() -> HtmlRenderer.builder(variant(true, true, new BlockBoundaries())).build());
  /**
   * The index's prose is read without footnotes: a text of the index (an event's, a summary)
   * shares its page with others, so it has no end of its own to put notes at, and a note would
   * be dropped with its words and citations. "[^1]" stays the text it is.
   */
  private final Lazily<Parser> proseParser = new Lazily<>(() -> Parser.builder(variant(false, true)).build());
  /**
   * The same Markdown without tables, for a text with no "|": every line of a table holds one,
   * so the tree is the same. Flexmark makes its table pre-processor for each document it parses,
   * and compiles a regular expression to do so (about 1 % of a 10,000-article build); a
   * document that cannot hold a table is spared it.
   */
  private final Lazily<Parser> tablelessParser = new Lazily<>(() -> Parser.builder(variant(true, false)).build());

  /** Written between top-level blocks by {@link #blockRenderer}; a private-use character. */
  private static final String BLOCK_END = "\uE002";

  public MarkdownProcessor() {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, extensions(true, true));
    // Raw HTML in Markdown is shown as text, never passed through: the index and documents
    // may come from anyone.
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.SOFT_BREAK, " ");
    options.set(TablesExtension.CLASS_NAME, "table");
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
    this.options = options;
  }

  /** The Markdown every text of the dossier is read as: with footnotes or without, tables or without, and any more given. */
  private static List<com.vladsch.flexmark.util.misc.Extension> extensions(boolean footnotes, boolean tables, com.vladsch.flexmark.util.misc.Extension... more) {
    List<com.vladsch.flexmark.util.misc.Extension> extensions = new ArrayList<>(List.of(CitationExtension.create()));
    if (tables) {
      extensions.add(TablesExtension.create());
    }
    if (footnotes) {
      extensions.add(FootnoteExtension.create());
    }
    extensions.addAll(List.of(StrikethroughExtension.create(), new ImagesAsWords()));
    extensions.addAll(List.of(more));
    return List.copyOf(extensions);
  }

  /** This processor's options with other extensions. */
  private MutableDataSet variant(boolean footnotes, boolean tables, com.vladsch.flexmark.util.misc.Extension... more) {
    MutableDataSet variant = new MutableDataSet(options);
    variant.set(Parser.EXTENSIONS, extensions(footnotes, tables, more));
    return variant;
  }

  /** A value made on first use, once, whichever thread asks first. */
  private static final class Lazily<T> implements java.util.function.Supplier<T> {
    private final java.util.function.Supplier<T> make;
    private volatile T value;

    Lazily(java.util.function.Supplier<T> make) {
      this.make = make;
    }

    @Override
    public T get() {
      T made = value;
      if (made == null) {
        synchronized (this) {
          made = value;
          if (made == null) {
            made = make.get();
            value = made;
          }
        }
      }
      return made;
    }
  }

  /** Parses Markdown, numbering its citations in reading order. */
  public Document parse(String markdown) {
    return parse(markdown, markdown.indexOf('|') < 0 ? tablelessParser.get() : parser);
  }

  private Document parse(String markdown, Parser parser) {
    Document document = parser.parse(markdown);
    List<InLink> inLinks = new ArrayList<>();
    number(document, null, null, new int[] {0}, inLinks);
    moveOutOfLinks(inLinks);
    return document;
  }

  /** A citation found inside a link's text, with the parents the tree gives them. */
  private record InLink(CitationNode citation, Node parent, Node link, Node linkParent) {}

  /**
   * Numbers the citations under {@code node} in reading order, noting those inside a link. The
   * tree is walked down through its children, not up through parents: when Flexmark gives up a
   * link (a link or footnote reference inside it), it puts the link's children back in the
   * paragraph but leaves them pointing at the link as their parent.
   */
  private static void number(Node node, Node link, Node linkParent, int[] next, List<InLink> inLinks) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof CitationNode citation) {
        citation.firstIndex(next[0]);
        next[0] += citation.refs().size();
        if (link != null) {
          inLinks.add(new InLink(citation, node, link, linkParent));
        }
      }
      boolean opens = link == null && isLink(child);
      number(child, opens ? child : link, opens ? node : linkParent, next, inLinks);
    }
  }

  /**
   * A link or an image: an undefined reference link is shown as the text it is, with its
   * citations in it; an undefined image reference is shown as its raw Markdown, which would
   * lose its citations' markers.
   */
  private static boolean isLink(Node node) {
    return node instanceof InlineLinkNode || node instanceof RefNode ref && (ref.isDefined() || ref instanceof ImageRef);
  }

  /**
   * A citation written inside a link's text ({@code [the order [@a ¶1]](url)}) would put its
   * link to the source inside the other link, which HTML does not allow: browsers end the first
   * link where the second starts. Each such citation goes right after the link instead, in the
   * order written, so the reading order of citations (and their numbers) stays the same; the
   * link's words stay as they are (but for the space that was before the citation), and a link
   * left with no words shows its address.
   */
  private static void moveOutOfLinks(List<InLink> inLinks) {
    java.util.Map<Node, Node> lastMoved = new java.util.HashMap<>();
    for (InLink in : inLinks) {
      if (in.citation().getParent() != in.parent() || in.link().getParent() != in.linkParent()) {
        // A parent Flexmark left behind: moving would use it. Never seen inside a real link.
        continue;
      }
      Node after = lastMoved.getOrDefault(in.link(), in.link());
      in.citation().unlink();
      after.insertAfter(in.citation());
      lastMoved.put(in.link(), in.citation());
    }
    for (Node link : lastMoved.keySet()) {
      if (link instanceof Link inline && wordless(inline)) {
        inline.appendChild(new Text(inline.getUrl()));
      } else if (link.getLastChild() instanceof Text last && last.getChars().endsWith(" ")) {
        // "[the order [@a ¶1]](url)": the space was before the citation, not part of the link.
        last.setChars(last.getChars().trimEnd());
      }
    }
  }

  private static boolean wordless(Node link) {
    for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
      if (!(child instanceof Text) || !child.getChars().isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Renders a whole Markdown text of the index. */
  public Rendered render(String markdown) {
    Document document = parse(markdown, proseParser.get());
    List<Bracketed> bracketed = new ArrayList<>();
    List<Bracketed> handles = new ArrayList<>();
    NodeVisitor visitor = new NodeVisitor();
    visitor.addHandler(new VisitHandler<>(LinkRef.class, link -> {
      if (!link.isDefined()) {
        bracketed.add(new Bracketed(link.getStartOffset(), link.getChars().toString()));
      } else {
        visitor.visitChildren(link);
      }
    }));
    // Code is shown as written, and a link's words or an image's description name whom they
    // like: an @ in them is no slip of a citation.
    visitor.addHandler(new VisitHandler<>(com.vladsch.flexmark.ast.Code.class, code -> {}));
    visitor.addHandler(new VisitHandler<>(Link.class, link -> {}));
    visitor.addHandler(new VisitHandler<>(ImageRef.class, image -> {}));
    visitor.addHandler(new VisitHandler<>(com.vladsch.flexmark.ast.Image.class, image -> {}));
    visitor.addHandler(new VisitHandler<>(com.vladsch.flexmark.ast.FencedCodeBlock.class, code -> {}));
    visitor.addHandler(new VisitHandler<>(com.vladsch.flexmark.ast.IndentedCodeBlock.class, code -> {}));
    visitor.addHandler(new VisitHandler<>(Text.class, text -> {
      java.util.regex.Matcher m = HANDLE.matcher(text.getChars());
      while (m.find()) {
        int at = text.getStartOffset() + m.start();
        char before = at == 0 ? ' ' : markdown.charAt(at - 1);
        if (before == '[') {
          // "[@key reported that…" left as text: the citation syntax did not read it, as it
          // cannot tell a forgotten ] from a handle's brackets; the caller knows the keys.
          if (at < 2 || markdown.charAt(at - 2) != '\\') {
            handles.add(new Bracketed(at - 1, "[" + m.group()));
          }
        } else if (!insideBrackets(markdown, at) && before != '\\') {
          // "\\@key" is an @ the curator escaped: text, meant as such.
          handles.add(new Bracketed(at, m.group()));
        }
      }
    }));
    visitor.visit(document);
    return new Rendered(renderNode(document), refs(document), bracketed, handles);
  }

  /** Whether an opening bracket comes after the last closing one on the line before {@code at}: "\\[see @key\\]". */
  private static boolean insideBrackets(String markdown, int at) {
    for (int i = at - 1; i >= 0 && markdown.charAt(i) != '\n'; i--) {
      if (markdown.charAt(i) == ']') {
        return false;
      }
      if (markdown.charAt(i) == '[') {
        return true;
      }
    }
    return false;
  }

  /** Renders one node of a parsed document (a top-level block of a Markdown source). */
  public String renderNode(Node node) {
    return HtmlSanitizer.clean(renderer.render(node)).strip();
  }

  /** One top-level block of a document: its safe HTML, and its words as a reader sees them. */
  public record RenderedBlock(String html, String text) {}

  /**
   * The safe HTML of each top-level block of a parsed document, in order (what
   * {@link #renderNode} gives for each child, in one render call), with the block's reader
   * text: what Jsoup's {@code text()} gives for that HTML with its citation markers removed
   * (table cells and list items apart, whitespace collapsed).
   */
  public List<RenderedBlock> renderBlocks(Document document) {
    return DirectBlocks.render(document).orElseGet(() -> renderBlocksCleaned(document));
  }

  /**
   * What {@link #renderBlocks} gives, always by the full path: Flexmark's renderer, then the
   * sanitiser. {@link DirectBlocks} writes the same bytes for plain documents without either.
   */
  List<RenderedBlock> renderBlocksCleaned(Document document) {
    org.jsoup.nodes.Document clean = HtmlSanitizer.cleanTree(blockRenderer.get().render(document));
    String html = clean.body().html();
    String[] parts = html.split(BLOCK_END, -1);
    int count = parts.length - 1;
    // The text comes from the tree the HTML was serialised from: parsing each block's HTML
    // again to read its text cost as much as the sanitising itself.
    List<String> texts = readerTexts(clean.body(), count);
    List<RenderedBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String part = parts[i].strip();
      blocks.add(new RenderedBlock(part, texts == null ? readerText(part) : texts.get(i)));
    }
    return blocks;
  }

  /** The words of a block's HTML as a reader sees them, citation markers left out. */
  public static String readerText(String html) {
    return org.jsoup.Jsoup.parseBodyFragment(Prose.MARKER.matcher(html).replaceAll("")).text();
  }

  /**
   * The reader text of each block, read from the cleaned tree (which this takes apart): the
   * body's children between two {@link #BLOCK_END} marks are one block. Null when a mark is
   * not where one is expected (not a child of the body, or not {@code count} of them); the
   * caller then reads each block's HTML on its own.
   */
  private static List<String> readerTexts(org.jsoup.nodes.Element body, int count) {
    List<String> texts = new ArrayList<>(count);
    List<org.jsoup.nodes.Node> group = new ArrayList<>();
    for (org.jsoup.nodes.Node child : new ArrayList<>(body.childNodes())) {
      if (child instanceof org.jsoup.nodes.TextNode t && t.getWholeText().contains(BLOCK_END)) {
        String[] pieces = t.getWholeText().split(BLOCK_END, -1);
        for (int i = 0; i < pieces.length; i++) {
          if (!pieces[i].isEmpty()) {
            group.add(new org.jsoup.nodes.TextNode(pieces[i]));
          }
          if (i < pieces.length - 1) {
            texts.add(groupText(group));
            group.clear();
          }
        }
      } else {
        group.add(child);
      }
    }
    return texts.size() == count ? texts : null;
  }

  /** What {@link #readerText} gives for the HTML of these nodes, stripped as the block's HTML is. */
  private static String groupText(List<org.jsoup.nodes.Node> group) {
    org.jsoup.nodes.Element wrapper = new org.jsoup.nodes.Element("div");
    for (int i = 0; i < group.size(); i++) {
      org.jsoup.nodes.Node node = group.get(i);
      if (node instanceof org.jsoup.nodes.TextNode t && (i == 0 || i == group.size() - 1)) {
        String text = t.getWholeText();
        text = i == 0 ? text.stripLeading() : text;
        text = i == group.size() - 1 ? text.stripTrailing() : text;
        if (text.isEmpty()) {
          continue;
        }
        node = new org.jsoup.nodes.TextNode(text);
      }
      wrapper.appendChild(node);
    }
    wrapper.traverse((node, depth) -> {
      if (node instanceof org.jsoup.nodes.TextNode t && t.getWholeText().indexOf('\uE000') >= 0) {
        t.text(Prose.MARKER.matcher(t.getWholeText()).replaceAll(""));
      }
    });
    return wrapper.text();
  }

  /**
   * An image is shown as its description: the site copies no image and shows none from
   * elsewhere (a dossier read offline has no network), and the description is the writer's
   * words, which would otherwise vanish with the image ("Before ![the gate](gate.jpg) after"
   * would read "Before  after") and could not be quoted.
   */
  private static final class ImagesAsWords implements HtmlRenderer.HtmlRendererExtension {
    @Override
    public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      builder.nodeRendererFactory(options -> () -> java.util.Set.of(
          new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(com.vladsch.flexmark.ast.Image.class,
              (node, context, html) -> context.renderChildren(node)),
          // "![words]" with no reference defined is no image: shown as written, as before.
          new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(ImageRef.class, (node, context, html) -> {
            if (node.isDefined()) {
              context.renderChildren(node);
            } else {
              context.delegateRender();
            }
          })));
    }
  }

  /** Renders a document's top-level blocks one after another, each followed by {@link #BLOCK_END}. */
  private static final class BlockBoundaries implements HtmlRenderer.HtmlRendererExtension {
    @Override
    public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {}

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
      builder.nodeRendererFactory(options -> () -> java.util.Set.of(
          new com.vladsch.flexmark.html.renderer.NodeRenderingHandler<>(Document.class, (node, context, html) -> {
            for (Node child : node.getChildren()) {
              context.render(child);
              html.raw(BLOCK_END);
            }
          })));
    }
  }

  /** The references of a parsed document or node, in reading order. */
  public static List<CitationRef> refs(Node root) {
    List<CitationRef> refs = new ArrayList<>();
    new NodeVisitor(new VisitHandler<>(CitationNode.class, node -> refs.addAll(node.refs()))).visit(root);
    return refs;
  }
}
