package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rebuilding after adding a document rewrites only the pages that show it; nothing changed does nothing. */
class RebuildIT {

  @TempDir Path tmp;

  @Test
  void addingOneDocumentLeavesUnrelatedPagesUntouched() throws Exception {
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Path out = tmp.resolve("site");
    Jar.Run first = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(first.exit()).isZero();

    // Nothing changed: nothing to do, and what the first build said is said again.
    Jar.Run again = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("0 files written, ").contains(" removed")
        .contains("nothing to do: the 3 documents, the index, the templates and the options are those of the last build into this folder");
    assertThat(again.err()).isEqualTo(first.err());
    Map<String, Object> before = inodes(out);

    // Every document saved again as it was (a checkout writes them back): still nothing to do.
    try (Stream<Path> documents = Files.list(dossier)) {
      for (Path document : documents.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("index.yml")).toList()) {
        Files.write(document, Files.readAllBytes(document));
        Files.setLastModifiedTime(document, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(document).toMillis() + 60_000));
      }
    }
    Jar.Run resaved = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(resaved.out()).contains("nothing to do: the 3 documents");
    assertThat(inodes(out)).isEqualTo(before);

    Files.writeString(dossier.resolve("2022-02-15-note.md"), """
        ---
        title: "Embassy staff arrive in Lviv"
        date: 2022-02-15
        outlet: Example Wire
        ---
        The remaining diplomats arrived in Lviv on Tuesday, officials said.
        """);
    Files.writeString(dossier.resolve("index.yml"), Files.readString(dossier.resolve("index.yml"))
        + """
          - date: 2022-02-15
            title: "Diplomats reported to have arrived in Lviv"
            topics: [embassy-closure-lviv]
            text: |
              The wire reported their arrival.[@2022-02-15-note ¶1 "arrived in Lviv on Tuesday"]
        """, StandardOpenOption.TRUNCATE_EXISTING);
    Jar.Run added = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(added.exit()).as(added.err()).isZero();
    assertThat(added.out()).contains("new sources: 2022-02-15-note").contains("new events: e-2022-02-15-diplomats")
        .contains("parsed 1 document (3 from the build cache)");
    Map<String, Object> after = inodes(out);

    assertThat(after).containsKey("sources/2022-02-15-note.html");
    for (String unrelated : new String[] {"sources/buzzfeed-2022-02-12.html", "sources/cnn-2022-02-14.html",
        "sources/blinken-visit-2022-01-18.html", "topics/osce-monitors.html", "assets/dossier.css"}) {
      assertThat(after.get(unrelated)).as(unrelated + " was not rewritten").isEqualTo(before.get(unrelated));
    }
    for (String shown : new String[] {"timeline.html", "sources/index.html", "topics/embassy-closure-lviv.html", "index.html"}) {
      assertThat(after.get(shown)).as(shown + " shows the addition").isNotEqualTo(before.get(shown));
    }

    // The wire corrects its story: the quote the new event relies on is gone.
    Files.writeString(dossier.resolve("2022-02-15-note.md"),
        Files.readString(dossier.resolve("2022-02-15-note.md")).replace("on Tuesday", "on Wednesday"));
    Jar.Run corrected = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(corrected.exit()).isEqualTo(1);
    assertThat(corrected.err())
        .contains("since the last build, 1 citation no longer verifies:")
        .containsPattern("\\n  " + java.util.regex.Pattern.quote(dossier + "/index.yml")
            + ":\\d+:\\d+: \\[@2022-02-15-note ¶1 \"arrived in Lviv on Tuesday\"\\] in event e-2022-02-15-diplomats-reported-to-have-arrived-in-lviv\\n")
        .contains("build failed; " + out + " was left as it was");
    assertThat(inodes(out)).isEqualTo(after);
  }

  @Test
  void aRebuildIntoTheDefaultFolderHasNothingToDo() throws Exception {
    // As the README has it: `dossier build seeds`, run where the site goes (./site), twice.
    Jar.copyOfTheSeeds(tmp);
    assertThat(Jar.runIn(tmp, "build", "seeds").exit()).isZero();
    Jar.Run again = Jar.runIn(tmp, "build", "seeds");
    assertThat(again.exit()).as(again.err()).isZero();
    assertThat(again.out()).startsWith("built site\n").contains("nothing to do:");
  }

  @Test
  void aRebuildSaysWhenAParagraphCitedWithoutAQuoteNoLongerHoldsTheSameWords() throws Exception {
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Files.writeString(dossier.resolve("2022-02-15-note.txt"), """
        Embassy staff arrive in Lviv

        Officials spoke on Tuesday.

        The remaining diplomats arrived in Lviv, officials said.
        """);
    Files.writeString(dossier.resolve("index.yml"), Files.readString(dossier.resolve("index.yml"))
        + """
          - date: 2022-02-15
            title: "Diplomats reported to have arrived in Lviv"
            topics: [embassy-closure-lviv]
            text: The wire reported their arrival.[@2022-02-15-note ¶2]
        """, StandardOpenOption.TRUNCATE_EXISTING);
    Path out = tmp.resolve("site");
    Jar.Run first = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.err()).doesNotContain("since the last build");

    // The wire's story is saved again with a paragraph more at its head: ¶2 is now other words.
    Files.writeString(dossier.resolve("2022-02-15-note.txt"), Files.readString(dossier.resolve("2022-02-15-note.txt"))
        .replace("Officials spoke", "Updated with the arrival.\n\nOfficials spoke"));
    Jar.Run resaved = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(resaved.exit()).as(resaved.err()).isZero();
    assertThat(resaved.err())
        .contains("since the last build, 1 citation of a paragraph without a quote points at words that changed;")
        .containsPattern("\\n  " + java.util.regex.Pattern.quote(dossier + "/index.yml")
            + ":\\d+:\\d+: \\[@2022-02-15-note ¶2\\] in event e-2022-02-15-diplomats-reported-to-have-arrived-in-lviv: the paragraph it cited is now ¶3\\n");

    Jar.Run after = Jar.run("build", dossier.toString(), "--out", out.toString());
    assertThat(after.err()).as("said once").doesNotContain("since the last build");
  }

  private static Map<String, Object> inodes(Path root) throws IOException {
    Map<String, Object> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.getAttribute(p, "unix:ino") + "@" + Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }
}
