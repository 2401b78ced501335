package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.apache.log4j.BasicConfigurator;
import org.apache.log4j.varia.NullAppender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Every page the jar builds is valid HTML5, as the W3C Nu Html Checker (the engine behind
 * validator.w3.org/nu) sees it: the seed dossier with a base URL, and the golden expected sites,
 * which the same templates render. Warnings are printed; errors fail the page, each listed with
 * its line and message.
 */
class ValidHtmlIT {

  private static final Path GOLDEN = Jar.ROOT.resolve("src/test/resources/golden");

  @TempDir static Path tmp;
  static Path site;
  static Checker checker;

  @BeforeAll
  static void buildAndLoadTheChecker() throws Exception {
    site = tmp.resolve("site");
    Jar.Run run = Jar.run("build", "seeds", "--out", site.toString(), "--base-url", "https://example.org/kyiv/");
    assertThat(run.exit()).as(run.err()).isZero();
    checker = new Checker();
  }

  @TestFactory
  Stream<DynamicTest> everySeedPageIsValid() throws IOException {
    return pagesUnder(site).map(page -> DynamicTest.dynamicTest("site/" + site.relativize(page), () -> assertValid(site, page)));
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenPageIsValid() throws IOException {
    List<Path> sites;
    try (Stream<Path> cases = Files.list(GOLDEN)) {
      sites = cases.map(c -> c.resolve("expected")).filter(Files::isDirectory).sorted().toList();
    }
    assertThat(sites).as("golden expected sites").isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path expected : sites) {
      pagesUnder(expected).forEach(page -> tests.add(DynamicTest.dynamicTest(
          GOLDEN.relativize(page).toString(), () -> assertValid(expected, page))));
    }
    return tests.stream();
  }

  @Test
  void theCheckerCatchesWhatIsWrong() throws Exception {
    Path bad = tmp.resolve("bad/index.html");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>t</title></head>\n"
        + "<body><p id=\"x\">a</p><p id=\"x\">b</p><ul><p>c</p></ul></body></html>\n");
    assertThat(checker.check(bad.getParent(), bad)).hasSize(2)
        .anySatisfy(e -> assertThat(e).startsWith("index.html:4:").contains("Duplicate ID"))
        .anySatisfy(e -> assertThat(e).startsWith("index.html:4:").contains("Element “p” not allowed as child of element “ul”"));
  }

  private static void assertValid(Path root, Path page) throws Exception {
    assertThat(checker.check(root, page)).as("HTML5 errors in " + page).isEmpty();
  }

  private static Stream<Path> pagesUnder(Path root) throws IOException {
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(root)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    assertThat(pages).as(".html pages under " + root).isNotEmpty();
    return pages.stream();
  }

  /** One Nu checker, set up once (loading the schema takes a while) and run page after page. */
  static final class Checker implements ErrorHandler {

    private static final String ORIGIN = "https://example.org/kyiv/";

    private final SimpleDocumentValidator validator;
    private final List<String> errors = new ArrayList<>();
    private String name = "";

    Checker() throws Exception {
      // The checker logs its internals through log4j 1.2; the test reports for itself.
      BasicConfigurator.configure(new NullAppender());
      // No log4j set-up of its own, no URL logging, no language guessing: the pages declare
      // their language, and guessing it from short pages is noise.
      validator = new SimpleDocumentValidator(false, false, false);
      // The schema ships inside the validator's jar; this URL only names it, nothing is fetched.
      validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", this);
      validator.setUpValidatorAndParsers(this, false, false);
    }

    /**
     * The errors in one page of the site in {@code root}, each as {@code page:line:column: message};
     * warnings go to stderr. The page is checked as if served from {@value #ORIGIN}, so that the
     * Content-Security-Policy's {@code 'self'} means the site, as it does for a reader.
     */
    synchronized List<String> check(Path root, Path page) throws Exception {
      name = root.relativize(page).toString().replace('\\', '/');
      errors.clear();
      try (InputStream in = Files.newInputStream(page)) {
        InputSource source = new InputSource(in);
        source.setSystemId(ORIGIN + name);
        validator.checkHtmlInputSource(source);
      }
      return List.copyOf(errors);
    }

    private String describe(SAXParseException e) {
      return name + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
    }

    @Override
    public void warning(SAXParseException e) {
      System.err.println("html5 warning: " + describe(e));
    }

    @Override
    public void error(SAXParseException e) {
      errors.add(describe(e));
    }

    @Override
    public void fatalError(SAXParseException e) {
      errors.add("fatal: " + describe(e));
    }
  }
}
