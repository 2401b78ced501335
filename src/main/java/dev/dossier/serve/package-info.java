/**
 * {@code dossier serve}: a preview on 127.0.0.1 that rebuilds in memory when the dossier changes
 * and reloads open pages through server-sent events. Nothing it adds reaches the built files.
 */
package dev.dossier.serve;
