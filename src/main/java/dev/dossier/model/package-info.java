/**
 * The immutable model of a built dossier: sources with paragraphs and honest metadata, topics,
 * events and verified citations. It knows nothing of files, Markdown syntax or templates.
 */
package dev.dossier.model;
