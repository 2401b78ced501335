/**
 * Helps the curator write the dossier's own files: a starter {@code index.yml} from the documents
 * found ({@code dossier init}), and a document or web page imported with its entry added to the
 * index ({@code dossier add}). The index is edited as text, never re-serialised, so the curator's
 * comments and layout survive; the only network access of the program is {@link
 * dev.dossier.curate.PageFetcher}.
 */
package dev.dossier.curate;
