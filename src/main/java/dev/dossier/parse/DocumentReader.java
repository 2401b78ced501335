package dev.dossier.parse;

import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.diag.Diagnostics;
import java.util.List;
import java.util.Optional;

/** Reads one document with the parser its extension calls for: the one dispatch the build, init and add share. */
public final class DocumentReader {

  private final TextDocumentParser text = new TextDocumentParser();
  private final MarkdownDocumentParser markdown;
  private final HtmlDocumentParser html = new HtmlDocumentParser();

  public DocumentReader() {
    this(new MarkdownProcessor());
  }

  /** @param markdown the Markdown processor to share with the rest of a build */
  public DocumentReader(MarkdownProcessor markdown) {
    this.markdown = new MarkdownDocumentParser(markdown);
  }

  /**
   * @param path the document's name, as diagnostics should show it
   * @param content its text, with {@code \n} line endings
   * @return the document and the citations its text makes (a Markdown document may cite); empty
   *     for an extension no parser reads
   */
  public Optional<ParsedDocument> parse(String path, String content, Diagnostics diagnostics) {
    return parse(path, format(path), content, diagnostics);
  }

  /**
   * @param format "txt", "md" or "html", whatever the path's extension (a web address may have none)
   */
  public Optional<ParsedDocument> parse(String path, String format, String content, Diagnostics diagnostics) {
    return switch (format) {
      case "txt" -> Optional.of(new ParsedDocument(text.parse(path, content, diagnostics), List.of()));
      case "md" -> Optional.of(markdown.parse(path, content, diagnostics));
      case "html" -> Optional.of(new ParsedDocument(html.parse(path, content, diagnostics), List.of()));
      default -> Optional.empty();
    };
  }

  /** "txt", "md" or "html" for the extensions a dossier reads; "" for any other. */
  public static String format(String name) {
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    return switch (extension) {
      case "txt" -> "txt";
      case "md", "markdown" -> "md";
      case "html", "htm" -> "html";
      default -> "";
    };
  }
}
