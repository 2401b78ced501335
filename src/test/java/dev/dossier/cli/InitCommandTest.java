package dev.dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.index.Index;
import dev.dossier.index.Index.SourceEntry;
import dev.dossier.index.IndexReader;
import dev.dossier.model.Source;
import dev.dossier.render.Theme;
import dev.dossier.site.Build;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InitCommandTest {

  @TempDir Path tmp;

  private StringWriter out;
  private StringWriter err;
  private Path dir;

  @BeforeEach
  void copyTheSeedsWithoutTheirIndex() throws IOException {
    dir = Files.createDirectories(tmp.resolve("dossier"));
    try (Stream<Path> seeds = Files.list(Path.of("seeds"))) {
      for (Path seed : seeds.filter(p -> p.toString().endsWith(".txt")).toList()) {
        Files.copy(seed, dir.resolve(seed.getFileName()));
      }
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

  private Index readIndex(Diagnostics diagnostics) throws IOException {
    return new IndexReader().read("index.yml", Files.readString(dir.resolve("index.yml")), diagnostics);
  }

  private static SourceEntry entry(Index index, String file) {
    return index.sources().stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow();
  }

  @Test
  void theStarterIndexListsEveryDocumentWithWhatItCarries() throws IOException {
    assertThat(run("init", dir.toString())).isZero();
    assertThat(out.toString()).contains("listing 3 documents").contains("cnn-2022-02-15  001_b48eea132caf0c5e.txt");

    Diagnostics diagnostics = new Diagnostics();
    Index index = readIndex(diagnostics);
    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(index.sources()).extracting(SourceEntry::file)
        .containsExactly("000_aa88e0e7e27f1ca7.txt", "001_b48eea132caf0c5e.txt", "002_97c6c30b40ab486d.txt");
    SourceEntry cnn = entry(index, "001_b48eea132caf0c5e.txt");
    assertThat(cnn.key()).isEqualTo("cnn-2022-02-15");
    assertThat(cnn.outlet()).contains("CNN");
    assertThat(cnn.authors()).contains(List.of("Jennifer Hansler", "Kylie Atwood"));
    assertThat(cnn.published()).isEmpty();
    SourceEntry buzzfeed = entry(index, "000_aa88e0e7e27f1ca7.txt");
    assertThat(buzzfeed.published().orElseThrow().iso()).isEqualTo("2022-02-12");
    // None of the text files has a headline of its own: a title is asked for, not invented.
    assertThat(index.sources()).allSatisfy(s -> {
      assertThat(s.title()).isEmpty();
      assertThat(s.titleSupplied()).as("nothing supplied yet").isFalse();
    });
    assertThat(index.topics()).isEmpty();
    assertThat(index.events()).isEmpty();
  }

  @Test
  void commentsSayWhereEachValueCameFrom() throws IOException {
    assertThat(run("init", dir.toString())).isZero();
    String text = Files.readString(dir.resolve("index.yml"));
    assertThat(text)
        .containsPattern("outlet: \"CNN\" +# from the document's \"Source:\" line\n")
        .containsPattern("authors: \\[\"Jennifer Hansler\", \"Kylie Atwood\"] +# from the document's byline\n")
        .containsPattern("published: 2022-02-12 +# from the \"date\" at the start of the text\n")
        .containsPattern("published: null +# the document gives no publication date, only an update time \\(2022-02-15T01:41:12Z\\)\n")
        .containsPattern("url: null +# the document gives no address\n")
        .contains("# TODO: the document carries no headline of its own; write one here as title: \"...\"\n    # and add title_supplied: true")
        .doesNotContainPattern("\n +title_supplied")
        .contains("\ntopics: []\n")
        .endsWith("\nevents: []\n");
  }

  @Test
  void theDossierBuildsAndChecksAsWritten() throws IOException {
    assertThat(run("init", dir.toString())).isZero();
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(result.dossier().orElseThrow().sources()).extracting(Source::key)
        .containsExactly("000-aa88e0e7e27f1ca7-2022-02-12", "002-97c6c30b40ab486d", "cnn-2022-02-15");
    assertThat(run("check", dir.toString())).isZero();
  }

  /** A browser's "Save page as" often names the file index.html: its key is not the bibliography's page's. */
  @Test
  void aPageSavedAsIndexHtmlGetsAKeyOfItsOwn() throws IOException {
    Path saved = Files.createDirectories(dir.resolveSibling("saved"));
    Files.writeString(saved.resolve("index.html"), "<html><body><article><p>Some saved page text.</p></article></body></html>");
    assertThat(run("init", saved.toString())).as("%s", err).isZero();
    assertThat(Files.readString(saved.resolve("index.yml"))).contains("  - key: index-2\n    file: index.html\n");
    assertThat(run("check", saved.toString())).isZero();
  }

  @Test
  void theCommentedExamplesWorkOnceUncommented() throws IOException {
    assertThat(run("init", dir.toString())).isZero();
    String text = Files.readString(dir.resolve("index.yml"));
    // As the comments say: remove the "# " from the example and delete the empty list below it.
    int examples = text.indexOf("# The topics the dossier follows");
    String uncommented = text.substring(0, examples)
        + Arrays.stream(text.substring(examples).split("\n"))
            .filter(l -> !l.equals("topics: []") && !l.equals("events: []"))
            .map(l -> l.matches("# (topics:|events:|  .*)") ? l.substring(2) : l)
            .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(dir.resolve("index.yml"), uncommented);
    Build.Result result = new Build().run(dir, Theme.builtIn());
    assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
    assertThat(result.dossier().orElseThrow().events()).singleElement()
        .satisfies(e -> assertThat(e.title()).isEqualTo("What happened"));
    assertThat(result.dossier().orElseThrow().citations()).isNotEmpty();
  }

  /** The examples name a topic the documents' front matter gives, not one of another dossier's. */
  @Test
  void theExampleTopicIsOneTheDocumentsName() throws IOException {
    Path suez = Files.createDirectories(tmp.resolve("suez"));
    Files.writeString(suez.resolve("a.md"), "---\ntitle: Ever Given refloated\ndate: 2021-03-29\ntopics: [ever-given]\n---\n\nThe ship was refloated.\n");
    assertThat(run("init", suez.toString())).isZero();
    assertThat(Files.readString(suez.resolve("index.yml")))
        .contains("#   - id: ever-given                      # lowercase letters, digits, hyphens\n", "#     topics: [ever-given]\n")
        .doesNotContain("embassy");
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Files.writeString(plain.resolve("a.txt"), "The ship was refloated.\n");
    assertThat(run("init", plain.toString())).isZero();
    assertThat(Files.readString(plain.resolve("index.yml"))).contains("#   - id: first-topic ", "#     topics: [first-topic]\n");
  }

  /** A folder named index.yml is never replaced, with --force either: init says what it is and what to do. */
  @Test
  void aFolderNamedIndexYmlIsSaidToBeOne() throws IOException {
    Files.createDirectories(dir.resolve("index.yml"));
    Files.writeString(dir.resolve("index.yml/notes.txt"), "mine");
    assertThat(run("init", "--force", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("index.yml is a folder, not a file; move it aside (or delete it), then run init again")
        .doesNotContain("Is a directory").doesNotContain("make room");
    assertThat(dir.resolve("index.yml/notes.txt")).hasContent("mine");
  }

  @Test
  void anExistingIndexIsOnlyReplacedWithForce() throws IOException {
    Files.writeString(dir.resolve("index.yml"), "title: Mine\n");
    assertThat(run("init", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("index.yml already exists; pass --force to replace it");
    assertThat(dir.resolve("index.yml")).hasContent("title: Mine");

    assertThat(run("init", "--force", dir.toString())).isZero();
    assertThat(Files.readString(dir.resolve("index.yml"))).startsWith("# The index of this dossier").contains("cnn-2022-02-15");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".index-"));
    }
  }

  @Test
  void aDocumentThatCannotBeReadIsReportedAndListedAllTheSame() throws IOException {
    Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 society in Kyiv.".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(run("init", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(dir.resolve("latin1.txt") + ":1:4: error: the file is not UTF-8 text");
    assertThat(out.toString()).contains("  latin1  latin1.txt\n      check: dossier cannot read this document (see the error above)");
    Diagnostics diagnostics = new Diagnostics();
    assertThat(readIndex(diagnostics).sources()).extracting(SourceEntry::file).contains("latin1.txt");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  /** As `add` refuses a second copy of a document, init says so of one it finds. */
  @Test
  void aSecondCopyOfADocumentIsListedAndWarnedAbout() throws IOException {
    Files.copy(dir.resolve("001_b48eea132caf0c5e.txt"), dir.resolve("copy.txt"));
    assertThat(run("init", dir.toString())).isZero();
    assertThat(err.toString()).contains(dir.resolve("copy.txt") + ": warning: this document has the same content as 001_b48eea132caf0c5e.txt,"
        + " so the dossier would publish it twice");
    assertThat(out.toString()).contains("listing 4 documents");
  }

  @Test
  void aFolderWithoutDocumentsGetsAnEmptyButValidIndex() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(run("init", empty.toString())).isZero();
    assertThat(out.toString()).contains("listing 0 documents")
        .contains("next: the folder holds no documents dossier reads yet; copy the articles into it as .txt, .md or .html files, or add each with: dossier add FILE-or-URL " + empty + " (which lists it in the index)");
    Diagnostics diagnostics = new Diagnostics();
    new IndexReader().read("index.yml", Files.readString(empty.resolve("index.yml")), diagnostics);
    // Valid, and said to be empty: check then asks for documents.
    assertThat(diagnostics.sorted()).extracting(d -> d.headline())
        .containsExactly("index.yml: warning: the index lists no title, sources, topics or events, so the site will have none");
    assertThat(run("init", tmp.resolve("missing").toString())).isEqualTo(2);

    // A folder of PDFs holds no document dossier reads: said, with what to do.
    Path pdfs = Files.createDirectories(tmp.resolve("pdfs"));
    Files.write(pdfs.resolve("report.pdf"), new byte[] {'%', 'P', 'D', 'F'});
    assertThat(run("init", pdfs.toString())).isZero();
    assertThat(out.toString()).contains("next: the folder holds no documents dossier reads yet;");
    assertThat(err.toString()).contains(pdfs.resolve("report.pdf") + ": note: not read: dossier reads .txt, .md and .html documents; save the article's text as one of those to make it a source");
  }
}
