package dev.dossier.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BylineTest {

  @Test
  void twoAuthorsAndAnOutlet() {
    Byline b = Byline.parse("Jennifer Hansler and Kylie Atwood, CNN");
    assertThat(b.authors()).containsExactly("Jennifer Hansler", "Kylie Atwood");
    assertThat(b.outlet()).contains("CNN");
  }

  @Test
  void oneAuthorAndAnOutlet() {
    Byline b = Byline.parse("Jane Doe, Reuters");
    assertThat(b.authors()).containsExactly("Jane Doe");
    assertThat(b.outlet()).contains("Reuters");
  }

  @Test
  void aListOfThreeHasNoOutlet() {
    Byline b = Byline.parse("Jane Doe, John Roe and Ann Poe");
    assertThat(b.authors()).containsExactly("Jane Doe", "John Roe", "Ann Poe");
    assertThat(b.outlet()).isEmpty();
  }
}
