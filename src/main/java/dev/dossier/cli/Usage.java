package dev.dossier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of the command's arguments that picocli cannot express; failures exit with 2. */
final class Usage {

  private Usage() {}

  /** An absolute http(s) URL, when given at all. */
  static void requireWebUrl(CommandSpec spec, String url, String option) {
    if (url == null) {
      return;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              option + " " + url + " has a query or a fragment, which would end up in the middle of every page's address; give the folder's address alone, such as https://example.org/kyiv/");
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
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no dossier folder at " + dir + "; give the folder that holds the documents and index.yml");
    }
  }
}
