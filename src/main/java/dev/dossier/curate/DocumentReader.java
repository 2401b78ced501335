package dev.dossier.curate;

import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.diag.Diagnostics;
import dev.dossier.load.DossierFolder;
import dev.dossier.parse.HtmlDocumentParser;
import dev.dossier.parse.MarkdownDocumentParser;
import dev.dossier.parse.ParsedDocument;
import dev.dossier.parse.TextDocumentParser;
import java.util.List;
import java.util.Optional;

/** Reads one document with the parser its extension calls for, as a build would. */
final class DocumentReader {

  private final TextDocumentParser text = new TextDocumentParser();
  private final MarkdownDocumentParser markdown = new MarkdownDocumentParser(new MarkdownProcessor());
  private final HtmlDocumentParser html = new HtmlDocumentParser();

  /**
   * @param path the document's name, as diagnostics should show it
   * @param content its text, with {@code \n} line endings
   * @return the document and the citations its text makes (a Markdown document may cite); empty
   *     for an extension no parser reads
   */
  Optional<ParsedDocument> parse(String path, String content, Diagnostics diagnostics) {
    return parse(path, format(path), content, diagnostics);
  }

  /**
   * @param format "txt", "md" or "html", whatever the path's extension (a web address may have none)
   */
  Optional<ParsedDocument> parse(String path, String format, String content, Diagnostics diagnostics) {
    return switch (format) {
      case "txt" -> Optional.of(new ParsedDocument(text.parse(path, content, diagnostics), List.of()));
      case "md" -> Optional.of(markdown.parse(path, content, diagnostics));
      case "html" -> Optional.of(new ParsedDocument(html.parse(path, content, diagnostics), List.of()));
      default -> Optional.empty();
    };
  }

  /** "txt", "md" or "html" for the extensions a dossier reads; "" for any other. */
  static String format(String name) {
    return switch (DossierFolder.extension(name)) {
      case "txt" -> "txt";
      case "md", "markdown" -> "md";
      case "html", "htm" -> "html";
      default -> "";
    };
  }
}
