package dev.dossier.cite;

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
import dev.dossier.parse.HtmlSanitizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to safe HTML with citation markers. One parser and one renderer, built once and
 * shared: Flexmark's are immutable and thread-safe.
 */
public final class MarkdownProcessor {

  /** Markdown rendered once: HTML with markers, and the references the markers stand for. */
  public record Rendered(String html, List<CitationRef> refs) {
    public Rendered {
      refs = List.copyOf(refs);
    }
  }

  private final Parser parser;
  private final HtmlRenderer renderer;
  private final HtmlRenderer blockRenderer;

  /** Written between top-level blocks by {@link #blockRenderer}; a private-use character. */
  private static final String BLOCK_END = "\uE002";

  public MarkdownProcessor() {
    MutableDataSet options = new MutableDataSet();
    options.set(
        Parser.EXTENSIONS,
        List.of(
            CitationExtension.create(),
            TablesExtension.create(),
            FootnoteExtension.create(),
            StrikethroughExtension.create()));
    // Raw HTML in Markdown is shown as text, never passed through: the index and documents
    // may come from anyone.
    options.set(HtmlRenderer.ESCAPE_HTML, true);
    options.set(HtmlRenderer.SOFT_BREAK, " ");
    options.set(TablesExtension.CLASS_NAME, "table");
    this.parser = Parser.builder(options).build();
    this.renderer = HtmlRenderer.builder(options).build();
    // Rendering a document block by block with one render call each sets up every node
    // renderer again per block; this renderer does the whole document in one call and marks
    // where each top-level block ends.
    MutableDataSet blocks = new MutableDataSet(options);
    blocks.set(Parser.EXTENSIONS, List.of(CitationExtension.create(), TablesExtension.create(), FootnoteExtension.create(),
        StrikethroughExtension.create(), new BlockBoundaries()));
    this.blockRenderer = HtmlRenderer.builder(blocks).build();
  }

  /** Parses Markdown, numbering its citations in reading order. */
  public Document parse(String markdown) {
    Document document = parser.parse(markdown);
    int[] next = {0};
    new NodeVisitor(
            new VisitHandler<>(
                CitationNode.class,
                node -> {
                  node.firstIndex(next[0]);
                  next[0] += node.refs().size();
                }))
        .visit(document);
    return document;
  }

  /** Renders a whole Markdown text. */
  public Rendered render(String markdown) {
    Document document = parse(markdown);
    return new Rendered(renderNode(document), refs(document));
  }

  /** Renders one node of a parsed document (a top-level block of a Markdown source). */
  public String renderNode(Node node) {
    return HtmlSanitizer.clean(renderer.render(node)).strip();
  }

  /**
   * The safe HTML of each top-level block of a parsed document, in order: what
   * {@link #renderNode} gives for each child, in one render call.
   */
  public List<String> renderBlocks(Document document) {
    String html = HtmlSanitizer.clean(blockRenderer.render(document));
    String[] parts = html.split(BLOCK_END, -1);
    List<String> blocks = new ArrayList<>();
    for (int i = 0; i < parts.length - 1; i++) {
      blocks.add(parts[i].strip());
    }
    return blocks;
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
