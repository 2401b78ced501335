/**
 * The command line: {@code dossier build|check|init|add}, exit codes 0 (ok), 1 (content problems) and 2
 * (wrong usage), and diagnostics printed for people.
 */
package dev.dossier.cli;
