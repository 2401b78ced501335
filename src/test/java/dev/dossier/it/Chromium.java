package dev.dossier.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Nothing is downloaded: the
 * driver and the browser are named by path, so Selenium Manager never runs. Where either is
 * missing the browser tests are skipped with a banner, except under CI ({@code CI=true}), where
 * a missing browser fails the run.
 */
public final class Chromium implements AutoCloseable {

  static final String BROWSER = System.getProperty("dossier.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("dossier.chromedriver", "/usr/bin/chromedriver");

  // Selenium warns at every start that it has no DevTools bindings for this Chromium's version;
  // these tests read Chrome's own logs and need none. (A strong reference: JUL loggers are weak.)
  private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts the browser, or skips (fails, under CI) the calling test class when it is not installed. */
  public static Chromium start() throws IOException {
    requireInstalled();
    // Belt and braces: with the driver's path in the service and in this property, Selenium
    // skips Selenium Manager, which would otherwise go online to look for a driver and browser.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER))
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    Path profile = Files.createTempDirectory("dossier-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    // The background-networking flags keep Chromium from calling home (component updates,
    // sync, safe browsing lists): the machine has no network, and the tests must not need one.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    options.setPageLoadTimeout(Duration.ofSeconds(30));
    options.setScriptTimeout(Duration.ofSeconds(10));
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  private static void requireInstalled() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(Path.of(BROWSER))) {
      missing.add(BROWSER);
    }
    if (!Files.isExecutable(Path.of(DRIVER))) {
      missing.add(DRIVER);
    }
    if (missing.isEmpty()) {
      return;
    }
    String what = "browser tests need " + String.join(" and ", missing)
        + " (Debian's chromium and chromium-driver packages; .ci/run installs them)";
    if ("true".equals(System.getenv("CI"))) {
      fail("CI=true and the " + what);
    }
    String line = "=".repeat(100);
    System.err.println(line + "\n  SKIPPING BROWSER TESTS: the " + what + "\n" + line);
    Assumptions.abort("the " + what);
  }

  public WebDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(10));
  }

  /** Opens a page and waits until it and its deferred scripts have run. */
  public void open(String url) {
    driver.get(url);
    waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  /**
   * Presses Tab (Shift+Tab when {@code backwards}) as a keyboard does, on whatever has the focus,
   * until the focus is on an element that matches {@code css}, and checks that it is on screen.
   */
  void tabTo(String css, boolean backwards) {
    List<String> path = new ArrayList<>();
    for (int presses = 0; presses < 60; presses++) {
      if (backwards) {
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
      } else {
        new Actions(driver).sendKeys(Keys.TAB).perform();
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> focused = (Map<String, Object>) driver.executeScript(
          "var e = document.activeElement;"
          + " return {name: e.tagName + ' ' + (e.id || e.textContent.trim().slice(0, 30)),"
          + " wanted: e.matches(arguments[0]), visible: e.getClientRects().length > 0};", css);
      path.add(String.valueOf(focused.get("name")));
      if (Boolean.TRUE.equals(focused.get("wanted"))) {
        if (!Boolean.TRUE.equals(focused.get("visible"))) {
          throw new AssertionError("the focus reached " + css + " but it is not on screen");
        }
        return;
      }
    }
    throw new AssertionError("the keyboard never reached " + css + "; the focus went " + path);
  }

  /** What the page's console said at level SEVERE since the last call, the log drained. */
  public List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    return errors;
  }

  /** Every URL the browser requested since the last call, from Chrome's performance log, drained. */
  List<String> requestedUrls() {
    Json json = new Json();
    List<String> urls = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      Map<?, ?> message = (Map<?, ?>) json.<Map<?, ?>>toType(entry.getMessage(), Map.class).get("message");
      if ("Network.requestWillBeSent".equals(message.get("method"))) {
        Map<?, ?> request = (Map<?, ?>) ((Map<?, ?>) message.get("params")).get("request");
        urls.add((String) request.get("url"));
      }
    }
    return urls;
  }

  /** Empties both logs, so that what follows is read on its own. */
  void forgetLogs() {
    consoleErrors();
    requestedUrls();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> walk = Files.walk(profile)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // The profile is in the temp folder; a file Chromium still holds is not worth a failure.
        System.err.println("could not delete " + profile + ": " + e);
      }
    }
  }
}
