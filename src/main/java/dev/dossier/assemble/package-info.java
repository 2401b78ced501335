/**
 * Joins the index and the parsed documents into the verified {@link dev.dossier.model.Dossier}:
 * merges metadata by origin, resolves topic references, renders and verifies every citation.
 */
package dev.dossier.assemble;
