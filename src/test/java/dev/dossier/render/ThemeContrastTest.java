package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The built-in theme's colours, light and dark, meet WCAG's contrast, for each pair the style
 * sheet draws: 4.5:1 for text against the backgrounds it is set on, 3:1 for what is not text but
 * must be seen (the underline of quoted words, which stays when their colour is dimmed, and of
 * the words a followed citation quotes; the focus ring; the search box's border).
 */
class ThemeContrastTest {

  private static final Pattern COLOUR = Pattern.compile("--([\\w-]+):\\s*(#[0-9a-fA-F]{6})\\s*;");

  @Test
  void theColourPairsTheThemeDrawsMeetWcagsContrastInBothSchemes() throws IOException {
    String css;
    try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/" + Theme.BUILT_IN + "/assets/dossier.css")) {
      css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int dark = css.indexOf("@media (prefers-color-scheme: dark)");
    Map<String, String> light = colours(css.substring(0, dark));
    Map<String, String> darkScheme = new HashMap<>(light);
    darkScheme.putAll(colours(css.substring(dark, css.indexOf("}\n}", dark))));
    for (Map.Entry<String, Map<String, String>> scheme : Map.of("light", light, "dark", darkScheme).entrySet()) {
      Map<String, String> c = scheme.getValue();
      for (String text : List.of("fg", "muted", "link", "accent")) {
        for (String background : List.of("bg", "panel")) {
          assertThat(contrast(c.get(text), c.get(background))).as("%s: --%s on --%s", scheme.getKey(), text, background).isGreaterThanOrEqualTo(4.5);
        }
      }
      for (String background : List.of("mark", "mark-here")) {
        assertThat(contrast(c.get("mark-fg"), c.get(background))).as("%s: --mark-fg on --%s", scheme.getKey(), background).isGreaterThanOrEqualTo(4.5);
      }
      assertThat(contrast(c.get("link"), c.get("mark"))).as("%s: a link in quoted words", scheme.getKey()).isGreaterThanOrEqualTo(4.5);
      for (String background : List.of("bg", "mark")) {
        assertThat(contrast(c.get("mark-line"), c.get(background))).as("%s: --mark-line against --%s", scheme.getKey(), background).isGreaterThanOrEqualTo(3);
      }
      assertThat(contrast(c.get("mark-here-line"), c.get("mark-here"))).as("%s: the underline of the words a followed citation quotes", scheme.getKey())
          .isGreaterThanOrEqualTo(3);
      assertThat(contrast(c.get("focus"), c.get("bg"))).as("%s: the focus ring", scheme.getKey()).isGreaterThanOrEqualTo(3);
      assertThat(contrast(c.get("rule-strong"), c.get("bg"))).as("%s: the search box's border", scheme.getKey()).isGreaterThanOrEqualTo(3);
    }
  }

  private static Map<String, String> colours(String css) {
    Map<String, String> out = new HashMap<>();
    Matcher m = COLOUR.matcher(css);
    while (m.find()) {
      out.putIfAbsent(m.group(1), m.group(2));
    }
    return out;
  }

  /** WCAG 2's contrast ratio of two sRGB colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    double[] weights = {0.2126, 0.7152, 0.0722};
    double sum = 0;
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
      sum += weights[i] * (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
    }
    return sum;
  }
}
