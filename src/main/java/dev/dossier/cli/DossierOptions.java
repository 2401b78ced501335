package dev.dossier.cli;

import dev.dossier.render.Theme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What build and check share: the dossier folder, the templates, verbosity. */
final class DossierOptions {

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the dossier folder (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
  Path dir;

  @Option(names = "--templates", paramLabel = "DIR", description = "templates that override the dossier's and the built-in ones, file by file")
  Path templates;

  @Option(names = "--verbose", description = "show stack traces of unexpected failures")
  boolean verbose;

  @Option(names = "--strict", description = "treat every warning (an unlisted document, an uncited source, a topic of the index that no event names, ...) as an error")
  boolean strict;

  @Option(names = "--no-cache", description = "neither read nor write the build cache (DIR/.dossier-cache), so every document is parsed and every page rendered again")
  boolean noCache;

  /** The dossier folder and, when given, the templates folder must exist: else exit 2. */
  void requireFolders(picocli.CommandLine.Model.CommandSpec spec) {
    Usage.requireFolder(spec, dir);
    if (templates != null && !java.nio.file.Files.isDirectory(templates)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "no templates folder at " + templates + "; give the folder that holds your .ftlh templates, or leave --templates out");
    }
  }

  /** The theme: --templates first, then the dossier's own templates/, then the built-in one. */
  Theme theme() {
    List<Path> overrides = new ArrayList<>();
    if (templates != null) {
      overrides.add(templates);
    }
    overrides.add(dir.resolve("templates"));
    return new Theme(overrides);
  }
}
