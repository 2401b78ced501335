package dev.dossier.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DossierFolderTest {

  @TempDir Path dir;
  private final Diagnostics diagnostics = new Diagnostics();

  @Test
  void aFileThatIsNotUtf8IsReportedAtItsFirstBadByte() throws IOException {
    Files.write(dir.resolve("a.txt"), "First line.\nThe caf\u00e9 closed.\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(new DossierFolder(dir).read("a.txt", diagnostics, Position.file("a.txt"))).isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("a.txt:2:8: error: the file is not UTF-8 text");
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("WINDOWS-1252"));
    });
  }

  @Test
  void pdfsAndWordFilesAreListedAsNotRead() throws IOException {
    for (String name : new String[] {"a.txt", "scan.pdf", "draft.docx", "index.yml", "notes", ".hidden.pdf"}) {
      Files.writeString(dir.resolve(name), "x");
    }
    DossierFolder folder = new DossierFolder(dir);
    assertThat(folder.documents()).containsExactly("a.txt");
    assertThat(folder.unreadDocuments()).containsExactly("draft.docx", "scan.pdf");
  }

  @Test
  void utf16IsRecognisedInTheHint() throws IOException {
    Files.write(dir.resolve("a.txt"), "\uFEFFThe embassy closed.\n".getBytes(StandardCharsets.UTF_16LE));
    assertThat(new DossierFolder(dir).read("a.txt", diagnostics, Position.file("a.txt"))).isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("a.txt:1:1: error: the file is not UTF-8 text");
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("UTF-16").contains("iconv -f UTF-16 -t UTF-8"));
    });
  }
}
