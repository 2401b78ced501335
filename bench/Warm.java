import dev.dossier.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark's builds, repeated in one JVM: how long a build takes once the JIT has compiled
 * dossier's code, against the fresh JVM every {@code dossier build} starts. The difference is
 * what warming up costs, which no change to dossier's own work removes. A diagnostic for
 * BENCHMARKS.md, not a way to run dossier.
 *
 * <p>Run from the repository's root with the jar on the class path, by {@code bench/run.sh}:
 *
 * <pre>
 * java -Xmx512m -XX:+UseParallelGC -cp target/dossier.jar bench/Warm.java CORPUS WORK ROUNDS SEED
 * </pre>
 *
 * <p>It makes ROUNDS full builds of CORPUS ({@code --no-cache}, into the same output folder, as
 * the benchmark's full builds are), then builds a copy of CORPUS with the build cache and,
 * ROUNDS times, restores that copy and its output, adds one article ({@code bench/Corpus.java
 * --add-one}) and rebuilds. It prints each build's wall time, then a last line {@code warm
 * full=S addone=S}: the medians of the rounds after the first two.
 */
public final class Warm {

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: java -cp target/dossier.jar bench/Warm.java CORPUS WORK ROUNDS SEED");
      System.exit(2);
    }
    Path corpus = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String seed = args[3];
    Files.createDirectories(work);

    List<Double> full = new ArrayList<>();
    Path fullOut = work.resolve("warm-full-out");
    for (int r = 1; r <= rounds; r++) {
      double s = build("build", corpus.toString(), "--out", fullOut.toString(), "--force", "--no-cache");
      System.err.printf(Locale.ROOT, "warm full build, round %d: %.2f s%n", r, s);
      full.add(s);
    }

    Path primed = work.resolve("warm-primed");
    Path primedOut = work.resolve("warm-primed-out");
    Path copy = work.resolve("warm-copy");
    Path copyOut = work.resolve("warm-copy-out");
    for (Path p : List.of(primed, primedOut, copy, copyOut)) {
      delete(p);
    }
    // Built where the rebuilds will be (the build cache keeps its page records by output
    // folder), then put aside, to be restored before each rebuild.
    copy(corpus, copy);
    delete(copy.resolve(".dossier-cache"));
    build("build", copy.toString(), "--out", copyOut.toString(), "--force");
    Files.move(copy, primed);
    Files.move(copyOut, primedOut);
    List<Double> addOne = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      delete(copy);
      delete(copyOut);
      copy(primed, copy);
      copy(primedOut, copyOut);
      Process add = new ProcessBuilder("java", "bench/Corpus.java", "--add-one", copy.toString(), "--seed", seed)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      if (add.waitFor() != 0) {
        throw new IllegalStateException("bench/Corpus.java --add-one failed");
      }
      double s = build("build", copy.toString(), "--out", copyOut.toString(), "--force");
      System.err.printf(Locale.ROOT, "warm add-one rebuild, round %d: %.2f s%n", r, s);
      addOne.add(s);
    }
    for (Path p : List.of(fullOut, primed, primedOut, copy, copyOut)) {
      delete(p);
    }
    System.out.printf(Locale.ROOT, "warm full=%.2f addone=%.2f%n", warm(full), warm(addOne));
  }

  /** Runs dossier as its command line would, in this JVM; the wall time in seconds. */
  private static double build(String... args) {
    StringWriter said = new StringWriter();
    var line = Main.commandLine();
    line.setOut(new PrintWriter(said));
    line.setErr(new PrintWriter(said));
    long start = System.nanoTime();
    int exit = line.execute(args);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("dossier " + String.join(" ", args) + " exited with " + exit + ":\n" + said);
    }
    return seconds;
  }

  /** The median of the rounds after the first two, which warm the JIT up; of all, when there are fewer. */
  private static double warm(List<Double> times) {
    List<Double> warm = new ArrayList<>(times.size() > 2 ? times.subList(2, times.size()) : times);
    warm.sort(null);
    int n = warm.size();
    return n % 2 == 1 ? warm.get(n / 2) : (warm.get(n / 2 - 1) + warm.get(n / 2)) / 2;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path p : (Iterable<Path>) tree::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(dir)) {
      tree.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
