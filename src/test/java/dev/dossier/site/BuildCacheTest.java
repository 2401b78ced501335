package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Progress;
import dev.dossier.diag.Severity;
import dev.dossier.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate builds, as separate runs of {@code dossier build}, sharing the dossier's build cache. */
class BuildCacheTest {

  @TempDir Path tmp;
  private Path dir;
  private Path out;

  private static final String INDEX = """
      title: Cache test
      sources:
        - key: bugle
          file: bugle.txt
          title: Embassy closes
          topics: [lviv]
        - key: wire
          file: wire.txt
          title: Staff leave
          topics: [staff]
      topics:
        - id: lviv
          title: The move to Lviv
          summary: The embassy closed.[@bugle ¶1]
        - id: staff
          title: Staff
          summary: Staff left.[@wire ¶1]
      events:
        - date: 2022-02-14
          title: Embassy closed
          topics: [lviv]
          text: It closed.[@bugle ¶1 "closed on Monday"]
        - date: 2022-02-13
          title: Staff told to leave
          topics: [staff]
          text: Staff were told to go.[@wire ¶1 "told to leave"]
      """;

  @BeforeEach
  void dossier() throws IOException {
    dir = Files.createDirectories(tmp.resolve("dossier"));
    out = tmp.resolve("site");
    Files.writeString(dir.resolve("index.yml"), INDEX);
    Files.writeString(dir.resolve("bugle.txt"), "By Ann Poe\nPublished: 2022-02-14\n\nThe embassy in Kyiv closed on Monday.\n\nStaff moved to Lviv.\n");
    Files.writeString(dir.resolve("wire.txt"), "Published: 2022-02-13\n\nStaff were told to leave.\n");
  }

  private Build.Result build() throws IOException {
    return build(Theme.builtIn());
  }

  private Build.Result build(Theme theme) throws IOException {
    Build.Result result = new Build(false, Optional.empty(), Progress.NONE, true).build(dir, theme, out);
    assertThat(result.failed()).as("%s", result.diagnostics()).isFalse();
    return result;
  }

  private static BuildReport report(Build.Result result) {
    return result.report().orElseThrow();
  }

  /** Forgets the last build's record, so that the next build, with the same inputs, takes the long way. */
  private void forgetLastBuild() throws IOException {
    new BuildCache(dir.resolve(BuildCache.FOLDER), ToolVersion.identity()).forgetLastBuild(out);
  }

  @Test
  void aSecondRunParsesNoDocumentAndRendersNoPage() throws IOException {
    BuildReport first = report(build());
    assertThat(first.work().parsed()).isEqualTo(2);
    assertThat(first.work().reused()).isZero();
    int pages = first.work().rendered();
    assertThat(pages).isEqualTo(8); // home, timeline, bibliography, search, 2 topics, 2 sources
    assertThat(first.lines()).contains("parsed 2 documents (0 from the build cache); rendered 8 pages");
    Map<String, String> site = BuildTest.snapshot(out);

    forgetLastBuild();
    BuildReport second = report(build());
    assertThat(second.work()).isEqualTo(new BuildReport.Work(2, 0, 0, pages));
    assertThat(second.files().written()).isEmpty();
    assertThat(second.lines()).contains("parsed 0 documents (2 from the build cache); rendered 0 pages (8 kept from the last build, their inputs the same)");
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
  }

  @Test
  void aBuildWhoseInputsAreTheLastOnesDoesNothingAndSaysWhatItSaid() throws IOException {
    // An unlisted document (a warning) and a PDF (a note): the build has things to say.
    Files.writeString(dir.resolve("memo.txt"), "Published: 2022-02-12\n\nA memo.\n");
    Files.writeString(dir.resolve("scan.pdf"), "%PDF-1.4");
    Build.Result first = build();
    assertThat(first.diagnostics()).extracting(Diagnostic::severity).contains(Severity.WARNING, Severity.NOTE);
    Map<String, String> site = BuildTest.snapshot(out);
    Map<String, Object> files = fileKeys(out);
    Map<String, Object> packs = packFiles();

    Build.Result second = build();
    BuildReport report = report(second);
    assertThat(report.sameInputs()).isTrue();
    assertThat(report.work()).isEqualTo(new BuildReport.Work(3, 0, 0, 0));
    assertThat(report.files().written()).isEmpty();
    assertThat(report.files().unchanged()).isEqualTo(report(first).files().written());
    assertThat(report.lines()).containsExactly(
        "3 sources, 2 topics, 2 events, 4 citations",
        report.lines().get(1),
        "nothing to do: the 3 documents, the index, the templates and the options are those of the last build into this folder");
    assertThat(report.lines().get(1)).startsWith("0 files written, " + report.files().unchanged().size() + " unchanged, 0 removed, in ");
    assertThat(second.diagnostics()).as("what the last build said, said again").isEqualTo(first.diagnostics());
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
    assertThat(fileKeys(out)).as("no file of the site written again").isEqualTo(files);
    assertThat(packFiles()).as("nor of the cache").isEqualTo(packs);
  }

  /** A change to a dossier between two builds. */
  private interface Change {
    void make() throws IOException;
  }

  /**
   * After each change, the build takes the long way, and says and writes what a build without
   * the cache says and writes.
   */
  @Test
  void anyChangeToWhatABuildReadsTakesTheLongWay() throws IOException {
    Map<String, Change> changes = new java.util.LinkedHashMap<>();
    changes.put("a document edited", () -> Files.writeString(dir.resolve("wire.txt"), "Published: 2022-02-13\n\nStaff were told to leave now.\n"));
    changes.put("a document edited to the same size", () -> Files.writeString(dir.resolve("wire.txt"), "Published: 2022-02-13\n\nStaff were TOLD to leave.\n"));
    changes.put("the index edited", () -> Files.writeString(dir.resolve("index.yml"), INDEX.replace("title: Cache test", "title: Cache tests")));
    changes.put("a document added", () -> Files.writeString(dir.resolve("memo.txt"), "Published: 2022-02-12\n\nA memo.\n"));
    changes.put("a PDF added", () -> Files.writeString(dir.resolve("scan.pdf"), "%PDF-1.4"));
    changes.put("a second index added", () -> Files.writeString(dir.resolve("index.yaml"), "title: Other\n"));
    changes.put("a folder added", () -> Files.createDirectories(dir.resolve("drafts")));
    changes.put("a template added", () -> {
      Files.createDirectories(dir.resolve("templates/assets"));
      Files.writeString(dir.resolve("templates/assets/print.css"), "body { color: black; }\n");
    });
    changes.put("a document deleted", () -> {
      Files.writeString(dir.resolve("index.yml"), INDEX);
      Files.delete(dir.resolve("wire.txt"));
    });
    for (Map.Entry<String, Change> change : changes.entrySet()) {
      build(theme());
      change.getValue().make();
      Build.Result cached = new Build(false, Optional.empty(), Progress.NONE, true).build(dir, theme(), out);
      Path fresh = tmp.resolve("fresh");
      Build.Result uncached = new Build(false, Optional.empty(), Progress.NONE, false).build(dir, theme(), fresh);
      assertThat(cached.report().map(BuildReport::sameInputs)).as(change.getKey()).isNotEqualTo(Optional.of(true));
      assertThat(cached.diagnostics()).as(change.getKey()).isEqualTo(uncached.diagnostics());
      if (!cached.failed()) {
        assertThat(BuildTest.snapshot(out)).as(change.getKey()).isEqualTo(BuildTest.snapshot(fresh));
      }
      if (Files.exists(fresh)) {
        SiteWriter.deleteTree(fresh);
      }
      dossier();
      if (Files.exists(dir.resolve("templates"))) {
        deleteRecursively(dir.resolve("templates"));
      }
      Files.deleteIfExists(dir.resolve("memo.txt"));
      Files.deleteIfExists(dir.resolve("scan.pdf"));
      Files.deleteIfExists(dir.resolve("index.yaml"));
      Files.deleteIfExists(dir.resolve("drafts"));
    }
  }

  /** The theme as the command line makes it: the dossier's own templates/ over the built-in one. */
  private Theme theme() {
    return new Theme(List.of(dir.resolve("templates")));
  }

  @Test
  void aDocumentSavedAgainAsItWasLeavesNothingToDo() throws IOException {
    build();
    Map<String, String> site = BuildTest.snapshot(out);
    Map<String, Object> files = fileKeys(out);
    Path wire = dir.resolve("wire.txt");
    java.nio.file.attribute.FileTime later = java.nio.file.attribute.FileTime.from(
        Files.getLastModifiedTime(wire).toInstant().plusSeconds(60));
    // As an editor saves a file it did not change, or a checkout writes it back.
    Files.write(wire, Files.readAllBytes(wire));
    Files.setLastModifiedTime(wire, later);

    BuildReport again = report(build());
    assertThat(again.sameInputs()).isTrue();
    assertThat(again.work().parsed()).isZero();
    assertThat(again.files().written()).isEmpty();
    assertThat(fileKeys(out)).as("no file of the site written again").isEqualTo(files);
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
    LastBuild record = decode(Files.readAllBytes(recordFile()));
    assertThat(record.documents()).as("the record now has the document as it is")
        .contains(new LastBuild.FileState("wire.txt", Files.size(wire), later.to(java.util.concurrent.TimeUnit.MICROSECONDS)));

    // Then edited, to the same size and with its time of change put back: every document is read to be sure.
    String text = Files.readString(wire);
    Files.writeString(wire, text.replace("Staff were", "STAFF were"));
    Files.setLastModifiedTime(wire, later);
    assertThat(report(build()).sameInputs()).isFalse();
    assertThat(out.resolve("sources/wire.html")).content().contains("STAFF were");
  }

  @Test
  void anOptionChangedTakesTheLongWay() throws IOException {
    build();
    Build.Result published = new Build(false, Optional.of("https://example.org/kyiv/"), Progress.NONE, true).build(dir, Theme.builtIn(), out);
    assertThat(published.report().orElseThrow().sameInputs()).isFalse();
    assertThat(out.resolve("feed.xml")).isRegularFile();

    // Strict after lax: the unlisted document's warning fails the build, as it must.
    Files.writeString(dir.resolve("memo.txt"), "Published: 2022-02-12\n\nA memo.\n");
    build();
    Build.Result strict = new Build(true, Optional.empty(), Progress.NONE, true).build(dir, Theme.builtIn(), out);
    assertThat(strict.failed()).isTrue();
  }

  @Test
  void aSiteChangedByHandIsPutRight() throws IOException {
    build();
    Map<String, String> site = BuildTest.snapshot(out);
    Files.delete(out.resolve("topics/staff.html"));
    assertThat(report(build()).sameInputs()).isFalse();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);

    Files.writeString(out.resolve("index.html"), Files.readString(out.resolve("index.html")).replace("Cache test", "Cache test, edited"));
    assertThat(report(build()).sameInputs()).isFalse();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
    assertThat(report(build()).sameInputs()).as("and then it is as the last build left it").isTrue();
  }

  @Test
  void afterAFailedBuildTheSiteItLeftIsStillTheLastBuilds() throws IOException {
    build();
    Map<String, String> site = BuildTest.snapshot(out);
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("\"closed on Monday\"", "\"closed on Friday\""));
    assertThat(new Build(false, Optional.empty(), Progress.NONE, true).build(dir, Theme.builtIn(), out).failed()).isTrue();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);

    Files.writeString(dir.resolve("index.yml"), INDEX);
    assertThat(report(build()).sameInputs()).isTrue();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
  }

  @Test
  void aDamagedRecordOfTheLastBuildIsNotTrusted() throws IOException {
    Build.Result first = build();
    Map<String, String> site = BuildTest.snapshot(out);
    Path record = recordFile();
    byte[] bytes = Files.readAllBytes(record);
    String latin = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    // One letter of what the build said: the record would still decode, and match.
    bytes[latin.indexOf("no base URL") + 3] = 'B';
    Files.write(record, bytes);
    Build.Result again = build();
    assertThat(again.diagnostics()).isEqualTo(first.diagnostics());
    BuildReport second = report(again);
    assertThat(second.sameInputs()).isFalse();
    assertThat(second.files().written()).isEmpty();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
    assertThat(report(build()).sameInputs()).as("recorded anew").isTrue();
  }

  @Test
  void anEditedStylesheetGetsANewAddressOnEveryPage() throws IOException {
    Files.createDirectories(dir.resolve("templates/assets"));
    Files.writeString(dir.resolve("templates/assets/dossier.css"), "body { color: black; }\n");
    build(theme());
    String before = Files.readString(out.resolve("index.html"));
    Files.writeString(dir.resolve("templates/assets/dossier.css"), "body { color: navy; }\n");
    build(theme());
    String after = Files.readString(out.resolve("index.html"));
    java.util.regex.Pattern link = java.util.regex.Pattern.compile("href=\"assets/dossier\\.css\\?v=([0-9a-f]{12})\"");
    java.util.regex.Matcher was = link.matcher(before);
    java.util.regex.Matcher is = link.matcher(after);
    assertThat(was.find()).isTrue();
    assertThat(is.find()).isTrue();
    assertThat(is.group(1)).as("a browser holding the black copy asks for the navy one").isNotEqualTo(was.group(1));
    try (java.util.stream.Stream<Path> pages = Files.walk(out)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
        assertThat(Files.readString(page)).as(out.relativize(page).toString()).contains("assets/dossier.css?v=" + is.group(1) + "\"");
      }
    }
  }

  @Test
  void anAssetTheThemeLacksIsATemplateErrorThatSaysHowToNameOne() throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    String layout = Files.readString(Path.of("templates/layout.ftlh"));
    Files.writeString(dir.resolve("templates/layout.ftlh"), layout.replace("asset(\"assets/dossier.css\")", "asset(\"./assets/dossier.css\")"));
    build(theme());
    assertThat(Files.readString(out.resolve("index.html"))).as("./ is the site's top too").containsPattern("href=\"assets/dossier\\.css\\?v=[0-9a-f]{12}\"");
    Files.writeString(dir.resolve("templates/layout.ftlh"), layout.replace("asset(\"assets/dossier.css\")", "asset(\"assets/site.css\")"));
    Build.Result failed = new Build(false, Optional.empty(), Progress.NONE, true).build(dir, theme(), out);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.diagnostics()).filteredOn(d -> d.message().contains("asset(\"assets/site.css\"): the theme has no such file")).first()
        .satisfies(d -> assertThat(d.headline()).contains("layout.ftlh:17:"))
        .satisfies(d -> assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).startsWith("name a file of the theme's assets/ folder")));
  }

  @Test
  void aThemeReachedThroughALinkIsFollowed() throws IOException {
    Path shared = Files.createDirectories(tmp.resolve("shared-theme/assets"));
    Files.writeString(shared.resolve("print.css"), "body { color: black; }\n");
    Files.createSymbolicLink(dir.resolve("templates"), shared.getParent());
    build(theme());
    Files.writeString(shared.resolve("print.css"), "body { color: navy; }\n");
    assertThat(report(build(theme())).sameInputs()).isFalse();
    assertThat(Files.readString(out.resolve("assets/print.css"))).isEqualTo("body { color: navy; }\n");
  }

  @Test
  void anIndexThatReadsTheSameButIsNotTheSameTakesTheLongWay() throws IOException {
    // A control character is replaced by U+FFFD: two of them give the same text, not the same warning.
    Files.writeString(dir.resolve("index.yml"), INDEX + "# \u0001\n");
    assertThat(build().diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("U+0001"));
    Files.writeString(dir.resolve("index.yml"), INDEX + "# \u0002\n");
    Build.Result second = build();
    assertThat(report(second).sameInputs()).isFalse();
    assertThat(second.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("U+0002"))
        .noneSatisfy(d -> assertThat(d.message()).contains("U+0001"));
  }

  @Test
  void aRecordOfAnotherBuildsSiteIsNotTrusted() throws IOException {
    // Two builds into one folder at once: the second commits its site between the first's
    // commit and the first's record, which then holds the second site's files under the
    // first's inputs. The manifest it committed says whose site it is.
    build();
    BuildCache cache = new BuildCache(dir.resolve(BuildCache.FOLDER), ToolVersion.identity());
    LastBuild first = decode(Files.readAllBytes(recordFile()));
    Map<String, String> site = BuildTest.snapshot(out);
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("title: Cache test", "title: Cache test, retitled"));
    build();
    LastBuild second = decode(Files.readAllBytes(recordFile()));
    cache.storeLastBuild(out, new LastBuild(first.frame(), first.inputs(), first.documents(), first.keys(), first.said(), first.counts(), first.manifest(), second.files()));
    Files.writeString(dir.resolve("index.yml"), INDEX);
    assertThat(report(build()).sameInputs()).isFalse();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
  }

  /** The cache's record of the last build into {@code out}. */
  private Path recordFile() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(BuildCache.FOLDER))) {
      return files.filter(f -> f.getFileName().toString().startsWith("build-")).findFirst().orElseThrow();
    }
  }

  /** A record as {@link BuildCache#storeLastBuild} writes it: its heading, the record, a CRC-32C. */
  private static LastBuild decode(byte[] bytes) throws IOException {
    java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4));
    DocumentCodec.string(in);
    byte[] record = in.readAllBytes();
    java.io.DataInputStream head = new java.io.DataInputStream(new java.io.ByteArrayInputStream(record));
    head.readInt();
    return LastBuild.decode(record, DocumentCodec.string(head)).orElseThrow();
  }

  @Test
  void whatAKilledBuildLeftBesideTheSiteGoesThoughThereIsNothingToDo() throws IOException {
    build();
    Path left = Files.createDirectories(tmp.resolve(".site.staging-killed"));
    Files.writeString(left.resolve("index.html"), "half");
    assertThat(report(build()).sameInputs()).isTrue();
    assertThat(left).doesNotExist();
  }

  @Test
  void aRecordTheLongWayKeepsThatIsDeletedIsWrittenAgain() throws IOException {
    build();
    try (Stream<Path> files = Files.list(dir.resolve(BuildCache.FOLDER))) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("summary-")).toList()) {
        Files.delete(f);
      }
    }
    assertThat(report(build()).sameInputs()).isFalse();
    assertThat(report(build()).sameInputs()).isTrue();
  }

  /** Every file of a folder by path, as the file system identifies it and when it last changed. */
  private static Map<String, Object> fileKeys(Path root) throws IOException {
    Map<String, Object> keys = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        keys.put(root.relativize(p).toString(), List.of(String.valueOf(a.fileKey()), a.lastModifiedTime()));
      }
    }
    return keys;
  }

  @Test
  void aDocumentFromTheCacheSaysWhatReadingItSaidAndShowsTheSameText() throws IOException {
    // Windows line ends, a byte-order mark and a control character: the text is not the file's bytes.
    Files.writeString(dir.resolve("wire.txt"), "\uFEFFPublished: 2022-02-13\r\n\r\nStaff were told to leave.\u0001\r\n");
    Build.Result first = build();
    List<String> warnings = first.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::toString).toList();
    assertThat(warnings).as("the control character is warned about").anySatisfy(w -> assertThat(w).contains("path=wire.txt, line=3, column=26", "U+0001"));
    Map<String, String> site = BuildTest.snapshot(out);

    forgetLastBuild();
    Build.Result second = build();
    assertThat(report(second).work().parsed()).as("nothing parsed again").isZero();
    assertThat(second.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).map(Diagnostic::toString).toList())
        .as("the warning said again, though the file was not read as text").isEqualTo(warnings);
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
  }

  @Test
  void noDocumentNameRunsOnIntoItsBytes() {
    byte[] text = "text".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] runOn = "b\ntext".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(BuildCache.documentKey("dossier 1.0", "a\nb", text)).isNotEqualTo(BuildCache.documentKey("dossier 1.0", "a", runOn));
  }

  @Test
  void anEditedDocumentIsParsedAgainAndOnlyThePagesThatShowItAreRendered() throws IOException {
    build();
    Object bugle = fileKey(out.resolve("sources/bugle.html"));
    Files.writeString(dir.resolve("wire.txt"), "Published: 2022-02-13\n\nStaff were told to leave Kyiv.\n");

    BuildReport second = report(build());
    assertThat(second.work().parsed()).isEqualTo(1);
    // The wire's page and every page listing its title or text: home, timeline, bibliography
    // and the staff topic; the bugle's page and the Lviv topic are as they were.
    assertThat(second.files().written()).contains("sources/wire.html", "topics/staff.html", "dossier.json")
        .doesNotContain("sources/bugle.html", "topics/lviv.html");
    assertThat(second.work().reused()).isGreaterThanOrEqualTo(2);
    assertThat(fileKey(out.resolve("sources/bugle.html"))).isEqualTo(bugle);
    assertThat(BuildTest.unanchored(Files.readString(out.resolve("sources/wire.html")))).contains("<mark>told to leave</mark> Kyiv.");
  }

  @Test
  void aNewSourceRendersThePagesListingEverySourceAndTheNextBuildKeepsThemAgain() throws IOException {
    build();
    Files.writeString(dir.resolve("post.txt"), "Published: 2022-02-15\n\nThe consulate stayed open.\n");
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("topics:\n  - id: lviv", "  - key: post\n    file: post.txt\n    title: Consulate open\ntopics:\n  - id: lviv"));
    assertThat(Files.readString(dir.resolve("index.yml"))).contains("  - key: post\n    file: post.txt");

    BuildReport added = report(build());
    assertThat(added.files().written()).contains("timeline.html", "sources/index.html", "sources/post.html")
        .doesNotContain("topics/lviv.html", "sources/bugle.html");
    Map<String, String> site = BuildTest.snapshot(out);

    // Rendered without their fingerprints, which the new source changed: the next build that
    // takes the long way with the same sources renders them once (the same bytes) and records
    // them; the one after keeps them.
    forgetLastBuild();
    BuildReport again = report(build());
    assertThat(again.work().rendered()).isEqualTo(2);
    assertThat(again.files().written()).isEmpty();
    forgetLastBuild();
    BuildReport kept = report(build());
    assertThat(kept.work().rendered()).isZero();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
  }

  @Test
  void aNewQuoteMarksTheQuotedSourcesPageThoughTheSourceDidNotChange() throws IOException {
    build();
    Object wire = fileKey(out.resolve("sources/wire.html"));
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("\"closed on Monday\"", "\"embassy in Kyiv\""));

    BuildReport second = report(build());
    assertThat(second.work().parsed()).isZero();
    assertThat(second.files().written()).contains("sources/bugle.html");
    assertThat(BuildTest.unanchored(Files.readString(out.resolve("sources/bugle.html"))))
        .contains("The <mark>embassy in Kyiv</mark> closed on Monday.")
        .doesNotContain("<mark>closed on Monday</mark>");
    assertThat(fileKey(out.resolve("sources/wire.html"))).isEqualTo(wire);
  }

  @Test
  void theCachedBuildWritesWhatAFreshBuildWrites() throws IOException {
    build();
    Files.writeString(dir.resolve("bugle.txt"), Files.readString(dir.resolve("bugle.txt")) + "\nA third paragraph.\n");
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("summary: Staff left.[@wire ¶1]", "summary: Staff left.[@wire ¶1] Some stayed.[@bugle ¶3]"));
    build();
    Map<String, String> cached = BuildTest.snapshot(out);

    Path fresh = tmp.resolve("fresh");
    new Build(false, Optional.empty(), Progress.NONE, false).build(dir, Theme.builtIn(), fresh);
    assertThat(BuildTest.snapshot(fresh)).isEqualTo(cached);
  }

  /**
   * A source page a rebuild keeps is fingerprinted from its inputs, not its data: each of them,
   * changed, must change the page just as a fresh build makes it, and the pages of the sources
   * the change does not touch must be kept.
   */
  @Test
  void aSourcePageIsKeptOnlyWhileEverythingItShowsIsAsItWas() throws IOException {
    // A column that cites the wire in its own text: its page shows the wire in its notes.
    Files.writeString(dir.resolve("column.md"), "---\ntitle: A column\n---\n\nThe staff left.[@wire ¶1 \"told to leave\"]\n\nNothing else.\n");
    String index = INDEX.replace("topics:\n  - id: lviv", "  - key: column\n    file: column.md\n    topics: [staff]\ntopics:\n  - id: lviv");
    Files.writeString(dir.resolve("index.yml"), index);
    build();

    List<String[]> edits = List.of(
        new String[] {"a topic's title, which the bugle's page lists", "title: The move to Lviv", "title: The move west"},
        new String[] {"the title of an event citing the wire", "title: Staff told to leave", "title: Staff ordered out"},
        new String[] {"the words an event quotes from the wire", "\"told to leave\"]\n", "\"Staff were told\"]\n"},
        new String[] {"the paragraph a topic cites of the bugle", "summary: The embassy closed.[@bugle ¶1]", "summary: Staff moved.[@bugle ¶2]"},
        new String[] {"the wire's outlet, shown in the column's notes", "    title: Staff leave\n", "    title: Staff leave\n    outlet: The Wire\n"},
        new String[] {"a note on the wire's date, citing the wire", "    outlet: The Wire\n", "    outlet: The Wire\n    published_note: As dated.[@wire ¶1]\n"},
        new String[] {"the bugle's text reduced to its cited passages", "    title: Embassy closes\n", "    title: Embassy closes\n    reproduce: excerpts\n"},
        new String[] {"which of the bugle's passages are cited, and shown", "summary: Staff moved.[@bugle ¶2]", "summary: It closed.[@bugle ¶1]"},
        new String[] {"the dossier's title, on every page", "title: Cache test", "title: Cache test, revised"});
    for (String[] edit : edits) {
      assertThat(index).as(edit[0]).contains(edit[1]);
      index = index.replace(edit[1], edit[2]);
      Files.writeString(dir.resolve("index.yml"), index);
      BuildReport cached = report(build());
      assertThat(BuildTest.snapshot(out)).as("after changing %s", edit[0]).isEqualTo(freshBuild("fresh-" + edits.indexOf(edit)));
      assertThat(cached.files().written()).as("after changing %s", edit[0]).filteredOn(f -> f.startsWith("sources/") && !f.equals("sources/index.html")).isNotEmpty();
    }

    // The column's own text, edited: only its page, of the sources' pages, is made again.
    Files.writeString(dir.resolve("column.md"), Files.readString(dir.resolve("column.md")).replace("Nothing else.", "Nothing more."));
    BuildReport edited = report(build());
    assertThat(BuildTest.snapshot(out)).as("after editing the column's text").isEqualTo(freshBuild("fresh-column"));
    assertThat(edited.files().written()).contains("sources/column.html").doesNotContain("sources/bugle.html", "sources/wire.html");
    assertThat(Files.readString(out.resolve("sources/column.html"))).contains("Nothing more.");
    // And a change that touches no source page keeps them all: a summary's words, not its citation.
    Files.writeString(dir.resolve("index.yml"), index.replace("summary: Staff left.[@wire ¶1]", "summary: Most staff left.[@wire ¶1]"));
    BuildReport retitled = report(build());
    assertThat(retitled.files().written()).contains("topics/staff.html").noneMatch(f -> f.startsWith("sources/") && !f.equals("sources/index.html"));
  }

  /** The site a build that keeps and reads no cache makes of the dossier as it is now. */
  private Map<String, String> freshBuild(String name) throws IOException {
    Path fresh = tmp.resolve(name);
    assertThat(new Build(false, Optional.empty(), Progress.NONE, false).build(dir, Theme.builtIn(), fresh).failed()).isFalse();
    return BuildTest.snapshot(fresh);
  }

  @Test
  void anEditedTemplateRendersEveryPageAgain() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("bibliography.ftlh"), "<p>${sources?size} sources</p>");
    Theme theme = new Theme(List.of(templates));
    int pages = report(build(theme)).work().rendered();

    Files.writeString(templates.resolve("bibliography.ftlh"), "<p>${sources?size} sources listed</p>");
    BuildReport second = report(build(theme));
    assertThat(second.work().rendered()).isEqualTo(pages);
    assertThat(second.work().parsed()).isZero();
    assertThat(Files.readString(out.resolve("sources/index.html"))).isEqualTo("<p>2 sources listed</p>");
  }

  @Test
  void aLostOutputIsRenderedWhole() throws IOException {
    int pages = report(build()).work().rendered();
    SiteWriter.deleteTree(out);
    BuildReport second = report(build());
    assertThat(second.work().rendered()).isEqualTo(pages);
    assertThat(second.work().parsed()).isZero();
    assertThat(out.resolve("sources/bugle.html")).isRegularFile();
  }

  @Test
  void aPageEditedByHandInTheOutputIsRenderedAgain() throws IOException {
    build();
    String page = Files.readString(out.resolve("sources/wire.html"));
    Files.writeString(out.resolve("sources/wire.html"), "defaced");
    BuildReport second = report(build());
    assertThat(second.files().written()).containsExactly("sources/wire.html");
    assertThat(Files.readString(out.resolve("sources/wire.html"))).isEqualTo(page);
  }

  @Test
  void unreadableCacheEntriesAreIgnoredAndMadeAgain() throws IOException {
    int pages = report(build()).work().rendered();
    Map<String, String> site = BuildTest.snapshot(out);
    try (Stream<Path> files = Files.walk(dir.resolve(BuildCache.FOLDER))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.writeString(f, "garbage\u0000\u0001");
      }
    }
    BuildReport second = report(build());
    assertThat(second.work().parsed()).isEqualTo(2);
    assertThat(second.work().rendered()).isEqualTo(pages);
    assertThat(second.files().written()).isEmpty();
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
    forgetLastBuild();
    assertThat(report(build()).work().parsed()).as("the entries were made again").isZero();
  }

  @Test
  void aCacheThatCannotBeWrittenIsANoteAndTheBuildGoesOn() throws IOException {
    Files.writeString(dir.resolve(BuildCache.FOLDER), "not a folder");
    Build.Result result = build();
    assertThat(result.diagnostics()).filteredOn(d -> d.severity() == Severity.NOTE).extracting(Diagnostic::path)
        .contains(BuildCache.FOLDER);
    // Said once, in words, not in the name of Java's exception.
    assertThat(result.diagnostics()).filteredOn(d -> d.path().equals(BuildCache.FOLDER)).extracting(Diagnostic::message)
        .singleElement().satisfies(m -> assertThat(m).startsWith("cannot write the build cache: ").doesNotContain("java.").doesNotContain("Exception"));
    assertThat(out.resolve("sources/bugle.html")).isRegularFile();
  }

  @Test
  void entriesOfDocumentsNoLongerReadAreDeleted() throws IOException {
    build();
    Files.writeString(dir.resolve("wire.txt"), "Published: 2022-02-13\n\nStaff were told to leave Kyiv.\n");
    // What a build killed while writing the cache leaves behind, and an entry of the layout before packs.
    Files.writeString(dir.resolve(BuildCache.FOLDER).resolve(".tmp-123"), "half");
    Files.writeString(dir.resolve(BuildCache.FOLDER).resolve("documents/.tmp-456"), "half");
    Files.writeString(dir.resolve(BuildCache.FOLDER).resolve("documents/" + "ab".repeat(32)), "an entry of its own");
    build();
    assertThat(dir.resolve(BuildCache.FOLDER).resolve(".tmp-123")).doesNotExist();
    try (Stream<Path> entries = Files.list(dir.resolve(BuildCache.FOLDER).resolve("documents"))) {
      assertThat(entries.map(p -> p.getFileName().toString())).as("packs only").allMatch(n -> n.matches("[0-9a-f]{2}\\.pack"));
    }
    String tool = ToolVersion.identity();
    assertThat(new BuildCache(dir.resolve(BuildCache.FOLDER), tool).storedDocuments()).as("one entry per document, the old wire.txt's gone").containsExactlyInAnyOrder(
        BuildCache.documentKey(tool, "bugle.txt", Files.readAllBytes(dir.resolve("bugle.txt"))),
        BuildCache.documentKey(tool, "wire.txt", Files.readAllBytes(dir.resolve("wire.txt"))));
  }

  @Test
  void aPackIsWrittenOnlyWhenItsEntriesChange() throws IOException {
    // Enough documents to fill many of the 256 packs, so that one edit leaves most alone.
    StringBuilder index = new StringBuilder("title: Packs\n");
    for (int i = 0; i < 40; i++) {
      Files.writeString(dir.resolve("d" + i + ".txt"), "Published: 2022-02-13\n\nDocument " + i + " says something.\n");
    }
    Files.writeString(dir.resolve("index.yml"), index.toString());
    build();
    Map<String, Object> before = packFiles();
    assertThat(before).hasSizeGreaterThan(20);

    forgetLastBuild();
    build();
    assertThat(packFiles()).as("nothing changed: no pack written again").isEqualTo(before);

    Files.writeString(dir.resolve("d7.txt"), "Published: 2022-02-13\n\nDocument 7 says something else.\n");
    build();
    Map<String, Object> after = packFiles();
    String tool = ToolVersion.identity();
    String gone = BuildCache.documentKey(tool, "d7.txt", "Published: 2022-02-13\n\nDocument 7 says something.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String added = BuildCache.documentKey(tool, "d7.txt", Files.readAllBytes(dir.resolve("d7.txt")));
    Set<String> touched = Set.of(gone.substring(0, 2) + ".pack", added.substring(0, 2) + ".pack");
    before.forEach((name, file) -> {
      if (!touched.contains(name)) {
        assertThat(after.get(name)).as(name).isEqualTo(file);
      }
    });
    touched.forEach(name -> assertThat(after.get(name)).as(name).isNotEqualTo(before.get(name)));
    forgetLastBuild();
    assertThat(report(build()).work().parsed()).as("the new entry is there").isZero();
  }

  @Test
  void aDamagedEntryThatStillDecodesIsParsedAgain() throws IOException {
    build();
    Map<String, String> site = BuildTest.snapshot(out);
    // One letter of a paragraph changed inside the cache, as a bad disk might: the entry still decodes.
    boolean damaged = false;
    try (Stream<Path> packs = Files.list(dir.resolve(BuildCache.FOLDER).resolve("documents"))) {
      for (Path pack : packs.toList()) {
        byte[] bytes = Files.readAllBytes(pack);
        String latin = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = latin.indexOf("Staff were told");
        if (at >= 0) {
          bytes[at + 2] = 'u';
          Files.write(pack, bytes);
          damaged = true;
        }
      }
    }
    assertThat(damaged).isTrue();
    forgetLastBuild();
    BuildReport second = report(build());
    assertThat(second.work().parsed()).as("the damaged document parsed again").isEqualTo(1);
    assertThat(BuildTest.snapshot(out)).isEqualTo(site);
    forgetLastBuild();
    assertThat(report(build()).work().parsed()).as("and its pack written anew").isZero();
  }

  @Test
  void aCacheDeletedWhileServingIsNotFilledWithEmptyPacks() throws IOException {
    Build serving = new Build(false, Optional.empty(), Progress.NONE, true);
    assertThat(serving.run(dir, Theme.builtIn()).failed()).isFalse();
    deleteRecursively(dir.resolve(BuildCache.FOLDER));
    // The documents come from the Build's memory now, so there is no entry to write.
    assertThat(serving.run(dir, Theme.builtIn()).failed()).isFalse();
    Path documents = dir.resolve(BuildCache.FOLDER).resolve("documents");
    if (Files.isDirectory(documents)) {
      try (Stream<Path> packs = Files.list(documents)) {
        assertThat(packs.toList()).as("no pack of nothing").isEmpty();
      }
    }
    assertThat(report(build()).work().parsed()).as("the next build from the command line fills the cache again").isEqualTo(2);
    forgetLastBuild();
    assertThat(report(build()).work().parsed()).isZero();
  }

  @Test
  void somethingInTheCacheThatCannotBeDeletedStopsNoPackFromBeingWritten() throws IOException {
    Files.createDirectories(dir.resolve(BuildCache.FOLDER).resolve("documents/stray"));
    Files.writeString(dir.resolve(BuildCache.FOLDER).resolve("documents/stray/f"), "not ours");
    build();
    forgetLastBuild();
    assertThat(report(build()).work().parsed()).as("both documents from the packs").isZero();
    assertThat(dir.resolve(BuildCache.FOLDER).resolve("documents/stray/f")).as("left alone").exists();
  }

  private static void deleteRecursively(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** Each pack by name, as the file it is (the same file keeps its identity until it is written again). */
  private Map<String, Object> packFiles() throws IOException {
    Map<String, Object> files = new TreeMap<>();
    try (Stream<Path> packs = Files.list(dir.resolve(BuildCache.FOLDER).resolve("documents"))) {
      for (Path p : packs.toList()) {
        files.put(p.getFileName().toString(), Files.readAttributes(p, BasicFileAttributes.class).fileKey());
      }
    }
    return files;
  }

  @Test
  void theToolIsKnownByTheJavaItRunsOnToo() {
    // Another Java may read the same bytes into other words (its Unicode tables): the two must not share parses or pages.
    assertThat(ToolVersion.identity()).endsWith(" on Java " + Runtime.version());
  }

  @Test
  void anotherVersionOfTheToolFindsNothingInTheCache() throws IOException {
    BuildCache mine = new BuildCache(tmp.resolve("cache"), "dossier 1.0 123 456");
    BuildCache newer = new BuildCache(tmp.resolve("cache"), "dossier 1.1 123 789");
    String key = BuildCache.documentKey("dossier 1.0 123 456", "a.txt", "text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    mine.storeDocument(key, Optional.empty(), List.of());
    mine.commitDocuments(Set.of(key));
    assertThat(new BuildCache(tmp.resolve("cache"), "dossier 1.0 123 456").document(key)).isPresent();
    assertThat(BuildCache.documentKey("dossier 1.1 123 789", "a.txt", "text".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotEqualTo(key);

    Map<String, BuildCache.Unit> units = new TreeMap<>(Map.of("index.html", new BuildCache.Unit("f", List.of(new BuildCache.File("index.html", "h", 3)))));
    mine.storePages(out, units);
    assertThat(mine.pages(out)).isEqualTo(units);
    assertThat(newer.pages(out)).isEmpty();
    assertThat(mine.pages(tmp.resolve("elsewhere"))).as("fingerprints are kept per output folder").isEmpty();
  }

  @Test
  void aFailedBuildNamesTheCitationsThatVerifiedLastTimeAndNoLongerDo() throws IOException {
    build();
    Files.writeString(dir.resolve("bugle.txt"), Files.readString(dir.resolve("bugle.txt")).replace("closed on Monday", "closed on Sunday"));
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("summary: Staff left.[@wire ¶1]", "summary: Staff left.[@wire ¶1 \"never said\"]"));
    Build.Result failed = new Build(false, Optional.empty(), Progress.NONE, true).build(dir, Theme.builtIn(), out);
    assertThat(failed.failed()).isTrue();
    assertThat(failed.diagnostics()).filteredOn(Diagnostic::isError).hasSize(2);
    // The new citation never verified, so it is not among those that stopped verifying.
    assertThat(failed.diagnostics()).extracting(Diagnostic::headline).anySatisfy(h -> assertThat(h).startsWith("index.yml:22:22: error: quote not found"));
    assertThat(failed.noLongerVerified()).singleElement().satisfies(u -> {
      assertThat(u.at()).hasToString("index.yml:22:22");
      assertThat(BuildReport.describe(u)).isEqualTo("[@bugle ¶1 \"closed on Monday\"] in event e-2022-02-14-embassy-closed");
    });

    Files.writeString(dir.resolve("bugle.txt"), Files.readString(dir.resolve("bugle.txt")).replace("closed on Sunday", "closed on Monday"));
    Build.Result again = new Build(false, Optional.empty(), Progress.NONE, true).build(dir, Theme.builtIn(), out);
    assertThat(again.noLongerVerified()).as("compared with the last build that succeeded").isEmpty();
  }

  /**
   * A source's key misspelt in its entry stops every citation of it: the list of citations that
   * no longer verify gives them as one line, as the error does, beside the other citations.
   */
  @Test
  void theCitationsOfAKeyNoSourceHasAreOneLineOfTheList() throws IOException {
    build();
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("key: bugle", "key: bugel"));
    Files.writeString(dir.resolve("wire.txt"), Files.readString(dir.resolve("wire.txt")).replace("told to leave", "told to go"));
    Build.Result failed = new Build(false, Optional.empty(), Progress.NONE, true).build(dir, Theme.builtIn(), out);
    assertThat(failed.noLongerVerified()).hasSize(3);
    assertThat(BuildReport.listed(failed.noLongerVerified())).extracting(l -> l.at() + ": " + l.text()).containsExactly(
        "index.yml:14:34: 2 citations of \"bugle\", a key no source has now; the first is [@bugle ¶1] in topic lviv",
        "index.yml:26:34: [@wire ¶1 \"told to leave\"] in event e-2022-02-13-staff-told-to-leave");
  }

  @Test
  void aCitationOfAParagraphWithoutAQuoteIsReportedWhenThatParagraphsTextChanges() throws IOException {
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("summary: The embassy closed.[@bugle ¶1]", "summary: The embassy closed.[@bugle ¶1] Staff moved.[@bugle ¶2]"));
    build();
    forgetLastBuild();
    assertThat(report(build()).changedPassages()).as("nothing changed").isEmpty();

    // The article is saved again with a paragraph more before the one cited, and the wire reworded.
    Files.writeString(dir.resolve("bugle.txt"), Files.readString(dir.resolve("bugle.txt")).replace("Staff moved to Lviv.", "Guards stayed.\n\nStaff moved to Lviv."));
    Files.writeString(dir.resolve("wire.txt"), Files.readString(dir.resolve("wire.txt")).replace("Staff were told to leave.", "Most staff were told to leave."));
    Build.Result edited = build();
    assertThat(edited.diagnostics()).as("every citation still verifies").filteredOn(Diagnostic::isError).isEmpty();
    assertThat(report(edited).changedPassages()).extracting(c -> c.citation().position() + " " + c.describe()).containsExactly(
        "index.yml:14:58 [@bugle ¶2] in topic lviv: the paragraph it cited is now ¶3",
        "index.yml:17:26 [@wire ¶1] in topic staff: no paragraph of the source reads as ¶1 did");

    forgetLastBuild();
    assertThat(report(build()).changedPassages()).as("said once, then compared with the build that said it").isEmpty();
  }

  /**
   * A cited key that names another file than at the last build is said so: the citations
   * follow the key, not the document. Here the index moves the key on purpose; a key made from
   * a file name can move by itself, when an unlisted file arrives whose name makes it first.
   */
  @Test
  void aCitedKeyThatNamesAnotherDocumentIsReported() throws IOException {
    build();
    assertThat(report(build()).movedKeys()).as("nothing changed").isEmpty();
    // The same bytes under another name: the same document, moved, and not worth a word.
    Files.writeString(dir.resolve("bugle\tcopy.txt"), Files.readString(dir.resolve("bugle.txt")));
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("file: bugle.txt", "file: \"bugle\\tcopy.txt\""));
    assertThat(report(build()).movedKeys()).as("moved as it was").isEmpty();
    // Another document under the key.
    Files.writeString(dir.resolve("bugle\nnew.txt"), Files.readString(dir.resolve("bugle.txt")) + "\nA paragraph more.\n");
    Files.writeString(dir.resolve("index.yml"), INDEX.replace("file: bugle.txt", "file: \"bugle\\nnew.txt\""));
    BuildReport moved = report(build());
    assertThat(moved.movedKeys()).extracting(BuildReport.MovedKey::describe)
        .containsExactly("\"bugle\" now names bugle\\nnew.txt, not bugle\\tcopy.txt as in the last build: its 2 citations point there now");
    assertThat(report(build()).movedKeys()).as("said once").isEmpty();
  }

  @Test
  void everyCitationOfAChangedParagraphIsListedEvenInARetitledEvent() throws IOException {
    Files.writeString(dir.resolve("index.yml"), INDEX.replace(
        "text: Staff were told to go.[@wire ¶1 \"told to leave\"]",
        "text: |\n      Staff were told to go.[@bugle ¶2]\n\n      They went.[@bugle ¶2]"));
    build();
    // A paragraph more before ¶2, and the event retitled (so its id changes) in the same edit.
    Files.writeString(dir.resolve("bugle.txt"), Files.readString(dir.resolve("bugle.txt")).replace("Staff moved to Lviv.", "Guards stayed.\n\nStaff moved to Lviv."));
    Files.writeString(dir.resolve("index.yml"), Files.readString(dir.resolve("index.yml")).replace("title: Staff told to leave", "title: Staff ordered out"));
    BuildReport edited = report(build());
    assertThat(edited.newEvents()).containsExactly("e-2022-02-13-staff-ordered-out");
    assertThat(edited.changedPassages()).extracting(c -> c.citation().position() + " " + c.describe()).containsExactly(
        "index.yml:27:30 [@bugle ¶2] in event e-2022-02-13-staff-ordered-out: the paragraph it cited is now ¶3",
        "index.yml:29:18 [@bugle ¶2] in event e-2022-02-13-staff-ordered-out: the paragraph it cited is now ¶3");
  }

  @Test
  void aQuoteRunningOverLinesLeavesTheSummaryReadable() throws IOException {
    // In YAML's double quotes, \\r is a carriage return: Java's readAllLines splits a line there too.
    Files.writeString(dir.resolve("index.yml"), INDEX.replace(
        "text: It closed.[@bugle ¶1 \"closed on Monday\"]",
        "text: \"It closed.[@bugle ¶1 \\\"closed\\ron Monday\\\"] Staff moved.[@bugle ¶2]\""));
    build();
    Files.writeString(dir.resolve("bugle.txt"), Files.readString(dir.resolve("bugle.txt")).replace("Staff moved to Lviv.", "All staff moved to Lviv."));
    assertThat(report(build()).changedPassages()).extracting(ChangedPassage -> ChangedPassage.describe())
        .containsExactly("[@bugle ¶2] in event e-2022-02-14-embassy-closed: no paragraph of the source reads as ¶2 did");
  }

  @Test
  void theCacheIsNeverReadAsADocument() throws IOException {
    build();
    forgetLastBuild();
    Build.Result second = build();
    assertThat(second.dossier().orElseThrow().sources()).hasSize(2);
    assertThat(second.diagnostics()).filteredOn(d -> d.severity() == Severity.WARNING).isEmpty();
  }

  private static Object fileKey(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }
}
