/**
 * Problems found in a dossier, as data: a {@link dev.dossier.diag.Diagnostic} names the file,
 * line and column at fault; {@link dev.dossier.diag.DiagnosticPrinter} shows it to a person.
 */
package dev.dossier.diag;
