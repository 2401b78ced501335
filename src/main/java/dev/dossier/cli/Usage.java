package dev.dossier.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks of the command's arguments that picocli cannot express; failures exit with 2. */
final class Usage {

  private Usage() {}

  static void requireFolder(CommandSpec spec, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no dossier folder at " + dir + "; give the folder that holds the documents and index.yml");
    }
  }
}
