/**
 * Reads {@code index.yml} into {@link dev.dossier.index.Index}: every value with the line and
 * column it was written at, every unknown key, wrong type or bad date reported as a diagnostic.
 */
package dev.dossier.index;
