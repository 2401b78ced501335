package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFragmentTest {

  @Test
  void encodesTheCharactersTheSyntaxReserves() {
    assertThat(TextFragment.toQuote("https://example.org/a#top", "safety, first - and Q&A"))
        .isEqualTo("https://example.org/a#top:~:text=safety%2C%20first%20%2D%20and%20Q%26A");
    // A page that routes by its fragment keeps it; a directive the URL already had gives way.
    assertThat(TextFragment.toQuote("https://example.org/#/story/123", "safety")).isEqualTo("https://example.org/#/story/123:~:text=safety");
    assertThat(TextFragment.toQuote("https://example.org/a#:~:text=old", "safety")).isEqualTo("https://example.org/a#:~:text=safety");
    assertThat(TextFragment.toQuote("https://example.org/a:~:b/story?id=1", "safety")).as("\":~:\" outside the fragment is the address's")
        .isEqualTo("https://example.org/a:~:b/story?id=1#:~:text=safety");
  }

  @Test
  void encodesUnicodeAsUtf8() {
    assertThat(TextFragment.encode("“Kyiv” – Lviv")).isEqualTo("%E2%80%9CKyiv%E2%80%9D%20%E2%80%93%20Lviv");
  }

  @Test
  void aParagraphIsItsFirstWordsThroughItsLast() {
    assertThat(TextFragment.toParagraph("https://example.org/a", "one two three four five six seven eight nine ten"))
        .isEqualTo("https://example.org/a#:~:text=one%20two%20three%20four,seven%20eight%20nine%20ten");
  }
}
