package dev.dossier.curate;

import dev.dossier.model.Document;
import dev.dossier.model.Slug;
import java.util.function.Predicate;

/**
 * The name an imported document gets in the dossier folder: its date and the words of its
 * title, {@code 2022-02-14-us-closes-kyiv-embassy.html}, or {@code undated-...} without a date.
 */
final class DocumentName {

  private static final int TITLE_MAX = 60;

  private DocumentName() {}

  /**
   * @param fallback words to name the document by when it has no title (its original file name,
   *     the address it was fetched from)
   * @param extension the extension to give it, without the dot
   * @param taken whether a name is already used in the folder or by the index
   */
  static String of(Document document, String fallback, String extension, Predicate<String> taken) {
    String words =
        document.title().map(t -> Slug.of(t, TITLE_MAX)).filter(s -> !s.isEmpty())
        .orElseGet(() -> Slug.of(fallback, TITLE_MAX));
    String date = SourceKey.labelDate(document).orElse("undated");
    if (words.startsWith(date + "-")) {
      words = words.substring(date.length() + 1);
    }
    String stem = words.isEmpty() ? date + "-document" : date + "-" + words;
    String name = stem + "." + extension;
    for (int n = 2; taken.test(name); n++) {
      name = stem + "-" + n + "." + extension;
    }
    return name;
  }
}
