package dev.dossier.curate;

import dev.dossier.diag.Diagnostic;
import dev.dossier.diag.Diagnostics;
import dev.dossier.diag.Position;
import dev.dossier.index.IndexReader;
import dev.dossier.load.DossierFolder;
import dev.dossier.load.SourceText;
import dev.dossier.model.Document;
import dev.dossier.model.Paragraph;
import dev.dossier.parse.DocumentReader;
import dev.dossier.parse.ParsedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A first {@code index.yml} for a folder of documents ({@code dossier init}): every document
 * listed with the metadata it carries and where each value was found, a TODO where a value is
 * missing, and empty {@code topics:} and {@code events:} lists each with a commented example.
 * It reads back with no errors, so {@code dossier check} passes on it at once.
 */
public final class StarterIndex {

  /** A document as the starter index lists it, for the command's report. */
  public record Listed(String key, String file, List<String> toCheck) {}

  private static final String UNREADABLE = "dossier cannot read this document (see the error above); it is listed all the same";

  private final String text;
  private final List<Listed> listed;
  private final List<Diagnostic> diagnostics;

  private StarterIndex(String text, List<Listed> listed, List<Diagnostic> diagnostics) {
    this.text = text;
    this.listed = List.copyOf(listed);
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Reads and parses every document in the folder. */
  public static StarterIndex of(Path dir) throws IOException {
    DossierFolder folder = new DossierFolder(dir);
    Diagnostics diagnostics = new Diagnostics();
    DocumentReader reader = new DocumentReader();
    folder.noteUnreadDocuments(diagnostics, Set.of());
    List<IndexEntry> entries = new ArrayList<>();
    // "index" is the bibliography's page (sources/index.html), as the build keeps it.
    Set<String> keys = new HashSet<>(Set.of(dev.dossier.model.Source.RESERVED_KEY));
    // Each document's bytes by their hash: a second copy of one would publish it twice, as
    // `add` refuses to; listed all the same (the folder holds it), and said so.
    java.util.Map<String, String> firstWithBytes = new java.util.HashMap<>();
    for (String file : folder.documents()) {
      Optional<SourceText> text = folder.read(file, diagnostics, Position.file(file));
      text.ifPresent(t -> {
        String first = firstWithBytes.putIfAbsent(java.util.HexFormat.of().formatHex(DocumentImport.sha256(t.utf8())), file);
        if (first != null) {
          diagnostics.warning(Position.file(file), "this document has the same content as " + first + ", so the dossier would publish it twice",
              "delete one of the two files, then run init again with --force, or remove its entry from the index");
        }
      });
      Optional<Document> document = text.flatMap(t -> reader.parse(file, t.text(), diagnostics)).map(ParsedDocument::document);
      // A document that cannot be read is still listed: the build will report it either way.
      Document doc = document.orElseGet(() -> unread(file));
      String key = SourceKey.of(doc, file, keys);
      keys.add(key);
      entries.add(IndexEntry.of(key, file, doc, text.map(t -> Provenance.of(doc, t.text())).orElse(Provenance.of(doc, ""))));
    }
    String text = text(entries);
    Diagnostics check = new Diagnostics();
    new IndexReader().read(DossierFolder.INDEX, text, check);
    if (check.hasErrors()) {
      throw new IllegalStateException("the starter index does not read back: " + check.sorted().get(0).headline());
    }
    List<Diagnostic> problems = diagnostics.sorted();
    List<Listed> listed = entries.stream()
        .map(e -> new Listed(e.key(), e.file(), unreadable(e.file(), problems) ? List.of(UNREADABLE) : e.toCheck()))
        .toList();
    return new StarterIndex(text, listed, problems);
  }

  /** The index's text. */
  public String text() {
    return text;
  }

  public List<Listed> listed() {
    return listed;
  }

  /** Problems with the documents themselves, which a build would report too. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Writes the index into the folder, replacing one already there only when {@code force} is
   * given; the file is replaced whole, never left half written.
   *
   * @return the file written
   */
  public Path writeTo(Path dir, boolean force) throws IOException, Refusal {
    Path index = dir.resolve(DossierFolder.INDEX);
    if (Files.exists(index) && !force) {
      throw Refusal.usage(index + " already exists; pass --force to replace it (its content will be lost)");
    }
    if (Files.isDirectory(index)) {
      // Even with --force: a folder is never replaced, with whatever it holds.
      throw Refusal.usage(index + " is a folder, not a file; move it aside (or delete it), then run init again");
    }
    IndexFile.replace(dir, text);
    return index;
  }

  static String text(List<IndexEntry> entries) {
    List<String> out = new ArrayList<>();
    out.add("# The index of this dossier, started by `dossier init` from the " + count(entries.size()) + " in this folder.");
    out.add("# Each value below was read from its document; the comment beside it says where. Check them");
    out.add("# against the documents, fill in the TODOs, then write the topics and events. `dossier check`");
    out.add("# validates the whole dossier; the format is described in README.md, \"The index\".");
    out.add("");
    out.add("# title: \"What the dossier is about\"");
    out.add("# description: |                      # Markdown; it may cite the sources");
    out.add("#   A paragraph or two for the home page.");
    out.add("# editor: \"Who curates it\"");
    out.add("# language: en");
    out.add("");
    out.add("# Each source: its citation key (lowercase letters, digits, hyphens), its file, and what is");
    out.add("# known of it. Add reproduce: excerpts to publish only the passages the dossier cites.");
    out.add("sources:");
    for (IndexEntry entry : entries) {
      entry.lines().forEach(l -> out.add("  " + l));
    }
    out.add("");
    out.addAll(examples(entries));
    return out.stream().collect(Collectors.joining("\n", "", "\n"));
  }

  /** Commented examples that cite a real source of the dossier, so they are ready to adapt. */
  private static List<String> examples(List<IndexEntry> entries) {
    Optional<IndexEntry> cited = entries.stream().filter(e -> !e.document().paragraphs().isEmpty()).findFirst();
    String citation = cited.map(StarterIndex::citation).orElse("[@a-source-key ¶1 \"a phrase it contains\"]");
    String date = entries.stream().flatMap(e -> e.document().published().stream()).map(d -> d.iso()).findFirst().orElse("2022-02-14");
    // A topic the documents' front matter names (one the index can take as an id), else a neutral one.
    String topic = entries.stream().flatMap(e -> e.document().topics().stream()).filter(t -> dev.dossier.cite.CitationSyntax.KEY.matcher(t).matches()).findFirst()
        .orElse("first-topic");
    return List.of(
        "# The topics the dossier follows; list a topic's id in the topics: of its sources and events.",
        "# For example (to use it, remove the \"# \" from these lines and delete \"topics: []\" below):",
        "# topics:",
        "#   - id: " + pad(topic, 32) + "# lowercase letters, digits, hyphens",
        "#     title: \"What the topic is about\"",
        "#     summary: |                          # Markdown; every citation is checked against its source",
        "#       What the sources say, with citations: " + citation,
        "topics: []",
        "",
        "# What happened when, in any order (the timeline sorts them); every event cites a source.",
        "# For example (to use it, remove the \"# \" from these lines and delete \"events: []\" below):",
        "# events:",
        "#   - date: " + pad(date, 31) + "# or 2022, 2022-02, ~2022-02-14 (approximate), 2022-02-10/2022-02-20 (a range; ~ before it if approximate)",
        "#     title: \"What happened\"",
        "#     topics: [" + topic + "]",
        "#     text: |",
        "#       One or two sentences, each claim cited: " + citation,
        "events: []");
  }

  /** {@code [@key ¶1 "its first words"]}: a citation of the source's first paragraph. */
  private static String citation(IndexEntry entry) {
    Paragraph first = entry.document().paragraphs().get(0);
    List<String> words = new ArrayList<>();
    for (String word : Arrays.asList(first.text().strip().split("\\s+"))) {
      if (words.size() == 5 || word.matches(".*[\"“”\\[\\]].*")) {
        break;
      }
      words.add(word);
    }
    String quote = words.size() >= 2 ? " \"" + String.join(" ", words) + "\"" : "";
    return "[@" + entry.key() + " ¶1" + quote + "]";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String count(int n) {
    return n + (n == 1 ? " document" : " documents");
  }

  private static boolean unreadable(String file, List<Diagnostic> problems) {
    return problems.stream().anyMatch(d -> d.isError() && d.path().equals(file));
  }

  private static Document unread(String file) {
    return new Document(
        file, DocumentReader.format(file), List.of(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }
}
