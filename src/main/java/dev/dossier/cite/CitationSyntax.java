package dev.dossier.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the citation syntax:
 *
 * <pre>
 * [@key]  [@key ¶5]  [@key para 5]  [@key "quote"]  [@key ¶1 "quote"]  [@a ¶3; @b "Lviv"]
 * </pre>
 *
 * A quote may hold quotation marks of its own: it ends at the last straight or curly double
 * quote before the next {@code ;} or the closing bracket.
 */
public final class CitationSyntax {

  /** A key as the index requires it. */
  private static final String KEY_TEXT = "[a-z0-9]+(?:-[a-z0-9]+)*";
  /** Whatever stands where a key is written, up to the next space, ; ] or quotation mark. */
  private static final String WRITTEN_KEY = "[^\\s;\\]\"“]";
  /** What comes before a paragraph number: "¶", "para ", "p.". */
  private static final String PARAGRAPH = "\\s+(?:¶\\s*|para\\s+|p\\.\\s*)";
  /** A quote's opening mark. */
  private static final String OPENING = "\\s+[\"“]";

  /** Lowercase letters, digits and hyphens, as the index requires of keys. */
  public static final Pattern KEY = Pattern.compile(KEY_TEXT);

  private static final Pattern PART =
      Pattern.compile(
          "\\s*@(?<key>" + WRITTEN_KEY + "*)(?:" + PARAGRAPH + "(?<para>\\d+))?(?:" + OPENING + "(?<quote>.*)[\"”])?\\s*",
          Pattern.DOTALL);

  /**
   * A part whose paragraph is marked as the citation does not read it ("p3", "§ 3", "par. 3",
   * "Para 3", "para3", "paragraph 3", "pp. 3"), or with a comma before the quote ("¶3, \"…\"").
   */
  private static final Pattern OTHER_MARK = Pattern.compile(
      "\\s*@(?<key>" + KEY_TEXT + ")\\s+(?:¶\\s*|(?i:§\\s*|pp?\\.?\\s*|par(?:a|agraph)?\\.?\\s*))(?<para>\\d+)(?<rest>(?:\\s*,\\s*|\\s+)[\"“].*[\"”])?\\s*",
      Pattern.DOTALL);

  /** A part whose quote is in single quotation marks, straight or curly. */
  private static final Pattern SINGLE_QUOTED = Pattern.compile(
      "\\s*@(?<key>" + KEY_TEXT + ")(?<para>" + PARAGRAPH + "\\d+)?\\s+['‘](?<quote>.*)['’]\\s*", Pattern.DOTALL);

  /** A key, and what may follow it in a citation: where another citation starts inside one left open. */
  private static final Pattern NEXT_KEY = Pattern.compile(KEY_TEXT + "(?:\\s|\\]|;|$)");

  /** A part whose quote opens but does not close where it must. */
  private static final Pattern UNCLOSED = Pattern.compile("\\s*@(" + KEY_TEXT + ")(?:" + PARAGRAPH + "\\d+)?" + OPENING + ".*", Pattern.DOTALL);

  private CitationSyntax() {}

  /**
   * The length of the citation starting at {@code start} ({@code "[@"}), including both
   * brackets (or up to the next citation, for one left open), or -1 when it is no citation.
   *
   * <p>A quote runs to a quotation mark followed by {@code ]} or {@code ;}. When there is none
   * before the paragraph ends or before the next citation begins (a quote left open, or words
   * after its closing mark), the citation ends at its first {@code ]}: it is then reported as
   * malformed, in its own place, instead of swallowing the text and citations after it.
   */
  public static int extent(CharSequence text, int start) {
    int paragraphEnd = indexOf(text, "\n\n", start, text.length());
    int end = paragraphEnd < 0 ? text.length() : paragraphEnd;
    int quoted = quotedExtent(text, start);
    int next = nextCitation(text, start + 2, end);
    if (quoted >= 0 && (next < 0 || next >= start + quoted)) {
      return quoted;
    }
    // A quote left open (in any part) ends the citation at its first ], or where the next
    // citation starts, or at the paragraph's end; anything else that cannot be read is text.
    int region = next < 0 ? end : next;
    if (!OPENS_QUOTE.matcher(text.subSequence(start, region)).find()) {
      Matcher open = OPEN_START.matcher(text).region(start, region);
      if (quoted < 0 && open.lookingAt()) {
        int close = closingBracket(text, start + 2, region);
        if (close < 0) {
          // "[@key ¶3" with no ] of its own before the paragraph ends or the next citation
          // starts (a link's "[text](url)" after it is no closing of it): a citation never
          // closed, reported as one (see isClosed) rather than shown as text that no check has
          // read. "[@nytimes on Twitter" reads as no citation: see OPEN_START.
          return open.end() - start;
        }
        if (open.group("paragraph") != null) {
          // "[@key ¶3 see [sic] here]": brackets inside a citation that are not in its quote.
          // It runs to the ] that closes it and is reported as unreadable, not shown as text.
          return close - start + 1;
        }
      }
      return quoted;
    }
    int close = indexOf(text, "]", start + 2, region);
    return close >= 0 ? close - start + 1 : region - start;
  }

  /** Where the first citation in {@code text} starts, as {@link #extent} would read one; -1 if none. */
  public static int firstCitation(CharSequence text) {
    return nextCitation(text, 0, text.length());
  }

  /** Where the next citation starts: "[@" and a key that reads as one, not "[@StateDept]" quoted in a quote. */
  private static int nextCitation(CharSequence text, int from, int to) {
    Matcher m = NEXT_CITATION.matcher(text).region(from, to);
    return m.find() ? m.start() : -1;
  }

  private static final Pattern NEXT_CITATION = Pattern.compile("\\[@" + KEY_TEXT + "(?=\\]|;|\\s+(?:¶|para\\s|p\\.|[\"“]))");

  /**
   * A citation's start, as far as it reads as one: "[@key ¶3", or "[@key" with nothing after
   * it on its line. "[@nytimes on Twitter" or "[@a, b)" does not: words follow the @ as they
   * follow a handle.
   */
  private static final Pattern OPEN_START =
      Pattern.compile("\\[@" + KEY_TEXT + "(?:(?<paragraph>" + PARAGRAPH + "\\d+)(?![\\w-])|(?=[ \\t]*(?:\\n|$)))");

  /** The same, within the paragraph {@code from} is in (up to a blank line). */
  public static int closingBracket(CharSequence text, int from) {
    int paragraphEnd = indexOf(text, "\n\n", from, text.length());
    return closingBracket(text, from, paragraphEnd < 0 ? text.length() : paragraphEnd);
  }

  /** Where the ] that closes a bracket opened before {@code from} is, brackets opened after it passed over; -1 if none. */
  private static int closingBracket(CharSequence text, int from, int to) {
    int depth = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** Whether a citation, as {@link #extent} measured it, ends with its closing bracket. */
  public static boolean isClosed(CharSequence citation) {
    return citation.length() > 0 && citation.charAt(citation.length() - 1) == ']';
  }

  /**
   * The parts of a citation that has no closing bracket: each is an error, a well-formed one
   * too, since where the citation ends (and so what it cites) is a guess.
   */
  public static List<CitationRef> unclosed(List<CitationRef> refs, String written) {
    String one = written.strip().replaceAll("\\s+", " ");
    String shown = one.length() > 60 ? one.substring(0, 59) + "…" : one;
    return refs.stream().map(r -> r.problem().isPresent() ? r : CitationRef.malformed(r.offset(),
        "the citation " + shown + " has no closing ]: end it with ], as in [@key ¶5 \"quoted words\"]")).toList();
  }

  /** A part of a citation whose quote has opened: "[@key ¶5 \"" or "; @key \"". */
  private static final Pattern OPENS_QUOTE = Pattern.compile("(?:^\\[|;)\\s*@" + WRITTEN_KEY + "+(?:" + PARAGRAPH + "\\d+)?" + OPENING);

  private static int indexOf(CharSequence text, String what, int from, int to) {
    for (int i = from; i + what.length() <= to; i++) {
      if (text.charAt(i) == what.charAt(0) && text.subSequence(i, i + what.length()).toString().equals(what)) {
        return i;
      }
    }
    return -1;
  }

  private static int quotedExtent(CharSequence text, int start) {
    boolean inQuote = false;
    for (int i = start + 2; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        return -1;
      }
      if (!inQuote) {
        if (c == ']') {
          return i - start + 1;
        }
        if (c == '"' || c == '“') {
          inQuote = true;
        } else if (c == '[') {
          return -1;
        }
      } else if ((c == '"' || c == '”') && closesQuote(text, i + 1)) {
        inQuote = false;
      }
    }
    return -1;
  }

  private static boolean closesQuote(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && (text.charAt(i) == ']' || text.charAt(i) == ';');
  }

  /**
   * Splits the inside of a citation (without the brackets) into its parts.
   *
   * @param inner the text between {@code [} and {@code ]}
   * @param offset where {@code inner} starts in the Markdown text
   */
  public static List<CitationRef> parse(String inner, int offset) {
    List<CitationRef> refs = new ArrayList<>();
    int from = 0;
    for (String part : splitParts(inner)) {
      int partOffset = offset + from + leadingSpace(part);
      refs.add(parsePart(part, partOffset));
      from += part.length() + 1;
    }
    return refs;
  }

  /** A paragraph number as a citation writes it ("¶5", "para 5"), the number its group. */
  private static final Pattern PARAGRAPH_NUMBER = Pattern.compile(PARAGRAPH + "(\\d+)");

  /**
   * What is wrong with a part whose quote opens but does not end it: a quote that closes with
   * words after it (most often a citation whose ] was left out, so the text after it was read
   * into it), or one that never closes. The example keeps the part's own key and paragraph.
   */
  private static String unclosedQuote(String part, String key) {
    Matcher number = PARAGRAPH_NUMBER.matcher(part);
    String paragraph = number.find() ? " ¶" + number.group(1) : "";
    int opens = -1;
    for (int i = 0; i < part.length() && opens < 0; i++) {
      if (part.charAt(i) == '"' || part.charAt(i) == '“') {
        opens = i;
      }
    }
    int closes = -1;
    for (int i = opens + 1; opens >= 0 && i < part.length() && closes < 0; i++) {
      if (part.charAt(i) == '"' || part.charAt(i) == '”') {
        closes = i;
      }
    }
    if (closes > 0 && !part.substring(closes + 1).isBlank()) {
      String after = part.substring(closes + 1).strip().replaceAll("\\s+", " ");
      return "the citation [@" + key + paragraph + " \"…\"] has words after its quote (\"" + (after.length() > 30 ? after.substring(0, 29) + "…" : after)
          + "\"): if its ] was left out, end it with ] right after the closing quotation mark, as in [@" + key + paragraph + " \"quoted words\"]";
    }
    return "the quote in [@" + key + "] does not end with a quotation mark right before ] or ;"
        + " (nothing may follow it): write [@" + key + (paragraph.isEmpty() ? " ¶5" : paragraph) + " \"quoted words\"]";
  }

  private static CitationRef parsePart(String part, int offset) {
    if (part.isBlank()) {
      return CitationRef.malformed(offset, "a citation has an empty part (a ; with nothing after it, or two in a row)"
          + ": remove the extra ; or write another source after it, as in [@a ¶3; @b ¶5]");
    }
    Matcher m = PART.matcher(part);
    if (!m.matches()) {
      Matcher open = UNCLOSED.matcher(part);
      if (open.matches()) {
        return CitationRef.malformed(offset, unclosedQuote(part, open.group(1)));
      }
      Matcher single = SINGLE_QUOTED.matcher(part);
      if (single.matches()) {
        String para = single.group("para") == null ? "" : " ¶" + single.group("para").replaceAll("\\D", "");
        return CitationRef.malformed(offset, "the quote in [@" + single.group("key") + "] is in single quotation marks: a quote goes in double"
            + " ones, straight or curly, as in [@" + single.group("key") + para + " \"" + single.group("quote") + "\"]");
      }
      Matcher mark = OTHER_MARK.matcher(part);
      if (mark.matches()) {
        // "p3", "§3", "par. 3", "paragraph 3", or a comma before the quote: said as such.
        String written = mark.group("key") + " ¶" + mark.group("para") + (mark.group("rest") == null ? "" : " " + mark.group("rest").strip().replaceFirst("^,\\s*", ""));
        return CitationRef.malformed(offset, "cannot read the citation \"" + part.strip() + "\": write its paragraph as ¶"
            + mark.group("para") + " (or para " + mark.group("para") + ") right after the key, then the quote, if any, with no comma: [@" + written + "]");
      }
      int next = nextCitation(part);
      if (next > 0) {
        // The next citation read as part of this one: its ] ends both.
        return CitationRef.malformed(offset, "the citation \"[" + part.substring(0, next).strip() + "\" has no closing ] before the next one, \""
            + part.substring(next).strip() + "]\": end it with ] where its words end");
      }
      return CitationRef.malformed(offset, "cannot read the citation \"" + part.strip() + "\"");
    }
    String key = m.group("key");
    if (!KEY.matcher(key).matches()) {
      return CitationRef.malformed(
          offset, "\"" + key + "\" is not a citation key; keys are lowercase letters, digits and hyphens");
    }
    Optional<Integer> paragraph = Optional.empty();
    if (m.group("para") != null) {
      try {
        paragraph = Optional.of(Integer.parseInt(m.group("para")));
      } catch (NumberFormatException e) {
        return CitationRef.malformed(offset, "paragraph number " + m.group("para") + " is too large");
      }
    }
    Optional<String> quote = Optional.ofNullable(m.group("quote")).map(CitationSyntax::spaced);
    if (quote.isPresent() && quote.get().isBlank()) {
      return CitationRef.malformed(offset, "the quote in [@" + key + "] is empty");
    }
    return new CitationRef(key, paragraph, quote, offset, Optional.empty());
  }

  /**
   * A quote with each run of whitespace made one space and none at its ends, as
   * {@link QuoteMatcher} compares it: a quote wrapped over two lines of the index, or typed with
   * two spaces, is the same quote, with the same note, the same words shown and the same link to
   * where it begins.
   */
  static String spaced(String quote) {
    StringBuilder out = new StringBuilder(quote.length());
    boolean inSpace = false;
    for (int i = 0; i < quote.length(); i++) {
      char c = quote.charAt(i);
      boolean space = QuoteMatcher.isSpace(c);
      if (!space) {
        out.append(c);
      } else if (!inSpace) {
        out.append(' ');
      }
      inSpace = space;
    }
    return out.toString().strip();
  }

  /**
   * Where a citation's part holds the start of another citation, "[@" and a key, outside its
   * quotation marks ("[@StateDept]" quoted in a quote is words); -1 when it holds none.
   */
  private static int nextCitation(String part) {
    int marks = 0;
    for (int i = 0; i + 2 < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '"' || c == '“' || c == '”') {
        marks++;
      } else if (c == '[' && part.charAt(i + 1) == '@' && marks % 2 == 0 && NEXT_KEY.matcher(part).region(i + 2, part.length()).lookingAt()) {
        return i;
      }
    }
    return -1;
  }

  /** Splits at semicolons outside quotes. */
  private static List<String> splitParts(String inner) {
    List<String> parts = new ArrayList<>();
    boolean inQuote = false;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (!inQuote && (c == '"' || c == '“')) {
        inQuote = true;
      } else if (inQuote && (c == '"' || c == '”') && closesQuoteInner(inner, i + 1)) {
        inQuote = false;
      } else if (!inQuote && c == ';') {
        parts.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(inner.substring(start));
    return parts;
  }

  private static boolean closesQuoteInner(String inner, int from) {
    int i = from;
    while (i < inner.length() && Character.isWhitespace(inner.charAt(i))) {
      i++;
    }
    return i == inner.length() || inner.charAt(i) == ';';
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
