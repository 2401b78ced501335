package dev.dossier.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dossier whose search index is big enough to drop its commonest words' postings (1,100
 * paragraphs, every one saying "Ukraine", the first alone saying "tanker"), with a topic and an
 * event named with that word and a second topic that is not.
 */
public final class CommonWordDossier {

  public static final int PARAGRAPHS = 1_100;

  private CommonWordDossier() {}

  /** Writes the dossier's index and its one source into {@code dir}. */
  public static void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<String> paragraphs = new ArrayList<>();
    for (int n = 1; n <= PARAGRAPHS; n++) {
      paragraphs.add("Report " + n + " from Ukraine: the convoy numbered " + (n * 7) + " trucks." + (n == 1 ? " A tanker led it." : ""));
    }
    Files.writeString(dir.resolve("reports.md"), "---\ntitle: Daily reports\n---\n" + String.join("\n\n", paragraphs) + "\n");
    Files.writeString(dir.resolve("index.yml"), """
        title: "Convoys"
        sources:
          - key: reports
            file: reports.md
            title: "Daily reports from Ukraine"
            topics: [borders, convoys]
        topics:
          - id: borders
            title: "Ukraine's borders"
            summary: |
              The first report counts a convoy.[@reports ¶1 "the convoy numbered 7 trucks"]
          - id: convoys
            title: "Convoys"
        events:
          - date: 2022-02-01
            title: "A convoy crosses into Ukraine"
            topics: [borders, convoys]
            text: |
              The second report counts a convoy.[@reports ¶2 "the convoy numbered 14 trucks"]
        """);
  }
}
