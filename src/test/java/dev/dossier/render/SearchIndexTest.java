package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dossier.model.Dossier;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Reproduce;
import dev.dossier.model.Source;
import dev.dossier.site.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchIndexTest {

  @TempDir Path tmp;

  private static Build.Result seeds;

  @BeforeAll
  static void buildSeeds() throws IOException {
    seeds = new Build().run(Path.of("seeds"), Theme.builtIn());
  }

  @Test
  void termsAreLowerCaseWithoutDiacriticsSplitAtEverythingElse() {
    assertThat(SearchIndex.terms("Škoda CAFÉ, Lviv—Київ; ﬁne 2022-02-14"))
        .containsExactly("skoda", "cafe", "lviv", "киів", "fine", "2022", "02", "14");
    assertThat(SearchIndex.terms(" … ")).isEmpty();
  }

  /**
   * A comma before exactly three digits separates thousands: the number is one word without it,
   * so that a search for "100,000" finds that number, not every "000", and "100000" finds it too.
   * Only between two digits: "2022, 5" is two numbers.
   */
  @Test
  void aThousandsCommaJoinsTheNumberAndIsDropped() {
    assertThat(SearchIndex.terms("more than 100,000 troops")).containsExactly("more", "than", "100000", "troops");
    assertThat(SearchIndex.terms("1,000,000 and 12,345 and 1,000人")).containsExactly("1000000", "and", "12345", "and", "1000", "人");
    assertThat(SearchIndex.terms("In 2022, 5 were. Since 2021.Then 3,")).containsExactly("in", "2022", "5", "were", "since", "2021", "then", "3");
    assertThat(SearchIndex.terms("e.g. U.S. ,5 .5 5. 1,,000 1.,000")).containsExactly("e", "g", "u", "s", "5", "5", "5", "1", "000", "1", "000");
    // Full-width digits and comma decompose to ASCII ones; other scripts' digits are digits too.
    assertThat(SearchIndex.terms("１００，０００人 ٣,٠٠٠")).containsExactly("100000", "人", "٣٠٠٠");
  }

  /**
   * A number's one other comma or period joins it and is kept ("1.5" is neither 15 nor "1" and
   * "5"); a number with two or more is cut at each, so that a date or a version is found by its
   * parts: "2022" finds 24.02.2022.
   */
  @Test
  void aNumbersOneDecimalSeparatorIsKeptAndTwoOrMoreCutIt() {
    assertThat(SearchIndex.terms("1.5 million, $1.5bn")).containsExactly("1.5", "million", "1.5bn");
    // Not thousands: "1,5" is a decimal comma, "100.000" (German thousands) and "1,0000" one number too.
    assertThat(SearchIndex.terms("1,5 and 1,0000 and 1,00 and 100.000")).containsExactly("1,5", "and", "1,0000", "and", "1,00", "and", "100.000");
    // The thousands commas dropped, then the one period left kept.
    assertThat(SearchIndex.terms("1,000.5 and 1,000,000.50")).containsExactly("1000.5", "and", "1000000.50");
    assertThat(SearchIndex.terms("24.02.2022")).containsExactly("24", "02", "2022");
    assertThat(SearchIndex.terms("v1.2.3, 2,3,4, 1.000.000, 1,5.3")).containsExactly("v1", "2", "3", "2", "3", "4", "1", "000", "000", "1", "5", "3");
    // Thousands commas join even in a number that is cut at its other separators.
    assertThat(SearchIndex.terms("1,000.2.3")).containsExactly("1000", "2", "3");
  }

  /**
   * A final "'s" after a letter is dropped, so "Russia" and "Russia's" find each other; any
   * other apostrophe cuts the word, so that "Europe" finds "l'Europe" and "Brien" "O'Brien".
   */
  @Test
  void aFinalApostropheSIsDroppedAndAnyOtherApostropheCutsTheWord() {
    assertThat(SearchIndex.terms("Russia's, Russia’s, RUSSIA'S, it's")).containsExactly("russia", "russia", "russia", "it");
    assertThat(SearchIndex.terms("l'Europe dell’Italia O’Brien don't rock'n'roll"))
        .containsExactly("l", "europe", "dell", "italia", "o", "brien", "don", "t", "rock", "n", "roll");
    // Not after a letter, not at the end of a word, no "s": a quotation mark, a plural's apostrophe, the 1990's.
    assertThat(SearchIndex.terms("'tis the Ukrainians' ‘word’ in the 1990's, x'sy"))
        .containsExactly("tis", "the", "ukrainians", "word", "in", "the", "1990", "s", "x", "sy");
    assertThat(SearchIndex.terms("it's's x''y Straße's")).containsExactly("it", "x", "y", "strasse");
    // Ukrainian writes the modifier letter apostrophe ʼ where others type ' or ’: one apostrophe, three ways.
    assertThat(SearchIndex.terms("мʼясо м'ясо м’ясо В'ячеслав Russiaʼs")).containsExactly("м", "ясо", "м", "ясо", "м", "ясо", "в", "ячеслав", "russia");
  }

  /** ß is ss and ς is σ, as in Unicode's case folding: "strasse" finds "Straße", "ΟΔΟΣ" is "οδοσ" however lowered. */
  @Test
  void sharpSAndFinalSigmaAreFolded() {
    assertThat(SearchIndex.terms("Straße STRASSE STRAẞE strasse")).containsExactly("strasse", "strasse", "strasse", "strasse");
    assertThat(SearchIndex.terms("ΟΔΟΣ οδος οδοσ")).containsExactly("οδοσ", "οδοσ", "οδοσ");
  }

  /**
   * Chinese and Japanese, written without spaces, are kept as each character and each pair, so
   * a word of one or two characters is found in a run of many; kana keep their voicing marks.
   */
  @Test
  void chineseAndJapaneseAreKeptAsCharactersAndPairs() {
    assertThat(SearchIndex.terms("東京で会議")).containsExactly("東", "東京", "京", "京で", "で", "で会", "会", "会議", "議");
    assertThat(SearchIndex.terms("が")).containsExactly("が");
    assertThat(SearchIndex.terms("Lviv東京")).containsExactly("lviv", "東", "東京", "京");
    // The long-vowel mark is a katakana word's letter, not the end of it.
    assertThat(SearchIndex.terms("コーヒー")).containsExactly("コ", "コー", "ー", "ーヒ", "ヒ", "ヒー", "ー");
  }

  /** The tokenizer skips the regular expressions (search.js's); it must find exactly the words they find. */
  @Test
  void termsAreTheWordsTheRegularExpressionsFind() {
    Pattern marks = Pattern.compile("[\\p{M}&&[^\\u3099\\u309A]]+");
    // search.js's NUMBER, FINAL_S and WORD, without look-behinds (Java 17's miss a character
    // outside the BMP): FINAL_S's letter is kept by hand, again until none is left ("it's's").
    Pattern number = Pattern.compile("\\p{Nd}+(?:[.,]\\p{Nd}+)+");
    Pattern finalS = Pattern.compile("(\\p{L})['\\u2019]s(?![\\p{L}\\p{N}])");
    Pattern words = Pattern.compile("(?:\\p{Nd}[.,](?=\\p{Nd})|[\\p{L}\\p{N}])+");
    // Runs of Han, Hiragana or Katakana, and runs of anything else: the first kept as each
    // character and each pair of characters.
    String cjk = "\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u30FC\\uFF70\\u3005\\u3006\\u3031-\\u3035\\u303B\\u303C";
    Pattern runs = Pattern.compile("[" + cjk + "]+|[^" + cjk + "]+");
    Function<String, List<String>> reference = text -> {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      if (!lower.chars().allMatch(c -> c < 0x80)) {
        lower = java.text.Normalizer.normalize(marks.matcher(java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFKD)).replaceAll(""),
            java.text.Normalizer.Form.NFC);
      }
      lower = lower.replace("\u00DF", "ss").replace('\u03C2', '\u03C3').replace('\u02BC', '\u2019');
      lower = number.matcher(lower).replaceAll(m -> Matcher.quoteReplacement(readNumber(m.group())));
      for (String before = null; !lower.equals(before); ) {
        before = lower;
        lower = finalS.matcher(lower).replaceAll("$1");
      }
      List<String> out = new ArrayList<>();
      Matcher joined = words.matcher(lower);
      while (joined.find()) {
        String word = joined.group();
        java.util.regex.Matcher run = runs.matcher(word);
        while (run.find()) {
          String r = run.group();
          if (!SearchIndex.spaceless(r.codePointAt(0))) {
            out.add(r);
            continue;
          }
          int[] cps = r.codePoints().toArray();
          for (int i = 0; i < cps.length; i++) {
            out.add(new String(cps, i, 1));
            if (i + 1 < cps.length) {
              out.add(new String(cps, i, 2));
            }
          }
        }
      }
      return out;
    };
    for (String text : texts(seeds.dossier().orElseThrow())) {
      assertThat(SearchIndex.terms(text)).as(text).isEqualTo(reference.apply(text));
    }
    // Each run is lower-cased apart, ASCII by hand: letters outside ASCII that lower-case into it
    // (the Kelvin sign, İ), capitals before an apostrophe or beside a number's separator, and Σ,
    // which lower-cases by its neighbours.
    for (String text : List.of("\u212A's \u212A,5 5,\u212A A\u212A.5", "\u0130STANBUL'S, İ,5 MAKE'S 1,000 X.5 5.X", "ΟΔΟΣ.Β ΑΣ'S Σ,5 ΑΣΑ")) {
      assertThat(SearchIndex.terms(text)).as(text).isEqualTo(reference.apply(text));
    }
    // Where the tokenizer cuts at an ASCII character, decomposing what is around it must not have joined it.
    for (String text : randomTexts(20_000)) {
      assertThat(SearchIndex.terms(text)).as(text).isEqualTo(reference.apply(text));
    }
  }

  /**
   * Strings of the characters the tokenizer treats apart, at random (the same ones each time):
   * letters that decompose or fold, digits, a number's separators, apostrophes, marks.
   * SearchTermsBrowserIT gives them to search.js too.
   */
  static List<String> randomTexts(int count) {
    String[] pieces = {"a", "s", "S", "x", "E", "é", "1", "0", "000", ",", ".", "'", "\u2019", " ", "-", "\u0301", "\u0308", "\u3099", "ß", "ẞ",
        "Σ", "ς", "ｓ", "１", "，", "．", "＇", "٣", "東", "か", "ｶ", "ﾞ", "㏂", "½", "²", "Ⅻ", "ﬁ", "ǅ", "İ", "𠮷", "𝟎", "ʼ", "ŉ", "\u00AD", "ſ", "⒈"};
    java.util.Random random = new java.util.Random(17);
    List<String> texts = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      StringBuilder made = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        made.append(pieces[random.nextInt(pieces.length)]);
      }
      texts.add(made.toString());
    }
    return texts;
  }

  /**
   * A number as search.js's numberSeparators reads it: its thousands commas (before exactly three
   * digits) dropped, its one other comma or period kept, or a space for each of two or more.
   */
  private static String readNumber(String number) {
    String[] groups = number.split("[.,]");
    String separators = number.replaceAll("[^.,]", "");
    boolean[] thousands = new boolean[separators.length()];
    int others = 0;
    for (int i = 0; i < separators.length(); i++) {
      thousands[i] = separators.charAt(i) == ',' && groups[i + 1].codePointCount(0, groups[i + 1].length()) == 3;
      others += thousands[i] ? 0 : 1;
    }
    StringBuilder read = new StringBuilder(groups[0]);
    for (int i = 0; i < separators.length(); i++) {
      read.append(thousands[i] ? "" : others == 1 ? String.valueOf(separators.charAt(i)) : " ").append(groups[i + 1]);
    }
    return read.toString();
  }

  /**
   * Texts that try the tokenizer: every kind of character it treats apart, then every paragraph
   * of a dossier. SearchTermsBrowserIT gives them to search.js too.
   */
  static List<String> texts(Dossier dossier) {
    List<String> texts = new ArrayList<>(List.of(
        "", " ", "plain ascii words, with: punctuation! and 42 numbers_underscored-dashed",
        "“Curly quotes” — dashes – and ‘apostrophes’ … ellipses", "e\u0301te\u0301 and \u0301 lone marks \u0301abc",
        "½ ① ﬁ ℌ Ⅻ ㎏ ＦＵＬＬ", "ΟΔΟΣ ΣΟΦΟΣ. Σ", "İstanbul ǅ Straße STRAẞE", "mixed123ünï456", "emoji 🙂 in text 🙂x",
        "Київ—Lviv/Kyiv: 2022-02-14T10:00", "tab\tnewline\nnbsp\u00A0zwsp\u200Bsoft\u00ADhyphen",
        "KYIV Embassy CAFÉ Ñandú ÀÉÎÕÜ µ ß ÿ ×÷ ÆØÅ", "ΑΣ'Α ΟΔΟΣ'. ΣΑΣ'Σ ΑΣ’ ΑΣ\u00AD Kyiv", "ÀB Ā",
        "東京で会議が開かれた。北京市政府发布了新的规定。", "ｶﾞｲﾄﾞ abc東京def 𠮷野家 한국어 텍스트", "コーヒーとサーバー 人々 〆切",
        // Numbers: separators between digits, and not; thousands, one other separator, two or more.
        "100,000 troops; 1,000,000.50; 1.5 million, $1.5bn; 1,5 and 1,0000 and 1,00; 24.02.2022; In 2022, 5 were. 2021.Then 3,",
        "e.g. U.S. ,5 .5 5. 1,,000 1.,5 １００，０００人 ٣,٠٠٠ ١٢٬٣٤٥ 1,000人 東京,大阪 ㏂ 1\u0301,000 1,\u0301000 1,000\u0301",
        "100.000 1.000.000 1,000.5 1,000.2.3 1.2.3 v1.2.3 2,3,4 1,5.3 2,345,6 1,5,000 v1.5b2.3 ⒈5 １．２．３ 24.02.2022.",
        // Apostrophes: a final 's after a letter, and every other.
        "Russia's, Russia’s, RUSSIA'S, It's don't O’Brien rock'n'roll 'tis Ukrainians' ‘word’ 1990's it's's x''y x's東",
        "a\u0301's e\u0301’s d'\u0301s Straße's ΟΔΟΣ's ß's ｄｏｎ＇ｔ x'\u00DF Mar'inka м'ясо мʼясо ʼʼs xʼʼs aʼ's ŉ's",
        "l'Europe dell’Italia d'affaires x'sy x's1 x's.5 1's 𠮷's ſ's x'ſ x'ｓ X'S"));
    dossier.sources().forEach(s -> s.paragraphs().forEach(p -> texts.add(p.text())));
    return texts;
  }

  @Test
  void aShardIsNamedByTheShortestPrefixThatSortsAfterThePreviousShard() {
    assertThat(SearchIndex.shardName(null, "abbey")).isEqualTo("a");
    assertThat(SearchIndex.shardName("embassy", "employees")).isEqualTo("emp");
    assertThat(SearchIndex.shardName("the", "them")).isEqualTo("them");
    assertThat(SearchIndex.shardName("zoo", "київ")).isEqualTo("к");
    assertThat(SearchIndex.fileName("emp")).isEqualTo("emp");
    assertThat(SearchIndex.fileName("ки")).isEqualTo("_43a__438_");
  }

  @Test
  void theSameDossierGivesTheSameShards() throws IOException {
    Build.Result first = seeds;
    Build.Result second = new Build().run(Path.of("seeds"), Theme.builtIn());
    Map<String, String> a = searchFiles(first.pages());
    assertThat(a).containsKey("search/manifest.js").hasSizeGreaterThan(2);
    assertThat(searchFiles(second.pages())).isEqualTo(a);
    Backlinks backlinks = new Backlinks(first.dossier().orElseThrow());
    List<Page> once = new ArrayList<>();
    new SearchIndex(first.dossier().orElseThrow(), backlinks).write(once::add);
    List<Page> again = new ArrayList<>();
    new SearchIndex(second.dossier().orElseThrow(), backlinks).write(again::add);
    assertThat(once).isNotEmpty().isEqualTo(again);
  }

  @Test
  void everyParagraphOfAFullSourceIsFoundByEachOfItsWords() throws IOException {
    Build.Result result = seeds;
    Dossier dossier = result.dossier().orElseThrow();
    Index index = new Index(result.pages());
    int checked = 0;
    for (Source source : dossier.sources()) {
      assertThat(source.reproduce()).isEqualTo(Reproduce.FULL);
      for (Paragraph p : source.paragraphs()) {
        String href = "sources/" + source.key() + ".html#p" + p.number();
        int id = index.idOf(href);
        assertThat(index.doc(id).get("text")).isEqualTo(p.text());
        for (String term : SearchIndex.terms(p.text())) {
          assertThat(index.postings(term)).as("%s in %s", term, href).containsKey(id);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(index.postings("lviv").keySet().stream().map(index::doc).map(d -> d.get("href")))
        .contains("sources/cnn-2022-02-14.html#p1", "topics/embassy-closure-lviv.html");
  }

  /**
   * A term's entry lists the documents that have it in their title, so a query can find first
   * what it names: "Lviv" is in the title of a topic, three events and a source, and in the
   * text of others, which the list leaves out.
   */
  @Test
  void aTermsEntryListsTheDocumentsWithItInTheirTitle() throws IOException {
    Index index = new Index(seeds.pages());
    List<Integer> titled = index.titled("lviv");
    assertThat(titled.stream().map(index::doc).map(d -> d.get("kind") + " " + d.get("title")))
        .containsExactly(
            "topic Closing the Kyiv embassy and the move to Lviv",
            "event Reported: 30 more people left Russia’s embassy in Kyiv and consulate in Lviv",
            "event Blinken announced the closure of the Kyiv embassy and a move to Lviv",
            "event Price explained the move to Lviv and said the US intended to return to Kyiv",
            "source [US closes its Kyiv embassy and moves remaining diplomats to Lviv]");
    assertThat(index.postings("lviv").keySet()).as("every titled document is among the term's documents").containsAll(titled)
        .hasSizeGreaterThan(titled.size() + 3);
    assertThat(index.titled("osce")).as("a word in titles of topics and events alike")
        .isNotEmpty().allSatisfy(id -> assertThat((String) index.doc(id).get("title")).contains("OSCE"));
    assertThat(index.titled("ordered")).as("a word in one title only")
        .extracting(id -> index.doc(id).get("href")).containsExactly("topics/embassy-drawdown.html");
    assertThat(index.titled("zqxjvw")).isEmpty();
  }

  /**
   * The seed dossier's "100,000" and "Russia's" are each one word in the index, and its
   * "d'affaires" two: no document is found by "000" for them, "russia" finds the possessive and
   * "affaires" the French.
   */
  @Test
  void numbersPossessivesAndElisionsAreIndexedAsReadersFindThem() throws IOException {
    Index index = new Index(seeds.pages());
    Map<String, Integer> found = new TreeMap<>();
    for (Source source : seeds.dossier().orElseThrow().sources()) {
      for (Paragraph p : source.paragraphs()) {
        int id = index.idOf("sources/" + source.key() + ".html#p" + p.number());
        for (String[] written : new String[][] {{"100,000", "100000"}, {"Russia's", "russia"}, {"Russia’s", "russia"}, {"d'affaires", "affaires"},
            {"won't", "won"}}) {
          if (p.text().contains(written[0])) {
            assertThat(index.postings(written[1])).as("%s in %s ¶%d", written[0], source.key(), p.number()).containsKey(id);
            found.merge(written[0], 1, Integer::sum);
          }
        }
      }
    }
    assertThat(found.keySet()).containsExactly("100,000", "Russia's", "Russia’s", "d'affaires", "won't");
    assertThat(index.postings("000")).isEmpty();
    assertThat(index.postings("wont")).isEmpty();
  }

  /** A subheading is part of the text a source page reproduces: its words find it, at its place on the page. */
  @Test
  void aFullSourcesSubheadingsAreFoundByTheirWordsAtTheirPlace() throws IOException {
    Index index = new Index(seeds.pages());
    int checked = 0;
    for (Source source : seeds.dossier().orElseThrow().sources()) {
      String page = new String(seeds.pages().stream().filter(p -> p.path().equals("sources/" + source.key() + ".html")).findFirst().orElseThrow().bytes(),
          StandardCharsets.UTF_8);
      org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page);
      int n = 0;
      for (dev.dossier.model.Block block : source.blocks()) {
        if (block instanceof dev.dossier.model.Subheading h) {
          n++;
          String href = "sources/" + source.key() + ".html#s" + n;
          int id = index.idOf(href);
          assertThat(index.doc(id)).containsEntry("kind", "subheading").containsEntry("text", h.text()).containsEntry("source", source.key());
          for (String term : SearchIndex.terms(h.text())) {
            assertThat(index.postings(term)).as("%s in %s", term, href).containsKey(id);
          }
          assertThat(html.getElementById("s" + n)).as(href).isNotNull();
          assertThat(html.getElementById("s" + n).text()).isEqualTo(h.text());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
    assertThat(index.postings("accuses").keySet().stream().map(index::doc).map(d -> d.get("href")))
        .containsExactly("sources/blinken-visit-2022-01-18.html#s1");
  }

  /** A passage's hit names its source's outlet and date beside the title, as the home page lists sources. */
  @Test
  @SuppressWarnings("unchecked")
  void aDocumentShardGivesTheOutletAndDateOfEachSourceItQuotes() throws IOException {
    Index index = new Index(seeds.pages());
    Map<String, Object> sources = new TreeMap<>();
    Map<String, Object> about = new TreeMap<>();
    for (Map<String, Object> shard : index.docShards()) {
      sources.putAll((Map<String, Object>) shard.get("sources"));
      about.putAll((Map<String, Object>) shard.getOrDefault("about", Map.of()));
    }
    assertThat(sources.keySet()).hasSize(3);
    assertThat(about).containsEntry("cnn-2022-02-14", "CNN · c. 14 February 2022")
        .containsEntry("buzzfeed-2022-02-12", "BuzzFeed News · 12 February 2022")
        .hasSize(3);
  }

  /** A source's own hit says its date as every page does: "updated" when only its last update is known. */
  @Test
  void aSourcesHitSaysWhenItsDateIsOnlyItsLastUpdate() throws IOException {
    Index built = new Index(new Build().run(SeedsKnownByTheirLastUpdate.copyInto(tmp), Theme.builtIn()).pages());
    assertThat(built.doc(built.idOf("sources/cnn-2022-02-14.html")).get("text")).asString()
        .startsWith("CNN · ").endsWith(" · updated 15 February 2022");
    assertThat(built.doc(built.idOf("sources/buzzfeed-2022-02-12.html")).get("text")).asString()
        .endsWith(" · 12 February 2022").doesNotContain("updated");
  }

  /** A shard's name stands for what it holds, so a rebuild keeps the file the output has instead of making it. */
  @Test
  void aDocumentShardTheOutputHasIsNamedButNotMadeAgain() {
    Dossier dossier = seeds.dossier().orElseThrow();
    SearchIndex index = new SearchIndex(dossier, new Backlinks(dossier));
    List<Page> made = new ArrayList<>();
    SearchIndex.Shards<SearchIndex.DocShard> all = index.writeDocShards(made::add);
    String kept = made.get(0).path();
    List<Page> remade = new ArrayList<>();
    SearchIndex.DocShards shards = index.docShards(remade::add, path -> path.equals(kept));
    shards.help();
    SearchIndex.Shards<SearchIndex.DocShard> again = shards.shards();
    assertThat(again.names()).isEqualTo(all.names());
    assertThat(again.digest()).isEqualTo(all.digest());
    assertThat(remade).isEqualTo(made.subList(1, made.size()));
    assertThat(new String(made.get(0).bytes(), StandardCharsets.UTF_8))
        .startsWith("dossierSearch.docs(\"" + all.names().get(0).name() + "\",");
  }

  /** Written by several threads at once, each taking the next shard, the shards are those one thread writes. */
  @Test
  void documentShardsWrittenByTwoThreadsAreTheShardsOneWrites() throws InterruptedException {
    Dossier dossier = seeds.dossier().orElseThrow();
    SearchIndex index = new SearchIndex(dossier, new Backlinks(dossier));
    List<Page> alone = new ArrayList<>();
    SearchIndex.Shards<SearchIndex.DocShard> one = index.writeDocShards(alone::add);
    assertThat(one.names()).hasSizeGreaterThanOrEqualTo(2);

    List<Page> together = java.util.Collections.synchronizedList(new ArrayList<>());
    SearchIndex.DocShards shards = index.docShards(page -> {
      together.add(page);
      Thread.yield();
    }, path -> false);
    Thread other = new Thread(shards::help);
    other.start();
    shards.help();
    other.join();
    SearchIndex.Shards<SearchIndex.DocShard> two = shards.shards();
    assertThat(two.names()).isEqualTo(one.names());
    assertThat(two.digest()).isEqualTo(one.digest());
    assertThat(together).containsExactlyInAnyOrderElementsOf(alone);
  }

  @Test
  void anExcerptSourcesUncitedParagraphReachesNoFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("dossier"));
    Files.writeString(dir.resolve("a.txt"), """
        The embassy in Kyiv closed on Monday, officials said.

        Nobody outside the newsroom may read about the quokka of Zanzibar.

        Staff moved to Lviv, a city in western Ukraine.
        """);
    Files.writeString(dir.resolve("b.md"), """
        The consulate in Lviv stayed open.

        ## The quokka of Zanzibar

        Nobody outside the newsroom may read this.
        """);
    Files.writeString(dir.resolve("index.yml"), """
        title: Excerpts
        sources:
          - key: wire
            file: a.txt
            title: Embassy closes
            reproduce: excerpts
          - key: post
            file: b.md
            title: Consulate stays
            reproduce: excerpts
        events:
          - date: 2022-02-14
            title: Embassy closed
            text: |
              It closed.[@wire ¶1 "closed on Monday"] Staff went west.[@wire ¶3] The consulate stayed.[@post ¶1]
        """);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.failed()).as(result.diagnostics().toString()).isFalse();
    for (Page page : result.pages()) {
      String text = new String(page.bytes(), StandardCharsets.UTF_8);
      assertThat(text).as(page.path()).doesNotContainIgnoringCase("quokka").doesNotContainIgnoringCase("zanzibar").doesNotContain("newsroom");
    }
    Index index = new Index(result.pages());
    assertThat(index.postings("quokka")).isEmpty();
    assertThat(index.postings("monday")).containsKey(index.idOf("sources/wire.html#p1"));
    assertThat(index.postings("lviv")).containsKey(index.idOf("sources/wire.html#p3"));
  }

  @Test
  void theManifestIsSmallAndTheShardsItNamesExist() throws IOException {
    Build.Result result = seeds;
    Map<String, String> files = searchFiles(result.pages());
    String manifest = files.get("search/manifest.js");
    assertThat(manifest.getBytes(StandardCharsets.UTF_8).length).isLessThan(1024);
    Index index = new Index(result.pages());
    for (Object name : (List<?>) index.manifest.get("termShards")) {
      assertThat(files).containsKey("search/t-" + SearchIndex.fileName((String) name) + ".js");
    }
    List<?> docShards = (List<?>) index.manifest.get("docShards");
    List<?> docNames = (List<?>) index.manifest.get("docNames");
    assertThat(docNames).hasSameSizeAs(docShards);
    for (Object name : docNames) {
      assertThat(files).containsKey("search/d-" + name + ".js");
    }
    assertThat(files.keySet()).hasSize(1 + ((List<?>) index.manifest.get("termShards")).size() + docShards.size());
  }

  /**
   * An untitled source is shown as "[untitled: FILE]", which is nobody's title: its words are not
   * searched, so "untitled" and the words of the file's name find nothing, while the source's
   * text is found as any other's.
   */
  @Test
  void anUntitledSourcesPlaceholderIsNotSearched() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("untitled"));
    Files.writeString(dir.resolve("field-notes.txt"), "Convoys moved at night.\n");
    Build.Result built = new Build().run(dir, Theme.builtIn());
    assertThat(built.dossier()).as(built.diagnostics().toString()).isPresent();
    Index index = new Index(built.pages());
    int source = index.idOf("sources/field-notes.html");
    assertThat(index.doc(source)).containsEntry("title", "[untitled: field-notes.txt]");
    for (String word : List.of("untitled", "field", "notes", "txt")) {
      assertThat(index.entry(word)).as(word).isEmpty();
    }
    assertThat(index.postings("convoys").keySet()).containsExactly(index.idOf("sources/field-notes.html#p1"));
  }

  /**
   * In an index of 1,000 entries or more, a word in more than half of them keeps no postings,
   * only the topics and events with it in their title (not the sources: "the" is in thousands of
   * their titles), so that a query of that word alone still finds what it names.
   */
  @Test
  void aWordInMostEntriesKeepsOnlyTheTopicsAndEventsNamedWithIt() throws IOException {
    Path dir = tmp.resolve("common");
    CommonWordDossier.write(dir);
    Build.Result built = new Build().run(dir, Theme.builtIn());
    assertThat(built.dossier()).as(built.diagnostics().toString()).isPresent();
    Index index = new Index(built.pages());
    List<?> ukraine = index.entry("ukraine");
    assertThat(ukraine).hasSize(2);
    assertThat(((Number) ukraine.get(0)).intValue()).isGreaterThan(CommonWordDossier.PARAGRAPHS);
    assertThat(index.titled("ukraine").stream().map(index::doc).map(d -> d.get("kind") + ": " + d.get("title")))
        .containsExactly("topic: Ukraine's borders", "event: A convoy crosses into Ukraine");
    // In every paragraph and no title: its count alone.
    assertThat(index.entry("report")).hasSize(1);
    // In one paragraph: its postings, as any word.
    assertThat(index.postings("tanker").keySet()).containsExactly(index.idOf("sources/reports.html#p1"));
  }

  /** A new source shifts every document number after it; the document shards it does not touch stay the same files. */
  @Test
  void aNewSourceChangesOnlyTheDocumentShardsAroundIt() throws IOException {
    Path dir = tmp.resolve("many");
    new SyntheticDossier(7).write(dir, 120, 8_000);
    Map<String, String> before = searchFiles(new Build().run(dir, Theme.builtIn()).pages());
    Files.writeString(dir.resolve("article-00060b.md"), Files.readString(dir.resolve("article-00010.md")).replace("---\ntitle: \"", "---\ntitle: \"Again: "));
    Build.Result after = new Build().run(dir, Theme.builtIn());
    Map<String, String> now = searchFiles(after.pages());
    List<String> shards = now.keySet().stream().filter(f -> f.startsWith("search/d-")).toList();
    List<String> changed = shards.stream().filter(f -> !now.get(f).equals(before.get(f))).toList();
    assertThat(shards).hasSizeGreaterThan(15);
    assertThat(changed).as("of " + shards.size() + " document shards").hasSizeBetween(1, 3);
    // And the index still finds the new source's words where they are.
    Index index = new Index(after.pages());
    assertThat(index.doc(index.idOf("sources/article-00060b.html"))).containsEntry("kind", "source");
  }

  /**
   * The index's format and the one search.js reads are one number: a script that reads another
   * format (a theme's older copy) says it cannot load the index rather than misreading it.
   */
  @Test
  void searchJsReadsTheFormatTheIndexIsWrittenIn() throws IOException {
    Index index = new Index(seeds.pages());
    assertThat(((Number) index.manifest.get("format")).intValue()).isEqualTo(SearchIndex.FORMAT);
    String js = new String(Theme.builtIn().asset("assets/search.js").orElseThrow(), StandardCharsets.UTF_8);
    assertThat(js).contains("var FORMAT = " + SearchIndex.FORMAT + ";").contains("if (data.format !== FORMAT) {");
  }

  /** A page cached from one build never asks for another build's manifest: it names its own. */
  @Test
  void theSearchPageNamesItsIndexsVersion() throws IOException {
    Index index = new Index(seeds.pages());
    String html = seeds.pages().stream().filter(p -> p.path().equals("search.html")).findFirst()
        .map(p -> new String(p.bytes(), StandardCharsets.UTF_8)).orElseThrow();
    assertThat(html).contains("data-index-version=\"" + index.manifest.get("version") + "\"");
  }

  @Test
  void theSearchPageLoadsOnlyItsScriptAndTheManifestBeforeAQuery() throws IOException {
    Build.Result result = seeds;
    String html = result.pages().stream().filter(p -> p.path().equals("search.html")).findFirst()
        .map(p -> new String(p.bytes(), StandardCharsets.UTF_8)).orElseThrow();
    assertThat(html).contains("<form id=\"search-form\" action=\"search.html\" method=\"get\" role=\"search\" data-index-version=\"")
        .contains("<input id=\"search-input\" type=\"search\" name=\"q\"")
        .contains("<p id=\"search-status\" role=\"status\" aria-live=\"polite\">")
        .contains("<ol id=\"search-results\">")
        .contains("<noscript>")
        .contains("<a href=\"search.html\" aria-current=\"page\">Search</a>")
        .doesNotContain("style=");
    Matcher scripts = Pattern.compile("<script src=\"([^\"]+)\"").matcher(html);
    List<String> loaded = new ArrayList<>();
    while (scripts.find()) {
      loaded.add(scripts.group(1));
    }
    // Each with its bytes' version, so that a cached older script is never run against this index.
    assertThat(loaded).containsExactly("assets/dossier.js?v=" + version("assets/dossier.js"), "assets/search.js?v=" + version("assets/search.js"));
    assertThat(new String(Theme.builtIn().asset("assets/search.js").orElseThrow(), StandardCharsets.UTF_8))
        .doesNotContain("innerHTML").doesNotContain("fetch(").doesNotContain("XMLHttpRequest");
  }

  private static String version(String asset) {
    return java.util.HexFormat.of().formatHex(SearchIndex.sha256().digest(Theme.builtIn().asset(asset).orElseThrow()), 0, 6);
  }

  static Map<String, String> searchFiles(List<Page> pages) {
    Map<String, String> files = new LinkedHashMap<>();
    pages.stream().filter(p -> p.path().startsWith(SearchIndex.DIR))
        .forEach(p -> files.put(p.path(), new String(p.bytes(), StandardCharsets.UTF_8)));
    return files;
  }

  /** The index read back as the browser reads it: lookups through the manifest, postings decoded. */
  static final class Index {
    final Map<String, Object> manifest;
    private final Function<String, String> files;
    private final Map<String, Map<String, Object>> shards = new HashMap<>();

    Index(List<Page> pages) throws IOException {
      this(searchFiles(pages)::get);
    }

    /** @param files a file's text by its path in the site ("search/manifest.js") */
    @SuppressWarnings("unchecked")
    Index(Function<String, String> files) throws IOException {
      this.files = files;
      manifest = (Map<String, Object>) call(files.apply("search/manifest.js"), "manifest").get(0);
    }

    /** A shard file's data, read once. */
    @SuppressWarnings("unchecked")
    Map<String, Object> shard(String file) {
      return shards.computeIfAbsent(file, f -> {
        String js = files.apply("search/" + f);
        assertThat(js).as(f + " exists").isNotNull();
        try {
          return (Map<String, Object>) call(js, f.startsWith("t-") ? "terms" : "docs").get(1);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }

    /** The term shard that holds a term, as search.js finds it: the greatest name not after it. */
    String termShard(String term) {
      String shard = null;
      for (Object name : (List<?>) manifest.get("termShards")) {
        if (((String) name).compareTo(term) <= 0) {
          shard = (String) name;
        }
      }
      return shard == null ? null : "t-" + SearchIndex.fileName(shard) + ".js";
    }

    /** A term's {@code [df, postings...]}, or empty when the index does not have it. */
    List<?> entry(String term) {
      String file = termShard(term);
      return file == null ? List.of() : (List<?>) shard(file).getOrDefault(term, List.of());
    }

    List<Map<String, Object>> docShards() {
      List<Map<String, Object>> all = new ArrayList<>();
      for (Object name : (List<?>) manifest.get("docNames")) {
        all.add(shard("d-" + name + ".js"));
      }
      return all;
    }

    /** The number of a document shard's first document, as the manifest gives it. */
    int first(int shard) {
      return ((Number) ((List<?>) manifest.get("docShards")).get(shard)).intValue();
    }

    /** Doc id to impact, for a term, found the way search.js finds it. */
    Map<Integer, Integer> postings(String term) {
      Map<Integer, Integer> out = new LinkedHashMap<>();
      List<?> entry = entry(term);
      if (entry.isEmpty()) {
        return out;
      }
      int levels = ((Number) manifest.get("impactLevels")).intValue() + 1;
      int id = 0;
      int end = entry.get(entry.size() - 1) instanceof List ? entry.size() - 1 : entry.size();
      for (Object p : entry.subList(1, end)) {
        long v = ((Number) p).longValue();
        id += (int) (v / levels);
        out.put(id, (int) (v % levels));
      }
      assertThat(out).as("df of " + term).hasSize(((Number) entry.get(0)).intValue());
      return out;
    }

    /** The documents that have a term in their title, as search.js reads them from the term's entry. */
    List<Integer> titled(String term) {
      List<?> entry = entry(term);
      List<Integer> out = new ArrayList<>();
      if (!entry.isEmpty() && entry.get(entry.size() - 1) instanceof List<?> gaps) {
        int id = 0;
        for (Object gap : gaps) {
          id += ((Number) gap).intValue();
          out.add(id);
        }
      }
      return out;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> doc(int id) {
      List<?> firsts = (List<?>) manifest.get("docShards");
      int n = 0;
      while (n + 1 < firsts.size() && ((Number) firsts.get(n + 1)).intValue() <= id) {
        n++;
      }
      Map<String, Object> shard = shard("d-" + ((List<?>) manifest.get("docNames")).get(n) + ".js");
      return ((List<Map<String, Object>>) shard.get("docs")).get(id - first(n));
    }

    @SuppressWarnings("unchecked")
    int idOf(String href) {
      List<Map<String, Object>> shards = docShards();
      for (int n = 0; n < shards.size(); n++) {
        List<Map<String, Object>> docs = (List<Map<String, Object>>) shards.get(n).get("docs");
        for (int i = 0; i < docs.size(); i++) {
          if (docs.get(i).get("href").equals(href)) {
            return first(n) + i;
          }
        }
      }
      throw new AssertionError("no document links to " + href);
    }

    /** The arguments of {@code dossierSearch.NAME(...);}, the whole of a shard file. */
    private static List<Object> call(String js, String function) throws IOException {
      String head = "dossierSearch." + function + "(";
      assertThat(js).startsWith(head).endsWith(");\n");
      return (List<Object>) read("[" + js.substring(head.length(), js.length() - 3) + "]");
    }

    private static Object read(String json) throws IOException {
      try (JsonParser parser = new JsonFactory().createParser(json)) {
        parser.nextToken();
        return value(parser);
      }
    }

    private static Object value(JsonParser parser) throws IOException {
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT -> {
          Map<String, Object> map = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            map.put(name, value(parser));
          }
          return map;
        }
        case START_ARRAY -> {
          List<Object> list = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(parser));
          }
          return list;
        }
        case VALUE_STRING -> {
          return parser.getText();
        }
        case VALUE_NUMBER_INT -> {
          return parser.getLongValue();
        }
        case VALUE_NULL -> {
          return null;
        }
        default -> throw new AssertionError("unexpected " + token);
      }
    }
  }
}
