package dev.dossier.parse;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.model.Block;
import dev.dossier.model.Document;
import dev.dossier.model.DossierDate;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Subheading;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Plain-text news articles. The head may carry metadata lines ({@code By A and B, CNN},
 * {@code Updated: Tue, 15 Feb 2022 01:41:12 GMT}, {@code Published: 2022-02-14}, {@code Source: CNN});
 * the body may open with a {@code date YYYY-MM-DD} prefix, which comes off, and a dateline
 * ({@code KYIV –}), which is noted and stays at the head of the first paragraph, as printed.
 * Paragraphs are separated by blank lines, or, when the body has none, are one per line. A short
 * line with no closing punctuation between two paragraphs is a subheading.
 */
public final class TextDocumentParser {

  private static final Pattern BYLINE = Pattern.compile("By\\s+(.+)");
  private static final Pattern TIMESTAMP = Pattern.compile("(Updated|Published):\\s*(.+)");
  private static final Pattern SOURCE = Pattern.compile("Source:\\s*(.+)");
  private static final Pattern DATE_PREFIX = Pattern.compile("date\\s+(\\d{4}-\\d{2}-\\d{2})\\s+");
  /** Capitals ("KYIV", "WASHINGTON, D.C."), an optional agency in parentheses, then a dash. */
  private static final Pattern DATELINE =
      Pattern.compile("(\\p{Lu}[\\p{Lu} .'’-]*\\p{Lu}\\.?(?:, \\p{Lu}[\\p{L} .]*)?(?: \\([\\p{L} ]+\\))?)\\s+[–—-]{1,2}\\s+");
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
  private static final int SUBHEADING_MAX_LENGTH = 80;
  private static final String CLOSING_PUNCTUATION = ".!?:;,…";
  private static final String CLOSING_MARKS = "\"'’”)]»";

  /**
   * Whether capitals and a dash that open the text are a dateline ("KYIV —", "WASHINGTON, D.C.
   * (AP) —") and not the text's own first words ("US – Russia talks began", "EU — and NATO —
   * leaders met"): the place has three letters or more, and a sentence starts after the dash.
   * A doubtful one is not noted as the dateline.
   */
  static boolean readsAsDateline(String place, String after) {
    long letters = place.codePoints().filter(Character::isLetter).count();
    if (letters < 3 || after.isEmpty()) {
      return false;
    }
    int first = after.codePointAt(0);
    return Character.isUpperCase(first) || Character.isDigit(first) || "\"“‘'".indexOf(first) >= 0;
  }

  /** Parses a text document whose line endings are already {@code \n}. */
  public Document parse(String path, String text, Diagnostics diagnostics) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    Head head = readHead(lines, path, diagnostics);
    String rest = String.join("\n", lines);
    String body = rest.strip();
    // Where the body starts in the text: the head's lines come off the front.
    int bodyStart = text.length() - rest.length() + (rest.length() - rest.stripLeading().length());

    Optional<DossierDate> published = head.published;
    Matcher date = DATE_PREFIX.matcher(body);
    if (date.lookingAt()) {
      DossierDate.Parsed parsed = DossierDate.parse(date.group(1));
      if (parsed.date().isPresent()) {
        published = parsed.date();
        body = body.substring(date.end());
      } else {
        diagnostics.warning(
            new dev.dossier.cite.LineIndex(text).position(path, bodyStart + date.start(1), 1),
            "the date prefix " + parsed.problem() + (published.isEmpty() ? "; the document is read as undated" : ""),
            "write the day the article was published as date YYYY-MM-DD, or remove the prefix");
      }
    }
    Optional<String> dateline = Optional.empty();
    Matcher place = DATELINE.matcher(body);
    if (place.lookingAt() && readsAsDateline(place.group(1), body.substring(place.end()))) {
      // Noted, and left where the article prints it: words that only look like a dateline
      // ("NATO – Russia talks began") are the text's own, and none is ever lost.
      dateline = Optional.of(place.group(1));
    }

    if (!head.kept.isEmpty()) {
      // Before the text, as the document has them, in the text's own way of parting paragraphs.
      String gap = BLANK_LINE.matcher(body).find() ? "\n\n" : "\n";
      body = String.join(gap, head.kept) + (body.isEmpty() ? "" : gap + body);
    }
    List<String> chunks = splitParagraphs(body);
    if (chunks.isEmpty()) {
      diagnostics.error(Position.file(path), "the document has no text", "add the article's text or remove the file");
    }
    return new Document(
        path, "txt", blocks(chunks, head.kept.size()), Optional.empty(), head.site, head.authors, published, head.updated,
        Optional.empty(), dateline, List.of());
  }

  private static final class Head {
    List<String> authors = List.of();
    Optional<String> site = Optional.empty();
    Optional<DossierDate> published = Optional.empty();
    Optional<OffsetDateTime> updated = Optional.empty();
    /** Whether the outlet came from a "Source:" line, not a byline. */
    boolean sourceLine;
    /** Head lines that looked like metadata but could not be read: they stay the article's text. */
    List<String> kept = new ArrayList<>();

    /**
     * A second line for what the head already has (a second byline, another outlet, a second
     * date): the first is used, and this one stays the article's text rather than being lost.
     */
    void keep(String line, Position at, String what, String help, Diagnostics diagnostics) {
      diagnostics.warning(at, "a second " + what + " in the document's head; the first is used, and this line is kept as a paragraph at the start of the article's text", help);
      kept.add(line);
    }
  }

  /** Takes the metadata lines off the top of {@code lines}. */
  private static Head readHead(List<String> lines, String path, Diagnostics diagnostics) {
    Head head = new Head();
    int lineNumber = 0;
    while (!lines.isEmpty()) {
      String raw = lines.get(0);
      String line = raw.strip();
      lineNumber++;
      Matcher m;
      // Blank lines before, between and after the head lines part nothing: a pasted article
      // often starts with one.
      if (line.isEmpty()) {
        lines.remove(0);
        continue;
      }
      // A line is metadata only when it reads as such; else it is the article's first words,
      // and the text starts there: "By Monday, most of the staff had left" is not a byline.
      Optional<Byline> byline;
      Position at = new Position(path, lineNumber, raw.codePointCount(0, raw.indexOf(line.charAt(0))) + 1);
      if ((m = BYLINE.matcher(line)).matches() && line.length() < 200 && (byline = Byline.readLine(m.group(1))).isPresent()) {
        if (!head.authors.isEmpty()) {
          head.keep(line, at, "byline", "write every author in one byline: By Jane Smith and John Doe, CNN", diagnostics);
        } else {
          head.authors = byline.get().authors();
          if (head.site.isEmpty()) {
            head.site = byline.get().outlet();
          }
        }
      } else if ((m = TIMESTAMP.matcher(line)).matches()) {
        Optional<OffsetDateTime> when = timestamp(m.group(2));
        boolean updated = m.group(1).equals("Updated");
        if (when.isEmpty()) {
          diagnostics.warning(
              new Position(path, lineNumber, raw.codePointCount(0, raw.indexOf(m.group(2))) + 1),
              "cannot read the timestamp \"" + m.group(2) + "\", so the line is kept as the article's first paragraph",
              "write it as RFC 1123 (Tue, 15 Feb 2022 01:41:12 GMT) or ISO 8601 (2022-02-15T01:41:12Z), or the day alone"
                  + " (2022-02-15, February 15, 2022 or 15 February 2022)");
          head.kept.add(line);
        } else if (updated ? head.updated.isPresent() : head.published.isPresent()) {
          head.keep(line, at, m.group(1) + ": line", "keep one " + m.group(1) + ": line, the one the article gives", diagnostics);
        } else if (updated) {
          head.updated = when;
        } else {
          head.published = when.map(t -> DossierDate.day(t.toLocalDate()));
        }
      } else if ((m = SOURCE.matcher(line)).matches() && !Byline.isProse(m.group(1))) {
        // "Source:" names the outlet over a byline's ("By Jane Doe, CNN" then "Source: CNN Wire");
        // a second "Source:" line is kept.
        if (head.sourceLine && !head.site.orElseThrow().equals(m.group(1).strip())) {
          head.keep(line, at, "Source: line", "keep one Source: line, the outlet that published the article", diagnostics);
        } else {
          head.site = Optional.of(m.group(1).strip());
          head.sourceLine = true;
        }
      } else {
        break;
      }
      lines.remove(0);
    }
    return head;
  }

  private static Optional<OffsetDateTime> timestamp(String text) {
    String s = text.strip();
    for (DateTimeFormatter format : List.of(DateTimeFormatter.RFC_1123_DATE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
      try {
        return Optional.of(OffsetDateTime.parse(s, format));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    // A day alone, as ISO 8601 writes it or in English words ("April 11, 2023", "11 Apr. 2023").
    // Its weekday ("Tuesday, April 11, 2023") and a day's ordinal ("April 11th") say nothing more.
    String day = s.replaceFirst("(?i)^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+", "")
        .replaceFirst("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)\\b", "$1")
        .replaceFirst("^(\\d{1,2} )?([A-Za-z]{3})[A-Za-z]?\\.", "$1$2").replaceFirst("(?i)^(\\d{1,2} )?sept\\b", "$1Sep");
    for (DateTimeFormatter format : DAYS) {
      try {
        return Optional.of(LocalDate.parse(day, format).atStartOfDay().atOffset(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** The forms of a day without a time that a Published: or Updated: line may take. */
  private static final List<DateTimeFormatter> DAYS = java.util.stream.Stream.of("uuuu-MM-dd", "MMMM d, uuuu", "MMM d, uuuu", "MMMM d uuuu", "MMM d uuuu",
          "d MMMM uuuu", "d MMM uuuu")
      .map(pattern -> new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(java.util.Locale.ENGLISH)
          .withResolverStyle(java.time.format.ResolverStyle.STRICT))
      .toList();

  private static List<String> splitParagraphs(String body) {
    if (body.isEmpty()) {
      return List.of();
    }
    String[] parts = BLANK_LINE.matcher(body).find() ? BLANK_LINE.split(body) : body.split("\n");
    return Arrays.stream(parts).map(String::strip).filter(p -> !Whitespace.isBlank(p)).toList();
  }

  /** @param kept how many chunks at the start are head lines kept as text: paragraphs, never subheadings */
  private static List<Block> blocks(List<String> chunks, int kept) {
    List<Block> blocks = new ArrayList<>();
    int number = 0;
    for (int i = 0; i < chunks.size(); i++) {
      String chunk = chunks.get(i);
      String html = Entities.escape(chunk);
      String block = "<p>" + html + "</p>";
      if (i >= Math.max(kept, 1) && i < chunks.size() - 1 && isSubheading(chunk)) {
        blocks.add(new Subheading(chunk, html));
      } else {
        blocks.add(new Paragraph(++number, chunk, block));
      }
    }
    return blocks;
  }

  /** Short, one line, and not ending a sentence. */
  static boolean isSubheading(String chunk) {
    if (chunk.length() > SUBHEADING_MAX_LENGTH || chunk.contains("\n")) {
      return false;
    }
    int end = chunk.length();
    while (end > 0 && CLOSING_MARKS.indexOf(chunk.charAt(end - 1)) >= 0) {
      end--;
    }
    return end > 0 && CLOSING_PUNCTUATION.indexOf(chunk.charAt(end - 1)) < 0;
  }
}
