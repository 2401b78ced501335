package dev.dossier.render;

import dev.dossier.model.DossierDate;
import dev.dossier.model.Event;
import dev.dossier.model.Topic;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The timeline's overview: events per week (or per month, for a long dossier) as stacked bars
 * coloured by each event's first topic. Drawn as SVG when the site is built, so it needs no
 * script and prints.
 */
final class TimelineChart {

  /** Colours that read on light and dark backgrounds alike (mid-tones, 3:1 against both). */
  static final List<String> PALETTE = List.of(
      "#3d7fc4", "#d1762f", "#3f9b5f", "#c2497a", "#8a6bc7", "#a88a1e", "#2f9c9c", "#b0533d", "#6c8a2e", "#7a7a7a");

  private static final int WEEKS_AT_MOST = 26;
  private static final int BAR = 44;
  private static final int GAP = 16;
  private static final int HEIGHT = 180;
  private static final int LEFT = 28;
  private static final int BOTTOM = 34;
  /** Room above the tallest bar for its count. */
  private static final int TOP = 22;

  private TimelineChart() {}

  /**
   * One bar: its label, the period it covers, and its events by topic.
   *
   * @param start the day its week begins ("7 February 2022"), or its month ("February 2022")
   */
  record Bar(String label, String title, String start, Map<String, Integer> byTopic) {
    int total() {
      return byTopic.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** The chart of these {@link #bars}, each a {@link #unit}. */
  static String svg(List<Bar> bars, String unit, List<Topic> topics) {
    if (bars.isEmpty()) {
      // No events, or none a bar holds.
      return "";
    }
    Map<String, String> colours = new LinkedHashMap<>();
    for (int i = 0; i < topics.size(); i++) {
      colours.put(topics.get(i).id(), PALETTE.get(i % PALETTE.size()));
    }
    // Colour alone does not tell the topics apart: each bar and each of its parts names them.
    Map<String, String> names = names(topics);
    java.util.function.Function<String, String> name = id -> names.getOrDefault(id, NO_TOPIC);
    int max = bars.stream().mapToInt(Bar::total).max().orElse(1);
    int width = LEFT + bars.size() * (BAR + GAP) + GAP;
    int plot = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(width).append(' ').append(HEIGHT).append("\" width=\"").append(width).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"chart-title\" aria-describedby=\"chart-desc\">\n");
    svg.append("<title id=\"chart-title\">Events per ").append(unit).append("</title>\n");
    svg.append("<desc id=\"chart-desc\">").append(x(describe(bars, names))).append("</desc>\n");
    svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(width)
        .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"currentColor\" stroke-width=\"1\"/>\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      int x = LEFT + GAP + i * (BAR + GAP);
      int y = HEIGHT - BOTTOM;
      svg.append("<g><title>").append(x(bar.title() + ": " + events(bar.total()) + (bar.total() == 0 ? "" : " (" + parts(bar, names) + ")"))).append("</title>\n");
      for (Map.Entry<String, Integer> part : bar.byTopic().entrySet()) {
        int h = Math.round((float) part.getValue() * plot / max);
        y -= h;
        svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BAR).append("\" height=\"").append(h)
            .append("\" fill=\"").append(colours.getOrDefault(part.getKey(), PALETTE.get(PALETTE.size() - 1))).append("\"><title>")
            .append(x(name.apply(part.getKey()) + ", first topic of " + events(part.getValue()))).append("</title></rect>\n");
      }
      if (bar.total() > 0) {
        // Each bar's count above it: no scale to read off, and the count needs no colour.
        svg.append("<text class=\"count\" x=\"").append(x + BAR / 2).append("\" y=\"").append(y - 5)
            .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">").append(bar.total()).append("</text>\n");
      }
      svg.append("<text x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT - BOTTOM + 14)
          .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"currentColor\">").append(x(bar.label())).append("</text>\n");
      svg.append("</g>\n");
    }
    return svg.append("</svg>").toString();
  }

  /**
   * Each event counts once, under its first topic ("" when it has none), in the bar its dates
   * fall in; one dated only to a span wider than a bar (a month, in a chart of weeks; a range
   * across two weeks) is left out rather than put in the bar of its first day, as if it had
   * happened then ({@link #leftOut}).
   */
  static List<Bar> bars(List<Event> events) {
    boolean weekly = weekly(events);
    List<Event> drawn = events.stream().filter(e -> fits(e.date(), weekly)).toList();
    if (drawn.isEmpty()) {
      return List.of();
    }
    LocalDate first = drawn.stream().map(e -> period(e.date().start(), weekly)).min(LocalDate::compareTo).orElseThrow();
    LocalDate last = drawn.stream().map(e -> period(e.date().start(), weekly)).max(LocalDate::compareTo).orElseThrow();
    List<Bar> bars = new ArrayList<>();
    for (LocalDate p = first; !p.isAfter(last); p = weekly ? p.plusWeeks(1) : p.plusMonths(1)) {
      Map<String, Integer> byTopic = new LinkedHashMap<>();
      for (Event e : drawn) {
        if (period(e.date().start(), weekly).equals(p)) {
          byTopic.merge(e.topics().isEmpty() ? "" : e.topics().get(0), 1, Integer::sum);
        }
      }
      String label = label(p, p.equals(first) ? Optional.empty() : Optional.of(weekly ? p.minusWeeks(1) : p.minusMonths(1)), p.isBefore(last), weekly);
      String start = (weekly ? p.getDayOfMonth() + " " : "") + DossierDate.monthName(p.getMonth()) + " " + p.getYear();
      bars.add(new Bar(label, weekly ? "Week of " + start : start, start, byTopic));
    }
    return bars;
  }

  /**
   * A bar's label, short enough to stay readable when the chart is shrunk to a phone's width:
   * a week's first day ("10"), with its month ("7 Feb") on the first bar and where the month
   * changes; a month ("Feb"), with its year ("Jan 22") on the first bar and where the year
   * changes, but for a first bar of December followed by January, which takes the year ("Dec",
   * "Jan 22"), so that two long labels never stand side by side. Each bar's title and the
   * chart's table give the whole date.
   *
   * @param more whether a bar follows this one
   */
  static String label(LocalDate period, Optional<LocalDate> before, boolean more, boolean weekly) {
    String month = period.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    if (weekly) {
      boolean newMonth = before.map(b -> b.getMonth() != period.getMonth()).orElse(true);
      return period.getDayOfMonth() + (newMonth ? " " + month : "");
    }
    boolean newYear = before.map(b -> b.getYear() != period.getYear()).orElse(!(more && period.getMonth() == java.time.Month.DECEMBER));
    return month + (newYear ? " " + String.format(Locale.ROOT, "%02d", period.getYear() % 100) : "");
  }

  /**
   * The chart as a table, for a reader who cannot tell its colours apart or read its small
   * print: each bar's period, its count of events and those events by first topic in words.
   */
  static List<Map<String, Object>> table(List<Bar> bars, List<Topic> topics) {
    Map<String, String> names = names(topics);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Bar bar : bars) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("period", bar.start());
      row.put("count", bar.total());
      row.put("parts", byTopic(bar, names));
      rows.add(row);
    }
    return rows;
  }

  /** What an event without a topic counts under. */
  private static final String NO_TOPIC = "no topic";

  /** Each topic's title by its id, in the index's order, the legend's. */
  private static Map<String, String> names(List<Topic> topics) {
    Map<String, String> names = new LinkedHashMap<>();
    topics.forEach(t -> names.put(t.id(), t.title()));
    return names;
  }

  /** How many events the chart leaves out, each dated only to a span wider than one bar. */
  static int leftOut(List<Event> events) {
    if (events.isEmpty()) {
      return 0;
    }
    boolean weekly = weekly(events);
    return (int) events.stream().filter(e -> !fits(e.date(), weekly)).count();
  }

  /** Whether a date's first and last possible days fall in one bar. */
  private static boolean fits(DossierDate date, boolean weekly) {
    LocalDate last = date.end().orElse(switch (date.precision()) {
      case YEAR -> date.start().with(TemporalAdjusters.lastDayOfYear());
      case MONTH -> date.start().with(TemporalAdjusters.lastDayOfMonth());
      default -> date.start();
    });
    return period(date.start(), weekly).equals(period(last, weekly));
  }

  /** "week" or "month": what one bar stands for. */
  static String unit(List<Event> events) {
    return events.isEmpty() || weekly(events) ? "week" : "month";
  }

  /**
   * Weeks, when the events a week holds span fewer than {@link #WEEKS_AT_MOST} of them and are
   * three in four of all or more; months otherwise (events dated to months, or years apart).
   */
  private static boolean weekly(List<Event> events) {
    List<LocalDate> days = events.stream().filter(e -> fits(e.date(), true)).map(e -> e.date().start()).toList();
    if (days.isEmpty() || days.size() * 4 < events.size() * 3) {
      return false;
    }
    LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
    LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
    return ChronoUnit.WEEKS.between(first, last) < WEEKS_AT_MOST;
  }

  private static LocalDate period(LocalDate day, boolean weekly) {
    return weekly ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
  }

  private static String describe(List<Bar> bars, Map<String, String> names) {
    StringBuilder out = new StringBuilder();
    for (Bar bar : bars) {
      if (out.length() > 0) {
        out.append("; ");
      }
      out.append(bar.title()).append(": ").append(bar.total());
      if (bar.total() > 0) {
        out.append(" (").append(parts(bar, names)).append(')');
      }
    }
    return out.toString();
  }

  /** A bar's events by their first topic, in words: "by first topic: The move to Lviv 3, Warnings 1". */
  private static String parts(Bar bar, Map<String, String> names) {
    return "by first topic: " + byTopic(bar, names);
  }

  /**
   * "The move to Lviv 3; Warnings 1", in the legend's order, events without a topic last, with
   * semicolons between them since a topic's title may hold commas; empty for a bar without events.
   */
  private static String byTopic(Bar bar, Map<String, String> names) {
    List<String> parts = new ArrayList<>();
    names.forEach((id, title) -> {
      int n = bar.byTopic().getOrDefault(id, 0);
      if (n > 0) {
        parts.add(title + " " + n);
      }
    });
    bar.byTopic().forEach((id, n) -> {
      if (n > 0 && !names.containsKey(id)) {
        parts.add(NO_TOPIC + " " + n);
      }
    });
    return String.join("; ", parts);
  }

  private static String events(int n) {
    return n + (n == 1 ? " event" : " events");
  }

  private static String x(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
