package dev.dossier.index;

import dev.dossier.diag.Position;
import java.util.List;
import java.util.Objects;

/**
 * Markdown written in the index, with the means to find where in {@code index.yml} any of its
 * characters stands, so a citation's diagnostic points at the citation itself.
 *
 * <p>YAML changes a scalar's whitespace (indentation, folded lines) and, in quoted scalars, its
 * escapes ({@code \"}, {@code ''}), but never the order of its other characters. So the
 * character after the first {@code k} that are not whitespace in the text is the character
 * after the first {@code k} that are not whitespace in the file, from where the scalar starts,
 * reading an escape as the character it stands for.
 *
 * @param fileLines the index's lines (not copied: every text of the index shares them)
 * @param startLine the line (1-based) the scalar's text starts on: the line after a block
 *     scalar's {@code |} or {@code >}
 * @param startColumn the column (1-based) it starts at: after a quoted scalar's opening quote
 * @param style {@code '|'} or {@code '>'} for a block scalar, {@code '"'} or {@code '\''} for a
 *     quoted one, {@code ' '} for a plain one
 */
public record MarkdownText(String text, String path, List<String> fileLines, int startLine, int startColumn, char style) {

  public MarkdownText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(path, "path");
    // Shared by every text of the index, not copied: the index's lines, as read.
    Objects.requireNonNull(fileLines, "fileLines");
  }

  /** Without the index's lines, which every text of the index shares. */
  @Override
  public String toString() {
    return "MarkdownText[" + path + ":" + startLine + ":" + startColumn + " " + style + " " + text + "]";
  }

  /**
   * Where the text's character at {@code offset} stands in the file; for a space, the next
   * character that is not one; at the text's end, just after its last character.
   */
  public Position position(int offset) {
    int wanted = 0;
    for (int i = 0, end = Math.min(offset, text.length()); i < end; i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        wanted++;
      }
    }
    if (text.substring(Math.min(offset, text.length())).isBlank()) {
      if (wanted == 0) {
        return find(0);
      }
      Position last = find(wanted - 1);
      return new Position(path, last.line(), last.column() + 1);
    }
    return find(wanted);
  }

  /** The file position of the text's character after the first {@code wanted} that are not whitespace. */
  private Position find(int wanted) {
    int seen = 0;
    for (int l = startLine - 1; l < fileLines.size(); l++) {
      String line = fileLines.get(l);
      // Columns count characters as a reader does (code points, as the YAML parser's do), not
      // UTF-16 units: an emoji before a citation is one column, not two.
      for (int c = l == startLine - 1 ? Position.charIndex(line, startColumn - 1) : 0; c < line.length(); ) {
        char ch = line.charAt(c);
        int length = 1;
        int stands = 1;
        if (style == '"' && ch == '\\' && c + 1 < line.length()) {
          length = escapeLength(line, c);
          stands = escaped(line, c);
        } else if (style == '"' && ch == '\\') {
          // An escaped line break: no character at all.
          stands = 0;
        } else if (style == '\'' && ch == '\'' && c + 1 < line.length() && line.charAt(c + 1) == '\'') {
          length = 2;
        } else if (Character.isWhitespace(ch)) {
          stands = 0;
        }
        if (stands > 0 && seen == wanted) {
          return new Position(path, l + 1, line.codePointCount(0, c) + 1);
        }
        seen += stands;
        c += length;
      }
    }
    // Only if the file and the text disagree: the scalar's start.
    return new Position(path, startLine, startColumn);
  }

  /** How many characters a double-quoted scalar's escape at {@code at} takes in the file. */
  static int escapeLength(String line, int at) {
    int digits = switch (line.charAt(at + 1)) {
      case 'x' -> 2;
      case 'u' -> 4;
      case 'U' -> 8;
      default -> 0;
    };
    return Math.min(line.length() - at, 2 + digits);
  }

  /** The character a double-quoted scalar's escape at {@code at} stands for, as YAML 1.2 reads it. */
  static int escapedCodePoint(String line, int at) {
    int length = escapeLength(line, at);
    return switch (line.charAt(at + 1)) {
      case '0' -> 0;
      case 'a' -> 0x07;
      case 'b' -> 0x08;
      case 'n' -> '\n';
      case 't', '\t' -> '\t';
      case 'r' -> '\r';
      case ' ' -> ' ';
      case 'f' -> '\f';
      case 'v' -> 0x0B;
      case 'e' -> 0x1B;
      case 'N' -> 0x85;
      case '_' -> 0xA0;
      case 'L' -> 0x2028;
      case 'P' -> 0x2029;
      case 'x', 'u', 'U' -> {
        try {
          yield Integer.parseInt(line.substring(at + 2, at + length), 16);
        } catch (NumberFormatException e) {
          yield 'x';
        }
      }
      default -> line.charAt(at + 1);
    };
  }

  /** How many characters that are not whitespace an escape stands for in the text: 0, 1 or 2. */
  private static int escaped(String line, int at) {
    int codePoint = escapedCodePoint(line, at);
    if (!Character.isValidCodePoint(codePoint)) {
      return 1;
    }
    if (YamlDocument.replaced(codePoint)) {
      // Read as U+FFFD (YamlDocument), which is no whitespace, whatever the escape stood for.
      return 1;
    }
    if (Character.isSupplementaryCodePoint(codePoint)) {
      return 2;
    }
    return Character.isWhitespace((char) codePoint) ? 0 : 1;
  }
}
