package dev.dossier.render;

import dev.dossier.model.Citation;
import dev.dossier.model.Paragraph;
import dev.dossier.model.Prose;
import freemarker.template.TemplateMethodModelEx;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A 128-bit hash of everything a page is made from, so a build can tell that a page would come
 * out as it did last time without rendering it. Template data are walked in their (stable)
 * order; each value is written with its type and length, so different data never run together
 * into the same input. The hash is MurmurHash3's x64 128-bit mix, fed 64 bits at a time: a
 * fingerprint only has to tell this build's inputs from the last one's, on the curator's own
 * machine, and SHA-256 made fingerprinting cost as much as rendering.
 */
final class Fingerprint {

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private long h1;
  private long h2;
  /** The first half of a 128-bit block, waiting for its second. */
  private long pending;
  private boolean half;
  private long words;
  private final Function<Citation, Object> citationInputs;
  private char[] chars = new char[256];
  /** Citation targets already added: a page shows the same cited source the same way each time. */
  private final java.util.Set<String> targets = new java.util.HashSet<>();

  /**
   * @param citationInputs what a page shows of a citation beyond its target (the cited
   *     source's entry in the notes), since the template's {@code cite} function looks it up
   */
  Fingerprint(Function<Citation, Object> citationInputs) {
    this.citationInputs = citationInputs;
  }

  Fingerprint add(Object value) {
    if (value == null) {
      tag('n');
    } else if (value instanceof String s) {
      text('s', s);
    } else if (value instanceof Boolean b) {
      tag(b ? 't' : 'f');
    } else if (value instanceof Integer n) {
      word((long) 'i' << 32 | (n & 0xffffffffL));
    } else if (value instanceof Number n) {
      text('#', n.toString());
    } else if (value instanceof Map<?, ?> map) {
      word((long) '{' << 32 | map.size());
      map.forEach((k, v) -> {
        text('s', String.valueOf(k));
        add(v);
      });
    } else if (value instanceof List<?> list) {
      word((long) '[' << 32 | list.size());
      list.forEach(this::add);
    } else if (value instanceof Prose prose) {
      text('p', prose.html());
      citations(prose.citations());
    } else if (value instanceof ShownParagraph shown) {
      // Its HTML is made from these alone (Highlighter), so they stand for it unmade.
      Paragraph p = shown.paragraph();
      word((long) 'P' << 32 | p.number());
      text('s', p.text());
      add(p.markup().orElse(null));
      add(shown.quotes());
      citations(shown.citations());
    } else if (value instanceof TemplateMethodModelEx) {
      // The page's own functions (cite, notes, citedSources) answer from the prose above.
      tag('m');
    } else {
      throw new IllegalArgumentException("no fingerprint for template data of type " + value.getClass().getName());
    }
    return this;
  }

  private void citations(List<Citation> citations) {
    word(citations.size());
    for (Citation c : citations) {
      add(c.target());
      if (targets.add(c.target())) {
        add(citationInputs.apply(c));
      }
    }
  }

  Fingerprint bytes(byte[] bytes) {
    word((long) 'b' << 32 | bytes.length);
    for (int i = 0; i < bytes.length; i += 8) {
      long w = 0;
      for (int j = i; j < Math.min(bytes.length, i + 8); j++) {
        w = w << 8 | (bytes[j] & 0xff);
      }
      word(w);
    }
    return this;
  }

  String hex() {
    if (half) {
      long k1 = pending * C1;
      h1 ^= Long.rotateLeft(k1, 31) * C2;
    }
    long a = h1 ^ words;
    long b = h2 ^ words;
    a += b;
    b += a;
    a = mix(a);
    b = mix(b);
    a += b;
    b += a;
    return java.util.HexFormat.of().toHexDigits(a) + java.util.HexFormat.of().toHexDigits(b);
  }

  private void tag(char c) {
    word(c);
  }

  /** A string: its type and length, then its UTF-16 code units, four to a word. */
  private void text(char c, String s) {
    int length = s.length();
    word((long) c << 32 | length);
    if (chars.length < length) {
      chars = new char[Math.max(length, chars.length * 2)];
    }
    // One bulk copy: charAt on each character costs a bounds check and, for a Latin-1 string, a widening.
    s.getChars(0, length, chars, 0);
    char[] a = chars;
    int i = 0;
    for (; i + 4 <= length; i += 4) {
      word((long) a[i] << 48 | (long) a[i + 1] << 32 | (long) a[i + 2] << 16 | a[i + 3]);
    }
    if (i < length) {
      long w = 0;
      for (; i < length; i++) {
        w = w << 16 | a[i];
      }
      word(w);
    }
  }

  private void word(long k) {
    words++;
    if (!half) {
      pending = k;
      half = true;
      return;
    }
    half = false;
    long k1 = pending * C1;
    k1 = Long.rotateLeft(k1, 31) * C2;
    h1 ^= k1;
    h1 = Long.rotateLeft(h1, 27) + h2;
    h1 = h1 * 5 + 0x52dce729;
    long k2 = k * C2;
    k2 = Long.rotateLeft(k2, 33) * C1;
    h2 ^= k2;
    h2 = Long.rotateLeft(h2, 31) + h1;
    h2 = h2 * 5 + 0x38495ab5;
  }

  private static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
