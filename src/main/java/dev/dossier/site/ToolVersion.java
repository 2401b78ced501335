package dev.dossier.site;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which build of the tool is running, precisely enough that a cache never hands one version's
 * work to another: the version from the jar's manifest, plus the jar's size and time (or, run
 * from compiled classes, the time of the newest class), since a rebuilt jar of the same version
 * may parse or render differently; and the Java runtime's version, since the tool's text
 * handling rests on the runtime's Unicode tables (which characters are letters, how a word
 * decomposes), which a newer Java updates.
 */
final class ToolVersion {

  private ToolVersion() {}

  static String identity() {
    return jar() + " on Java " + Runtime.version();
  }

  private static String jar() {
    String version = Optional.ofNullable(ToolVersion.class.getPackage().getImplementationVersion()).orElse("development");
    try {
      Path code = Path.of(ToolVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(code)) {
        return version + " " + Files.size(code) + " " + Files.getLastModifiedTime(code).toMillis();
      }
      try (Stream<Path> classes = Files.walk(code)) {
        long newest = classes.filter(Files::isRegularFile).map(ToolVersion::modified).mapToLong(FileTime::toMillis).max().orElse(0);
        return version + " " + code + " " + newest;
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return version;
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
