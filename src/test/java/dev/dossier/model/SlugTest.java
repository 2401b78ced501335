package dev.dossier.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {

  @Test
  void slugsAreShortLowercaseAndWhole() {
    assertThat(Slug.of("Blinken: U.S. Closes Kyiv Embassy", 60)).isEqualTo("blinken-u-s-closes-kyiv-embassy");
    assertThat(Slug.of("Zelenskyy’s café", 60)).isEqualTo("zelenskyy-s-cafe");
    assertThat(Slug.of("US moves embassy staff from Kyiv to Lviv as invasion fears grow", 40)).isEqualTo("us-moves-embassy-staff-from-kyiv-to-lviv");
  }

  @Test
  void cyrillicIsTransliteratedNotLost() {
    assertThat(Slug.ascii("Київ")).isEqualTo("kyiv");
    assertThat(Slug.ascii("Львів")).isEqualTo("lviv");
    assertThat(Slug.ascii("Посольство США в Києві")).isEqualTo("posolstvo-ssha-v-kyievi");
    assertThat(Slug.ascii("Запоріжжя, ґанок")).isEqualTo("zaporizhzhia-ganok");
    assertThat(Slug.ascii("Щедрик")).isEqualTo("shchedryk");
    assertThat(Slug.ascii("Ёлка, объём")).isEqualTo("elka-obem");
  }

  @Test
  void everyRunOfOtherCharactersIsOneHyphenAndNoneEndsIt() {
    assertThat(Slug.ascii("  --Kyiv -- Lviv!?  ")).isEqualTo("kyiv-lviv");
    assertThat(Slug.ascii("2022-02-14")).isEqualTo("2022-02-14");
    assertThat(Slug.ascii("?!")).isEmpty();
    assertThat(Slug.ascii("")).isEmpty();
    // Compatibility forms: the ligature is two letters; the degree sign's capital C is not a-z.
    assertThat(Slug.ascii("Ofﬁce at 5℃")).isEqualTo("office-at-5");
    assertThat(Slug.ascii("Tbilisi — Kyiv")).isEqualTo("tbilisi-kyiv");
  }

  @Test
  void otherScriptsAreLost() {
    assertThat(Slug.ascii("大使館")).isEmpty();
  }
}
