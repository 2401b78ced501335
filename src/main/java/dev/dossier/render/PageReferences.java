package dev.dossier.render;

import dev.dossier.model.Citation;
import dev.dossier.model.Prose;
import dev.dossier.model.Source;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.jsoup.nodes.Entities;

/**
 * Numbers a page's citations in reading order, as Wikipedia does: the same passage cited twice
 * keeps its number. The template asks for prose as it goes down the page, so numbers follow
 * the order a reader meets them; the notes at the end list them all.
 */
final class PageReferences {

  /** A numbered note at the foot of the page. */
  record Note(int number, Citation citation, Source source, String href) {
    /** The note's id on the page. */
    String id() {
      return "note-" + number;
    }

    /** The id of the note's first reference on the page, its way back. */
    String refId() {
      return "ref-" + number;
    }

    /** The id of the note's words, which describe the references to it. */
    String textId() {
      return id() + "-text";
    }
  }

  private final Links links;
  private final Map<String, Source> sources;
  private final Map<String, Note> notes = new LinkedHashMap<>();
  /** False for HTML that leaves the page (the exports, the feed): its notes do not go with it. */
  private final boolean withNotes;

  PageReferences(Links links, Map<String, Source> sources) {
    this(links, sources, true);
  }

  private PageReferences(Links links, Map<String, Source> sources, boolean withNotes) {
    this.links = links;
    this.sources = sources;
    this.withNotes = withNotes;
  }

  /**
   * References for HTML read away from the page (the JSON exports, the feed), where no note
   * follows: each is a numbered link titled with its source and words, with no id for a note's
   * way back and no {@code aria-describedby} naming a note that is not there.
   */
  static PageReferences detached(Links links, Map<String, Source> sources) {
    return new PageReferences(links, sources, false);
  }

  /** The prose's HTML with each citation marker replaced by its numbered link. */
  String cite(Prose prose) {
    return cite(prose.html(), prose.citations());
  }

  String cite(String html, List<Citation> citations) {
    if (html.indexOf('\uE000') < 0) {
      return html;
    }
    Matcher m = Prose.MARKER.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 64 * citations.size());
    while (m.find()) {
      Citation citation = citations.get(Integer.parseInt(m.group(1)));
      m.appendReplacement(out, Matcher.quoteReplacement(link(citation)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String link(Citation citation) {
    boolean first = !notes.containsKey(citation.target());
    Note note = notes.computeIfAbsent(citation.target(), t -> newNote(citation));
    Source source = note.source();
    StringBuilder label = new StringBuilder(Bibliography.shortLabel(source));
    citation.paragraph().ifPresent(p -> label.append(", ¶").append(p));
    citation.quote().ifPresent(q -> label.append(": “").append(NestedQuotes.inner(q)).append('”'));
    // A word joiner keeps "[3]" on the line of the word it follows.
    return "\u2060<sup class=\"ref\""
        + (first && withNotes ? " id=\"" + note.refId() + "\"" : "")
        + "><a href=\"" + Entities.escape(note.href()) + "\" title=\"" + Entities.escape(label.toString())
        // Described by its note's words, which a keyboard or touch reader never gets from a title.
        + (withNotes ? "\" aria-describedby=\"" + note.textId() : "") + "\">["
        + note.number() + "]</a></sup>";
  }

  private Note newNote(Citation citation) {
    Source source = sources.get(citation.key());
    String href = citation.paragraph()
        .map(p -> citation.quote().map(q -> links.quote(citation.key(), p, q)).orElse(links.paragraph(citation.key(), p)))
        .orElse(links.source(citation.key()));
    return new Note(notes.size() + 1, citation, source, href);
  }

  List<Note> notes() {
    return new ArrayList<>(notes.values());
  }

  /** The distinct sources cited on the page, in order of first citation. */
  List<Source> sourcesCited() {
    // By key: a Source's own hashCode would hash its whole text.
    Map<String, Source> cited = new LinkedHashMap<>();
    notes.values().forEach(n -> cited.putIfAbsent(n.source().key(), n.source()));
    return List.copyOf(cited.values());
  }
}
