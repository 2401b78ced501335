package dev.dossier.parse;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import dev.dossier.cite.CitationRef;
import dev.dossier.cite.LineIndex;
import dev.dossier.cite.LocatedRef;
import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.index.FrontMatterReader;
import dev.dossier.index.FrontMatterReader.FrontMatter;
import dev.dossier.model.Block;
import dev.dossier.model.Document;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import org.jsoup.nodes.Entities;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown documents: YAML front matter ({@code title}, {@code date} or {@code published},
 * {@code outlet}, {@code authors}, {@code url}, {@code topics}), then a CommonMark + GFM body
 * whose top-level blocks are the numbered paragraphs; headings are subheadings.
 */
public final class MarkdownDocumentParser {

  private static final Pattern FRONT_MATTER = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

  private final MarkdownProcessor markdown;
  private final FrontMatterReader frontMatter = new FrontMatterReader();

  public MarkdownDocumentParser(MarkdownProcessor markdown) {
    this.markdown = markdown;
  }

  /** A line of dashes, then a line that reads as a key ("title:"). */
  private static final Pattern FENCE_THEN_KEY = Pattern.compile("\\A(-{3,})[ \\t]*\\n[ \\t]*([A-Za-z_][A-Za-z0-9_-]*):(?:[ \\t]|\\n)");

  /**
   * Front matter meant but not read, whose lines would become the text, told when a line of
   * dashes opens the document and a front matter key ({@code title:}, {@code date:}...) follows
   * it: a {@code ---} never closed (an error: the metadata would be the first paragraph), or a
   * longer line of dashes (a warning: Markdown reads the dashes as a rule and the keys as text).
   */
  private static void fencesAmiss(String path, String text, Diagnostics diagnostics) {
    Matcher fence = FENCE_THEN_KEY.matcher(text);
    // Only front matter's own keys: "---" then "Note: ..." is a rule and a paragraph.
    if (!fence.find() || !FrontMatterReader.KEYS.contains(fence.group(2))) {
      return;
    }
    if (fence.group(1).length() == 3) {
      diagnostics.error(new Position(path, 1, 1), "the front matter that opens here is never closed, so its lines would be the document's text",
          "end it with a line of three dashes (---) before the text");
    } else {
      diagnostics.warning(new Position(path, 1, 1), "a line of " + fence.group(1).length() + " dashes does not open front matter: the lines after it are read as the text",
          "open and close the front matter with exactly three dashes (---)");
    }
  }

  public ParsedDocument parse(String path, String text, Diagnostics diagnostics) {
    FrontMatter meta = FrontMatter.NONE;
    String body = text;
    int bodyOffset = 0;
    Matcher m = FRONT_MATTER.matcher(text);
    if (m.find()) {
      meta = frontMatter.read(path, m.group(1) == null ? "" : m.group(1), 2, diagnostics);
      bodyOffset = m.end();
      body = text.substring(bodyOffset);
    } else {
      fencesAmiss(path, text, diagnostics);
    }
    com.vladsch.flexmark.util.ast.Document tree = markdown.parse(body);
    List<Block> blocks = new ArrayList<>();
    Map<String, Integer> footnotes = new HashMap<>();
    List<MarkdownProcessor.RenderedBlock> rendered = markdown.renderBlocks(tree);
    int number = 0;
    int index = -1;
    for (Node node : tree.getChildren()) {
      index++;
      if (node instanceof ThematicBreak || node instanceof HtmlCommentBlock) {
        continue;
      }
      if (node instanceof FootnoteBlock footnote) {
        // A footnote is part of the text: it becomes a numbered paragraph of its own, and the
        // references to it link to that paragraph.
        String label = footnote.getText().toString();
        String said = new TextCollectingVisitor().collectAndGetText(footnote).strip();
        StringBuilder html = new StringBuilder("<div><sup>" + Entities.escape(label) + "</sup>");
        for (Node child : footnote.getChildren()) {
          html.append(markdown.renderNode(child));
        }
        blocks.add(new Paragraph(++number, label + " " + said, html.append("</div>").toString()));
        // Flexmark links references by the footnote's ordinal, not its label.
        footnotes.put(Integer.toString(footnote.getFootnoteOrdinal()), number);
        continue;
      }
      String html = rendered.get(index).html();
      // The words as a reader sees them on the page, table cells and list items apart.
      String plain = node instanceof Heading ? new TextCollectingVisitor().collectAndGetText(node).strip() : rendered.get(index).text();
      if (Whitespace.isBlank(plain)) {
        // Nothing to read or cite (spaces, what is left of control characters), or a citation alone.
        continue;
      }
      if (node instanceof Heading heading) {
        if (heading.getLevel() == 1 && blocks.isEmpty() && meta.title().isEmpty()) {
          meta = meta.withTitle(plain);
          continue;
        }
        blocks.add(new Subheading(plain, html.replaceAll("^<h\\d[^>]*>|</h\\d>$", "")));
      } else {
        blocks.add(new Paragraph(++number, plain, html));
      }
    }
    if (blocks.isEmpty()) {
      diagnostics.error(Position.file(path), "the document has no text", "add the article's text or remove the file");
    } else if (blocks.stream().noneMatch(Paragraph.class::isInstance)) {
      // Nothing to number or cite: a citation of it could only be dropped.
      diagnostics.error(Position.file(path), "the document has headings but no text under them", "add the article's text or remove the file");
    }
    if (!footnotes.isEmpty()) {
      blocks = linkFootnotes(blocks, footnotes);
    }
    LineIndex lines = new LineIndex(text);
    List<LocatedRef> refs = new ArrayList<>();
    for (CitationRef ref : MarkdownProcessor.refs(tree)) {
      refs.add(new LocatedRef(ref, lines.position(path, bodyOffset + ref.offset(), 1)));
    }
    Document document =
        new Document(
            path, "md", blocks, meta.title(), meta.outlet(), meta.authors(), meta.published(), Optional.empty(),
            meta.url(), Optional.empty(), meta.topics());
    return new ParsedDocument(document, refs, meta.topicsAt());
  }

  /** Flexmark links a footnote reference to "#fn-LABEL"; on the source page it is "#pN". */
  private static List<Block> linkFootnotes(List<Block> blocks, Map<String, Integer> footnotes) {
    List<Block> linked = new ArrayList<>();
    for (Block block : blocks) {
      if (block instanceof Paragraph p && p.html().contains("href=\"#fn-")) {
        String html = p.html();
        for (Map.Entry<String, Integer> f : footnotes.entrySet()) {
          html = html.replace("href=\"#fn-" + f.getKey() + "\"", "href=\"#p" + f.getValue() + "\"");
        }
        linked.add(new Paragraph(p.number(), p.text(), html));
      } else {
        linked.add(block);
      }
    }
    return linked;
  }
}
