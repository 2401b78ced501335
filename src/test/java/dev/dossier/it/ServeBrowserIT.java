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
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Path log = tmp.resolve("serve.log");
    Process serve = serve(dossier, log);
    try (Chromium chromium = Chromium.start()) {
      String url = awaitUrl(log);
      chromium.open(url + "index.html");
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
        // The page reloads itself: an element found just before the reload goes stale, so look
        // again. Chromium's driver does not always say "stale": a heading found in the old
        // document and read in the new one can fail as an inspector error ("Node with given id
        // does not belong to the document"), a plain WebDriverException. Any such failure is
        // retried; should the heading never read the title, the timeout names the last one.
        new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(25))
            .ignoring(org.openqa.selenium.WebDriverException.class)
            .until(d -> d.findElement(By.tagName("h1")).getText().equals(title));
        took.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - saved));
        Thread.sleep(300); // the reloaded page's event stream connects
      }
      System.out.println("serve: each edit showed in the browser after " + took + " ms (target: 2000 ms)");
      assertThat(took.stream().sorted().toList().get(1)).as("median of %s ms", took).isLessThanOrEqualTo(2000L);
      assertThat(chromium.consoleErrors()).isEmpty();
      assertThat(chromium.requestedUrls()).allMatch(u -> u.startsWith(url), "every request stays on the preview server");
    } finally {
      stop(serve);
    }
  }

  /**
   * A browser opens at most six connections to one server, and each open page's event stream
   * holds one: only the page on screen listens, so a curator's eighth tab loads like the first,
   * and a tab shown again after a rebuild it missed reloads.
   */
  @Test
  void manyTabsOfThePreviewEachLoad() throws Exception {
    Path dossier = Jar.copyOfTheSeeds(tmp);
    Path log = tmp.resolve("serve.log");
    Process serve = serve(dossier, log);
    try (Chromium chromium = Chromium.start()) {
      String url = awaitUrl(log);
      org.openqa.selenium.WebDriver driver = chromium.driver();
      chromium.open(url + "index.html");
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
      new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(d -> d.findElement(By.tagName("header")).getText().contains("edited in another tab"));
      driver.switchTo().window(first);
      new WebDriverWait(driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(50))
          .ignoring(org.openqa.selenium.WebDriverException.class)
          .until(d -> d.findElement(By.tagName("h1")).getText().equals("Kyiv, winter 2022: edited in another tab"));
      assertThat(chromium.consoleErrors()).isEmpty();
    } finally {
      stop(serve);
    }
  }

  /** {@code dossier serve} on a free port, its console to {@code log}. */
  private static Process serve(Path dossier, Path log) throws java.io.IOException {
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Jar.JAR.toAbsolutePath().toString(), "serve", dossier.toString(), "--port", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    serve.waitFor(10, TimeUnit.SECONDS);
    serve.destroyForcibly();
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
