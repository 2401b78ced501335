package dev.dossier.curate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class YamlQuoteTest {

  private final Load load = new Load(LoadSettings.builder().build());

  @ParameterizedTest
  @ValueSource(strings = {
      "plain", "Kyiv: the \"embassy\" # not a comment", "back\\slash", "line\nbreak\ttab", "null", "true", "2022-02-14",
      "- dash", "[flow]", "{map}", "&anchor *alias", "  spaces  ", "bell\u0007 nel\u0085 sep\u2028 bom\uFEFF", "emoji 🇺🇦 and ’curly’",
      "", "~", "'single'", "%percent", "@at", "`tick`"})
  void aQuotedValueReadsBackExactly(String value) {
    Object read = load.loadFromString("v: " + YamlQuote.quote(value));
    assertThat(read).isEqualTo(Map.of("v", value));
  }

  @Test
  void fileNamesStayPlainWhenYamlReadsThemAsTheSameString() {
    assertThat(YamlQuote.plainOrQuoted("000_aa88e0e7e27f1ca7.txt")).isEqualTo("000_aa88e0e7e27f1ca7.txt");
    assertThat(YamlQuote.plainOrQuoted("2022-02-14-us-closes-kyiv-embassy.html")).isEqualTo("2022-02-14-us-closes-kyiv-embassy.html");
    assertThat(YamlQuote.plainOrQuoted("my notes: draft.md")).isEqualTo("\"my notes: draft.md\"");
    assertThat(YamlQuote.plainOrQuoted("123")).isEqualTo("\"123\"");
    assertThat(YamlQuote.plainOrQuoted("true")).isEqualTo("\"true\"");
  }

  @Test
  void aListOfNamesReadsBackAsAList() {
    assertThat(load.loadFromString("a: " + YamlQuote.list(List.of("Jane \"JD\" Doe", "O’Neil"))))
        .isEqualTo(Map.of("a", List.of("Jane \"JD\" Doe", "O’Neil")));
  }
}
