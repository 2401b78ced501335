/**
 * Citations: the {@code [@key ¶5 "quote"]} syntax as a Flexmark extension, Markdown rendered once
 * with citation markers, and the quote matching that verifies each citation against its source.
 */
package dev.dossier.cite;
