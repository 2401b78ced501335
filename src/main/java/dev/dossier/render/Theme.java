package dev.dossier.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Templates and assets, looked up file by file: first in each override folder (the
 * {@code --templates} folder, then the dossier's own {@code templates/}), then in the built-in
 * theme packaged in the jar.
 */
public final class Theme {

  static final String BUILT_IN = "dossier/templates";
  /** The built-in theme's assets; a jar cannot be listed, so they are named here. */
  static final List<String> BUILT_IN_ASSETS = List.of("assets/dossier.css", "assets/dossier.js", "assets/search.js");

  /** The built-in theme's templates, named for the same reason. */
  static final List<String> BUILT_IN_TEMPLATES =
      List.of("bibliography.ftlh", "index.ftlh", "layout.ftlh", "search.ftlh", "source.ftlh", "timeline.ftlh", "topic.ftlh");

  private final List<Path> overrides;

  /** @param overrides folders whose files replace the built-in ones, most important first */
  public Theme(List<Path> overrides) {
    // Absolute and normalised, so that an asset found in one ("./d/templates/assets/x.css",
    // normalised to compare) is seen to be inside it however the folder was typed.
    this.overrides = overrides.stream().filter(Files::isDirectory).map(d -> d.toAbsolutePath().normalize()).toList();
  }

  public static Theme builtIn() {
    return new Theme(List.of());
  }

  TemplateLoader loader() {
    List<TemplateLoader> loaders = new ArrayList<>();
    for (Path dir : overrides) {
      try {
        loaders.add(new FileTemplateLoader(dir.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    loaders.add(new ClassTemplateLoader(Theme.class.getClassLoader(), BUILT_IN));
    return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
  }

  /**
   * Where a template comes from, for messages: the override file's path, or the built-in
   * theme's name for it.
   */
  String locate(String name) {
    for (Path dir : overrides) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        return file.toAbsolutePath().normalize().toString();
      }
    }
    return "(built-in theme) templates/" + name;
  }

  /**
   * A hash of every file the theme may use, built-in and overriding, so that editing a template
   * renders every page again.
   */
  public String fingerprint() {
    Fingerprint all = new Fingerprint(c -> "");
    try {
      for (String name : BUILT_IN_TEMPLATES) {
        try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(BUILT_IN + "/" + name)) {
          all.add(name).bytes(in == null ? new byte[0] : in.readAllBytes());
        }
      }
      // Each folder by its place in the order, not its path: the same files give the same
      // fingerprint however the dossier's folder is typed or wherever it is moved.
      for (int layer = 0; layer < overrides.size(); layer++) {
        Path dir = overrides.get(layer);
        all.add("layer " + layer);
        if (!Files.isDirectory(dir)) {
          continue; // gone since the theme was made: its templates are not found either
        }
        // Links followed, as the template loader and the assets follow them.
        try (Stream<Path> files = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            all.add(dir.relativize(f).toString()).bytes(Files.readAllBytes(f));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.hex();
  }

  /** Every asset path, built-in and overriding, sorted. */
  List<String> assets() {
    TreeSet<String> all = new TreeSet<>(BUILT_IN_ASSETS);
    for (Path dir : overrides) {
      Path assets = dir.resolve("assets");
      if (Files.isDirectory(assets)) {
        try (Stream<Path> files = Files.walk(assets, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
          files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).forEach(all::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return List.copyOf(all);
  }

  /** An asset's bytes, from the first layer that has it. */
  Optional<byte[]> asset(String path) {
    try {
      for (Path dir : overrides) {
        Path file = dir.resolve(path).normalize();
        if (file.startsWith(dir) && Files.isRegularFile(file)) {
          return Optional.of(Files.readAllBytes(file));
        }
      }
      try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(BUILT_IN + "/" + path)) {
        return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
