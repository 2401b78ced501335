package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  /** What the search index's document shards write by hand must be what Jackson writes. */
  @Test
  void aQuotedStringIsWhatCompactWritesForItEveryCharacterAndEveryCloseTagIncluded() {
    List<String> texts = new ArrayList<>(List.of(
        "", "plain words", "say \"hi\"", "back\\slash", "</script>", "a</b><</c", "/</", "<\\/", "1/2 and a/b",
        "line\nbreak\ttab\rreturn\bback\fform", "\u0000\u001f\u007f", "\u2028\u2029", "café “Kyiv” — Львів",
        "\uD83D\uDE00 emoji", "lone \uD83D high", "lone \uDE00 low"));
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x2100; c++) {
      every.append(c).append('<').append(c).append('/');
    }
    texts.add(every.toString());
    Random random = new Random(6);
    String alphabet = "ab </\\\"\n\u0001é\uD83D\uDE00";
    for (int i = 0; i < 500; i++) {
      StringBuilder s = new StringBuilder();
      for (int j = random.nextInt(20); j > 0; j--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      texts.add(s.toString());
    }
    for (String text : texts) {
      StringBuilder quoted = new StringBuilder("x");
      Json.quoted(text, quoted);
      assertThat(quoted.substring(1)).as("%s", text).isEqualTo(Json.compact(text));
    }
  }
}
