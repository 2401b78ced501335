package dev.dossier.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.JsonScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

class QuickSchemaTest {

  private final ScalarResolver json = new JsonScalarResolver();
  private final ScalarResolver quick = new QuickSchema().getScalarResolver();

  /**
   * Whatever a scalar starts with, it is typed as SnakeYAML's JSON schema types it: a boolean
   * (title_supplied: true), a null (title: null, or an empty value), a number, a string; quoted, a
   * string whatever it holds.
   */
  @Test
  void typesEveryScalarAsTheJsonSchemaDoes() {
    List<String> values = new ArrayList<>(List.of(
        "", "true", "false", "True", "null", "Null", "~", "nullify", "no", "yes", "on", "0", "-1", "12", "1.5", "-0.5e3", ".5", ".inf", "-.inf",
        ".nan", "2022-02-14", "0x1F", "${HOME}", "$", "tf", "Kyiv", "https://example.org/a", "a00001.md", "Lviv, Ukraine", "¶3", " ", "\t"));
    for (char c = 0; c < 0x3000; c++) {
      values.add(String.valueOf(c));
      values.add(c + "rue");
      values.add(c + "ull");
      values.add(c + "1");
    }
    for (String value : values) {
      for (boolean implicit : new boolean[] {true, false}) {
        assertThat(quick.resolve(value, implicit)).as("%s (implicit: %s)", value, implicit).isEqualTo(json.resolve(value, implicit));
      }
    }
  }

  /** And so in a composed document, where a string that starts like no number is not looked at twice. */
  @Test
  void aComposedIndexKeepsItsTypes() {
    LoadSettings settings = LoadSettings.builder().setSchema(new QuickSchema()).build();
    MappingNode root = (MappingNode) new Compose(settings).composeString("title_supplied: true\ntitle: null\ncount: 12\nkey: kyiv-post\nquoted: \"true\"\nempty:\n").orElseThrow();
    assertThat(root.getValue()).extracting(t -> t.getValueNode().getTag())
        .containsExactly(Tag.BOOL, Tag.NULL, Tag.INT, Tag.STR, Tag.STR, Tag.NULL);
  }
}
