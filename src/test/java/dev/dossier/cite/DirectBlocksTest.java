package dev.dossier.cite;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.util.ast.Document;
import dev.dossier.cite.MarkdownProcessor.RenderedBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct path must write exactly what Flexmark's renderer and the sanitiser write, and
 * must leave to them everything it cannot: a difference here is a page that changes, or an
 * unsafe one, when a document takes the other path.
 */
class DirectBlocksTest {

  private final MarkdownProcessor markdown = new MarkdownProcessor();

  /** Documents of the kind news articles are: the direct path takes them. */
  static Stream<String> plain() {
    return Stream.of(
        "One paragraph of words.",
        "First paragraph.\n\nSecond paragraph, with a soft\nline break.",
        "Some *emphasis*, some **strong** words, and ***both*** at once; _under_ and __under__.",
        "A hard break  \nafter two spaces, and another\\\nafter a backslash.",
        "Text with `code`, with `` a `tick` inside ``, and with `  spaced   out  ` words.",
        "Ampersands & angles < > and \"quotes\" and 'apostrophes' stay text.",
        "Escapes: \\*not emphasis\\*, \\[not a link\\], 4\\. not a list.",
        "Entities: &amp; &lt; &copy; &#233; &#x2014; &nbsp;end.",
        "A no-break\u00A0space and typography: “quoted” — dashes – ‘single’ … café, Zürich, Kyïv.",
        "A [link](https://example.com/path?a=1&b=2;c=3#frag) and [another *one*](http://example.org) and [mail](mailto:desk@example.com).",
        "# A title\n\nThen text.",
        "## Subheading\n\nText.\n\n### Third level with *emphasis*\n\n###### Sixth",
        "Setext heading\n==============\n\nOther heading\n-------------\n\nText.",
        "Before.\n\n---\n\nAfter a thematic break.",
        "A claim.[@2022-02-14-embassy ¶1 \"moving the remaining staff to Lviv\"] Another.[@a ¶2][@b ¶3]",
        "See [the order [@a ¶1] and [@b]](https://example.org/x), and [[@c ¶2]](https://example.org/y).",
        "Trailing spaces at the end of a paragraph.   \n\nAnd   inner    runs   of spaces.",
        "   Indented start of a paragraph.",
        "*Unclosed emphasis and a lone ] bracket and a lone [ one.",
        "Tabs\tinside\ttext.");
  }

  /** What the direct path must leave to the full one. */
  static Stream<String> notPlain() {
    return Stream.of(
        "- a list\n- of items",
        "1. ordered\n2. list",
        "> a quote",
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "Text with a footnote.[^1]\n\n[^1]: The note.",
        "An ![image](https://example.com/i.png).",
        "Raw <b>HTML</b> inline.",
        "<div>raw block</div>",
        "A [relative link](page.html).",
        "A [script](javascript:alert(1)).",
        "A [titled link](https://example.com \"Title\").",
        "An autolink <https://example.com>.",
        "A [reference link][ref].\n\n[ref]: https://example.com",
        "~~struck~~ text",
        "    indented code",
        "```\nfenced code\n```",
        "An emoji 🙂 in text.",
        "A soft\u00ADhyphen and a zero\u200Bwidth space.",
        "A private marker \uE000 in text.",
        // Found by review: where the full path's bytes differ from the plain reading.
        "[x](HTTPS://example.com)",
        "[x](Mailto:desk@example.com)",
        "[x](http:///path)",
        "[x](http://e.com/?a=1\\&amp;b=2)",
        "[x](http://e.com/?q=\\&#39;)",
        "A `\u3000code\u2003` span",
        "A `\u000Ccode` span",
        "line\\\n    & indented",
        "line  \n&#32;next",
        "a &#10; b",
        "First.\n\n*\uFFFF* rest\n\nThird.",
        "# \u2003Title",
        "A narrow\u202Fno-break space, as French typography has it.");
  }

  @ParameterizedTest
  @MethodSource("plain")
  void writesWhatTheFullPathWrites(String text) {
    Document document = markdown.parse(text);
    Optional<List<RenderedBlock>> direct = DirectBlocks.render(document);
    assertThat(direct).as("taken by the direct path").isPresent();
    assertThat(direct.get()).isEqualTo(markdown.renderBlocksCleaned(document));
  }

  @ParameterizedTest
  @MethodSource("notPlain")
  void leavesTheRestToTheFullPath(String text) {
    Document document = markdown.parse(text);
    assertThat(DirectBlocks.render(document)).isEmpty();
    assertThat(markdown.renderBlocks(document)).isEqualTo(markdown.renderBlocksCleaned(document));
  }

  /** Every Markdown file the tests hold, whichever path it takes, comes out the same. */
  @Test
  void rendersTheTestDocumentsAsTheFullPathDoes() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources"))) {
      walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      String text = Files.readString(file).replaceFirst("(?s)\\A---\\n.*?\\n---\\n", "");
      Document document = markdown.parse(text);
      assertThat(markdown.renderBlocks(document)).as(file.toString()).isEqualTo(markdown.renderBlocksCleaned(document));
    }
  }
}
