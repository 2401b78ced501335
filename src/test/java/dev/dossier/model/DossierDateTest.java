package dev.dossier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DossierDateTest {

  private static DossierDate date(String text) {
    return DossierDate.parse(text).date().orElseThrow(() -> new AssertionError(DossierDate.parse(text).problem()));
  }

  @Test
  void readsEveryFormOfTheIndex() {
    assertThat(date("2022").machine()).isEqualTo("2022");
    assertThat(date("2022-02").machine()).isEqualTo("2022-02");
    assertThat(date("2022-02-14").machine()).isEqualTo("2022-02-14");
    assertThat(date("~2022-01-18").approximate()).isTrue();
    assertThat(date("~2022-01-18").machine()).isEqualTo("2022-01-18");
    DossierDate range = date("2022-02-10/2022-02-20");
    assertThat(range.isRange()).isTrue();
    assertThat(range.machine()).isEqualTo("2022-02-10");
    assertThat(range.end()).contains(LocalDate.of(2022, 2, 20));
    assertThat(range.approximate()).isFalse();
  }

  /**
   * A page's {@code <time datetime>} claims no single day for a range: it gives the month or year
   * that holds it, and nothing for a range across years, which a page then shows in a span.
   */
  @Test
  void aRangeIsGivenToMachinesAsTheMonthOrYearThatHoldsIt() {
    assertThat(date("2022-02-14").enclosing()).contains("2022-02-14");
    assertThat(date("2022-02").enclosing()).contains("2022-02");
    assertThat(date("~2022").enclosing()).contains("2022");
    assertThat(date("~2022-01-06/2022-01-17").enclosing()).contains("2022-01");
    assertThat(date("2022-01-30/2022-02-02").enclosing()).contains("2022");
    assertThat(date("2021-12-30/2022-01-02").enclosing()).isEmpty();
  }

  /** A range whose ends rest on an approximate date ("in the days after", in an article dated to about 18 January) says so. */
  @Test
  void aRangeMayBeApproximate() {
    DossierDate range = date("~2022-01-06/2022-01-17");
    assertThat(range.isRange()).isTrue();
    assertThat(range.approximate()).isTrue();
    assertThat(range.machine()).isEqualTo("2022-01-06");
    assertThat(range.end()).contains(LocalDate.of(2022, 1, 17));
    assertThat(range.iso()).isEqualTo("~2022-01-06/2022-01-17");
    assertThat(range.label()).isEqualTo("c. 6–17 January 2022");
    assertThat(date("~2022-01-30/2022-02-02").label()).isEqualTo("c. 30 January – 2 February 2022");
    assertThat(date("~2021-12-30/2022-01-02").label()).isEqualTo("c. 30 December 2021 – 2 January 2022");
    assertThat(DossierDate.parse(range.iso()).date()).contains(range);
    assertThat(DossierDate.parse("~2022-02-10/2022-02-10").problem()).contains("write the day alone: ~2022-02-10");
    assertThat(DossierDate.parse("2022-02-10/~2022-02-20").problem()).contains("is not a date").contains("~2022-02-10/2022-02-20");
  }

  @Test
  void labelsDatesForPeople() {
    assertThat(date("2022-02-14").label()).isEqualTo("14 February 2022");
    assertThat(date("2022-02").label()).isEqualTo("February 2022");
    assertThat(date("~2022-01-18").label()).isEqualTo("c. 18 January 2022");
    assertThat(date("2022-01-10/2022-01-16").label()).isEqualTo("10–16 January 2022");
    assertThat(date("2022-01-30/2022-02-02").label()).isEqualTo("30 January – 2 February 2022");
  }

  @Test
  void refusesDatesThatDoNotExist() {
    assertThat(DossierDate.parse("2023-02-30").problem()).contains("does not exist").contains("28 days");
    assertThat(DossierDate.parse("2023-13-45").problem()).contains("no month 13");
    assertThat(DossierDate.parse("14 Feb 2022").problem()).contains("\"14 Feb 2022\" is a date as people write it; write it 2022-02-14, year first");
    for (String written : List.of("13 April 2021", "April 13, 2021", "Apr. 13, 2021", "Tuesday, 13 April 2021", "13th April 2021", "2021/04/13")) {
      assertThat(DossierDate.parse(written).problem()).as(written).contains("write it 2021-04-13");
    }
    assertThat(DossierDate.parse("31 April 2021").problem()).contains("is not a date");
    assertThat(DossierDate.parse("next week").problem()).contains("is not a date");
    assertThat(DossierDate.parse("13 April -2021").problem()).contains("is not a date");
    assertThat(DossierDate.parse("13 April 0000").problem()).contains("is not a date");
    assertThat(DossierDate.parse("2022-02-20/2022-02-10").problem()).contains("ends before it starts");
    assertThat(DossierDate.parse("2022-02-10/2022-02-10").problem()).contains("starts and ends on the same day; write the day alone: 2022-02-10");
    assertThat(DossierDate.parse("0000-02-10").problem()).contains("has the year 0000");
    assertThat(DossierDate.parse("0000-02-10/0000-02-12").problem()).contains("has the year 0000");
  }

  @Test
  void sortsByFirstDayThenCoarserFirst() {
    List<DossierDate> dates = new ArrayList<>(List.of(date("2022-02-14"), date("2022-02"), date("2022-01-10/2022-01-16"), date("~2022-01-18"),
        date("~2022-01-06/2022-01-17")));
    dates.sort(null);
    assertThat(dates).extracting(DossierDate::iso)
        .containsExactly("~2022-01-06/2022-01-17", "2022-01-10/2022-01-16", "~2022-01-18", "2022-02", "2022-02-14");
  }
}
