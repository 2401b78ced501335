package dev.dossier.parse;

import java.util.Optional;
import org.jsoup.nodes.Element;

/**
 * A paragraph or subheading before numbering, with the element it came from and the direction
 * of its text (ltr, rtl or auto) where the page gives one.
 */
record ArticlePiece(Element source, boolean heading, String text, String html, Optional<String> direction) {}
