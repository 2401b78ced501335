package dev.dossier.cite;

import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.dossier.model.Prose;
import java.util.List;
import java.util.Set;

/**
 * Flexmark extension for citations. Parsing turns {@code [@...]} into a {@link CitationNode}
 * (before link parsing sees the bracket); rendering writes one {@link Prose#marker} per reference,
 * which each page later replaces with its own numbered link.
 */
public final class CitationExtension implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

  private CitationExtension() {}

  public static CitationExtension create() {
    return new CitationExtension();
  }

  @Override
  public void parserOptions(MutableDataHolder options) {}

  @Override
  public void extend(Parser.Builder builder) {
    builder.customInlineParserExtensionFactory(new Factory());
  }

  @Override
  public void rendererOptions(MutableDataHolder options) {}

  @Override
  public void extend(HtmlRenderer.Builder builder, String rendererType) {
    builder.nodeRendererFactory(options -> new Renderer());
  }

  private static final class Factory implements InlineParserExtensionFactory {
    @Override
    public CharSequence getCharacters() {
      return "[";
    }

    @Override
    public InlineParserExtension apply(LightInlineParser inlineParser) {
      return new Inline();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
      return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
      return null;
    }

    @Override
    public boolean affectsGlobalScope() {
      return false;
    }
  }

  private static final class Inline implements InlineParserExtension {
    @Override
    public void finalizeDocument(InlineParser inlineParser) {}

    @Override
    public void finalizeBlock(InlineParser inlineParser) {}

    @Override
    public boolean parse(LightInlineParser parser) {
      BasedSequence input = parser.getInput();
      int index = parser.getIndex();
      if (index + 1 >= input.length() || input.charAt(index + 1) != '@') {
        return false;
      }
      int length = CitationSyntax.extent(input, index);
      if (length < 0) {
        return false;
      }
      BasedSequence chars = input.subSequence(index, index + length);
      // A citation left open ends where the next one starts, without a bracket of its own.
      boolean closed = CitationSyntax.isClosed(chars);
      String inner = chars.subSequence(1, closed ? length - 1 : length).toString();
      int innerOffset = chars.getStartOffset() + 1;
      List<CitationRef> refs = CitationSyntax.parse(inner, innerOffset);
      parser.flushTextNode();
      dropSpaceBefore(parser.getBlock());
      parser.getBlock().appendChild(new CitationNode(chars, closed ? refs : CitationSyntax.unclosed(refs, chars.toString())));
      parser.setIndex(index + length);
      return true;
    }

    /**
     * Drops the spaces and line break (soft or hard) a citation follows ("closed [@a]." reads "closed[1]."):
     * the reference sits against its word as a footnote mark does, and the paragraph's text,
     * which has no reference, reads "closed." rather than "closed .".
     */
    private static void dropSpaceBefore(Node block) {
      Node last = block.getLastChild();
      while (last instanceof SoftLineBreak || last instanceof HardLineBreak || last instanceof Text t && t.getChars().isBlank()) {
        Node before = last.getPrevious();
        last.unlink();
        last = before;
      }
      if (last instanceof Text t) {
        t.setChars(t.getChars().trimEnd());
      }
    }
  }

  private static final class Renderer implements NodeRenderer {
    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
      return Set.of(
          new NodeRenderingHandler<>(
              CitationNode.class,
              (node, context, html) -> {
                for (int i = 0; i < node.refs().size(); i++) {
                  html.raw(Prose.marker(node.firstIndex() + i));
                }
              }));
    }
  }
}
