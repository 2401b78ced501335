package dev.dossier.curate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexEditorTest {

  private static final List<String> ENTRY = List.of("- key: new", "  file: new.txt  # a comment", "  title: \"New\"");

  private static IndexEditor.Edit add(String index) throws Refusal {
    return IndexEditor.addSource("index.yml", index, ENTRY);
  }

  @Test
  void aSourcesListAtTheEndGetsTheEntryAppended() throws Refusal {
    String index = "title: T\nsources:\n  - key: a   # first\n    file: a.txt\n";
    IndexEditor.Edit edit = add(index);
    assertThat(edit.text()).isEqualTo(index + "  - key: new\n    file: new.txt  # a comment\n    title: \"New\"\n");
    assertThat(edit.line()).isEqualTo(5);
  }

  @Test
  void theEntryGoesRightAfterTheLastSourceWhenOtherSectionsFollow() throws Refusal {
    String index = """
        sources:
        - key: a
          file: a.txt
          # reproduce: excerpts     (the curator's note on a)

        # Topics, in the order the home page lists them
        topics:
          - id: t
            title: T
        """;
    IndexEditor.Edit edit = add(index);
    assertThat(edit.text()).isEqualTo("""
        sources:
        - key: a
          file: a.txt
          # reproduce: excerpts     (the curator's note on a)
        - key: new
          file: new.txt  # a comment
          title: "New"

        # Topics, in the order the home page lists them
        topics:
          - id: t
            title: T
        """);
    assertThat(edit.line()).isEqualTo(5);
  }

  @Test
  void aBlockScalarAtTheEndOfTheLastSourceKeepsItsText() throws Refusal {
    String index = """
        sources:
          - key: a
            file: a.txt
            published_note: |
              First line.

              Second paragraph.

        events: []
        """;
    String text = add(index).text();
    assertThat(text).startsWith(index.substring(0, index.indexOf("events:")));
    assertThat(text).contains("      Second paragraph.\n\n  - key: new\n    file: new.txt");
    assertThat(text).endsWith("    title: \"New\"\nevents: []\n");
  }

  @Test
  void theEntryTakesTheIndentationOfTheListItJoins() throws Refusal {
    String index = "sources:\n    -   key: a\n        file: a.txt\n";
    assertThat(add(index).text()).endsWith("        file: a.txt\n    -   key: new\n        file: new.txt  # a comment\n        title: \"New\"\n");
  }

  @Test
  void anEmptyOrNullSourcesKeyGetsItsFirstEntry() throws Refusal {
    assertThat(add("title: T\nsources:\ntopics: []\n").text())
        .isEqualTo("title: T\nsources:\n  - key: new\n    file: new.txt  # a comment\n    title: \"New\"\ntopics: []\n");
    assertThat(add("sources: []   # none yet\ntopics: []\n").text())
        .isEqualTo("sources: # none yet\n  - key: new\n    file: new.txt  # a comment\n    title: \"New\"\ntopics: []\n");
    assertThat(add("sources: null\n").text()).startsWith("sources:\n  - key: new\n");
  }

  @Test
  void anIndexWithoutSourcesGetsTheListAtItsEnd() throws Refusal {
    String index = "# My dossier\ntitle: T\ntopics: []";
    assertThat(add(index).text())
        .isEqualTo(index + "\n\nsources:\n  - key: new\n    file: new.txt  # a comment\n    title: \"New\"\n");
    assertThat(add("").text()).isEqualTo("sources:\n  - key: new\n    file: new.txt  # a comment\n    title: \"New\"\n");
  }

  @Test
  void windowsLineEndingsAndAByteOrderMarkAreKept() throws Refusal {
    String index = "\uFEFFtitle: T\r\nsources:\r\n  - key: a\r\n    file: a.txt";
    assertThat(add(index).text())
        .isEqualTo(index + "\r\n  - key: new\r\n    file: new.txt  # a comment\r\n    title: \"New\"\r\n");
  }

  @Test
  void aFlowListOrBrokenYamlIsRefusedWithItsPlace() {
    assertThatThrownBy(() -> add("title: T\nsources: [{key: a, file: a.txt}]\n"))
        .isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).problems()).singleElement()
            .satisfies(d -> assertThat(d.headline()).startsWith("index.yml:2:10: error: sources: is not written as a list of entries")));
    assertThatThrownBy(() -> add("title: \"unclosed\nsources:\n"))
        .isInstanceOf(Refusal.class)
        .satisfies(e -> assertThat(((Refusal) e).problems()).singleElement()
            .satisfies(d -> assertThat(d.message()).startsWith("YAML syntax")));
    assertThatThrownBy(() -> add("- a\n- b\n")).isInstanceOf(Refusal.class).hasMessageContaining("not a mapping");
  }

  @Test
  void anEditThatWouldChangeWhatTheIndexSaysIsRefused() {
    // A document end marker: text after it is not part of the index, so appending there would lose the entry.
    assertThatThrownBy(() -> add("title: T\n...\n"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("could not be added to the index without changing what it says");
  }
}
