/** End-to-end tests: the real jar run as a process over the seed dossier. */
package dev.dossier.it;
