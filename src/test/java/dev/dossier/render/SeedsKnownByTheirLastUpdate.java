package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The seeds with CNN's publication date and its note taken out of the index: the report itself
 * gives only the time of its last update ("Updated: Tue, 15 Feb 2022 01:41:12 GMT"), so this is
 * a dossier with a source known only by its last update.
 */
final class SeedsKnownByTheirLastUpdate {

  private SeedsKnownByTheirLastUpdate() {}

  static Path copyInto(Path tmp) throws IOException {
    Path copy = Files.createDirectories(tmp.resolve("seeds"));
    try (var files = Files.list(Path.of("seeds"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    String index = Files.readString(copy.resolve("index.yml"));
    String undated = index.replaceFirst(
        "(?s)(  - key: cnn-2022-02-14\\n(?:    (?!published).*\\n)*)    published: [^\\n]*\\n    published_note: \\|\\n(?:      [^\\n]*\\n|\\n)*", "$1");
    assertThat(undated).isNotEqualTo(index).doesNotContain("20:41 Eastern");
    Files.writeString(copy.resolve("index.yml"), undated);
    return copy;
  }
}
