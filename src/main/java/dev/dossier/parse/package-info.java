/**
 * Turns one document's text ({@code .txt}, {@code .md}, {@code .html}) into a {@link
 * dev.dossier.model.Document}: numbered paragraphs, subheadings and the metadata it carries.
 */
package dev.dossier.parse;
