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
    }
    second.get(10, TimeUnit.SECONDS);
    assertThat(told).hasValue(1);
    assertThat(tmp.resolve(".site.lock")).doesNotExist();
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
