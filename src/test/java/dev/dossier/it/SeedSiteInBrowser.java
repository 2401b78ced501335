package dev.dossier.it;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** What the browser tests of the seed dossier share: the site built once per class, and Chromium. */
abstract class SeedSiteInBrowser {

  @TempDir static Path tmp;
  static Chromium chromium;
  static BuiltSite site;

  @BeforeAll
  static void start() throws Exception {
    chromium = Chromium.start();
    site = BuiltSite.build(tmp);
  }

  @AfterAll
  static void stop() throws Exception {
    if (site != null) {
      site.close();
    }
    if (chromium != null) {
      chromium.close();
    }
  }
}
