package dev.dossier.render;

import dev.dossier.model.Block;
import dev.dossier.model.Dossier;
import dev.dossier.model.Event;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Prose;
import dev.dossier.model.Reproduce;
import dev.dossier.model.Source;
import dev.dossier.model.Subheading;
import dev.dossier.model.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The index behind {@code search.html}, written as script files that call a global
 * registration function ({@code dossierSearch.manifest(...)}, {@code .terms(...)},
 * {@code .docs(...)}), because a page opened from {@code file://} may load scripts but may not
 * fetch data. The index is sharded so that a browser loads only what a query needs: before the
 * first query just {@code search/manifest.js}; then the term shards holding the query's words;
 * then the document shards holding the results it shows.
 *
 * <p>Documents are the dossier's topics, events, sources (their titles and metadata) and the
 * sources' paragraphs, numbered in that order, so each kind is a range of ids the manifest
 * names; a full source's subheadings are among its paragraphs, in their place, each its own
 * document (kind "subheading", linked to its id on the page). A source published as excerpts
 * contributes only its cited paragraphs: its other paragraphs and its subheadings reach no
 * file.
 *
 * <p>Term shards ({@code search/t-<prefix>.js}) cover ranges of the sorted normalised terms; a
 * shard is named by the shortest prefix of its first term that sorts after the previous shard's
 * last term, so the term {@code t} lives in the shard with the greatest name {@code <= t}. Each
 * term maps to {@code [df, p1, p2, ...]}: its document frequency, then one number per document,
 * {@code (id - previous id) * 16 + impact}. The impact (1 to 15) is the document's BM25 term
 * weight, with title words counted {@link #TITLE_BOOST} times, computed here and quantised; the
 * browser multiplies it by the term's idf. Shipping it instead of the raw term frequency spares
 * the browser every document's length. When the term is in the title of some of its documents
 * (a topic's, an event's, a source's), a last element lists them, {@code [t1, t2, ...]}, each
 * as {@code id - previous id}: a query whose every word is in an entry's title finds the entry
 * it names first. A term in more than half the documents of a large index keeps only its df,
 * and the topics and events with it in their title: its idf is close to nothing and its
 * postings would be the biggest file, but a query of such words alone still finds what they
 * name.
 *
 * <p>Document shards ({@code search/d-<name>.js}) hold each document's kind, link, title and
 * text for the snippets. They are cut where the content says, not at fixed sizes: after a
 * document whose link hashes to one of {@link #DOC_SHARD_SPACING} values (once at least
 * {@link #DOC_SHARD_MIN_BYTES} are in the shard), or at {@link #DOC_SHARD_MAX_BYTES} or
 * {@link #DOC_SHARD_DOCS} documents at most. A shard is named by a fingerprint of what it holds
 * and holds no document numbers (the manifest gives each shard's first), so a new source, which
 * shifts the numbers of every document after it, changes the one or two shards around it and
 * leaves the others the same files: a static host receives the shards that changed, not all of
 * them, and a rebuild keeps the others without making them.
 */
final class SearchIndex {

  static final String DIR = "search/";
  static final int FORMAT = 6;
  static final int TITLE_BOOST = 3;
  static final double K1 = 1.2;
  static final double B = 0.75;
  static final int IMPACT_LEVELS = 15;
  /** Term shards close once they pass this many bytes; a single big term still gets a shard of its own. */
  static final int TERM_SHARD_BYTES = 64 * 1024;
  static final int DOC_SHARD_MIN_BYTES = 16 * 1024;
  static final int DOC_SHARD_MAX_BYTES = 160 * 1024;
  static final int DOC_SHARD_DOCS = 500;
  /** About one document in this many ends a shard: about 45 KB of paragraphs. */
  static final int DOC_SHARD_SPACING = 64;
  /** Below this many documents every term keeps its postings. */
  static final int COMMON_MIN_DOCS = 1000;

  /** Marks dropped from a word, all but kana's voicing marks (が is not か). */
  private static final Pattern MARKS = Pattern.compile("[\\p{M}&&[^\\u3099\\u309A]]+");

  /** ß, folded to "ss" (its capital ẞ lower-cases to it). */
  private static final char SHARP_S = '\u00DF';
  /** ς, folded to σ. */
  private static final char FINAL_SIGMA = '\u03C2';
  private static final char SIGMA = '\u03C3';
  /** ʼ, an apostrophe as ' and ’ are ({@link #letter}). */
  private static final char MODIFIER_APOSTROPHE = '\u02BC';

  /**
   * One searchable unit: what a hit links to.
   *
   * @param titleSearched whether the title's words are searched: not those of "[untitled:
   *     FILE]", which is nobody's title, and would make every untitled source a hit for
   *     "untitled" and for the words of its file's name, ahead of any passage
   */
  record Doc(String kind, String href, String title, String text, Map<String, Object> extra, boolean titleSearched) {
    Doc(String kind, String href, String title, String text, Map<String, Object> extra) {
      this(kind, href, title, text, extra, true);
    }
  }

  private final List<Doc> docs = new ArrayList<>();
  private final Map<String, int[]> kindRanges = new LinkedHashMap<>();
  private final Map<String, String> sourceTitles = new HashMap<>();
  /** Each source's outlet and date, as a paragraph's hit shows them beside its source's title; absent when neither is known. */
  private final Map<String, String> sourceAbout = new HashMap<>();

  SearchIndex(Dossier dossier, Backlinks backlinks) {
    Links links = new Links("search.html");
    begin("topic");
    for (Topic t : dossier.topics()) {
      docs.add(new Doc("topic", links.topic(t.id()), t.title(), t.summary().map(SearchIndex::plain).orElse(""), Map.of()));
    }
    end("topic");
    begin("event");
    for (Event e : dossier.events()) {
      docs.add(new Doc("event", links.event(e.id()), e.title(), plain(e.text()), Map.of("date", e.date().label())));
    }
    end("event");
    begin("source");
    for (Source s : dossier.sources()) {
      sourceTitles.put(s.key(), Bibliography.displayTitle(s));
      List<String> outletAndDate = new ArrayList<>();
      s.outlet().value().ifPresent(outletAndDate::add);
      Bibliography.dateLabel(s).ifPresent(outletAndDate::add);
      if (!outletAndDate.isEmpty()) {
        sourceAbout.put(s.key(), String.join(" · ", outletAndDate));
      }
      List<String> about = new ArrayList<>();
      s.outlet().value().ifPresent(about::add);
      s.authors().value().ifPresent(about::addAll);
      s.dateline().ifPresent(about::add);
      Bibliography.dateLabel(s).ifPresent(about::add);
      docs.add(new Doc("source", links.source(s.key()), Bibliography.displayTitle(s), String.join(" · ", about), Map.of(), s.title().value().isPresent()));
    }
    end("source");
    begin("paragraph");
    for (Source s : dossier.sources()) {
      int subheadings = 0;
      for (Block block : s.blocks()) {
        if (block instanceof Subheading h) {
          // Shown on the page of a full source only, as its paragraphs are.
          subheadings++;
          if (s.reproduce() == Reproduce.FULL) {
            docs.add(new Doc("subheading", links.subheading(s.key(), subheadings), "", h.text(), Map.of("source", s.key())));
          }
          continue;
        }
        Paragraph p = (Paragraph) block;
        if (s.reproduce() == Reproduce.EXCERPTS && !backlinks.isCited(s.key(), p.number())) {
          continue;
        }
        // A Markdown table's text runs its cells together ("DayEvent"); its HTML keeps them apart.
        String text = p.markup().filter(html -> html.contains("<table")).map(SearchIndex::plain).orElse(p.text());
        docs.add(new Doc("paragraph", links.paragraph(s.key(), p.number()), "", text, Map.of("source", s.key(), "n", p.number())));
      }
    }
    end("paragraph");
  }

  private void begin(String kind) {
    kindRanges.put(kind, new int[] {docs.size(), docs.size()});
  }

  private void end(String kind) {
    kindRanges.get(kind)[1] = docs.size();
  }

  private static String plain(Prose prose) {
    return plain(prose.html());
  }

  private static String plain(String html) {
    return Jsoup.parseBodyFragment(Prose.MARKER.matcher(html).replaceAll("")).text();
  }

  /**
   * The words of a text as the index keeps them: lower case, compatibility-decomposed with the
   * diacritics dropped, and folded as Unicode's case folding does where lower case is not
   * enough: ß is ss ("strasse" finds "Straße") and ς is σ (Σ lowers to either by the letters
   * around it, by rules the JDK and each browser apply with their own Unicode tables, and a
   * reader types either). Split at everything that is neither a letter nor a digit, except where
   * a reader sees one word and splitting costs a search:
   *
   * <ul>
   *   <li>A number is its digits with a comma or period between each two groups of them. A comma
   *       before exactly three digits (then anything but a digit) separates thousands: it joins
   *       and is dropped, so "100,000" is "100000", found by either and not by every "000"
   *       ("1,000,000" is "1000000"). Of its other commas and periods, one alone joins and is
   *       kept ("1.5", "1,5", the German "100.000", "1,000.5" as "1000.5"); two or more cut the
   *       number at each of them, as a date or a version is read in parts ("24.02.2022" is
   *       "24", "02" and "2022", found by "2022"; "1.2.3"; "2,3,4").
   *   <li>A final "'s" or "’s" after a letter, at the end of a word, is dropped: "Russia's" is
   *       "russia", found by "Russia" and "Russia's" alike ("it's" is "it"). Any other
   *       apostrophe cuts the word: "don't" is "don" and "t", "l'Europe" is "l" and "europe"
   *       (found by "Europe"), "O'Brien" is "o" and "brien", "Ukrainians'" is "ukrainians". The
   *       modifier letter apostrophe ʼ, which Unicode counts a letter, is an apostrophe like the
   *       others: Ukrainian "мʼясо", "м'ясо" and "м’ясо" are each "м" and "ясо".
   * </ul>
   *
   * <p>The browser does the same to a query (search.js, {@code terms}).
   */
  static List<String> terms(String text) {
    List<String> out = new ArrayList<>();
    terms(text, out::add);
    return out;
  }

  /**
   * {@link #terms(String)}, one at a time, without a regular expression for ASCII text: ASCII
   * letters and digits make words and every other ASCII character ends one, but for a comma or
   * period that may be in a number and an apostrophe that may begin a final "'s". A run of only
   * ASCII letters and digits is a word as it is, lower-cased; a run holding such a character
   * goes through {@link #words}, and a run holding anything else is first lower-cased and
   * decomposed with its marks dropped. Cutting the text at ASCII characters first changes
   * nothing, as lower-casing and decomposition never join across them and a comma, period or
   * apostrophe is cut at only when a neighbour that is ASCII already rules out its being in a
   * number or before a final "s" ({@link #mayJoin}). Nor does lower-casing each run rather than
   * the whole text: in the root locale only Σ lower-cases by its neighbours, to σ or ς, which
   * {@link #words} folds into one.
   */
  static void terms(String text, java.util.function.Consumer<String> out) {
    terms(text, new char[text.length()], (chars, start, end, hash) -> out.accept(plainWord(chars, start, end)), out);
  }

  /**
   * Receives a word of ASCII letters and digits as a stretch of the text's characters, not yet
   * lower-cased, with the hash of its lower-cased characters ({@link String#hashCode}'s), so
   * that a known word costs no new String.
   */
  @FunctionalInterface
  private interface Stretch {
    void accept(char[] chars, int start, int end, int hash);
  }

  /**
   * One pass over the text's characters, copied into {@code chars} (at least as long as the
   * text) at once, which lower-cases each ASCII character and hashes each plain word as it goes.
   */
  private static void terms(String text, char[] chars, Stretch plainWord, java.util.function.Consumer<String> other) {
    int n = text.length();
    text.getChars(0, n, chars, 0);
    int start = -1;
    int hash = 0;
    boolean plain = true;
    boolean ascii = true;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? chars[i] : ' ';
      if (c >= 0x80) {
        start = start < 0 ? i : start;
        plain = false;
        ascii = false;
        continue;
      }
      c = asciiLower(c);
      if (asciiLetter(c) || asciiDigit(c)) {
        if (start < 0) {
          start = i;
          hash = 0;
        }
        hash = 31 * hash + c;
      } else if (start >= 0 && mayJoin(chars, n, i, c)) {
        plain = false;
      } else if (start >= 0) {
        if (plain) {
          plainWord.accept(chars, start, i, hash);
        } else {
          String run = new String(chars, start, i - start).toLowerCase(java.util.Locale.ROOT);
          if (ascii) {
            words(run, other);
          } else {
            String folded = MARKS.matcher(Normalizer.normalize(run, Normalizer.Form.NFKD)).replaceAll("");
            words(Normalizer.normalize(folded, Normalizer.Form.NFC), other);
          }
        }
        start = -1;
        plain = true;
        ascii = true;
      }
    }
  }

  /** A word of ASCII letters and digits, lower-cased. */
  private static String plainWord(char[] chars, int start, int end) {
    char[] word = new char[end - start];
    for (int i = start; i < end; i++) {
      word[i - start] = asciiLower(chars[i]);
    }
    return new String(word);
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean asciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean asciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Whether the ASCII character at {@code i}, inside a run, may keep the run going: a comma or
   * period between two digits (a number's, which {@link #words} reads as a whole to know which
   * of them join), an apostrophe between a letter and an "s" (perhaps a final "'s"). Exact when
   * both neighbours are ASCII, which lower-casing and decomposition leave ASCII; with a
   * neighbour outside ASCII, which may become a letter, a digit or an "s", {@link #words} decides.
   */
  private static boolean mayJoin(char[] chars, int n, int i, char c) {
    if (i + 1 >= n) {
      return false;
    }
    char before = asciiLower(chars[i - 1]);
    char after = asciiLower(chars[i + 1]);
    if (c == ',' || c == '.') {
      return (before >= 0x80 || asciiDigit(before)) && (after >= 0x80 || asciiDigit(after));
    }
    return c == '\'' && (before >= 0x80 || asciiLetter(before)) && (after >= 0x80 || after == 's');
  }

  /**
   * Cuts a run of lower-cased, decomposed text without marks into words, as
   * {@link #terms(String)} says: at everything that is neither a letter nor a digit ({@code \p{L}}
   * and {@code \p{N}}, as search.js splits), but for a number's separators that join and a final
   * "'s", dropped, and with {@code ß} and {@code ς} folded.
   */
  private static void words(String run, java.util.function.Consumer<String> out) {
    StringBuilder word = new StringBuilder(run.length() + 4);
    for (int i = 0, n = run.length(); i < n; ) {
      int c = run.codePointAt(i);
      if (digit(c) && (i == 0 || !digit(run.codePointBefore(i)))) {
        i = number(run, i, word, out);
      } else if (letterOrNumber(c)) {
        if (c == SHARP_S) {
          word.append("ss");
        } else {
          word.appendCodePoint(c == FINAL_SIGMA ? SIGMA : c);
        }
        i += Character.charCount(c);
      } else if (finalS(run, i, c)) {
        i += 2;
      } else {
        finish(word, out);
        i += Character.charCount(c);
      }
    }
    finish(word, out);
  }

  /**
   * Adds the number that starts at {@code start} (digits, with a comma or period between each
   * two groups of them) to the word, as {@link #terms(String)} says: its thousands commas
   * dropped, its one other separator kept, or the word cut at each of two or more. Returns where
   * the number ends.
   */
  private static int number(String run, int start, StringBuilder word, java.util.function.Consumer<String> out) {
    int end = digitsEnd(run, start);
    int others = 0;
    while (end + 1 < run.length() && separator(run.charAt(end)) && digit(run.codePointAt(end + 1))) {
      int next = digitsEnd(run, end + 1);
      others += thousands(run, end, next) ? 0 : 1;
      end = next;
    }
    for (int i = start; i < end; ) {
      int c = run.codePointAt(i);
      if (!separator(c)) {
        word.appendCodePoint(c);
        i += Character.charCount(c);
        continue;
      }
      if (!thousands(run, i, digitsEnd(run, i + 1))) {
        if (others == 1) {
          word.append((char) c);
        } else {
          finish(word, out);
        }
      }
      i++;
    }
    return end;
  }

  private static boolean separator(int c) {
    return c == ',' || c == '.';
  }

  /** Where the digits that start at {@code i} end. */
  private static int digitsEnd(String run, int i) {
    while (i < run.length() && digit(run.codePointAt(i))) {
      i += Character.charCount(run.codePointAt(i));
    }
    return i;
  }

  /** Whether the separator at {@code i}, before the digits up to {@code end}, is a comma before exactly three. */
  private static boolean thousands(String run, int i, int end) {
    return run.charAt(i) == ',' && run.codePointCount(i + 1, end) == 3;
  }

  /** Whether the character at {@code i} is the apostrophe of a final "'s" after a letter: "Russia's", "it’s". */
  private static boolean finalS(String run, int i, int c) {
    return (c == '\'' || c == '\u2019' || c == MODIFIER_APOSTROPHE) && i > 0 && letter(run.codePointBefore(i))
        && i + 1 < run.length() && run.charAt(i + 1) == 's' && (i + 2 == run.length() || !letterOrNumber(run.codePointAt(i + 2)));
  }

  /** Hands on a word that {@link #words} has made and empties it. */
  private static void finish(StringBuilder word, java.util.function.Consumer<String> out) {
    if (word.isEmpty()) {
      return;
    }
    spaceless(word.toString(), out);
    word.setLength(0);
  }

  /**
   * A letter of a word: {@code \p{L}} but the modifier letter apostrophe ʼ, which Ukrainian
   * writes inside a word ("мʼясо") where others type ' or ’: all three are one apostrophe here
   * (search.js's normalise makes it ’).
   */
  private static boolean letter(int c) {
    return c != MODIFIER_APOSTROPHE && Character.isLetter(c);
  }

  /** A {@link #letter} or {@code \p{N}}: a character that is part of a word. */
  private static boolean letterOrNumber(int c) {
    if (letter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }

  private static boolean digit(int c) {
    return Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER;
  }

  /**
   * A word as the index keeps it, where Chinese and Japanese, written without spaces, are kept
   * as each of their characters and each pair of them: a run of Han, Hiragana or Katakana holds
   * many words, and any of one character or more is then found (search.js looks for a query's
   * pairs). Other scripts' words are kept whole.
   */
  private static void spaceless(String word, java.util.function.Consumer<String> out) {
    int i = 0;
    while (i < word.length()) {
      int cp = word.codePointAt(i);
      int end = i;
      boolean cjk = spaceless(cp);
      while (end < word.length() && spaceless(word.codePointAt(end)) == cjk) {
        end += Character.charCount(word.codePointAt(end));
      }
      if (!cjk) {
        out.accept(i == 0 && end == word.length() ? word : word.substring(i, end));
      } else {
        for (int a = i; a < end; a += Character.charCount(word.codePointAt(a))) {
          int b = a + Character.charCount(word.codePointAt(a));
          out.accept(word.substring(a, b));
          if (b < end) {
            out.accept(word.substring(a, b + Character.charCount(word.codePointAt(b))));
          }
        }
      }
      i = end;
    }
  }

  /**
   * A character of a script written without spaces between its words: Han, Hiragana, Katakana,
   * and the letters those scripts share with others (the long-vowel mark ー in コーヒー, the
   * iteration marks 々 and 〱 to 〵, 〆, 〻, 〼), which would otherwise cut a word in two.
   * search.js's SPACELESS says the same.
   */
  static boolean spaceless(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
        || codePoint == 0x30FC || codePoint == 0xFF70 || codePoint == 0x3005 || codePoint == 0x3006
        || codePoint >= 0x3031 && codePoint <= 0x3035 || codePoint == 0x303B || codePoint == 0x303C;
  }

  /**
   * Hands each shard to {@code out} as soon as it is made, so the index (as big as the text it
   * indexes) is never all in memory, and the manifest, which names them all, last. The term
   * shards and the document shards may also be written by two threads at once
   * ({@link #writeTermShards}, {@link #docShards}), then the {@link #manifest}.
   */
  void write(java.util.function.Consumer<Page> out) {
    Shards<String> terms = writeTermShards(out);
    Shards<DocShard> documents = writeDocShards(out);
    out.accept(manifest(terms, documents));
  }

  /** What the manifest needs of one kind of shard: their names, and a digest of their paths and bytes. */
  record Shards<T>(List<T> names, byte[] digest) {}

  /** Counts every word and writes the term shards, named by prefix. */
  Shards<String> writeTermShards(java.util.function.Consumer<Page> out) {
    MessageDigest digest = sha256();
    List<String> names = termShards(postings(), digesting(digest, out));
    return new Shards<>(names, digest.digest());
  }

  /** A document shard as the manifest lists it: its first document's number and its name. */
  record DocShard(int first, String name) {}

  /** Writes the document shards, named by a fingerprint of what they hold. */
  Shards<DocShard> writeDocShards(java.util.function.Consumer<Page> out) {
    DocShards work = docShards(out, path -> false);
    work.help();
    return work.shards();
  }

  /**
   * The document shards, to be written by the threads that {@link DocShards#help}: where each
   * begins and ends is known at once, and each thread takes the next shard no thread has taken,
   * so that the thread that finishes its other work first does most of them. The shards are
   * named by a fingerprint of what they hold, and those {@code kept} says the output already
   * has are not made: a shard's name stands for its content, so a file of that name from an
   * earlier build is that shard.
   */
  DocShards docShards(java.util.function.Consumer<Page> out, java.util.function.Predicate<String> kept) {
    IntList firsts = new IntList();
    for (int first = 0; first < docs.size(); ) {
      firsts.add(first);
      int end = first;
      int bytes = 0;
      while (end < docs.size()) {
        Doc d = docs.get(end++);
        bytes += d.title().length() + d.text().length() + d.href().length() + 40;
        if (bytes >= DOC_SHARD_MAX_BYTES || end - first >= DOC_SHARD_DOCS || bytes >= DOC_SHARD_MIN_BYTES && endsShard(d)) {
          break;
        }
      }
      first = end;
    }
    firsts.add(docs.size());
    return new DocShards(java.util.Arrays.copyOf(firsts.values, firsts.size), out, kept);
  }

  /** The document shards of {@link #docShards}, written by every thread that helps. */
  final class DocShards {
    /** Shard {@code i} holds the documents from {@code bounds[i]} to {@code bounds[i + 1]}. */
    private final int[] bounds;
    private final String[] names;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.function.Consumer<Page> out;
    private final java.util.function.Predicate<String> kept;

    private DocShards(int[] bounds, java.util.function.Consumer<Page> out, java.util.function.Predicate<String> kept) {
      this.bounds = bounds;
      this.names = new String[bounds.length - 1];
      this.out = out;
      this.kept = kept;
    }

    /** The index whose documents these shards hold. */
    SearchIndex index() {
      return SearchIndex.this;
    }

    /** Writes shards no other thread has taken, until none is left. */
    void help() {
      for (int i = next.getAndIncrement(); i < names.length; i = next.getAndIncrement()) {
        int first = bounds[i];
        int end = bounds[i + 1];
        Map<String, String> titles = titlesOf(first, end);
        String name = docShardName(first, end, titles);
        String path = docShardPath(name);
        if (!kept.test(path)) {
          out.accept(new Page(path, docShard(name, first, end, titles)));
        }
        names[i] = name;
      }
    }

    /**
     * The shards in order, and a digest of their paths, which name their content; once every
     * thread that helped has returned (having written the shards it took).
     */
    Shards<DocShard> shards() {
      MessageDigest digest = sha256();
      List<DocShard> shards = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        if (names[i] == null) {
          throw new IllegalStateException("document shard " + i + " was not written");
        }
        digest.update(docShardPath(names[i]).getBytes(StandardCharsets.UTF_8));
        shards.add(new DocShard(bounds[i], names[i]));
      }
      return new Shards<>(shards, digest.digest());
    }
  }

  private static String docShardPath(String name) {
    return DIR + "d-" + name + ".js";
  }

  private static java.util.function.Consumer<Page> digesting(MessageDigest digest, java.util.function.Consumer<Page> out) {
    return page -> {
      digest.update(page.path().getBytes(StandardCharsets.UTF_8));
      digest.update(page.bytes());
      out.accept(page);
    };
  }

  /** {@code search/manifest.js}: the shards' names, the id ranges of each kind, and a version that changes with any shard. */
  Page manifest(Shards<String> terms, Shards<DocShard> documents) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("format", FORMAT);
    manifest.put("version", version(terms, documents));
    manifest.put("docs", docs.size());
    Map<String, Object> kinds = new LinkedHashMap<>();
    kindRanges.forEach((kind, range) -> kinds.put(kind, List.of(range[0], range[1])));
    manifest.put("kinds", kinds);
    manifest.put("impactLevels", IMPACT_LEVELS);
    manifest.put("termShards", terms.names());
    manifest.put("docShards", documents.names().stream().map(DocShard::first).toList());
    manifest.put("docNames", documents.names().stream().map(DocShard::name).toList());
    return new Page(DIR + "manifest.js", ("dossierSearch.manifest(" + Json.compact(manifest) + ");\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The index's version: a digest of every shard, which changes whenever one does. */
  static String version(Shards<String> terms, Shards<DocShard> documents) {
    MessageDigest version = sha256();
    version.update(terms.digest());
    version.update(documents.digest());
    return HexFormat.of().formatHex(version.digest(), 0, 8);
  }

  /** Every term's documents, and each document's length, from one pass over the text. */
  private record Postings(Vocabulary vocabulary, List<IntList> byId, int[] lengths, double averageLength) {}

  /** In a document's count of a term, the mark that the term is in its title. */
  private static final int IN_TITLE = 1 << 30;

  private Postings postings() {
    // Each posting is (id << 9 | in title << 8 | weighted tf); the impact needs the average
    // length, known at the end.
    Vocabulary vocabulary = new Vocabulary();
    List<IntList> byId = new ArrayList<>();
    int[] lengths = new int[docs.size()];
    long total = 0;
    int[][] counts = {new int[1024]};
    IntList seen = new IntList();
    char[] chars = new char[4096];
    for (int id = 0; id < docs.size(); id++) {
      Doc doc = docs.get(id);
      int[] length = {0};
      java.util.function.IntConsumer title = term -> {
        counts[0] = count(counts[0], seen, term, TITLE_BOOST);
        counts[0][term] |= IN_TITLE;
        length[0] += TITLE_BOOST;
      };
      java.util.function.IntConsumer text = term -> {
        counts[0] = count(counts[0], seen, term, 1);
        length[0]++;
      };
      String searched = doc.titleSearched() ? doc.title() : "";
      int longer = Math.max(searched.length(), doc.text().length());
      if (chars.length < longer) {
        chars = new char[Math.max(longer, chars.length * 2)];
      }
      terms(searched, chars, (original, start, end, hash) -> title.accept(vocabulary.id(original, start, end, hash)), t -> title.accept(vocabulary.id(t)));
      terms(doc.text(), chars, (original, start, end, hash) -> text.accept(vocabulary.id(original, start, end, hash)), t -> text.accept(vocabulary.id(t)));
      lengths[id] = length[0];
      total += lengths[id];
      while (byId.size() < vocabulary.size) {
        byId.add(new IntList());
      }
      for (int i = 0; i < seen.size; i++) {
        int term = seen.values[i];
        int count = counts[0][term];
        byId.get(term).add(id << 9 | ((count & IN_TITLE) != 0 ? 1 << 8 : 0) | Math.min(count & ~IN_TITLE, 255));
        counts[0][term] = 0;
      }
      seen.size = 0;
    }
    return new Postings(vocabulary, byId, lengths, docs.isEmpty() ? 1 : Math.max(1.0, (double) total / docs.size()));
  }

  /** Adds {@code weight} to a term's count in this document, noting the term on its first time. */
  private static int[] count(int[] counts, IntList seen, int term, int weight) {
    if (term >= counts.length) {
      counts = Arrays.copyOf(counts, Math.max(term + 1, counts.length * 2));
    }
    if (counts[term] == 0) {
      seen.add(term);
    }
    counts[term] += weight;
    return counts;
  }

  /**
   * Terms numbered in the order first seen, found by their characters in an open-addressed
   * table, so that looking up a word already known makes no String.
   */
  private static final class Vocabulary {
    String[] terms = new String[1024];
    int size;
    /**
     * Two ints per slot: the term's number + 1 (0 for an empty slot), then its hash, so that a
     * probe that meets another word's slot moves on without looking at that word.
     */
    private int[] slots = new int[2 * 4096];

    /** A term's number, found by its characters. */
    int id(String term) {
      int hash = term.hashCode();
      int mask = slots.length / 2 - 1;
      for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
        int found = slots[2 * slot] - 1;
        if (found < 0) {
          return add(term, hash, slot);
        }
        if (slots[2 * slot + 1] == hash && terms[found].equals(term)) {
          return found;
        }
      }
    }

    /**
     * The number of the word of ASCII letters and digits from {@code start} to {@code end} of
     * the characters, lower-cased; {@code hash} is that of the lower-cased word.
     */
    int id(char[] chars, int start, int end, int hash) {
      int mask = slots.length / 2 - 1;
      for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
        int found = slots[2 * slot] - 1;
        if (found < 0) {
          return add(plainWord(chars, start, end), hash, slot);
        }
        if (slots[2 * slot + 1] == hash && sameWord(terms[found], chars, start, end)) {
          return found;
        }
      }
    }

    /** Whether the term is the word from start to end, lower-cased. */
    private static boolean sameWord(String term, char[] chars, int start, int end) {
      if (term.length() != end - start) {
        return false;
      }
      for (int i = start, j = 0; i < end; i++, j++) {
        if (term.charAt(j) != asciiLower(chars[i])) {
          return false;
        }
      }
      return true;
    }

    private int add(String term, int hash, int slot) {
      if (size == terms.length) {
        terms = Arrays.copyOf(terms, size * 2);
      }
      terms[size] = term;
      slots[2 * slot] = ++size;
      slots[2 * slot + 1] = hash;
      if (size * 4 > slots.length) {
        rehash();
      }
      return size - 1;
    }

    private void rehash() {
      int[] old = slots;
      slots = new int[old.length * 2];
      int mask = slots.length / 2 - 1;
      for (int i = 0; i < old.length; i += 2) {
        if (old[i] != 0) {
          int slot = mix(old[i + 1]) & mask;
          while (slots[2 * slot] != 0) {
            slot = (slot + 1) & mask;
          }
          slots[2 * slot] = old[i];
          slots[2 * slot + 1] = old[i + 1];
        }
      }
    }

    /** Spreads a String hash over the table's low bits. */
    private static int mix(int hash) {
      return hash ^ (hash >>> 16) ^ (hash >>> 7);
    }
  }

  /**
   * Cuts the sorted terms into shards of about {@link #TERM_SHARD_BYTES}; returns their names.
   * Each shard is the JSON {@code Json.compact} would write for its map of terms to entries,
   * written here directly: a term is letters, digits and a number's periods and commas, and an
   * entry numbers only.
   */
  private List<String> termShards(Postings postings, java.util.function.Consumer<Page> out) {
    List<String> names = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    StringBuilder entry = new StringBuilder();
    StringBuilder titled = new StringBuilder();
    int currentBytes = 0;
    String last = null;
    String[] terms = postings.vocabulary().terms;
    // BM25's length normalisation, once per document rather than once per posting.
    double[] norms = new double[postings.lengths().length];
    for (int id = 0; id < norms.length; id++) {
      norms[id] = K1 * (1 - B + B * postings.lengths()[id] / postings.averageLength());
    }
    Integer[] sorted = new Integer[postings.vocabulary().size];
    Arrays.setAll(sorted, id -> id);
    Arrays.sort(sorted, (a, b) -> terms[a].compareTo(terms[b]));
    for (int id : sorted) {
      String term = terms[id];
      entry.setLength(0);
      entry(postings.byId().get(id), norms, entry, titled);
      int bytes = term.length() + 4 + entry.length();
      if (current.length() > 0 && currentBytes + bytes > TERM_SHARD_BYTES) {
        out.accept(termShard(names.get(names.size() - 1), current));
        current.setLength(0);
        currentBytes = 0;
      }
      if (current.length() == 0) {
        names.add(shardName(last, term));
      }
      current.append(current.length() == 0 ? '{' : ',').append(Json.compact(term)).append(':').append(entry);
      currentBytes += bytes;
      last = term;
    }
    if (current.length() > 0) {
      out.accept(termShard(names.get(names.size() - 1), current));
    }
    return names;
  }

  private static Page termShard(String name, StringBuilder terms) {
    String js = "dossierSearch.terms(" + Json.compact(name) + "," + terms + "});\n";
    return new Page(DIR + "t-" + fileName(name) + ".js", js.getBytes(StandardCharsets.UTF_8));
  }

  /** The titles of the sources whose paragraphs are among the documents, by key. */
  private Map<String, String> titlesOf(int first, int end) {
    Map<String, String> titles = new TreeMap<>();
    for (int id = first; id < end; id++) {
      if (docs.get(id).extra().get("source") instanceof String key) {
        titles.put(key, sourceTitles.get(key));
      }
    }
    return titles;
  }

  /**
   * A document shard's name: 16 hex digits of a fingerprint of everything its file holds (each
   * document, its sources' titles and outlets), so that it can be known, and an earlier build's
   * file of that name kept, without making the file.
   */
  private String docShardName(int first, int end, Map<String, String> titles) {
    Fingerprint fingerprint = new Fingerprint(c -> null).add(FORMAT);
    for (int id = first; id < end; id++) {
      Doc d = docs.get(id);
      fingerprint.add(d.kind()).add(d.href()).add(d.title()).add(d.text()).add(new TreeMap<>(d.extra()));
    }
    titles.forEach((key, title) -> fingerprint.add(key).add(title).add(sourceAbout.get(key)));
    return fingerprint.hex().substring(0, 16);
  }

  /** Whether a document ends its shard: by its link alone, so the cut stays where it is when other documents come or go. */
  private static boolean endsShard(Doc d) {
    int h = d.href().hashCode() * 0x9E3779B1;
    return Integer.remainderUnsigned(h ^ (h >>> 16), DOC_SHARD_SPACING) == 0;
  }

  /**
   * {@code [df, postings...]}, with {@code [titles...]} last when some of the documents have the
   * term in their title, as JSON. A term too common to be worth its postings keeps its df and
   * only the topics and events with it in their title, {@code [df, [titles...]]}, or {@code [df]}
   * without any: what the word names stays found (a topic "Ukraine" in a dossier where most
   * paragraphs say "Ukraine"), while "the" in the title of every other source would name
   * thousands. The title list is made in {@code titled} beside the postings, in one pass.
   */
  private void entry(IntList list, double[] norms, StringBuilder json, StringBuilder titled) {
    json.append('[').append(list.size);
    int previousTitled = 0;
    titled.setLength(0);
    if (docs.size() >= COMMON_MIN_DOCS && list.size > docs.size() / 2) {
      // Topics, then events, are the first documents; the postings are in the order of their ids.
      int named = kindRanges.get("event")[1];
      for (int i = 0; i < list.size && list.values[i] >>> 9 < named; i++) {
        int id = list.values[i] >>> 9;
        if ((list.values[i] >>> 8 & 1) != 0) {
          titled.append(titled.length() == 0 ? ",[" : ",").append(id - previousTitled);
          previousTitled = id;
        }
      }
      json.append(titled).append(titled.length() == 0 ? "]" : "]]");
      return;
    }
    int previous = 0;
    for (int i = 0; i < list.size; i++) {
      int id = list.values[i] >>> 9;
      int tf = list.values[i] & 0xff;
      double norm = norms[id];
      double weight = tf * (K1 + 1) / (tf + norm);
      int impact = (int) Math.max(1, Math.min(IMPACT_LEVELS, Math.round(weight / (K1 + 1) * IMPACT_LEVELS)));
      json.append(',').append((id - previous) * (IMPACT_LEVELS + 1) + impact);
      previous = id;
      if ((list.values[i] >>> 8 & 1) != 0) {
        titled.append(titled.length() == 0 ? ",[" : ",").append(id - previousTitled);
        previousTitled = id;
      }
    }
    json.append(titled).append(titled.length() == 0 ? "]" : "]]");
  }

  /**
   * {@code dossierSearch.docs("name",{"sources":{key:title,..},"about":{key:"outlet · date",..},"docs":[..]});}
   * ("about" only when one of the shard's sources has an outlet or a date), each document as
   * {@code {"kind","href","title" (when it has one), its extras by name, "text"}}; the name is
   * {@link #docShardName}.
   * The JSON is what {@code Json.compact} would write for those maps, written here directly: the
   * document shards hold all the dossier's text, and a map and Jackson for each document cost 0.5
   * to 0.9 s a build.
   */
  private byte[] docShard(String name, int first, int end, Map<String, String> titles) {
    int size = 64;
    for (int id = first; id < end; id++) {
      Doc d = docs.get(id);
      size += d.title().length() + d.text().length() + d.href().length() + 64;
    }
    StringBuilder js = new StringBuilder(size);
    js.append("dossierSearch.docs(\"").append(name).append("\",");
    js.append("{\"sources\":{");
    String comma = "";
    for (Map.Entry<String, String> title : titles.entrySet()) {
      js.append(comma);
      Json.quoted(title.getKey(), js);
      js.append(':');
      Json.quoted(title.getValue(), js);
      comma = ",";
    }
    js.append('}');
    comma = "";
    for (String key : titles.keySet()) {
      String about = sourceAbout.get(key);
      if (about != null) {
        js.append(comma.isEmpty() ? ",\"about\":{" : comma);
        Json.quoted(key, js);
        js.append(':');
        Json.quoted(about, js);
        comma = ",";
      }
    }
    js.append(comma.isEmpty() ? "" : "}").append(",\"docs\":[");
    for (int id = first; id < end; id++) {
      Doc d = docs.get(id);
      js.append(id == first ? "{" : ",{").append("\"kind\":");
      Json.quoted(d.kind(), js);
      js.append(",\"href\":");
      Json.quoted(d.href(), js);
      if (!d.title().isEmpty()) {
        js.append(",\"title\":");
        Json.quoted(d.title(), js);
      }
      new TreeMap<>(d.extra()).forEach((field, value) -> {
        js.append(',');
        Json.quoted(field, js);
        js.append(':');
        value(value, js);
      });
      js.append(",\"text\":");
      Json.quoted(d.text(), js);
      js.append('}');
    }
    js.append("]});\n");
    return js.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void value(Object value, StringBuilder js) {
    if (value instanceof String s) {
      Json.quoted(s, js);
    } else {
      js.append(Json.compact(value));
    }
  }

  /** The shortest prefix of {@code first} that sorts after {@code previous}. */
  static String shardName(String previous, String first) {
    int i = 0;
    if (previous != null) {
      while (i < previous.length() && i < first.length() && previous.charAt(i) == first.charAt(i)) {
        i++;
      }
    }
    int end = Math.min(first.length(), i + 1);
    if (end < first.length() && Character.isHighSurrogate(first.charAt(end - 1))) {
      end++;
    }
    return first.substring(0, end);
  }

  /** A shard name as a file name: a-z and 0-9 as they are, any other character as _hex_. */
  static String fileName(String prefix) {
    StringBuilder out = new StringBuilder();
    prefix.codePoints().forEach(c -> {
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        out.appendCodePoint(c);
      } else {
        out.append('_').append(Integer.toHexString(c)).append('_');
      }
    });
    return out.toString();
  }

  /** For shard names, the index's version, quote anchors (Links) and asset versions (SiteRenderer). */
  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A growable list of ints: a term's postings, without boxing millions of them. */
  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }
  }
}
