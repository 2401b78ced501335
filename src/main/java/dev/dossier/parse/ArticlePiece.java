package dev.dossier.parse;

import org.jsoup.nodes.Element;

/** A paragraph or subheading before numbering, with the element it came from. */
record ArticlePiece(Element source, boolean heading, String text, String html) {}
