package dev.dossier.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dossier}: a static site generator for curated dossiers. */
@Command(
    name = "dossier",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Builds a static site from a curated dossier: articles plus an index of topics, events and cited passages.",
    subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, InitCommand.class, AddCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:problems in the dossier's content (all are reported)", "2:wrong usage"})
public final class Main implements Runnable {

  /** Content problems: the dossier has errors. */
  public static final int CONTENT_ERROR = 1;
  /** The command was used wrongly. */
  public static final int USAGE = 2;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    int exit;
    try {
      exit = commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // The output folder is as it was: the staging folder went when the error unwound the build.
      System.err.println("dossier: error: out of memory with a heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB; nothing was written");
      System.err.println("  = help: give Java more, e.g. java -Xmx2g -jar dossier.jar ...");
      exit = CONTENT_ERROR;
    } catch (StackOverflowError e) {
      // The readers catch this for the index and each document; this is for what they do not see.
      System.err.println("dossier: error: an input nests too deeply to read (text inside text, thousands deep); nothing was written");
      System.err.println("  = help: flatten the nesting in the index's prose, or give Java a larger stack, e.g. java -Xss16m -jar dossier.jar ...");
      exit = CONTENT_ERROR;
    }
    System.exit(exit);
  }

  /** The configured command line, shared by {@link #main} and tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> USAGE);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(Main::wrongUsage);
    return cli;
  }

  /**
   * Wrong usage: the message, picocli's "did you mean" for a misspelt option or command, and
   * where the help is; not the whole help, which would bury the one line that matters.
   */
  private static int wrongUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    java.io.PrintWriter err = cli.getErr();
    err.println("dossier: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("see: " + cli.getCommandSpec().qualifiedName() + " --help");
    err.flush();
    return USAGE;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: build, check, serve, init or add");
  }

  /** The version written into the jar's manifest at package time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"dossier " + (version == null ? "(development build)" : version)};
    }
  }

  /** An unexpected failure: one line for people, the stack trace only with --verbose. */
  private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
      boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
          || parsed.hasMatchedOption("--verbose");
      cli.getErr().println("dossier: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      if (verbose) {
        e.printStackTrace(cli.getErr());
      } else {
        cli.getErr().println("  (run again with --verbose for the details)");
      }
      cli.getErr().flush();
      return CONTENT_ERROR;
    }
  }
}
