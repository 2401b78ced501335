package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dossier.cite.MarkdownProcessor;
import dev.dossier.diag.Diagnostics;
import dev.dossier.parse.DocumentReader;
import dev.dossier.parse.ParsedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DocumentCodecTest {

  private final DocumentReader reader = new DocumentReader(new MarkdownProcessor());

  /** Every document the repository has: the seeds, the golden inputs, the saved pages. */
  private static List<Path> documents() throws IOException {
    try (Stream<Path> files = Stream.of(Path.of("seeds"), Path.of("src/test/resources")).flatMap(DocumentCodecTest::walk)) {
      return files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(txt|md|html)$")).sorted().toList();
    }
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root).toList().stream();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aParsedDocumentComesBackEqual() throws IOException {
    List<Path> files = documents();
    assertThat(files).hasSizeGreaterThan(10);
    int withCitations = 0;
    int withDiagnostics = 0;
    int withTopics = 0;
    for (Path file : files) {
      Optional<String> text = utf8(file);
      if (text.isEmpty()) {
        continue; // a bad-input fixture: the build stops before parsing it
      }
      Diagnostics said = new Diagnostics();
      Optional<ParsedDocument> parsed = reader.parse(file.getFileName().toString(), text.get(), said);
      DocumentCodec.Entry entry = new DocumentCodec.Entry(parsed, said.sorted());
      assertThat(DocumentCodec.decode(DocumentCodec.encode(entry))).as("%s", file).isEqualTo(entry);
      withCitations += parsed.map(p -> p.citations().size()).orElse(0) > 0 ? 1 : 0;
      withDiagnostics += said.sorted().isEmpty() ? 0 : 1;
      withTopics += parsed.map(p -> p.topicsAt().size()).orElse(0) > 0 ? 1 : 0;
    }
    assertThat(withCitations).as("documents citing others, to test their citations").isPositive();
    assertThat(withDiagnostics).as("documents with diagnostics, to test those").isPositive();
    assertThat(withTopics).as("documents naming their topics, to test where they do").isPositive();
  }

  private static Optional<String> utf8(Path file) throws IOException {
    try {
      return Optional.of(Files.readString(file));
    } catch (java.nio.charset.CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** A subheading's direction (a right-to-left page's) comes back from the cache as it was parsed. */
  @Test
  void aSubheadingsDirectionComesBack() throws IOException {
    Diagnostics said = new Diagnostics();
    Optional<ParsedDocument> parsed = reader.parse("he.html",
        "<html dir=\"rtl\" lang=\"he\"><body><article><h1>שלום</h1><p>השגרירות נסגרה.</p><h2>ללביב</h2><p>הצוות עבר.</p></article></body></html>", said);
    DocumentCodec.Entry entry = new DocumentCodec.Entry(parsed, said.sorted());
    DocumentCodec.Entry back = DocumentCodec.decode(DocumentCodec.encode(entry));
    assertThat(back).isEqualTo(entry);
    assertThat(back.document().orElseThrow().document().blocks()).filteredOn(dev.dossier.model.Subheading.class::isInstance)
        .extracting(b -> ((dev.dossier.model.Subheading) b).direction()).containsExactly(Optional.of("rtl"));
  }

  @Test
  void truncatedOrPaddedBytesAreRefused() throws IOException {
    Path seed = Path.of("seeds/000_aa88e0e7e27f1ca7.txt");
    Diagnostics said = new Diagnostics();
    byte[] bytes = DocumentCodec.encode(new DocumentCodec.Entry(reader.parse("a.txt", Files.readString(seed), said), said.sorted()));
    for (int cut : new int[] {0, 3, 10, bytes.length / 2, bytes.length - 1}) {
      assertThatThrownBy(() -> DocumentCodec.decode(Arrays.copyOf(bytes, cut))).as("cut at %d", cut).isInstanceOf(IOException.class);
    }
    assertThatThrownBy(() -> DocumentCodec.decode(Arrays.copyOf(bytes, bytes.length + 1))).isInstanceOf(IOException.class);
    byte[] flipped = bytes.clone();
    flipped[5] = (byte) 0x7f; // the high byte of the path's length
    assertThatThrownBy(() -> DocumentCodec.decode(flipped)).isInstanceOf(IOException.class);
  }
}
