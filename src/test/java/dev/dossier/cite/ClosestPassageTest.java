package dev.dossier.cite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClosestPassageTest {

  @Test
  void aWordChangedInAQuoteFindsThePassageItCameFrom() {
    List<String> paragraphs = List.of(
        "The embassy in Kyiv closed on Monday, officials said.",
        "Staff moved to Lviv, a city in western Ukraine, before the weekend.");
    assertThat(ClosestPassage.find(paragraphs, 1, "Staff moved to Lvov, a city in western Ukraine")).hasValueSatisfying(m -> {
      assertThat(m.paragraph()).isEqualTo(2);
      assertThat(m.passage()).isEqualTo("Staff moved to Lviv, a city in western Ukraine,");
    });
  }

  @Test
  void aMisquoteIsFoundAmongHundredsOfParagraphs() {
    // A long source of varied prose: the quote, one word wrong, comes from ¶150 of 300.
    Random random = new Random(7);
    String[] words = ("embassy officials said staff moved city western border troops talks failed warned invasion "
        + "diplomats families consulate minister spokesperson briefing reported sources intelligence").split(" ");
    List<String> paragraphs = new ArrayList<>();
    for (int p = 0; p < 300; p++) {
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 60; w++) {
        text.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]).append(random.nextInt(1000));
      }
      paragraphs.add(text.toString());
    }
    String[] cited = paragraphs.get(149).split(" ");
    String original = String.join(" ", java.util.Arrays.copyOfRange(cited, 20, 45));
    String misquoted = original.replace(cited[30], "Lviv");
    assertThat(ClosestPassage.find(paragraphs, 1, misquoted)).hasValueSatisfying(m -> {
      assertThat(m.paragraph()).isEqualTo(150);
      assertThat(m.passage()).isEqualTo(original);
    });
  }
}
