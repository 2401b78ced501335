package dev.dossier.curate;

import dev.dossier.load.DossierFolder;
import dev.dossier.model.Document;
import dev.dossier.model.Slug;
import java.util.Optional;
import java.util.Set;

/**
 * Citation keys for new sources, in the form curators write by hand: the outlet and the date
 * ({@code cnn-2022-02-15}), else the first words of the title and the date, else the file's name.
 */
final class SourceKey {

  private static final int OUTLET_MAX = 30;
  private static final int TITLE_MAX = 40;

  private SourceKey() {}

  /**
   * @param taken keys already in use; the result is not one of them
   */
  static String of(Document document, String file, Set<String> taken) {
    Optional<String> date = labelDate(document);
    String base = document.site().map(s -> Slug.of(s, OUTLET_MAX)).filter(s -> !s.isEmpty())
        .or(() -> document.title().map(t -> Slug.of(t, TITLE_MAX)).filter(s -> !s.isEmpty()))
        .orElse("");
    if (base.isEmpty()) {
      base = Slug.of(DossierFolder.stem(file), TITLE_MAX + OUTLET_MAX);
    }
    String key = base;
    if (date.isPresent() && !base.contains(date.get())) {
      key = base.isEmpty() ? date.get() : base + "-" + date.get();
    }
    return unique(key.isEmpty() ? "source" : key, taken);
  }

  /**
   * The date a name or key is labelled with: the publication day, else the day of the last
   * update. A label, not a claim: the index says nothing about the update time.
   */
  static Optional<String> labelDate(Document document) {
    return document.published().map(d -> d.iso().replace("~", "").replace('/', '-'))
        .or(() -> document.updated().map(t -> t.toLocalDate().toString()));
  }

  static String unique(String key, Set<String> taken) {
    String candidate = key;
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = key + "-" + n;
    }
    return candidate;
  }
}
