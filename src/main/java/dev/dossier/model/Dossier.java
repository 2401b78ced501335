package dev.dossier.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole dossier, assembled and verified: what the site is rendered from.
 *
 * @param sources sorted by key
 * @param topics in the curator's order
 * @param events sorted by date
 */
public record Dossier(
    String title,
    Optional<Prose> description,
    Optional<String> editor,
    String language,
    Optional<String> baseUrl,
    List<Source> sources,
    List<Topic> topics,
    List<Event> events) {

  public Dossier {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(editor, "editor");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(baseUrl, "baseUrl");
    // One form for every use: absolute URLs are made by appending a page's path.
    baseUrl = baseUrl.map(u -> u.endsWith("/") ? u : u + "/");
    sources = List.copyOf(sources);
    topics = List.copyOf(topics);
    events = List.copyOf(events);
  }

  /** The same dossier published at another address (as {@code --base-url} asks). */
  public Dossier withBaseUrl(String url) {
    return new Dossier(title, description, editor, language, Optional.of(url), sources, topics, events);
  }

  public Map<String, Source> sourcesByKey() {
    return sources.stream().collect(Collectors.toMap(Source::key, Function.identity()));
  }

  public Optional<Source> source(String key) {
    return sources.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /**
   * The events newest first, as the home page and the feed list them: the timeline read from its
   * end, so that of one day's events the one the timeline shows last comes first.
   */
  public List<Event> eventsLatestFirst() {
    java.util.ArrayList<Event> latest = new java.util.ArrayList<>(events);
    java.util.Collections.reverse(latest);
    return latest;
  }

  /** Every citation of the dossier, in a stable order. */
  public List<Citation> citations() {
    java.util.ArrayList<Citation> all = new java.util.ArrayList<>();
    description.ifPresent(d -> all.addAll(d.citations()));
    for (Source s : sources) {
      s.publishedNote().ifPresent(p -> all.addAll(p.citations()));
      all.addAll(s.citations());
    }
    topics.forEach(t -> t.summary().ifPresent(p -> all.addAll(p.citations())));
    events.forEach(e -> all.addAll(e.text().citations()));
    return List.copyOf(all);
  }
}
