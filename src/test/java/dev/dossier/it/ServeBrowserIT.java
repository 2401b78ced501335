package dev.dossier.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code dossier serve} in a real browser: an edit to index.yml shows by itself, without a reload by hand. */
class ServeBrowserIT {

  @TempDir Path tmp;

  @Test
  void anEditToTheIndexReloadsTheOpenPage() throws Exception {
    servedSeeds((dossier, url, chromium) -> {
      assertThat(chromium.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Kyiv, winter 2022: the US Embassy drawdown");
      Thread.sleep(300); // the page's event stream connects once its deferred script runs
      chromium.forgetLogs();

      // Three saves, one after another, as a curator makes them. Each must show in the open
      // page within two seconds; the median is asserted, so one save slowed by a neighbour on
      // this shared machine (see BENCHMARKS.md) does not decide, and every figure is printed.
      Path index = dossier.resolve("index.yml");
      String original = Files.readString(index);
      List<Long> took = new java.util.ArrayList<>();
      for (String edit : List.of("edited live", "edited again", "edited a third time")) {
        String title = "Kyiv, winter 2022: " + edit;
        long saved = System.nanoTime();
        Files.writeString(index, original.replace("title: \"Kyiv, winter 2022: the US Embassy drawdown\"", "title: \"" + title + "\""));
        reloaded(chromium.driver(), d -> d.findElement(By.tagName("h1")).getText().equals(title));
        took.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saved));
        Thread.sleep(300); // the reloaded page's event stream connects
      }
      System.out.println("serve: each edit showed in the browser after " + took + " ms (target: 2000 ms)");
      assertThat(took.stream().sorted().toList().get(1)).as("median of %s ms", took).isLessThanOrEqualTo(2000L);
      assertThat(chromium.consoleErrors()).isEmpty();
      assertThat(chromium.requestedUrls()).allMatch(u -> u.startsWith(url), "every request stays on the preview server");
    });
  }

  /**
   * A browser opens at most six connections to one server, and each open page's event stream
   * holds one: only the page on screen listens, so a curator's eighth tab loads like the first,
   * and a tab shown again after a rebuild it missed reloads.
   */
  @Test
  void manyTabsOfThePreviewEachLoad() throws Exception {
    servedSeeds((dossier, url, chromium) -> {
      org.openqa.selenium.WebDriver driver = chromium.driver();
      String first = driver.getWindowHandle();
      List<String> pages = List.of("timeline.html", "sources/index.html", "sources/cnn-2022-02-14.html", "sources/buzzfeed-2022-02-12.html",
          "sources/blinken-visit-2022-01-18.html", "topics/diplomacy.html", "topics/osce-monitors.html", "topics/embassy-drawdown.html");
      for (String page : pages) {
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        long start = System.nanoTime();
        driver.get(url + page);
        assertThat(driver.findElement(By.tagName("h1")).getText()).as(page).isNotEmpty();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as(page + " loaded").isLessThan(10);
      }
      // The first tab, hidden through a rebuild, catches up when shown again.
      Path index = dossier.resolve("index.yml");
      Files.writeString(index, Files.readString(index).replace("title: \"Kyiv, winter 2022: the US Embassy drawdown\"", "title: \"Kyiv, winter 2022: edited in another tab\""));
      reloaded(driver, d -> d.findElement(By.tagName("header")).getText().contains("edited in another tab"));
      driver.switchTo().window(first);
      reloaded(driver, d -> d.findElement(By.tagName("h1")).getText().equals("Kyiv, winter 2022: edited in another tab"));
      assertThat(chromium.consoleErrors()).isEmpty();
    });
  }

  /** What a test does with the seeds served and a browser open at their home page. */
  @FunctionalInterface
  private interface Served {
    void run(Path dossier, String url, Chromium chromium) throws Exception;
  }

  /** Serves a copy of the seeds with {@code dossier serve} on a free port, opens its home page, runs the test, stops both. */
  private void servedSeeds(Served test) throws Exception {
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Path log = tmp.resolve("serve.log");
    Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Jar.JAR.toAbsolutePath().toString(), "serve", dossier.toString(), "--port", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try (Chromium chromium = Chromium.start()) {
      String url = awaitUrl(log);
      chromium.open(url + "index.html");
      test.run(dossier, url, chromium);
    } finally {
      serve.destroy();
      serve.waitFor(10, TimeUnit.SECONDS);
      serve.destroyForcibly();
    }
  }

  /**
   * Waits for a page that reloads itself to show what it should. An element found just before
   * the reload goes stale, so each look is fresh. Chromium's driver does not always say "stale":
   * a heading found in the old document and read in the new one can fail as an inspector error
   * ("Node with given id does not belong to the document"), a plain WebDriverException. Any such
   * failure is retried; should the page never show it, the timeout names the last one.
   */
  private static void reloaded(org.openqa.selenium.WebDriver driver, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> shows) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(25))
        .ignoring(org.openqa.selenium.WebDriverException.class)
        .until(shows);
  }

  private static String awaitUrl(Path log) throws Exception {
    for (int i = 0; i < 300; i++) {
      List<String> lines = Files.readAllLines(log);
      for (String line : lines) {
        if (line.startsWith("serving ")) {
          return line.substring(line.indexOf("http://"), line.indexOf("/ (") + 1);
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not start: " + Files.readString(log));
  }
}
