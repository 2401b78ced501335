package dev.dossier.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build at a time into a folder, and nothing left beside it afterwards. */
class OutputLockTest {

  @TempDir Path tmp;

  @Test
  void theLockFileSitsBesideTheOutputWhileHeldAndGoesAfter() throws Exception {
    Path out = tmp.resolve("site");
    assertThat(OutputLock.file(out)).isEqualTo(tmp.resolve(".site.lock"));
    try (OutputLock lock = OutputLock.take(out, () -> { throw new AssertionError("nobody else holds it"); })) {
      assertThat(tmp.resolve(".site.lock")).isRegularFile();
    }
    try (var left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aSecondBuildWaitsUntilTheFirstIsDone() throws Exception {
    Path out = tmp.resolve("site");
    AtomicInteger told = new AtomicInteger();
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Void> second;
    try (OutputLock first = OutputLock.take(out, () -> { throw new AssertionError("nobody else holds it"); })) {
      second = CompletableFuture.runAsync(() -> {
        try (OutputLock lock = OutputLock.take(out, () -> {
          told.incrementAndGet();
          waiting.countDown();
        })) {
          assertThat(tmp.resolve(".site.lock")).isRegularFile();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(waiting.await(10, TimeUnit.SECONDS)).as("the second build says it waits").isTrue();
      Thread.sleep(300);
      assertThat(second).as("and waits while the first holds the lock").isNotDone();
      assertThat(heldForAnotherProcess(tmp.resolve(".site.lock")))
          .as("the operating system's lock is still held: the waiting build closed no handle on the file").isTrue();
    }
    second.get(10, TimeUnit.SECONDS);
    assertThat(told).hasValue(1);
    assertThat(tmp.resolve(".site.lock")).doesNotExist();
  }

  /** Whether another process finds the file locked, as a build in another process would. */
  private boolean heldForAnotherProcess(Path lockFile) throws Exception {
    Path probe = Files.writeString(tmp.resolve("Probe.java"), """
        public class Probe {
          public static void main(String[] args) throws Exception {
            try (var channel = java.nio.channels.FileChannel.open(java.nio.file.Path.of(args[0]), java.nio.file.StandardOpenOption.WRITE)) {
              var lock = channel.tryLock();
              System.out.print(lock == null ? "held" : "free");
            }
          }
        }
        """);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), probe.toString(), lockFile.toString())
        .redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(said).isIn("held", "free");
    return said.equals("held");
  }

  @Test
  void aLockFileLeftByAKilledBuildDoesNotHoldTheNextOneUp() throws Exception {
    Path out = tmp.resolve("site");
    Files.writeString(tmp.resolve(".site.lock"), "12345 gone\n");
    try (OutputLock lock = OutputLock.take(out, () -> { throw new AssertionError("a file without a holder is no lock"); })) {
      assertThat(Files.readString(tmp.resolve(".site.lock"))).startsWith(ProcessHandle.current().pid() + " ");
    }
    assertThat(tmp.resolve(".site.lock")).doesNotExist();
  }

  @Test
  void aFolderWhereNoLockFileCanBeMadeIsAnErrorThatSaysWhereAndWhatToDo() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "a Linux /proc, where no file can be made");
    assertThatThrownBy(() -> OutputLock.take(Path.of("/proc/site"), () -> {}))
        .isInstanceOf(java.io.IOException.class)
        .hasMessage("cannot make /proc/.site.lock, which keeps two builds from writing into /proc/site at once: "
            + "the file system refused it; choose an --out in a folder you can write to");
  }

  @Test
  void makesTheFolderTheOutputGoesIn() throws Exception {
    Path out = tmp.resolve("new/deeper/site");
    try (OutputLock lock = OutputLock.take(out, () -> {})) {
      assertThat(tmp.resolve("new/deeper/.site.lock")).isRegularFile();
    }
  }
}
