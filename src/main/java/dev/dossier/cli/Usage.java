package dev.dossier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of the command's arguments that picocli cannot express; failures exit with 2. */
final class Usage {

  private Usage() {}

  /** An absolute http(s) URL a site can be published under (no query, no fragment), when given at all. */
  static void requireWebUrl(CommandSpec spec, String url, String option) {
    if (url == null) {
      return;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        java.util.Optional<String> problem = dev.dossier.index.IndexReader.baseUrlProblem(url);
        if (problem.isPresent()) {
          throw new CommandLine.ParameterException(spec.commandLine(), option + " " + url + " " + problem.get() + "; " + dev.dossier.index.IndexReader.BASE_URL_HINT);
        }
        return;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(spec.commandLine(), option + " " + url + " is not an absolute http(s) URL, such as https://example.org/kyiv/");
  }

  static void requireFolder(CommandSpec spec, Path dir) {
    if (!Files.isDirectory(dir)) {
      // Run from inside a dossier, the default folder (seeds) is not there: the folder it is in is meant.
      boolean here = dir.equals(Path.of("seeds")) && Files.isRegularFile(Path.of(dev.dossier.load.DossierFolder.INDEX));
      String command = spec.commandLine().getCommandName();
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no dossier folder at " + dir + "; give the folder that holds the documents and index.yml"
              + (here ? " (this folder has an index.yml: dossier " + command + (command.equals("add") ? " FILE" : "") + " .)" : ""));
    }
  }
}
