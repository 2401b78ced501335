package dev.dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.index.Index;
import dev.dossier.index.Index.SourceEntry;
import dev.dossier.index.IndexReader;
import dev.dossier.render.Theme;
import dev.dossier.site.Build;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AddCommandTest {

  private static final Path FIXTURES = Path.of("src/test/resources/curate");
  /** The curator's own comments, which an import must keep where they are. */
  private static final String CURATOR_COMMENT = "# Keys are cited in print: never rename one.\n";

  @TempDir Path tmp;

  private StringWriter out;
  private StringWriter err;
  private Path dir;
  private String indexBefore;
  private HttpServer server;

  @BeforeEach
  void copyTheSeedsWithTheCuratorsComments() throws IOException {
    dir = Files.createDirectories(tmp.resolve("dossier"));
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path seed : seeds.toList()) {
        Files.copy(seed, dir.resolve(seed.getFileName()));
      }
    }
    String index = Files.readString(dir.resolve("index.yml"));
    indexBefore = CURATOR_COMMENT + index.replace("    url: null\n    reproduce: full\n    topics: [embassy-drawdown, embassy-closure-lviv, citizens",
        "    url: null   # CNN's page is gone; archived copy pending\n    reproduce: full\n    topics: [embassy-drawdown, embassy-closure-lviv, citizens");
    assertThat(indexBefore).contains("# CNN's page is gone");
    Files.writeString(dir.resolve("index.yml"), indexBefore);
  }

  @AfterEach
  void stopTheServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  // --- Saved files -------------------------------------------------------------------------------

  /** A number option given something else is refused in words, naming the option, not Java's type. */
  @Test
  void aWrongNumberIsRefusedInWordsNamingItsOption() throws IOException {
    Path note = Files.writeString(tmp.resolve("note.txt"), "A note.\n");
    assertThat(run("add", note.toString(), dir.toString(), "--max-size", "abc")).isEqualTo(2);
    assertThat(err.toString()).contains("'--max-size': 'abc' is not a whole number of bytes (10000000 is 10 MB)").doesNotContain("long");
    assertThat(run("add", note.toString(), dir.toString(), "--timeout", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--timeout must be more than 0 seconds").doesNotContain("--max-size");
    assertThat(run("add", note.toString(), dir.toString(), "--max-size", "-5")).isEqualTo(2);
    assertThat(err.toString()).contains("--max-size must be more than 0 bytes").doesNotContain("--timeout");
    assertThat(run("add", note.toString(), dir.toString(), "--timeout", "99999999999")).isEqualTo(2);
    assertThat(err.toString()).contains("'--timeout': '99999999999' is too large");
    assertThat(run("serve", dir.toString(), "--port", "http")).isEqualTo(2);
    assertThat(err.toString()).contains("'--port': 'http' is not a port: give a whole number from 1 to 65535, or 0 for any free one").doesNotContain(" int");
    assertThat(Files.readString(dir.resolve("index.yml"))).isEqualTo(indexBefore);
  }

  /**
   * Adds run at once each wait for the one before to finish with the index: none writes back
   * the index as it read it, and every document added is listed.
   */
  @Test
  void addsRunAtOnceListEveryDocument() throws Exception {
    int n = 6;
    List<Path> notes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      notes.add(Files.writeString(tmp.resolve("note-" + i + ".txt"), "Published: 2022-02-1" + i + "\n\nNote number " + i + " on the embassy.\n"));
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    List<java.util.concurrent.Future<Integer>> exits = new ArrayList<>();
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    for (Path note : notes) {
      exits.add(pool.submit(() -> {
        start.await();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        return cli.execute("add", note.toString(), dir.toString());
      }));
    }
    start.countDown();
    for (java.util.concurrent.Future<Integer> exit : exits) {
      assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).isZero();
    }
    pool.shutdown();
    Index index = new IndexReader().read("index.yml", Files.readString(dir.resolve("index.yml")), new Diagnostics());
    List<String> listed = new ArrayList<>();
    for (SourceEntry entry : index.sources()) {
      if (Files.readString(dir.resolve(entry.file())).contains(" on the embassy.")) {
        listed.add(entry.file());
      }
    }
    assertThat(listed).as("the notes the index lists").hasSize(n).doesNotHaveDuplicates();
    assertThat(dir.resolve(".index.yml.lock")).as("the lock, once every add is done").doesNotExist();
  }

  @Test
  void aSavedNewsPageIsCopiedIndexedAndBuiltWithoutItsChrome() throws IOException {
    assertThat(run("add", FIXTURES.resolve("news-site-article.html").toString(), dir.toString())).isZero();
    String file = "2022-02-14-us-moves-embassy-staff-from-kyiv-to-lviv-as-invasion-fears.html";
    assertThat(dir.resolve(file)).hasSameBinaryContentAs(FIXTURES.resolve("news-site-article.html"));
    assertThat(out.toString())
        .contains("added " + file + " to " + dir + " as \"the-daily-ledger-2022-02-14\"")
        .contains("  title      US moves embassy staff from Kyiv to Lviv as invasion fears grow\n")
        .contains("  published  2022-02-14\n")
        .contains("  outlet     The Daily Ledger\n")
        .contains("  authors    Maria Kovalenko, Thomas Reed\n")
        .contains("  url        https://www.dailyledger.example/world/2022/02/14/us-embassy-kyiv-lviv\n")
        .contains("then run: dossier check " + dir);

    List<String> entry = assertInsertedAfterTheSources("the-daily-ledger-2022-02-14");
    assertThat(entry).containsExactly(
        "  - key: the-daily-ledger-2022-02-14",
        "    file: " + file,
        "    # copied from news-site-article.html",
        "    title: \"US moves embassy staff from Kyiv to Lviv as invasion fears grow\"  # from the page's og:title",
        "    outlet: \"The Daily Ledger\"            # from the page's og:site_name",
        "    authors: [\"Maria Kovalenko\", \"Thomas Reed\"]  # from the page's JSON-LD author",
        "    published: 2022-02-14                 # from the page's article:published_time",
        "    url: \"https://www.dailyledger.example/world/2022/02/14/us-embassy-kyiv-lviv\"  # from the page's canonical link",
        "    topics: []");

    String page = builtPage("the-daily-ledger-2022-02-14");
    assertThat(page)
        .contains("US moves embassy staff from Kyiv to Lviv as invasion fears grow")
        .contains("The United States is relocating the handful of diplomats still working at its embassy in Kyiv")
        .contains("Ukrainian officials said they had been told of the decision in advance.")
        .doesNotContain("cookie", "Cookie", "Skip to content", "Politics", "Subscribe", "Share on Twitter", "Advertisement",
            "Related coverage", "Comments (214)", "Most read", "All rights reserved", "Privacy policy", "world briefing");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aSavedGovernmentPressReleaseKeepsTheStatementAndDropsBreadcrumbsAndFooter() throws IOException {
    assertThat(run("add", FIXTURES.resolve("gov-press-release.html").toString(), dir.toString())).isZero();
    String key = "department-of-state-example-2022-02-14";
    List<String> entry = assertInsertedAfterTheSources(key);
    assertThat(entry)
        .contains("    published: 2022-02-14                 # from the article's <time datetime>")
        .contains("    authors: []                           # the document names no author");
    assertThat(out.toString()).contains("check:\n  - the document names no author");
    String page = builtPage(key);
    assertThat(page)
        .contains("Suspension of Operations at Embassy Kyiv and Relocation to Lviv")
        .contains("I have ordered these measures for one reason: the safety of our staff.")
        .doesNotContain("Office of the Spokesperson", "Press Releases", "Policy Issues", "Skip to main content",
            "Here’s how you know", "Share this page", "2201 C Street", "Privacy Policy", "FOIA");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aSavedBlogPostKeepsThePostAndDropsMenusSidebarAndComments() throws IOException {
    assertThat(run("add", FIXTURES.resolve("blog-analysis.html").toString(), dir.toString())).isZero();
    String key = "why-lviv-reading-the-embassy-move-2022-02-15";
    assertThat(dir.resolve("2022-02-15-why-lviv-reading-the-embassy-move.html")).exists();
    List<String> entry = assertInsertedAfterTheSources(key);
    assertThat(entry)
        .contains("    authors: [\"Olena Savchuk\"]            # from the page's author meta tag")
        .contains("    published: 2022-02-15                 # from the page's date meta tag")
        .contains("    url: null                             # the document gives no address");
    String page = builtPage(key);
    assertThat(page)
        .contains("Why Lviv? Reading the embassy move")
        .contains("Lviv lies about seventy kilometres from the Polish border.")
        .doesNotContain("Archive", "Recent posts", "Share this:", "After Geneva", "Good summary", "Proudly powered");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aMarkdownDocumentWithFrontMatterIsAddedTheSameWay() throws IOException {
    assertThat(run("add", FIXTURES.resolve("briefing-notes.md").toString(), dir.toString())).isZero();
    String file = "2022-02-14-briefing-notes-the-prudent-precautions-statement.md";
    assertThat(dir.resolve(file)).hasSameBinaryContentAs(FIXTURES.resolve("briefing-notes.md"));
    List<String> entry = assertInsertedAfterTheSources("embassy-watch-2022-02-14");
    assertThat(entry).containsExactly(
        "  - key: embassy-watch-2022-02-14",
        "    file: " + file,
        "    # copied from briefing-notes.md",
        "    title: \"Briefing notes: the \\\"prudent precautions\\\" statement\"  # from the front matter",
        "    outlet: \"Embassy Watch\"               # from the front matter",
        "    authors: [\"Ivan Petrenko\", \"Claire Dubois\"]  # from the front matter",
        "    published: 2022-02-14                 # from the front matter",
        "    url: \"https://embassywatch.example/notes/2022-02-14-prudent-precautions\"  # from the front matter",
        "    # the front matter names the topics [\"Embassy moves\"]; define them under topics: and list their ids here",
        "    topics: []");
    assertThat(out.toString()).contains("the front matter names topics Embassy moves");
    String page = builtPage("embassy-watch-2022-02-14");
    assertThat(page)
        .contains("Briefing notes: the \"prudent precautions\" statement")
        .contains("Staff who remained were expected to travel west by road within days.")
        .contains("Consular appointments");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aMarkdownDocumentCitingSourcesTheIndexDoesNotListIsAddedWithAWarning() throws IOException {
    Path note = Files.writeString(tmp.resolve("note.md"), """
        ---
        title: A note
        date: 2022-02-16
        ---
        CNN reported the move.[@cnn-2022-02-14 ¶1] Another outlet did too.[@reuters-2022-02-14]
        """);
    assertThat(run("add", note.toString(), dir.toString())).isZero();
    assertThat(out.toString()).contains(
        "  - the document cites sources the index does not list (reuters-2022-02-14): add them, or dossier check will report the citations");
    assertThat(run("check", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("unknown citation key \"reuters-2022-02-14\"");
  }

  @Test
  void theSameContentTwiceIsRefusedNamingTheFileAlreadyThere() throws IOException {
    Path page = FIXTURES.resolve("gov-press-release.html");
    assertThat(run("add", page.toString(), dir.toString())).isZero();
    Map<String, String> before = snapshot(dir);

    Path renamed = Files.copy(page, tmp.resolve("statement.html"));
    assertThat(run("add", renamed.toString(), dir.toString())).isEqualTo(1);
    assertThat(err.toString())
        .contains(renamed + ": error: this document is already in the dossier as "
            + "2022-02-14-suspension-of-operations-at-embassy-kyiv-and-relocation-to.html (key department-of-state-example-2022-02-14)")
        .contains("nothing was added");
    assertThat(snapshot(dir)).isEqualTo(before);

    Path seed = Files.copy(Path.of("seeds/001_b48eea132caf0c5e.txt"), tmp.resolve("cnn.txt"));
    assertThat(run("add", seed.toString(), dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("already in the dossier as 001_b48eea132caf0c5e.txt (key cnn-2022-02-14)");
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aDifferentDocumentWithTheSameTitleAndDateGetsItsOwnNameAndKey() throws IOException {
    assertThat(run("add", FIXTURES.resolve("news-site-article.html").toString(), dir.toString())).isZero();
    Path updated = tmp.resolve("updated.html");
    Files.writeString(updated, Files.readString(FIXTURES.resolve("news-site-article.html"))
        .replace("told of the decision in advance.", "told of the decision in advance, an official said."));
    assertThat(run("add", updated.toString(), dir.toString())).isZero();
    assertThat(dir.resolve("2022-02-14-us-moves-embassy-staff-from-kyiv-to-lviv-as-invasion-fears-2.html")).exists();
    assertThat(out.toString()).contains("as \"the-daily-ledger-2022-02-14-2\"");
    assertThat(run("check", dir.toString())).isZero();
  }

  /**
   * A document the index does not list already has the key the build gives it, which a
   * citation may use: an added page takes another, so the citation keeps its document.
   */
  @Test
  void anAddedDocumentDoesNotTakeTheKeyOfOneTheIndexDoesNotList() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("unlisted"));
    Files.writeString(fresh.resolve("c-page.txt"), "The council met on Tuesday.\n");
    Files.writeString(fresh.resolve("my-notes.md"), "---\ntitle: My notes\n---\nThe council met.[@c-page ¶1]\n");
    String base = serve(Map.of("/c", page("<html><head><title>C page</title></head><body><article><h1>C page</h1><p>Another council, another day.</p></article></body></html>"
        .getBytes(StandardCharsets.UTF_8), "text/html")));
    assertThat(run("add", base + "/c", fresh.toString())).as("%s", err).isZero();
    assertThat(out.toString()).contains("as \"c-page-2\"");
    Build.Result result = new Build().run(fresh, Theme.builtIn());
    assertThat(result.dossier().orElseThrow().source("c-page").orElseThrow().file()).isEqualTo("c-page.txt");
  }

  /** A document with no title, outlet or date is keyed by the words its file is named by, not "undated-...". */
  @Test
  void aDocumentWithoutTitleOrDateIsKeyedByItsOwnName() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("untitled"));
    Path document = Files.writeString(tmp.resolve("Council minutes.txt"), "The council met on Tuesday.\n");
    assertThat(run("add", document.toString(), fresh.toString())).as("%s", err).isZero();
    assertThat(out.toString()).contains("added undated-council-minutes.txt to " + fresh + " as \"council-minutes\"");
  }

  /** A document already in the folder but not in the index is listed where it is, not copied beside itself. */
  @Test
  void aDocumentAlreadyInTheFolderIsListedWhereItIs() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("inplace"));
    Path document = Files.writeString(fresh.resolve("fresh.txt"), "Brand new words here.\n");
    assertThat(run("add", document.toString(), fresh.toString())).as("%s", err).isZero();
    try (Stream<Path> files = Files.list(fresh)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("fresh.txt", "index.yml");
    }
    assertThat(Files.readString(fresh.resolve("index.yml"))).contains("    file: fresh.txt\n").doesNotContain("copied from");
    assertThat(run("add", document.toString(), fresh.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("this document is already in the dossier's index as \"fresh\"; nothing was added");
    assertThat(run("check", fresh.toString())).isZero();

    // A titled, dated page keeps the key the build gave it, which a citation may already use,
    // not the outlet-and-date key a copy would get.
    Files.writeString(fresh.resolve("story.html"), "<html><head><meta property=\"og:site_name\" content=\"CNN\"></head><body><article>"
        + "<h1>US closes Kyiv embassy</h1><p>By Jane Doe <time datetime=\"2022-02-14\">Feb 14, 2022</time></p>"
        + "<p>The embassy closed on Monday, officials said.</p></article></body></html>");
    Files.writeString(fresh.resolve("Story.txt"), "An unrelated note about football.\n");
    Files.writeString(fresh.resolve("notes.md"), "---\ntitle: Notes\n---\nIt closed.[@story \"closed on Monday\"]\n");
    assertThat(run("add", fresh.resolve("story.html").toString(), fresh.toString())).as("%s", err).isZero();
    assertThat(out.toString()).contains("as \"story\"");
    assertThat(run("check", fresh.toString())).as("%s", err).isZero();
  }

  /** A link in the folder to a document outside it is no document a build reads: it is refused as such, not as a copy of itself. */
  @Test
  void aLinkInTheFolderToADocumentOutsideItIsRefusedWithWhatToDo() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("linked"));
    Path outside = Files.writeString(tmp.resolve("outside.txt"), "Words kept elsewhere.\n");
    Path link = Files.createSymbolicLink(fresh.resolve("outside.txt"), outside);
    assertThat(run("add", link.toString(), fresh.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("\"outside.txt\" links to a file outside the dossier folder, which a build does not read; nothing was added",
        "remove " + link + ", then dossier add " + outside.toRealPath() + " " + fresh).doesNotContain("already in the dossier");
    assertThat(fresh.resolve("index.yml")).doesNotExist();
    // Adding the file it leads to, the link still there, is refused for the link, not as a copy.
    assertThat(run("add", outside.toString(), fresh.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("the dossier folder has a link to this document, outside.txt, which a build does not read",
        "remove the link, then add the document again").doesNotContain("already in the dossier");
    // A copy in the folder is the one to name, though the link comes first.
    Path copy = Files.copy(outside, fresh.resolve("z-copy.txt"));
    assertThat(run("add", outside.toString(), fresh.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("this document is already in the dossier as z-copy.txt").doesNotContain("has a link");
    Files.delete(copy);
    // The document itself, once in place of the link, is listed where it is.
    Files.delete(link);
    Files.copy(outside, link);
    assertThat(run("add", link.toString(), fresh.toString())).as("%s", err).isZero();
    assertThat(Files.readString(fresh.resolve("index.yml"))).contains("    file: outside.txt\n");
  }

  /** A live page fetched twice has other bytes each time: the second is added, and the index's entry from the same address named. */
  @Test
  void aPageFromAnAddressTheIndexAlreadyListsIsAddedAndSaidSo() throws IOException {
    int[] visits = {0};
    String base = serve(Map.of("/dyn", exchange -> page(("<html><head><title>Dynamic story</title><link rel=\"canonical\" href=\"https://news.example/dyn\">"
        + "</head><body><article><h1>Dynamic story</h1><p>The embassy moved. Visit " + (++visits[0]) + ".</p></article></body></html>")
        .getBytes(StandardCharsets.UTF_8), "text/html").handle(exchange)));
    assertThat(run("add", base + "/dyn", dir.toString())).isZero();
    assertThat(out.toString()).doesNotContain("already lists");
    assertThat(run("add", base + "/dyn", dir.toString())).isZero();
    assertThat(out.toString()).contains("  - the index already lists a source from https://news.example/dyn: \"dynamic-story\"");
  }

  @Test
  void aFolderWithoutAnIndexGetsOneWithTheEntry() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("fresh"));
    assertThat(run("add", FIXTURES.resolve("blog-analysis.html").toString(), fresh.toString())).isZero();
    assertThat(out.toString()).contains("created " + fresh.resolve("index.yml") + ", listing it at line 2");
    assertThat(Files.readString(fresh.resolve("index.yml")))
        .startsWith("sources:\n  - key: why-lviv-reading-the-embassy-move-2022-02-15\n");
    assertThat(run("check", fresh.toString())).isZero();
  }

  @Test
  void wrongUsageIsExitTwoAndWritesNothing() throws IOException {
    Map<String, String> before = snapshot(dir);
    assertThat(run("add", tmp.resolve("missing.html").toString(), dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no document at");
    Path pdf = Files.writeString(tmp.resolve("report.pdf"), "%PDF-1.4");
    assertThat(run("add", pdf.toString(), dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a document dossier reads; give a .txt, .md or .html file");
    assertThat(run("add", "ftp://files.example/article.html", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not an http or https address; give a web page's address (http or https) or a document file's path");
    assertThat(run("add", "file:///etc/passwd", dir.toString())).isEqualTo(2);
    assertThat(run("add", FIXTURES.resolve("blog-analysis.html").toString(), tmp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aMistypedAddressIsExplainedInWordsNotInTheParsersTerms() throws IOException {
    Map<String, String> before = snapshot(dir);
    assertThat(run("add", "http://", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("http:// is not a valid web address: it names no host (a web address reads like https://example.com/news/article)")
        .doesNotContain("Expected authority");
    assertThat(run("add", "https://example.com/a b", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("it holds a space at character 22, which an address cannot hold as it is; write it as %20");
    assertThat(run("add", "https://example.com/100%", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("the % at character 24 is not followed by two hexadecimal digits; write a % itself as %25");
    assertThat(run("add", "https://exa mple.com/", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("it holds a space at character 12, which a host name cannot hold");
    assertThat(run("add", "https://exämple.com/news?id=1", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("its host, \"exämple.com\", is not a host name as Java reads them; give it as https://xn--exmple-cua.com/news?id=1");
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  @Test
  void aPageWithoutArticleTextIsRefused() throws IOException {
    Map<String, String> before = snapshot(dir);
    Path empty = Files.writeString(tmp.resolve("login.html"), "<html><body><nav><a href=/>Home</a></nav><footer>© 2022</footer></body></html>");
    assertThat(run("add", empty.toString(), dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(empty + ": error: no article text found in this saved page").contains("nothing was added");
    assertThat(snapshot(dir)).isEqualTo(before);
  }

  // --- Web pages ---------------------------------------------------------------------------------

  private String serve(Map<String, Handler> routes) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    routes.forEach((path, handler) -> server.createContext(path, exchange -> {
      try (exchange) {
        handler.handle(exchange);
      } catch (IOException e) {
        // the client gave up on purpose (a size limit, a timeout)
      }
    }));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static Handler page(byte[] body, String contentType) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    };
  }

  private static Handler redirect(String location) {
    return exchange -> {
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(301, -1);
    };
  }

  @Test
  void aWebPageIsSavedAsHtmlWithItsCanonicalUrlAndWhereItWasFetchedFrom() throws IOException {
    byte[] html = Files.readAllBytes(FIXTURES.resolve("news-site-article.html"));
    String base = serve(Map.of("/world/story", page(html, "text/html; charset=utf-8")));
    assertThat(run("add", base + "/world/story", dir.toString())).isZero();
    Path saved = dir.resolve("2022-02-14-us-moves-embassy-staff-from-kyiv-to-lviv-as-invasion-fears.html");
    assertThat(saved).hasBinaryContent(html);
    List<String> entry = assertInsertedAfterTheSources("the-daily-ledger-2022-02-14");
    assertThat(entry.get(2)).matches("    # fetched from " + base + "/world/story on \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(entry).contains(
        "    url: \"https://www.dailyledger.example/world/2022/02/14/us-embassy-kyiv-lviv\"  # from the page's canonical link");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aRedirectIsFollowedAndTheFinalAddressRecordedWhenThePageNamesNoUrl() throws IOException {
    byte[] html = Files.readAllBytes(FIXTURES.resolve("blog-analysis.html"));
    String base = serve(Map.of("/p/123", redirect("/2022/02/15/why-lviv/"), "/2022/02/15/why-lviv/", page(html, "text/html")));
    assertThat(run("add", base + "/p/123", dir.toString())).isZero();
    assertThat(dir.resolve("2022-02-15-why-lviv-reading-the-embassy-move.html")).hasBinaryContent(html);
    List<String> entry = assertInsertedAfterTheSources("why-lviv-reading-the-embassy-move-2022-02-15");
    assertThat(entry).contains(
        "    # fetched from " + base + "/2022/02/15/why-lviv/ on " + entry.get(2).replaceAll(".* on ", ""),
        "    # (asked for " + base + "/p/123, which redirected there)",
        "    url: \"" + base + "/2022/02/15/why-lviv/\"  # the address it was fetched from");
    assertThat(out.toString()).contains("  url        " + base + "/2022/02/15/why-lviv/\n");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aPageServedInALegacyEncodingIsSavedAsUtf8() throws IOException {
    String html = "<html><head><title>Caf\u00e9 talk</title></head><body><article><h1>Caf\u00e9 talk</h1>"
        + "<p>Diplomats met at a caf\u00e9 near the embassy before leaving for Lviv.</p></article></body></html>";
    String base = serve(Map.of("/cafe", page(html.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=iso-8859-1")));
    assertThat(run("add", base + "/cafe", dir.toString())).isZero();
    assertThat(dir.resolve("undated-cafe-talk.html")).hasBinaryContent(html.getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(dir.resolve("index.yml"))).contains("    # saved as UTF-8; the page was served as ISO-8859-1\n");
    assertThat(out.toString()).contains("no publication date");
    assertThat(run("check", dir.toString())).isZero();
  }

  @Test
  void aPageSavedAsUtf8DeclaresUtf8() throws IOException {
    String html = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 talk</title></head><body><article><h1>Caf\u00e9 talk</h1>"
        + "<p>Diplomats met at a caf\u00e9 near the embassy before leaving for Lviv.</p></article></body></html>";
    String base = serve(Map.of("/cafe", page(html.getBytes(java.nio.charset.Charset.forName("windows-1252")), "text/html")));
    assertThat(run("add", base + "/cafe", dir.toString())).isZero();
    assertThat(dir.resolve("undated-cafe-talk.html"))
        .hasBinaryContent(html.replace("charset=\"windows-1252\"", "charset=\"utf-8\"").getBytes(StandardCharsets.UTF_8));
    assertThat(run("check", dir.toString())).isZero();
  }

  /**
   * A saved page in a legacy character set is saved as UTF-8 by the charset it declares, as a
   * fetched one is; a text file that is not UTF-8 is refused at its first such byte, with a
   * command that converts it and writes nothing.
   */
  @Test
  void aSavedFileInALegacyEncodingIsSavedAsUtf8OrRefusedWithWhatToDo() throws IOException {
    String html = "<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9 talk</title></head><body><article><h1>Caf\u00e9 talk</h1>"
        + "<p>Diplomats met at a caf\u00e9 near the embassy before leaving for Lviv.</p></article></body></html>";
    Path saved = Files.write(tmp.resolve("cafe.html"), html.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("add", saved.toString(), dir.toString())).isZero();
    assertThat(dir.resolve("undated-cafe-talk.html"))
        .hasBinaryContent(html.replace("charset=\"iso-8859-1\"", "charset=\"utf-8\"").getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(dir.resolve("index.yml"))).contains("    # saved as UTF-8; the file was ISO-8859-1\n");
    assertThat(run("check", dir.toString())).isZero();
    String index = Files.readString(dir.resolve("index.yml"));
    Path text = Files.write(tmp.resolve("note.txt"), "Published: 2021-04-13\n\nThe caf\u00e9 closed.\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("add", text.toString(), dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(text + ":3:8: error: the file is not UTF-8 text")
        .contains("iconv -f WINDOWS-1252 -t UTF-8 " + text + " > copy.txt, then add copy.txt");
    // A name the shell would take apart is quoted; a Markdown file's copy stays Markdown.
    Path spaced = Files.write(tmp.resolve("my note.md"), "The caf\u00e9 closed.\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("add", spaced.toString(), dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("iconv -f WINDOWS-1252 -t UTF-8 '" + spaced + "' > copy.md, then add copy.md");
    assertThat(dir.resolve("index.yml")).hasContent(index);
    assertThat(dir.resolve("undated-note.txt")).doesNotExist();
  }

  @Test
  void aFailedFetchIsExitOneAndWritesNothing() throws IOException {
    byte[] big = ("<html><body><article><p>" + "word ".repeat(2000) + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
    String base = serve(Map.of(
        "/missing", exchange -> exchange.sendResponseHeaders(404, -1),
        "/login", exchange -> exchange.sendResponseHeaders(403, -1),
        "/busy", exchange -> exchange.sendResponseHeaders(503, -1),
        "/big", page(big, "text/html"),
        "/big-chunked", exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream body = exchange.getResponseBody()) {
            for (int i = 0; i < 20; i++) {
              body.write(big, 0, 1000);
              body.flush();
            }
          }
        },
        "/report.pdf", page("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf"),
        "/to-ftp", redirect("ftp://files.example/article.html"),
        "/loop", redirect("/loop"),
        "/slow", exchange -> {
          try {
            Thread.sleep(3000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          page(big, "text/html").handle(exchange);
        }));
    Map<String, String> before = snapshot(dir);

    assertThat(run("add", base + "/missing", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("the server answered 404 (Not Found) for " + base + "/missing").contains("nothing was added")
        .contains("check the address; a page that has moved or gone may be in a web archive");
    assertThat(run("add", base + "/login", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("the server answered 403 (Forbidden)")
        .contains("the site does not give this page to programs (a login, a paywall or a block): save the page from a browser");
    assertThat(run("add", base + "/busy", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("the server answered 503 (Service Unavailable)").contains("the site is busy or failing: try again later");

    assertThat(run("add", base + "/big", dir.toString(), "--max-size", "1000")).isEqualTo(1);
    assertThat(err.toString()).contains(base + "/big is larger than 1000 bytes; it was not saved");
    assertThat(run("add", base + "/big-chunked", dir.toString(), "--max-size", "4096")).isEqualTo(1);
    assertThat(err.toString()).contains("is larger than 4 kB").contains("allow a larger page with --max-size (in bytes)");

    assertThat(run("add", base + "/report.pdf", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("is not a web page (its type is application/pdf)");

    assertThat(run("add", base + "/to-ftp", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("redirects to ftp://files.example/article.html, which is not followed");

    assertThat(run("add", base + "/loop", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("too many redirects");

    assertThat(run("add", base + "/slow", dir.toString(), "--timeout", "1")).isEqualTo(1);
    assertThat(err.toString()).contains("within 1 s").contains("wait longer with --timeout (in seconds)");

    // .invalid never resolves (RFC 2606): a mistyped host is named as such, not as a refused connection.
    assertThat(run("add", "http://nonexistent.invalid/x", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("unknown host nonexistent.invalid").contains("check the address for a typing mistake")
        .doesNotContain("connection refused");

    assertThat(snapshot(dir)).isEqualTo(before);
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /**
   * Asserts the index is the old one with one block of lines added right after the last source
   * (before {@code topics:}), every old line kept in order, and returns that block.
   */
  private List<String> assertInsertedAfterTheSources(String key) throws IOException {
    String after = Files.readString(dir.resolve("index.yml"));
    List<String> old = Arrays.asList(indexBefore.split("\n", -1));
    List<String> now = Arrays.asList(after.split("\n", -1));
    int start = now.indexOf("  - key: " + key);
    assertThat(start).as("the entry for %s", key).isPositive();
    int end = start + 1;
    while (end < now.size() && now.get(end).startsWith("    ")) {
      end++;
    }
    List<String> kept = new ArrayList<>(now.subList(0, start));
    kept.addAll(now.subList(end, now.size()));
    assertThat(kept).isEqualTo(old);
    assertThat(now.get(end)).isEqualTo("topics:");
    assertThat(now.get(start - 1)).startsWith("    topics: [");

    Diagnostics diagnostics = new Diagnostics();
    Index index = new IndexReader().read("index.yml", after, diagnostics);
    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(index.sources()).extracting(SourceEntry::key).endsWith(key).hasSize(4);
    return now.subList(start, end);
  }

  /** The text of the source's page in a full build, which must have no errors. */
  private String builtPage(String key) throws IOException {
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    String html = result.pages().stream().filter(p -> p.path().equals("sources/" + key + ".html")).findFirst()
        .map(p -> new String(p.bytes(), StandardCharsets.UTF_8))
        .orElseThrow(() -> new AssertionError("no page for " + key));
    return Jsoup.parse(html).select("main").text();
  }

  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
      }
    }
    return files;
  }
}
