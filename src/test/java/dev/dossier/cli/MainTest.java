package dev.dossier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainTest {

  @TempDir Path tmp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("build").contains("check").contains("Exit codes");
  }

  /** Each command takes -V as it takes -h: it says which dossier this is, not nothing. */
  @Test
  void everyCommandSaysItsVersion() {
    List<String> commands = Main.commandLine().getSubcommands().keySet().stream().filter(name -> !name.equals("help")).toList();
    assertThat(commands).contains("build", "check", "serve", "init", "add");
    for (String command : commands) {
      out.getBuffer().setLength(0);
      assertThat(run(command, "-V")).as(command).isZero();
      assertThat(out.toString()).as(command).startsWith("dossier ");
    }
  }

  @Test
  void wrongUsageExitsWithTwo() throws IOException {
    assertThat(run("build", "--no-such-option")).isEqualTo(2);
    // The one line that matters and where the help is, not the whole help under it.
    assertThat(err.toString()).isEqualTo("dossier: Unknown option: '--no-such-option'\nPossible solutions: --no-cache\nsee: dossier build --help\n");
    // A misspelling that picocli's suggestions, which go by the first two letters, miss.
    assertThat(run("build", "--otu", tmp.resolve("site").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option: '--otu'").contains("Did you mean: --out?\nsee: dossier build --help\n");
    assertThat(run("check", "--tmeplates=x")).isEqualTo(2);
    assertThat(err.toString()).contains("Did you mean: --templates?");
    err.getBuffer().setLength(0);
    assertThat(run("build", "--zzzzzz")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("Did you mean");
    assertThat(run("buidl")).isEqualTo(2);
    assertThat(err.toString()).contains("Unmatched argument at index 0: 'buidl'").contains("Did you mean: dossier build?");
    assertThat(run("build", tmp.resolve("missing").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no dossier folder at");
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Only one paragraph.");
    assertThat(run("build", dir.toString(), "--out", tmp.resolve("site").toString(), "--templates", tmp.resolve("nosuch").toString())).isEqualTo(2);
    for (String command : new String[] {"check", "serve"}) {
      assertThat(run(command, dir.toString(), "--templates", tmp.resolve("nosuch").toString())).as(command).isEqualTo(2);
    }
    assertThat(err.toString()).contains("no templates folder at " + tmp.resolve("nosuch"));
    assertThat(run("build", dir.toString(), "--out", tmp.resolve("site").toString(), "--base-url", "https://example.org/kyiv/?ref=1")).isEqualTo(2);
    assertThat(err.toString()).contains("--base-url https://example.org/kyiv/?ref=1 has a query (?…), which would end up in the middle of every page's address");
    assertThat(run("serve", dir.toString(), "--port", "99999")).isEqualTo(2);
    assertThat(err.toString()).contains("--port 99999 is not a port");
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      assertThat(run("serve", dir.toString(), "--port", Integer.toString(taken.getLocalPort()))).isEqualTo(2);
      assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port 0 for any free one");
    }
    assertThat(tmp.resolve("site")).doesNotExist();
    assertThat(run()).isEqualTo(2);
  }

  @Test
  void contentProblemsExitWithOneAndPrintThePlaceAndACaret() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Only one paragraph.");
    Files.writeString(dir.resolve("index.yml"), "sources:\n  - key: a\n    file: a.txt\n    tilte: x\n");
    assertThat(run("check", dir.toString())).isEqualTo(1);
    String shown = dir.toString() + "/index.yml:4:5: error: unknown key \"tilte\" in a source";
    assertThat(err.toString()).contains(shown + "\n      tilte: x\n      ^\n  = help: did you mean \"title\"?");
    assertThat(err.toString()).contains("1 error, 0 warnings").doesNotContain("Exception");
  }

  @Test
  void buildWritesTheSiteAndCheckWritesNothing() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Only one paragraph.");
    assertThat(run("check", dir.toString())).isZero();
    assertThat(tmp.resolve("site")).doesNotExist();
    assertThat(run("build", dir.toString(), "--out", tmp.resolve("site").toString())).isZero();
    assertThat(tmp.resolve("site/index.html")).isRegularFile();
    assertThat(out.toString()).contains("built");
  }

  @Test
  void refusesToWriteOverTheDossierItself() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Text.");
    assertThat(run("build", dir.toString(), "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + dir + " is the dossier folder itself, and a build replaces its output folder whole;");
    assertThat(run("build", dir.toString(), "--out", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + tmp + " holds the dossier folder, and a build replaces its output folder whole;");
    assertThat(dir.resolve("a.txt")).hasContent("Text.");
  }

  /** A citation that cannot be read is told with what a citation may hold, and how its paragraph is written. */
  @Test
  void anUnreadableCitationIsToldWithWhatACitationHolds() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Published: 2022-02-14\n\nThe embassy closed.\n");
    Files.writeString(dir.resolve("index.yml"), "sources:\n  - key: a\n    file: a.txt\nevents:\n  - date: 2022-02-14\n    title: Closed\n    text: It closed.[@a p1]\n");
    assertThat(run("check", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("index.yml:7:22: error: cannot read the citation \"@a p1\": write its paragraph as ¶1 (or para 1) right after the key,"
        + " then the quote, if any, with no comma: [@a ¶1]")
        .contains("= help: a citation is [@key], [@key ¶5] (or [@key para 5]), [@key \"quoted words\"] or [@key ¶5 \"quoted words\"]");
  }

  /**
   * The README's sample error is what the seeds give for the quote it shows mistyped: made again
   * from the seeds as they are, so that it cannot go stale as the index changes.
   */
  @Test
  void theReadmesSampleErrorIsWhatTheSeedsGive() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```\n", readme.indexOf("Problems are printed for people, compiler-style:")) + 4;
    String sample = readme.substring(start, readme.indexOf("```", start));
    java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("error: quote not found in paragraph (\\d+) of \"([^\"]+)\": \"([^\"]+)\"").matcher(sample);
    assertThat(quoted.find()).as(sample).isTrue();
    java.util.regex.Matcher closest = java.util.regex.Pattern.compile("is in ¶\\d+: \"([^\"]+)\"").matcher(sample);
    assertThat(closest.find()).as(sample).isTrue();
    Path seeds = Files.createDirectories(tmp.resolve("copy/seeds"));
    try (var files = Files.list(Path.of("seeds"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, seeds.resolve(f.getFileName()));
      }
    }
    String cited = "@" + quoted.group(2) + " ¶" + quoted.group(1) + " \"";
    String index = Files.readString(seeds.resolve("index.yml"));
    assertThat(index).as("the seeds cite the passage the sample mistypes").contains(cited + closest.group(1) + "\"");
    Files.writeString(seeds.resolve("index.yml"), index.replaceFirst(java.util.regex.Pattern.quote(cited + closest.group(1) + "\""),
        java.util.regex.Matcher.quoteReplacement(cited + quoted.group(3) + "\"")));
    assertThat(run("check", seeds.toString())).isEqualTo(1);
    assertThat(err.toString().replace(seeds.toString(), "seeds")).startsWith(sample);
  }

  /** A failed build says what became of the output: left as it was, or, when there was none, not made. */
  @Test
  void aFailedBuildSaysWhatBecameOfTheOutput() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path site = tmp.resolve("site");
    assertThat(run("build", empty.toString(), "--out", site.toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith("build failed; nothing was written to " + site + "\n");
    assertThat(site).doesNotExist();
    Files.createDirectories(site);
    assertThat(run("build", empty.toString(), "--out", site.toString())).isEqualTo(1);
    assertThat(err.toString()).endsWith("build failed; " + site + " was left as it was\n");
  }

  @Test
  void anEmptyFolderIsNamedAsGiven() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(run("check", empty.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith(empty + ": error: the dossier holds no documents");
  }

  @Test
  void refusesAFileForTheOutputFolderEvenWithForce() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Text.");
    Path file = Files.writeString(tmp.resolve("notes"), "mine");
    assertThat(run("build", dir.toString(), "--out", file.toString(), "--force")).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + file + " is a file, not a folder;");
    assertThat(run("build", dir.toString(), "--out", file.resolve("site").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + file.resolve("site") + " is inside " + file + ", a file, not a folder;");
    assertThat(file).hasContent("mine");
  }

  /** A site folder that is a link (to a web server's root) gets the site where it leads, and stays a link. */
  @Test
  void anOutputFolderThatIsALinkIsBuiltWhereItLeads() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Only one paragraph.");
    Path www = Files.createDirectories(tmp.resolve("www"));
    Path link = Files.createSymbolicLink(tmp.resolve("site"), www);
    assertThat(run("build", dir.toString(), "--out", link.toString())).as(err.toString()).isZero();
    assertThat(link).isSymbolicLink();
    assertThat(www.resolve("index.html")).isRegularFile();
    assertThat(run("build", dir.toString(), "--out", link.toString())).as(err.toString()).isZero();
    assertThat(link).isSymbolicLink();
    assertThat(www.resolve("index.html")).isRegularFile();

    Path dangling = Files.createSymbolicLink(tmp.resolve("gone"), tmp.resolve("nowhere"));
    assertThat(run("build", dir.toString(), "--out", dangling.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--out " + dangling + " is a link to " + tmp.resolve("nowhere") + ", which is no folder;");
    assertThat(dangling).isSymbolicLink();
    assertThat(tmp.resolve("nowhere")).doesNotExist();
  }

  /** A folder that cannot be written to is neither the dossier's fault nor the command line's: it says where, and exits 3. */
  @Test
  void aFileThatCannotBeWrittenSaysWhereAndExitsWithThree() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.writeString(dir.resolve("a.txt"), "Only one paragraph.");
    assertThat(run("build", dir.toString(), "--out", "/proc/site")).isEqualTo(Main.FILE_SYSTEM);
    assertThat(err.toString()).startsWith("dossier: error: cannot make /proc/.site.lock")
        .contains("  = help: make room or give permission there, then run the command again; a build that fails leaves its output folder as it was");
  }
}
