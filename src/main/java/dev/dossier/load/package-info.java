/**
 * Reads a dossier folder from disk: the index and the documents, decoded as UTF-8 with line
 * endings made {@code \n}. The only place the pipeline opens input files.
 */
package dev.dossier.load;
