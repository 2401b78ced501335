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

  /**
   * A whole number from the command line, refused in words ("'abc' is not a whole number of
   * bytes"), not in Java's ("'abc' is not a long").
   *
   * @param notA what the value should have been, after "is not"
   */
  private static long wholeNumber(String value, String notA, long max) {
    long n;
    try {
      n = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new CommandLine.TypeConversionException("'" + value + "' is not " + notA);
    }
    if (n > max) {
      throw new CommandLine.TypeConversionException("'" + value + "' is too large");
    }
    return n;
  }

  /** {@code --max-size}: bytes. */
  static final class Bytes implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return wholeNumber(value, "a whole number of bytes (10000000 is 10 MB)", Long.MAX_VALUE);
    }
  }

  /** {@code --timeout}: seconds. */
  static final class Seconds implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) wholeNumber(value, "a whole number of seconds", Integer.MAX_VALUE);
    }
  }

  /** {@code --port}: a TCP port; whether it is one from 0 to 65535 is said by serve. */
  static final class Port implements CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) wholeNumber(value, "a port: give a whole number from 1 to 65535, or 0 for any free one", Integer.MAX_VALUE);
    }
  }
}
