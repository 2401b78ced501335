package dev.dossier.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A large made-up dossier for scale tests: news-like Markdown articles with front matter, the
 * words drawn from a fixed vocabulary (the commonest English words, a few thousand made-up words
 * and a few hundred names) with the skewed frequencies of real text. The same seed gives the
 * same files.
 *
 * <p>Run as a program to write one: {@code java -cp target/test-classes
 * dev.dossier.render.SyntheticDossier DIR [COUNT]}.
 */
final class SyntheticDossier {

  private static final String[] COMMON = ("the of and to a in that is was for on it with as said he by at from his be have has are "
      + "were not but an they this had which would will been their who or its more after about also she we one two than there up "
      + "out new into over other could officials government people year when what some all last told because no her them can if "
      + "first now city country week minister president military security forces state police report talks according since "
      + "while during before against under between where how many most us our any those such only so may just later three "
      + "years days time news foreign defence border troops embassy staff diplomats war peace statement spokesperson capital "
      + "region local international agency support aid plans meeting leaders talks sanctions economy energy gas prices").split(" ");
  private static final String[] PLACES = {"Lviv", "Kyiv", "Kharkiv", "Odesa", "Dnipro", "Mariupol", "Donetsk", "Luhansk", "Warsaw",
      "Moscow", "Minsk", "Brussels", "Geneva", "Washington", "London", "Berlin", "Paris", "Zaporizhzhia", "Chernihiv", "Sumy"};
  private static final String[] SYLLABLES = ("ka lo mer tan vi sor pel dun ar ist on ver mal cor ben tri sta gol nu fen ras "
      + "lim dor pa ste qua ren bol tur ve ni mo sal fi gra pro den lu tor").split(" ");
  private static final String[] OUTLETS = {"The Daily Ledger", "Morning Wire", "Eastern Courier", "The Harbour Times", "Capital Post",
      "Northern Star", "Evening Standard Bearer", "Global Dispatch", "The Continental", "Frontier News"};

  private final Random random;
  private final List<String> vocabulary = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final double[] cumulative;

  SyntheticDossier(long seed) {
    random = new Random(seed);
    Set<String> words = new LinkedHashSet<>(List.of(COMMON));
    Random shapes = new Random(seed + 1);
    while (words.size() < COMMON.length + 3000) {
      StringBuilder w = new StringBuilder();
      for (int i = 0, n = 2 + shapes.nextInt(3); i < n; i++) {
        w.append(SYLLABLES[shapes.nextInt(SYLLABLES.length)]);
      }
      words.add(w.toString());
    }
    Set<String> people = new LinkedHashSet<>(List.of(PLACES));
    while (people.size() < 400) {
      String w = SYLLABLES[shapes.nextInt(SYLLABLES.length)] + SYLLABLES[shapes.nextInt(SYLLABLES.length)] + SYLLABLES[shapes.nextInt(SYLLABLES.length)];
      people.add(Character.toUpperCase(w.charAt(0)) + w.substring(1) + (shapes.nextBoolean() ? "enko" : ""));
    }
    vocabulary.addAll(words);
    names.addAll(people);
    // Zipf's law: the word of rank r turns up about 1/r as often as the commonest.
    cumulative = new double[vocabulary.size()];
    double sum = 0;
    for (int r = 0; r < cumulative.length; r++) {
      sum += 1.0 / (r + 1);
      cumulative[r] = sum;
    }
  }

  /** Writes {@code count} articles of about {@code bytes} each into {@code dir}. */
  void write(Path dir, int count, int bytes) throws IOException {
    Files.createDirectories(dir);
    LocalDate start = LocalDate.of(2021, 1, 1);
    for (int i = 0; i < count; i++) {
      StringBuilder md = new StringBuilder();
      md.append("---\n");
      md.append("title: \"").append(capitalised(sentence(6 + random.nextInt(6)))).append("\"\n");
      md.append("date: ").append(start.plusDays(random.nextInt(730))).append('\n');
      md.append("outlet: ").append(OUTLETS[random.nextInt(OUTLETS.length)]).append('\n');
      md.append("authors: [").append(person()).append(' ').append(person()).append("]\n");
      md.append("topics: [topic-").append(random.nextInt(40)).append("]\n");
      md.append("---\n");
      int body = 0;
      while (body < bytes) {
        StringBuilder paragraph = new StringBuilder();
        for (int s = 0, n = 2 + random.nextInt(3); s < n; s++) {
          paragraph.append(s == 0 ? "" : " ").append(capitalised(sentence(10 + random.nextInt(20)))).append('.');
        }
        md.append(paragraph).append("\n\n");
        body += paragraph.length() + 2;
      }
      Files.writeString(dir.resolve(String.format(Locale.ROOT, "article-%05d.md", i)), md, StandardCharsets.UTF_8);
    }
  }

  private String sentence(int words) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words; i++) {
      out.append(i == 0 ? "" : " ").append(random.nextInt(10) == 0 ? name() : word());
    }
    return out.toString();
  }

  private String word() {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return vocabulary.get(lo);
  }

  private String name() {
    // Names are skewed too: a few places and people make most of the news.
    int r = (int) Math.min(names.size() - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * names.size()));
    return names.get(r);
  }

  private String person() {
    return names.get(PLACES.length + random.nextInt(names.size() - PLACES.length));
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  public static void main(String[] args) throws IOException {
    new SyntheticDossier(2022).write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 10_000, 8_000);
  }
}
