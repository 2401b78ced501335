package dev.dossier.render;

import dev.dossier.model.Dossier;
import dev.dossier.model.Event;
import dev.dossier.model.Source;
import dev.dossier.model.Topic;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Atom feed of events and sources, and the sitemap. Both need absolute URLs, so both need
 * the address the site is published at. Times are the dossier's own dates, never the build's,
 * so rebuilding changes nothing.
 */
final class Feeds {

  private final Dossier dossier;
  private final String base;

  Feeds(Dossier dossier, String baseUrl) {
    this.dossier = dossier;
    this.base = baseUrl;
  }

  List<Page> pages(List<String> htmlPaths) {
    return List.of(page("feed.xml", atom()), page("sitemap.xml", sitemap(htmlPaths)));
  }

  private static Page page(String path, String text) {
    return new Page(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private String atom() {
    PageReferences refs = PageReferences.detached(Links.absolute(base), dossier.sourcesByKey());
    Map<String, Topic> topics = dossier.topics().stream().collect(Collectors.toMap(Topic::id, t -> t));
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"")
        .append(x(dossier.language())).append("\">\n");
    out.append("  <title>").append(x(dossier.title())).append("</title>\n");
    out.append("  <id>").append(x(base)).append("</id>\n");
    out.append("  <link rel=\"alternate\" type=\"text/html\" href=\"").append(x(base + "index.html")).append("\"/>\n");
    out.append("  <link rel=\"self\" type=\"application/atom+xml\" href=\"").append(x(base + "feed.xml")).append("\"/>\n");
    out.append("  <updated>").append(latest()).append("</updated>\n");
    out.append("  <author><name>").append(x(dossier.editor().orElse(dossier.title()))).append("</name></author>\n");
    out.append("  <generator>dossier</generator>\n");
    for (Event e : dossier.eventsLatestFirst()) {
      out.append("  <entry>\n");
      out.append("    <title>").append(x(e.title())).append("</title>\n");
      out.append("    <id>").append(x(base + "timeline.html#" + e.id())).append("</id>\n");
      out.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(x(base + "timeline.html#" + e.id())).append("\"/>\n");
      out.append("    <updated>").append(stamp(e.date().start())).append("</updated>\n");
      for (String t : e.topics()) {
        Optional.ofNullable(topics.get(t)).ifPresent(topic ->
            out.append("    <category term=\"").append(x(t)).append("\" label=\"").append(x(topic.title())).append("\"/>\n"));
      }
      out.append("    <content type=\"html\">").append(x("<p>" + e.date().label() + "</p>" + refs.cite(e.text()))).append("</content>\n");
      out.append("  </entry>\n");
    }
    for (Source s : dossier.sources()) {
      // An entry needs a time, and any time given an undated source would be made up (and would
      // move as the dossier grows, showing it as new again): the site lists it, the feed does not.
      Optional<java.time.Instant> time = time(s);
      if (time.isEmpty()) {
        continue;
      }
      out.append("  <entry>\n");
      out.append("    <title>").append(x(Bibliography.displayTitle(s))).append("</title>\n");
      out.append("    <id>").append(x(base + "sources/" + s.key() + ".html")).append("</id>\n");
      out.append("    <link rel=\"alternate\" type=\"text/html\" href=\"").append(x(base + "sources/" + s.key() + ".html")).append("\"/>\n");
      s.url().value().ifPresent(u -> out.append("    <link rel=\"related\" href=\"").append(x(u)).append("\"/>\n"));
      out.append("    <updated>").append(time.get()).append("</updated>\n");
      out.append("    <summary>").append(x(Bibliography.entry(s))).append("</summary>\n");
      out.append("  </entry>\n");
    }
    return out.append("</feed>\n").toString();
  }

  /** A source's time in the feed: its publication day, else the time of its last update; none for an undated one. */
  private static Optional<java.time.Instant> time(Source s) {
    return s.published().value().map(d -> instant(d.start()))
        .or(() -> s.updated().value().map(java.time.OffsetDateTime::toInstant));
  }

  /** The feed's time: the latest of its entries', events' and sources' alike, so no entry is newer than the feed. */
  private java.time.Instant latest() {
    return java.util.stream.Stream.concat(
            dossier.events().stream().map(e -> instant(e.date().end().orElse(e.date().start()))),
            dossier.sources().stream().flatMap(s -> time(s).stream()))
        .max(Comparator.naturalOrder())
        .orElse(instant(LocalDate.of(1970, 1, 1)));
  }

  private static java.time.Instant instant(LocalDate day) {
    return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
  }

  private String sitemap(List<String> htmlPaths) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String path : htmlPaths) {
      out.append("  <url><loc>").append(x(base + path)).append("</loc></url>\n");
    }
    return out.append("</urlset>\n").toString();
  }

  private static String stamp(LocalDate day) {
    return day + "T00:00:00Z";
  }

  /** XML's five escapes, nothing more: HTML's named entities are not XML. */
  private static String x(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
  }
}
