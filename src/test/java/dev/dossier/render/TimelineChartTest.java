package dev.dossier.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dossier.model.DossierDate;
import dev.dossier.model.Event;
import dev.dossier.model.Prose;
import dev.dossier.model.Topic;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class TimelineChartTest {

  private static Event event(String id, String day, String... topics) {
    return new Event(id, DossierDate.day(LocalDate.parse(day)), id, List.of(topics), new Prose("", List.of()));
  }

  /** The chart of the events, as the timeline page draws it. */
  private static String svg(List<Event> events, List<Topic> topics) {
    return TimelineChart.svg(TimelineChart.bars(events), TimelineChart.unit(events), topics);
  }

  private static final List<Topic> TOPICS = List.of(new Topic("a", "A", Optional.empty()), new Topic("b", "B", Optional.empty()));

  @Test
  void eachBarShowsItsCountAndAWeekWithoutEventsShowsNone() {
    // Two events in the week of 7 February, none in the week of 14, one in the week of 21.
    List<Event> events = List.of(event("e1", "2022-02-07", "a"), event("e2", "2022-02-11", "b"), event("e3", "2022-02-21", "a"));
    Document svg = Jsoup.parse(svg(events, TOPICS), "", Parser.xmlParser());
    assertThat(svg.select("text.count").eachText()).containsExactly("2", "1");
    assertThat(svg.select("g > title").eachText())
        .containsExactly("Week of 7 February 2022: 2 events (by first topic: A 1; B 1)", "Week of 14 February 2022: 0 events", "Week of 21 February 2022: 1 event (by first topic: A 1)");
    // The first week's bar is two rectangles, one per first topic, in the topics' colours, each naming its topic.
    assertThat(svg.select("g").get(0).select("rect").eachAttr("fill"))
        .containsExactly(TimelineChart.PALETTE.get(0), TimelineChart.PALETTE.get(1));
    assertThat(svg.select("g").get(0).select("rect > title").eachText()).containsExactly("A, first topic of 1 event", "B, first topic of 1 event");
    assertThat(svg.selectFirst("desc").text())
        .isEqualTo("Week of 7 February 2022: 2 (by first topic: A 1; B 1); Week of 14 February 2022: 0; Week of 21 February 2022: 1 (by first topic: A 1)");
  }

  /**
   * The chart's table says in words what the colours say, week by week: a reader who cannot tell
   * the colours apart, or who cannot hover over a bar, reads the same counts there. The chart is
   * named by its title alone; its long description describes it.
   */
  @Test
  void theChartsTableGivesEachBarsCountsByTopicInWords() {
    // In the legend's order (A before B, though B's event comes first), an event without a topic last.
    List<Event> events = List.of(event("e2", "2022-02-11", "b"), event("e1", "2022-02-07", "a"), event("e3", "2022-02-08", "b"), event("e5", "2022-02-09"),
        event("e4", "2022-02-21"));
    assertThat(TimelineChart.table(TimelineChart.bars(events), TOPICS)).extracting(row -> row.get("period") + " | " + row.get("count") + " | " + row.get("parts"))
        .containsExactly("7 February 2022 | 4 | A 1; B 2; no topic 1", "14 February 2022 | 0 | ", "21 February 2022 | 1 | no topic 1");
    Document svg = Jsoup.parse(svg(events, TOPICS), "", Parser.xmlParser());
    assertThat(svg.selectFirst("svg").attr("aria-labelledby")).isEqualTo("chart-title");
    assertThat(svg.selectFirst("svg").attr("aria-describedby")).isEqualTo("chart-desc");
  }

  @Test
  void theTallestBarsCountStaysInsideTheChart() {
    List<Event> events = List.of(event("e1", "2022-02-07", "a"), event("e2", "2022-02-08", "a"), event("e3", "2022-02-09", "a"));
    Document svg = Jsoup.parse(svg(events, TOPICS), "", Parser.xmlParser());
    int countBaseline = Integer.parseInt(svg.selectFirst("text.count").attr("y"));
    // Its baseline is far enough down for 12-pixel digits to fit above it.
    assertThat(countBaseline).isGreaterThanOrEqualTo(12);
    assertThat(Integer.parseInt(svg.selectFirst("rect").attr("y"))).isGreaterThan(countBaseline);
  }

  private static Event dated(String id, String date) {
    return new Event(id, DossierDate.parse(date).date().orElseThrow(), id, List.of("a"), new Prose("", List.of()));
  }

  /** A week's bar counts what happened in that week: not an event known only to its month, or to days across two weeks. */
  @Test
  void anEventDatedOnlyToASpanWiderThanABarIsLeftOutAndCounted() {
    List<Event> events = List.of(
        dated("month", "2022-02"), dated("across", "2022-02-04/2022-02-08"), dated("within", "2022-02-07/2022-02-13"),
        dated("day", "2022-02-09"), dated("day2", "2022-02-10"), dated("later", "2022-02-21"), dated("later2", "2022-02-22"), dated("later3", "2022-02-23"));
    Document svg = Jsoup.parse(svg(events, TOPICS), "", Parser.xmlParser());
    assertThat(svg.select("g > title").eachText())
        .containsExactly("Week of 7 February 2022: 3 events (by first topic: A 3)", "Week of 14 February 2022: 0 events", "Week of 21 February 2022: 3 events (by first topic: A 3)");
    assertThat(TimelineChart.leftOut(events)).isEqualTo(2);
    assertThat(svg(List.of(dated("year", "2022")), TOPICS)).as("nothing to draw").isEmpty();
  }

  /** Weeks would leave out events a month holds: a chart of months, when they are more than one in four. */
  @Test
  void eventsDatedToMonthsMakeAChartOfMonthsAndOneYearOnlyEventDoesNotStretchIt() {
    List<Event> months = List.of(dated("a", "2022-01"), dated("b", "2022-02"), dated("c", "2022-02-14"));
    assertThat(TimelineChart.unit(months)).isEqualTo("month");
    assertThat(TimelineChart.leftOut(months)).isZero();
    Document svg = Jsoup.parse(svg(months, TOPICS), "", Parser.xmlParser());
    assertThat(svg.select("g > title").eachText()).containsExactly("January 2022: 1 event (by first topic: A 1)", "February 2022: 2 events (by first topic: A 2)");
    // One event known only to its year among days in February: weeks still, and it is left out.
    List<Event> days = List.of(dated("y", "2021"), dated("d1", "2022-02-07"), dated("d2", "2022-02-08"), dated("d3", "2022-02-15"), dated("d4", "2022-02-16"));
    assertThat(TimelineChart.unit(days)).isEqualTo("week");
    assertThat(TimelineChart.leftOut(days)).isEqualTo(1);
  }

  /**
   * The labels under the bars stay short enough to read on a phone: a week's day, with its month
   * on the first bar and where the month changes; a month, with its year on the first bar and
   * where the year changes.
   */
  @Test
  void eachLabelNamesTheMonthOrYearOnlyWhereItChanges() {
    List<Event> weeks = List.of(event("e1", "2022-01-17", "a"), event("e2", "2022-02-14", "a"));
    Document svg = Jsoup.parse(svg(weeks, TOPICS), "", Parser.xmlParser());
    assertThat(svg.select("text:not(.count)").eachText()).containsExactly("17 Jan", "24", "31", "7 Feb", "14");
    List<Event> months = List.of(dated("a", "2021-11"), dated("b", "2022-02"));
    svg = Jsoup.parse(svg(months, TOPICS), "", Parser.xmlParser());
    assertThat(svg.select("text:not(.count)").eachText()).containsExactly("Nov 21", "Dec", "Jan 22", "Feb");
    // A chart of months that starts in December gives the year to January, not to both.
    svg = Jsoup.parse(svg(List.of(dated("a", "2021-12"), dated("b", "2022-01"), dated("c", "2022-02")), TOPICS), "", Parser.xmlParser());
    assertThat(svg.select("text:not(.count)").eachText()).containsExactly("Dec", "Jan 22", "Feb");
    assertThat(TimelineChart.label(LocalDate.of(2021, 12, 1), Optional.empty(), false, false)).as("December alone").isEqualTo("Dec 21");
    assertThat(TimelineChart.label(LocalDate.of(2005, 3, 1), Optional.empty(), false, false)).isEqualTo("Mar 05");
  }
}
