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
    assertThat(SearchIndex.terms("Škoda's CAFÉ, Lviv—Київ; ﬁne 2022-02-14"))
        .containsExactly("skoda", "s", "cafe", "lviv", "киів", "fine", "2022", "02", "14");
    assertThat(SearchIndex.terms(" … ")).isEmpty();
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

  /** The tokenizer skips the regular expressions; it must find exactly the words they find. */
  @Test
  void termsAreTheWordsTheRegularExpressionsFind() {
    Pattern marks = Pattern.compile("[\\p{M}&&[^\\u3099\\u309A]]+");
    Pattern separators = Pattern.compile("[^\\p{L}\\p{N}]+");
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
      List<String> out = new ArrayList<>();
      for (String word : separators.split(lower)) {
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
    List<String> texts = new ArrayList<>(List.of(
        "", " ", "plain ascii words, with: punctuation! and 42 numbers_underscored-dashed",
        "“Curly quotes” — dashes – and ‘apostrophes’ … ellipses", "e\u0301te\u0301 and \u0301 lone marks \u0301abc",
        "½ ① ﬁ ℌ Ⅻ ㎏ ＦＵＬＬ", "ΟΔΟΣ ΣΟΦΟΣ. Σ", "İstanbul ǅ Straße", "mixed123ünï456", "emoji 🙂 in text 🙂x",
        "Київ—Lviv/Kyiv: 2022-02-14T10:00", "tab\tnewline\nnbsp\u00A0zwsp\u200Bsoft\u00ADhyphen",
        // Capitals lowered a word at a time when every character is below U+0100, else the whole text at once:
        "KYIV Embassy CAFÉ Ñandú ÀÉÎÕÜ µ ß ÿ ×÷ ÆØÅ", "ΑΣ'Α ΟΔΟΣ'. ΣΑΣ'Σ Kyiv", "ÀB Ā",
        "東京で会議が開かれた。北京市政府发布了新的规定。", "ｶﾞｲﾄﾞ abc東京def 𠮷野家 한국어 텍스트", "コーヒーとサーバー 人々 〆切"));
    seeds.dossier().orElseThrow().sources().forEach(s -> s.paragraphs().forEach(p -> texts.add(p.text())));
    for (String text : texts) {
      assertThat(SearchIndex.terms(text)).as(text).isEqualTo(reference.apply(text));
    }
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
    assertThat(about).containsEntry("cnn-2022-02-14", "CNN · updated 15 February 2022")
        .containsEntry("buzzfeed-2022-02-12", "BuzzFeed News · 12 February 2022")
        .hasSize(3);
  }

  /** A source's own hit says its date as every page does: "updated" when only its last update is known. */
  @Test
  void aSourcesHitSaysWhenItsDateIsOnlyItsLastUpdate() throws IOException {
    Index index = new Index(seeds.pages());
    assertThat(index.doc(index.idOf("sources/cnn-2022-02-14.html")).get("text")).asString()
        .startsWith("CNN · ").endsWith(" · updated 15 February 2022");
    assertThat(index.doc(index.idOf("sources/buzzfeed-2022-02-12.html")).get("text")).asString()
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
    SearchIndex.Shards<SearchIndex.DocShard> again = index.writeDocShards(remade::add, path -> path.equals(kept));
    assertThat(again.names()).isEqualTo(all.names());
    assertThat(again.digest()).isEqualTo(all.digest());
    assertThat(remade).isEqualTo(made.subList(1, made.size()));
    assertThat(new String(made.get(0).bytes(), StandardCharsets.UTF_8))
        .startsWith("dossierSearch.docs(\"" + all.names().get(0).name() + "\",");
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
      for (Object p : entry.subList(1, entry.size())) {
        long v = ((Number) p).longValue();
        id += (int) (v / levels);
        out.put(id, (int) (v % levels));
      }
      assertThat(out).as("df of " + term).hasSize(((Number) entry.get(0)).intValue());
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
