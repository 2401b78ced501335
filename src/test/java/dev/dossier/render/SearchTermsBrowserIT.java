package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.it.Chromium;
import dev.dossier.site.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * search.js against {@link SearchIndex#terms}, in the browser that runs it: a query must be cut
 * into the words the index keeps, or a word that is in a document does not find it. Chromium's
 * lower-casing and Unicode tables are not the JDK's, so the two are compared on the texts that
 * try the tokenizer ({@link SearchIndexTest#texts}) rather than read to be the same.
 */
class SearchTermsBrowserIT {

  @TempDir static Path tmp;
  static Chromium chromium;
  static Build.Result seeds;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    seeds = new Build().run(Path.of("seeds"), Theme.builtIn());
    Path site = tmp.resolve("site");
    for (Page page : seeds.pages()) {
      Path file = site.resolve(page.path());
      Files.createDirectories(file.getParent());
      Files.write(file, page.bytes());
    }
    chromium.open(site.resolve("search.html").toUri().toString());
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void theBrowserCutsATextIntoTheWordsTheIndexKeeps() {
    assertCutAlike(SearchIndexTest.texts(seeds.dossier().orElseThrow()));
  }

  /**
   * The random strings SearchIndexTest tries the tokenizer with: a number's separators, apostrophes
   * and letters that decompose or fold, side by side, where the two tokenizers' rules (thousands,
   * one separator or more, a final "'s") must meet exactly.
   */
  @Test
  void theBrowserCutsRandomStringsAsTheIndexDoes() {
    assertCutAlike(SearchIndexTest.randomTexts(20_000));
  }

  private static void assertCutAlike(List<String> texts) {
    @SuppressWarnings("unchecked")
    List<List<String>> inBrowser = (List<List<String>>) ((JavascriptExecutor) chromium.driver())
        .executeScript("return arguments[0].map(function (text) { return dossierSearch.queryTerms(text); });", texts);
    for (int i = 0; i < texts.size(); i++) {
      assertThat(inBrowser.get(i)).as(texts.get(i)).isEqualTo(asQueried(SearchIndex.terms(texts.get(i))));
    }
  }

  /**
   * The index's terms as a query looks for them: a run of two or more Chinese or Japanese
   * characters as its pairs alone, without the single characters the index keeps beside them.
   */
  private static List<String> asQueried(List<String> terms) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      String term = terms.get(i);
      boolean single = term.codePointCount(0, term.length()) == 1 && SearchIndex.spaceless(term.codePointAt(0));
      boolean inPair = i > 0 && pairOf(terms.get(i - 1)) && terms.get(i - 1).endsWith(term)
          || i + 1 < terms.size() && pairOf(terms.get(i + 1)) && terms.get(i + 1).startsWith(term);
      if (!(single && inPair)) {
        out.add(term);
      }
    }
    return out;
  }

  private static boolean pairOf(String term) {
    return term.codePointCount(0, term.length()) == 2 && term.codePoints().allMatch(SearchIndex::spaceless);
  }
}
