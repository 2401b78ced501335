package dev.dossier.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The byline and timestamp lines a news page prints above its text ("By Jane Doe and John Roe",
 * "Published 14 February 2022"). They are metadata rather than paragraphs, so among the first
 * few blocks a line is taken out when it is clearly nothing else.
 */
record ArticleHead(List<Byline> bylines, List<ArticlePiece> text) {

  /** How many blocks at the head may be metadata; further down, a byline is text. */
  private static final int LOOKAHEAD = 6;
  /** Longer than this a line is prose, whatever it starts with. */
  private static final int MAX_LINE = 200;

  private static final Pattern PARTS = Pattern.compile("\\s+[|·•]\\s+");
  private static final Pattern BY = Pattern.compile("(?i:by)\\s+(.+)");

  private static final String MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
  private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
  private static final String DATE =
      "(?:" + WEEKDAY + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
          + "|" + WEEKDAY + "\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}"
          + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{4})";
  private static final String CLOCK = "(?:\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,5})?)";
  private static final String LABEL_WORD =
      "(?:first|last|published|updated|posted|modified|issued|released|date|on|at)";
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "(?:" + LABEL_WORD + "\\s*:?\\s*)*(?:" + CLOCK + "\\s*,?\\s+)?" + DATE
              + "(?:\\s*,?\\s*(?:at\\s+)?" + CLOCK + ")?\\.?",
          Pattern.CASE_INSENSITIVE);
  private static final String SEPARATOR = "\\s*\\|\\s*|\\s+[·•]\\s*|[·•]\\s+|^[·•]|[·•]$";
  private static final Pattern SEPARATORS = Pattern.compile("(?:" + SEPARATOR + ")+");
  /** {@link #SEPARATORS}, and a dash with a space before it and none of a word after it (not "Jean-Luc"). */
  private static final Pattern SEPARATORS_AND_DASHES = Pattern.compile("(?:" + SEPARATOR + "|\\s+[—–](?=\\s|$)\\s*)+");
  /** How long the page says the article takes to read: "5 min read", "12 minutes read". */
  private static final Pattern READING_TIME = Pattern.compile("\\d{1,3}\\s*(?:min|mins|minutes?)\\.?\\s+read", Pattern.CASE_INSENSITIVE);
  private static final Pattern LABELS_ONLY =
      Pattern.compile("[\\s|·•,:–—-]*(?:" + LABEL_WORD + "[\\s|·•,:–—-]*)*", Pattern.CASE_INSENSITIVE);

  static ArticleHead split(List<ArticlePiece> pieces) {
    List<ArticlePiece> text = new ArrayList<>(pieces);
    List<Byline> bylines = new ArrayList<>();
    int i = 0;
    // A dek or a "Press Statement" label often comes first, so look past it rather than stop.
    for (int looked = 0; i < text.size() && looked < LOOKAHEAD; looked++) {
      ArticlePiece piece = text.get(i);
      Optional<List<Byline>> metadata = piece.heading() ? Optional.empty() : metadataLine(piece.source(), piece.text());
      if (metadata.isPresent()) {
        bylines.addAll(metadata.get());
        text.remove(i);
      } else {
        i++;
      }
    }
    return new ArticleHead(List.copyOf(bylines), List.copyOf(text));
  }

  List<String> authors() {
    return bylines.stream().flatMap(b -> b.authors().stream()).toList();
  }

  Optional<String> outlet() {
    return bylines.stream().flatMap(b -> b.outlet().stream()).findFirst();
  }

  /** Whether a block is a byline or timestamp line ("Published <time>") rather than text. */
  static boolean isMetadataLine(Element block) {
    return metadataLine(block, block.text()).isPresent();
  }

  /** The bylines a byline or timestamp line gives (none for a timestamp); empty if it is text. */
  private static Optional<List<Byline>> metadataLine(Element source, String text) {
    if (text.length() > MAX_LINE) {
      return Optional.empty();
    }
    if (isMarkedTimestamp(source)) {
      return Optional.of(List.of());
    }
    // A <time> parts a line as a separator does: "By Jane Doe <time>Feb 14, 2022</time>".
    String line = text;
    if (source != null) {
      for (Element time : source.select("time")) {
        if (!time.text().isBlank()) {
          line = line.replace(time.text(), " | ");
        }
      }
    }
    // A dash parts a name from its time ("By Jane Doe — <time>") only where the line reads no
    // other way: in "By Jane Doe, BBC News – Kyiv" it is the outlet's.
    Optional<List<Byline>> read = parts(SEPARATORS, line);
    return read.isPresent() ? read : parts(SEPARATORS_AND_DASHES, line);
  }

  /**
   * The bylines of a line cut into parts at these separators, each a byline, a timestamp or a
   * reading time; empty if a part is none of them. Separators side by side ("John Doe ·
   * <time>") are one, and none at either end; a middle dot between letters is a letter's
   * ("Marcel·la").
   */
  private static Optional<List<Byline>> parts(Pattern separators, String line) {
    List<Byline> bylines = new ArrayList<>();
    for (String part : PARTS.split(separators.matcher(line).replaceAll(" | ").replaceAll("^[\\s|]+|[\\s|]+$", ""))) {
      Optional<Byline> byline = byline(part);
      if (byline.isPresent()) {
        bylines.add(byline.get());
      } else if (!TIMESTAMP.matcher(part).matches() && !READING_TIME.matcher(part).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(bylines);
  }

  /** A line that is a {@code <time>} with at most a label around it ("Updated <time>"). */
  private static boolean isMarkedTimestamp(Element source) {
    Elements times = source.select("time");
    if (times.isEmpty()) {
      return false;
    }
    String rest = source.text();
    for (Element time : times) {
      rest = rest.replace(time.text(), " ");
    }
    return LABELS_ONLY.matcher(rest).matches();
  }

  /**
   * The byline a line such as "By Jane Doe and John Roe, CNN" or "By Jane Doe | 14 Feb 2022"
   * holds, read as the text parser reads one. Empty unless every name in it looks like a name:
   * "By Sunday the embassy was quiet" is a sentence.
   */
  static Optional<Byline> byline(String text) {
    for (String part : PARTS.split(text.strip())) {
      Matcher by = BY.matcher(part);
      if (part.length() <= MAX_LINE && by.matches()) {
        return Byline.readLine(by.group(1));
      }
    }
    return Optional.empty();
  }
}
