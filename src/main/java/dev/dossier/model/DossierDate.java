package dev.dossier.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as precise as the sources allow: a year ({@code 2022}), a month ({@code 2022-02}), a day
 * ({@code 2022-02-14}), an approximate day ({@code ~2022-01-18}), a range of days
 * ({@code 2022-02-10/2022-02-20}) or an approximate range ({@code ~2022-01-06/2022-01-17}: a
 * range whose ends rest on an approximate date, such as "in the days after 5 January" in an
 * article dated to about 18 January).
 *
 * @param start the first day the date can mean (the 1st of a month, the 1st of January)
 * @param end the last day of a range; empty for a single date
 */
public record DossierDate(LocalDate start, Precision precision, boolean approximate, Optional<LocalDate> end)
    implements Comparable<DossierDate> {

  /** How much of a date is known. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY
  }

  private static final Pattern SINGLE = Pattern.compile("(~)?(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
  /**
   * A day as people write it: "13 April 2021", "Apr. 13, 2021", "Monday, 14 February 2022",
   * "2021/04/13". Made on the first date that needs them, not as every build starts.
   */
  private static final class InWords {
    static final java.util.List<java.time.format.DateTimeFormatter> FORMATS = java.util.stream.Stream.of(
            "d MMMM uuuu", "d MMM uuuu", "MMMM d uuuu", "MMM d uuuu", "uuuu/M/d")
        .map(p -> new java.time.format.DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(java.util.Locale.ENGLISH)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT))
        .toList();
  }

  private static Optional<LocalDate> inWords(String s) {
    // Without a weekday, ordinal endings, commas and abbreviation dots ("Sept." as "Sep").
    String plain = s.replaceFirst("(?i)^(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+", "")
        .replaceAll("(?i)(\\d)(?:st|nd|rd|th)\\b", "$1").replaceAll("[,.]", " ").replaceAll("(?i)\\bsept\\b", "Sep").strip().replaceAll("\\s+", " ");
    for (java.time.format.DateTimeFormatter f : InWords.FORMATS) {
      try {
        // Only a year the index can write: four digits, not 0000.
        return Optional.of(LocalDate.parse(plain, f)).filter(d -> d.getYear() >= 1 && d.getYear() <= 9999);
      } catch (DateTimeException e) {
        // Another way of writing it, perhaps.
      }
    }
    return Optional.empty();
  }

  private static final Pattern RANGE = Pattern.compile("(~)?(\\d{4}-\\d{2}-\\d{2})/(\\d{4}-\\d{2}-\\d{2})");

  private static final Comparator<DossierDate> ORDER =
      Comparator.comparing(DossierDate::start)
          .thenComparing(DossierDate::precision, Comparator.reverseOrder())
          .thenComparing(d -> d.end.orElse(d.start));

  public DossierDate {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(end, "end");
    if (end.isPresent() && (precision != Precision.DAY || !end.get().isAfter(start))) {
      throw new IllegalArgumentException("a range runs between two days, the first earlier");
    }
  }

  public static DossierDate day(LocalDate day) {
    return new DossierDate(day, Precision.DAY, false, Optional.empty());
  }

  /**
   * Reads the index's date syntax.
   *
   * @return the date, or a message saying what is wrong with the text
   */
  public static Parsed parse(String text) {
    String s = text.strip();
    Matcher range = RANGE.matcher(s);
    try {
      if (range.matches()) {
        LocalDate from = LocalDate.parse(range.group(2));
        LocalDate to = LocalDate.parse(range.group(3));
        if (from.getYear() == 0) {
          return Parsed.failure(yearZero(s));
        }
        if (to.equals(from)) {
          return Parsed.failure("the range \"" + s + "\" starts and ends on the same day; write the day alone: " + (range.group(1) != null ? "~" : "") + from);
        }
        if (to.isBefore(from)) {
          return Parsed.failure("the range \"" + s + "\" ends before it starts");
        }
        return Parsed.success(new DossierDate(from, Precision.DAY, range.group(1) != null, Optional.of(to)));
      }
      Matcher single = SINGLE.matcher(s);
      if (!single.matches()) {
        Optional<LocalDate> written = inWords(s);
        if (written.isPresent()) {
          return Parsed.failure("\"" + s + "\" is a date as people write it; write it " + written.get() + ", year first");
        }
        return Parsed.failure(
            "\"" + s + "\" is not a date; write 2022, 2022-02, 2022-02-14, ~2022-02-14, 2022-02-10/2022-02-20 or ~2022-02-10/2022-02-20");
      }
      boolean approximate = single.group(1) != null;
      int year = Integer.parseInt(single.group(2));
      if (year == 0) {
        return Parsed.failure(yearZero(s));
      }
      if (single.group(3) == null) {
        return Parsed.success(new DossierDate(LocalDate.of(year, 1, 1), Precision.YEAR, approximate, Optional.empty()));
      }
      int month = Integer.parseInt(single.group(3));
      if (month < 1 || month > 12) {
        return Parsed.failure("\"" + s + "\" has no month " + month + "; months run from 01 to 12");
      }
      if (single.group(4) == null) {
        return Parsed.success(
            new DossierDate(LocalDate.of(year, month, 1), Precision.MONTH, approximate, Optional.empty()));
      }
      int day = Integer.parseInt(single.group(4));
      LocalDate date;
      try {
        date = LocalDate.of(year, month, day);
      } catch (DateTimeException e) {
        return Parsed.failure(
            "\"" + s + "\" does not exist: " + monthName(Month.of(month))
                + " " + year + " has " + LocalDate.of(year, month, 1).lengthOfMonth() + " days");
      }
      return Parsed.success(new DossierDate(date, Precision.DAY, approximate, Optional.empty()));
    } catch (DateTimeException e) {
      return Parsed.failure("\"" + s + "\" is not a valid date");
    }
  }

  /** The result of {@link #parse}: a date or the reason there is none. */
  public record Parsed(Optional<DossierDate> date, String problem) {
    static Parsed success(DossierDate date) {
      return new Parsed(Optional.of(date), "");
    }

    static Parsed failure(String problem) {
      return new Parsed(Optional.empty(), problem);
    }
  }

  public boolean isRange() {
    return end.isPresent();
  }

  /** The date in the index's own syntax, e.g. {@code ~2022-01-18}. */
  public String iso() {
    return (approximate ? "~" : "") + (end.isPresent() ? start + "/" + end.get() : machine());
  }

  /**
   * The value for {@code <time datetime>}: {@code 2022}, {@code 2022-02} or {@code 2022-02-14};
   * a range gives its first day (HTML has no interval syntax).
   */
  public String machine() {
    return switch (precision) {
      case YEAR -> String.format(Locale.ROOT, "%04d", start.getYear());
      case MONTH -> String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
      case DAY -> start.toString();
    };
  }

  /**
   * What {@code <time datetime>} can truthfully say of the date: {@link #machine} for one day,
   * month or year; for a range, the month or the year that holds all of it (HTML has no interval
   * syntax, and its first day alone would claim a day it is not); empty for a range across years.
   */
  public Optional<String> enclosing() {
    if (end.isEmpty()) {
      return Optional.of(machine());
    }
    LocalDate to = end.get();
    if (to.getYear() != start.getYear()) {
      return Optional.empty();
    }
    return Optional.of(to.getMonthValue() == start.getMonthValue()
        ? String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue())
        : String.format(Locale.ROOT, "%04d", start.getYear()));
  }

  /**
   * For people: "14 February 2022", "February 2022", "c. 18 January 2022", "10–16 January 2022",
   * "c. 6–17 January 2022".
   */
  public String label() {
    String prefix = approximate ? "c. " : "";
    if (end.isPresent()) {
      LocalDate to = end.get();
      if (to.getYear() != start.getYear()) {
        return prefix + dayLabel(start) + " – " + dayLabel(to);
      }
      if (to.getMonth() != start.getMonth()) {
        return prefix + start.getDayOfMonth() + " " + monthName(start) + " – " + dayLabel(to);
      }
      return prefix + start.getDayOfMonth() + "–" + dayLabel(to);
    }
    return prefix
        + switch (precision) {
          case YEAR -> Integer.toString(start.getYear());
          case MONTH -> monthName(start) + " " + start.getYear();
          case DAY -> dayLabel(start);
        };
  }

  /** The month the date falls in, for grouping a timeline: "2022-02". */
  public String monthKey() {
    return precision == Precision.YEAR
        ? String.format(Locale.ROOT, "%04d", start.getYear())
        : String.format(Locale.ROOT, "%04d-%02d", start.getYear(), start.getMonthValue());
  }

  /** "February 2022" (or "2022" for a year), the heading of the date's month group. */
  public String monthLabel() {
    return precision == Precision.YEAR ? Integer.toString(start.getYear()) : monthName(start) + " " + start.getYear();
  }

  private static String dayLabel(LocalDate d) {
    return d.getDayOfMonth() + " " + monthName(d) + " " + d.getYear();
  }

  private static String monthName(LocalDate d) {
    return monthName(d.getMonth());
  }

  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"
  };

  /**
   * A month's English name, as the pages and references write dates. {@code
   * Month.getDisplayName} makes a formatter on every call, and lists of sources ask for tens of
   * thousands of dates.
   */
  public static String monthName(Month month) {
    return MONTHS[month.ordinal()];
  }

  @Override
  public int compareTo(DossierDate other) {
    return ORDER.compare(this, other);
  }

  private static String yearZero(String written) {
    return "\"" + written + "\" has the year 0000, which no calendar has; the year before 1 AD is 1 BC";
  }
}
