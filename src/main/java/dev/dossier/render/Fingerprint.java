package dev.dossier.render;

import dev.dossier.model.Citation;
import dev.dossier.model.Prose;
import freemarker.template.TemplateMethodModelEx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A SHA-256 of everything a page is made from, so a build can tell that a page would come out
 * as it did last time without rendering it. Template data are walked in their (stable) order;
 * each value is written with its type and length, so different data never run together into
 * the same bytes.
 */
final class Fingerprint {

  private final MessageDigest digest;
  private final Function<Citation, Object> citationInputs;
  /** Citation targets already added: a page shows the same cited source the same way each time. */
  private final java.util.Set<String> targets = new java.util.HashSet<>();

  /**
   * @param citationInputs what a page shows of a citation beyond its target (the cited
   *     source's entry in the notes), since the template's {@code cite} function looks it up
   */
  Fingerprint(Function<Citation, Object> citationInputs) {
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    this.citationInputs = citationInputs;
  }

  Fingerprint add(Object value) {
    if (value == null) {
      tag('n');
    } else if (value instanceof String s) {
      text('s', s);
    } else if (value instanceof Boolean b) {
      tag(b ? 't' : 'f');
    } else if (value instanceof Number n) {
      text('#', n.toString());
    } else if (value instanceof Map<?, ?> map) {
      tag('{');
      count(map.size());
      map.forEach((k, v) -> {
        add(String.valueOf(k));
        add(v);
      });
    } else if (value instanceof List<?> list) {
      tag('[');
      count(list.size());
      list.forEach(this::add);
    } else if (value instanceof Prose prose) {
      text('p', prose.html());
      count(prose.citations().size());
      for (Citation c : prose.citations()) {
        add(c.target());
        if (targets.add(c.target())) {
          add(citationInputs.apply(c));
        }
      }
    } else if (value instanceof TemplateMethodModelEx) {
      // The page's own functions (cite, notes, citedSources) answer from the prose above.
      tag('m');
    } else {
      throw new IllegalArgumentException("no fingerprint for template data of type " + value.getClass().getName());
    }
    return this;
  }

  Fingerprint bytes(byte[] bytes) {
    tag('b');
    count(bytes.length);
    digest.update(bytes);
    return this;
  }

  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void tag(char c) {
    digest.update((byte) c);
  }

  private void count(int n) {
    digest.update((byte) (n >>> 24));
    digest.update((byte) (n >>> 16));
    digest.update((byte) (n >>> 8));
    digest.update((byte) n);
  }

  private void text(char c, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    tag(c);
    count(bytes.length);
    digest.update(bytes);
  }
}
