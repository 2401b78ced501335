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

  /** A document named as the folder does not name it: the help names the file meant. */
  @Test
  void aMissingFileNamesTheOneMeant() throws IOException {
    Files.writeString(dir.resolve("Cafe\u0301 notes.txt"), "Text.\n");
    Files.writeString(dir.resolve("a.txt"), "Text.\n");
    Files.writeString(dir.resolve("embassy.txt"), "Text.\n");
    DossierFolder folder = new DossierFolder(dir);
    assertThat(folder.bytes("Caf\u00e9 notes.txt", diagnostics, Position.file("index.yml"))).isEmpty();
    assertThat(folder.bytes("A.TXT", diagnostics, Position.file("index.yml"))).isEmpty();
    assertThat(folder.bytes("embasy.txt", diagnostics, Position.file("index.yml"))).isEmpty();
    assertThat(folder.bytes("zzzzzzzz.txt", diagnostics, Position.file("index.yml"))).isEmpty();
    assertThat(diagnostics.sorted()).extracting(d -> d.message() + " | " + d.hint().orElse("")).containsExactlyInAnyOrder(
        "file not found: Caf\u00e9 notes.txt | the folder has \"Cafe\u0301 notes.txt\", which reads the same but has its accents"
            + " encoded otherwise (as some systems write names): retype the name in the index, or rename the file",
        "file not found: A.TXT | did you mean \"a.txt\"? Names are told apart by case",
        "file not found: embasy.txt | did you mean \"embassy.txt\"?",
        "file not found: zzzzzzzz.txt | check the name, or copy the document into " + dir.getFileName());
  }

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
  void asciiInUtf16WithoutAByteOrderMarkIsRefusedToo() throws IOException {
    Files.write(dir.resolve("a.txt"), "The embassy closed.\n".getBytes(StandardCharsets.UTF_16LE));
    assertThat(new DossierFolder(dir).read("a.txt", diagnostics, Position.file("a.txt"))).isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("a.txt:1:2: error: the file holds NUL characters, so it is not UTF-8 text (it may be UTF-16)");
      assertThat(d.hint()).hasValueSatisfying(h -> assertThat(h).contains("iconv -f UTF-16 -t UTF-8"));
    });
  }

  @Test
  void aTextsUtf8IsItsOwnWhateverTheFileCarriedBesides() throws IOException {
    // The build cache's key hashes these bytes: they must be the text's, not the file's.
    String text = "Kyiv \u2013 the caf\u00e9 closed.\n\u201cIt moved,\u201d she said. \ud83d\udcf0\n";
    for (String file : new String[] {text, "\uFEFF" + text, text.replace("\n", "\r\n"), text.replace("\n", "\r")}) {
      Files.write(dir.resolve("a.txt"), file.getBytes(StandardCharsets.UTF_8));
      SourceText read = new DossierFolder(dir).read("a.txt", diagnostics, Position.file("a.txt")).orElseThrow();
      assertThat(read.text()).isEqualTo(text);
      assertThat(read.utf8()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aByteOrderMarkIsNoColumn() throws IOException {
    byte[] text = "\uFEFFCaf\u00e9".getBytes(StandardCharsets.UTF_8);
    text[text.length - 2] = (byte) 0xe9;
    text = java.util.Arrays.copyOf(text, text.length - 1);
    Files.write(dir.resolve("a.txt"), text);
    new DossierFolder(dir).read("a.txt", diagnostics, Position.file("a.txt"));
    assertThat(diagnostics.sorted()).extracting(d -> d.headline()).containsExactly("a.txt:1:4: error: the file is not UTF-8 text");
  }

  @Test
  void anIndexUnderAnotherNameIsAnErrorEvenBesideTheRealOne() throws IOException {
    Files.writeString(dir.resolve("index.yml"), "title: x\n");
    Files.writeString(dir.resolve("index.yaml"), "title: y\n");
    assertThat(new DossierFolder(dir).index(diagnostics)).isPresent();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yaml: error: the index must be named index.yml; this file is not read");
      assertThat(d.hint()).contains("merge what it says into index.yml and delete it");
    });
  }

  /** A folder where the index names a document is said to be a folder, not a file that cannot be read. */
  @Test
  void aFolderNamedAsADocumentIsSaidToBeAFolder() throws IOException {
    Files.createDirectories(dir.resolve("wire.txt"));
    assertThat(new DossierFolder(dir).read("wire.txt", diagnostics, new Position("index.yml", 7, 11))).isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml:7:11: error: wire.txt is a folder, not a document");
      assertThat(d.hint()).contains("name a document's file here, or move the folder out of the dossier and put the document in its place");
    });
  }

  /** A folder by the index's name is an error: building without the index would quietly drop every topic and event. */
  @Test
  void aFolderNamedLikeTheIndexIsAnError() throws IOException {
    Files.createDirectories(dir.resolve("index.yml"));
    assertThat(new DossierFolder(dir).index(diagnostics)).isEmpty();
    assertThat(diagnostics.sorted()).singleElement().satisfies(d -> {
      assertThat(d.headline()).isEqualTo("index.yml: error: index.yml is a folder, not a file, so it cannot be read as the index");
      assertThat(d.hint()).contains("write the index in a file named index.yml: move what the folder holds elsewhere and delete it");
    });
  }

  @Test
  void pdfsAndWordFilesAreListedAsNotRead() throws IOException {
    for (String name : new String[] {"a.txt", "scan.pdf", "draft.docx", "index.yml", "notes", ".hidden.pdf", "wire.text"}) {
      Files.writeString(dir.resolve(name), "x");
    }
    DossierFolder folder = new DossierFolder(dir);
    assertThat(folder.documents()).containsExactly("a.txt");
    // A ".text" file is most likely an article's text saved under another name for .txt.
    assertThat(folder.unreadDocuments()).containsExactly("draft.docx", "scan.pdf", "wire.text");
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
