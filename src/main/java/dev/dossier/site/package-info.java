/**
 * The build as a straight line (load, parse, assemble, render, write) and the only code that
 * writes the site: into a staging folder, swapped in whole only when everything succeeded.
 */
package dev.dossier.site;
