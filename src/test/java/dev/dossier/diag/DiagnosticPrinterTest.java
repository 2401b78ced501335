package dev.dossier.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiagnosticPrinterTest {

  private static String print(String line, int column) {
    StringWriter out = new StringWriter();
    new DiagnosticPrinter(path -> Optional.of(List.of(line)))
        .print(List.of(new Diagnostic("index.yml", 1, column, Severity.ERROR, "quote not found", Optional.of("check the words"))), new PrintWriter(out));
    return out.toString();
  }

  @Test
  void aDocumentsControlCharactersNeverReachTheTerminal() {
    // An escape sequence that would turn text red, and another that would retitle the terminal.
    String line = "title: \u001b[31mRED\u001b[0m \u001b]0;pwned\u0007 x\u0085y\u202ez";
    StringWriter out = new StringWriter();
    new DiagnosticPrinter(path -> Optional.of(List.of(line)))
        .print(List.of(new Diagnostic("index.yml", 1, line.indexOf('x') + 1, Severity.ERROR,
            "quote not found: \"\u001b[2J\"", Optional.of("the closest passage is \u001b]0;pwned\u0007"))), new PrintWriter(out));
    String printed = out.toString();
    assertThat(printed.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c < 0xa0 || c == 0x202e)).isEmpty();
    assertThat(printed).contains("quote not found: \"\u241b[2J\"", "title: \u241b[31mRED\u241b[0m \u241b]0;pwned\u2407 x\ufffdy\ufffdz");
    // One character for one: the caret still stands under the x.
    String[] lines = printed.split("\n");
    assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('x'));
  }

  /** A line break in a file's name shows as "␤": the headline stays one line, "FILE: severity: message". */
  @Test
  void aLineBreakInAFilesNameKeepsTheHeadlineOnOneLine() {
    StringWriter out = new StringWriter();
    new DiagnosticPrinter(path -> Optional.empty())
        .print(List.of(new Diagnostic("two\nlines.txt", 0, 0, Severity.ERROR, "the document has no text", Optional.empty())), new PrintWriter(out));
    assertThat(out.toString()).isEqualTo("two\u2424lines.txt: error: the document has no text\n");
  }

  /** The private-use characters a build warns about (U+E000, which marks citations) are shown, as the pages show them: "�". */
  @Test
  void aPrivateUseCharacterIsShownAsTheReplacementCharacter() {
    String printed = print("text: a\uE000b\uF8FFc", 9);
    assertThat(printed).contains("text: a\ufffdb\ufffdc").doesNotContain("\uE000", "\uF8FF");
    String[] lines = printed.split("\n");
    assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('b'));
  }

  @Test
  void aColumnCountsAnEmojiAsOneCharacterAndTheCaretStandsUnderTheRightOne() {
    // Column 5 is the x: two emoji (four UTF-16 units), a space, then x.
    String[] shown = print("\uD83D\uDE00\uD83D\uDE00 x [@a]", 4).split("\n");
    assertThat(shown[0]).isEqualTo("index.yml:1:4: error: quote not found");
    assertThat(shown[2]).isEqualTo("     ^");
  }

  @Test
  void aShortLineIsShownWholeWithTheCaretUnderTheColumn() {
    assertThat(print("title: [a, b]", 8)).isEqualTo("index.yml:1:8: error: quote not found\n  title: [a, b]\n         ^\n  = help: check the words\n");
  }

  @Test
  void aLongLineIsShownAroundTheColumnWithTheCaretOnTheSameCharacter() {
    StringBuilder line = new StringBuilder("      summary: ");
    for (int i = 0; line.length() < 1500; i++) {
      line.append("word").append(i).append(' ');
    }
    int column = line.indexOf("word80 ") + 1;
    String[] shown = print(line.toString(), column).split("\n");
    String text = shown[1].substring(2);
    int caret = shown[2].indexOf('^') - 2;
    assertThat(text).startsWith("…").endsWith("…").hasSizeLessThanOrEqualTo(DiagnosticPrinter.WIDTH + 2);
    assertThat(text.substring(caret)).startsWith("word80 ");
  }

  @Test
  void theEndOfALongLineIsShownWhenTheColumnIsThere() {
    String line = "x".repeat(300) + "end";
    String[] shown = print(line, 301).split("\n");
    assertThat(shown[1]).startsWith("  …").endsWith("xend");
    assertThat(shown[1].substring(shown[2].indexOf('^'))).isEqualTo("end");
  }
}
