package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/dossier}: the same site as {@code java -jar}, with a class-data-sharing archive made on first use. */
class LauncherIT {

  @TempDir Path tmp;

  /** The jar the launcher runs. */
  private Path jar = Jar.JAR.toAbsolutePath();

  /** Settings for the next launch (DOSSIER_CDS, DOSSIER_JAVA_OPTS), none by default. */
  private final Map<String, String> settings = new java.util.HashMap<>();

  private Jar.Run launch(Path archives, String... args) throws IOException, InterruptedException {
    return launch(Path.of(System.getProperty("java.home")), archives, args);
  }

  private Jar.Run launch(Path jdk, Path archives, String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("sh", Jar.ROOT.resolve("bin/dossier").toString()), Stream.of(args)).toList())
        .directory(Jar.ROOT.toFile());
    Map<String, String> env = builder.environment();
    env.put("DOSSIER_CDS_DIR", archives.toString());
    env.put("DOSSIER_JAR", jar.toString());
    env.put("JAVA_HOME", jdk.toString());
    env.remove("DOSSIER_JAVA_OPTS");
    env.remove("DOSSIER_CDS");
    env.putAll(settings);
    settings.clear();
    Path out = tmp.resolve("launcher-out.txt");
    Path err = tmp.resolve("launcher-err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("bin/dossier finished").isTrue();
    return new Jar.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path seeds() throws IOException {
    return Jar.copyOfTheSeeds(tmp);
  }

  @Test
  void theFirstBuildMakesTheArchiveAndLaterOnesUseItForTheSameSite() throws Exception {
    Path dossier = seeds();
    Path archives = tmp.resolve("archives");
    Jar.Run first = launch(archives, "build", dossier.toString(), "--out", tmp.resolve("a").toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(archives(archives)).as("one archive, made as the first build exited").hasSize(1);

    Jar.Run second = launch(archives, "build", dossier.toString(), "--out", tmp.resolve("b").toString(), "--no-cache");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out() + second.err()).as("the JVM says nothing about the archive").doesNotContainIgnoringCase("cds").doesNotContain("warning: [");
    assertThat(archives(archives)).hasSize(1);

    Jar.Run plain = Jar.run("build", dossier.toString(), "--out", tmp.resolve("c").toString(), "--no-cache");
    assertThat(plain.exit()).isZero();
    assertThat(files(tmp.resolve("b"))).isEqualTo(files(tmp.resolve("c"))).isEqualTo(files(tmp.resolve("a")));

    settings.put("DOSSIER_CDS", "require");
    Jar.Run required = launch(archives, "build", dossier.toString(), "--out", tmp.resolve("d").toString());
    assertThat(required.exit()).as("the JVM maps the archive (-Xshare:on): " + required.err()).isZero();
  }

  /**
   * In the C locale (cron, containers) Java cannot name a file called "Київ звіт.txt": the
   * launcher runs it in C.UTF-8, and plain java -jar says what to do instead of a bare "Malformed input".
   */
  @Test
  void aDocumentWithANonAsciiNameBuildsInTheCLocaleThroughTheLauncher() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
        "this test's own JVM must be able to name the file");
    Path dossier = Files.createDirectories(tmp.resolve("cyrillic"));
    Files.writeString(dossier.resolve("Київ звіт.txt"), "The embassy closed on Monday.\n");
    settings.put("LC_ALL", "C");
    Jar.Run launched = launch(tmp.resolve("archives"), "build", dossier.toString(), "--out", tmp.resolve("site").toString());
    assertThat(launched.exit()).as(launched.err()).isZero();
    assertThat(tmp.resolve("site/sources/kyiv-zvit.html")).exists();

    ProcessBuilder plain = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
        "build", dossier.toString(), "--out", tmp.resolve("plain").toString());
    plain.environment().put("LC_ALL", "C");
    plain.redirectErrorStream(true);
    Process process = plain.start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(said).isEqualTo(3);
    assertThat(said).contains("a file's name cannot be written in this system's character set")
        .contains("help: run dossier with a UTF-8 locale, such as LC_ALL=C.UTF-8");
    assertThat(tmp.resolve("plain")).doesNotExist();
  }

  @Test
  void aJarPackagedAgainWithTheSameBytesGetsAnArchiveOfItsOwn() throws Exception {
    // The JVM refuses an archive made for a jar whose modification time has changed.
    Path dossier = seeds();
    Path archives = tmp.resolve("archives");
    jar = Files.copy(Jar.JAR, tmp.resolve("dossier.jar"));
    assertThat(launch(archives, "build", dossier.toString(), "--out", tmp.resolve("a").toString()).exit()).isZero();
    List<String> first = archives(archives);
    assertThat(first).hasSize(1);

    Files.setLastModifiedTime(jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(60)));
    assertThat(launch(archives, "build", dossier.toString(), "--out", tmp.resolve("b").toString()).exit()).isZero();
    assertThat(archives(archives)).as("the old archive replaced by one for the jar as it is now").hasSize(1).doesNotContainAnyElementsOf(first);
    settings.put("DOSSIER_CDS", "require");
    Jar.Run required = launch(archives, "build", dossier.toString(), "--out", tmp.resolve("c").toString());
    assertThat(required.exit()).as("the JVM maps the new archive: " + required.err()).isZero();
  }

  @Test
  void aFailedBuildLeavesNoArchive() throws Exception {
    aFailedBuildLeavesNothing(Path.of(System.getProperty("java.home")), seeds(), tmp.resolve("archives"));
  }

  /** A build that fails (a citation out of range) through the launcher on {@code jdk} makes no archive or cache. */
  private void aFailedBuildLeavesNothing(Path jdk, Path dossier, Path archives) throws Exception {
    Files.writeString(dossier.resolve("index.yml"), Files.readString(dossier.resolve("index.yml")).replaceFirst("¶\\d+", "¶999"));
    Jar.Run failed = launch(jdk, archives, "build", dossier.toString(), "--out", tmp.resolve("failed").toString());
    assertThat(failed.exit()).isEqualTo(1);
    assertThat(failed.err()).contains("out of range");
    assertThat(archives(archives)).as("a failed build makes no archive or cache").isEmpty();
  }

  @Test
  void onJdk25TheFirstBuildRecordsAnAheadOfTimeCacheQuietlyAndLaterOnesUseIt() throws Exception {
    Optional<Path> jdk = jdk25();
    assumeTrue(jdk.isPresent(), "no JDK 25 or later: running one, DOSSIER_TEST_NEW_JDK or under /usr/lib/jvm");
    Path dossier = seeds();
    Path archives = tmp.resolve("archives");
    Jar.Run first = launch(jdk.get(), archives, "build", dossier.toString(), "--out", tmp.resolve("a").toString());
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out()).as("the recording JVM's own line is kept quiet").startsWith("built ").doesNotContain("AOT");
    assertThat(first.err()).doesNotContain("AOT");
    assertThat(archives(archives)).as("one cache, and nothing half-made left").singleElement().asString().endsWith(".aot");

    Jar.Run second = launch(jdk.get(), archives, "build", dossier.toString(), "--out", tmp.resolve("b").toString(), "--no-cache");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out() + second.err()).doesNotContainIgnoringCase("aot").doesNotContainIgnoringCase("cds").doesNotContain("warning: [");
    assertThat(archives(archives)).hasSize(1);
    assertThat(files(tmp.resolve("b"))).isEqualTo(files(tmp.resolve("a")));
    settings.put("DOSSIER_CDS", "require");
    Jar.Run required = launch(jdk.get(), archives, "build", dossier.toString(), "--out", tmp.resolve("d").toString());
    assertThat(required.exit()).as("the JVM uses the cache (-XX:AOTMode=on): " + required.err()).isZero();

    // Options of one's own about class sharing turn the cache off, rather than clash with it.
    settings.put("DOSSIER_JAVA_OPTS", "-Xshare:off");
    Path untouched = tmp.resolve("untouched");
    Jar.Run own = launch(jdk.get(), untouched, "build", dossier.toString(), "--out", tmp.resolve("e").toString());
    assertThat(own.exit()).as(own.err()).isZero();
    assertThat(archives(untouched)).isEmpty();

    aFailedBuildLeavesNothing(jdk.get(), dossier, tmp.resolve("fresh"));
  }

  /**
   * A JDK of release 25 or later: the one running the tests if it is one, else
   * {@code DOSSIER_TEST_NEW_JDK}, else the first under /usr/lib/jvm (Debian's and Temurin's place).
   */
  private static Optional<Path> jdk25() throws IOException {
    List<Path> candidates = new java.util.ArrayList<>();
    candidates.add(Path.of(System.getProperty("java.home")));
    Optional.ofNullable(System.getenv("DOSSIER_TEST_NEW_JDK")).map(Path::of).ifPresent(candidates::add);
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> dirs = Files.list(jvms)) {
        dirs.sorted().forEach(candidates::add);
      }
    }
    return candidates.stream()
        .filter(d -> Files.isExecutable(d.resolve("bin/java")) && Files.isRegularFile(d.resolve("release")))
        .filter(d -> {
          try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(d.resolve("release")));
            return m.find() && Integer.parseInt(m.group(1)) >= 25;
          } catch (IOException e) {
            return false;
          }
        })
        .findFirst();
  }

  private static List<String> archives(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }
}
