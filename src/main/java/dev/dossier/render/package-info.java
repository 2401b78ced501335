/**
 * Renders a {@link dev.dossier.model.Dossier} into {@link dev.dossier.render.Page}s with one
 * FreeMarker configuration: view models, per-page citation numbering, quote highlighting.
 */
package dev.dossier.render;
