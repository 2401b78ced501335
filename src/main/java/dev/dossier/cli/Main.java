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
    exitCodeList = {"0:success", "1:problems in the dossier's content (all are reported)", "2:wrong usage",
        "3:a file could not be read or written (disk full, permissions)"})
public final class Main implements Runnable {

  /** Content problems: the dossier has errors. */
  public static final int CONTENT_ERROR = 1;
  /** The command was used wrongly. */
  public static final int USAGE = 2;
  /** A file that could not be read or written: not the dossier's fault, nor the command line's. */
  public static final int FILE_SYSTEM = 3;

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
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      nearestOption(e).ifPresent(option -> err.println("Did you mean: " + option + "?"));
    }
    err.println("see: " + cli.getCommandSpec().qualifiedName() + " --help");
    err.flush();
    return USAGE;
  }

  /**
   * The option nearest a misspelt one ("--otu" for "--out"), for what picocli's own suggestions,
   * which go by the first two letters, miss.
   */
  private static java.util.Optional<String> nearestOption(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
      return java.util.Optional.empty();
    }
    String written = unmatched.getUnmatched().get(0).split("=", 2)[0];
    if (!written.startsWith("--") || written.length() < 4) {
      return java.util.Optional.empty();
    }
    java.util.List<String> names = e.getCommandLine().getCommandSpec().options().stream()
        .filter(o -> !o.hidden())
        .flatMap(o -> java.util.Arrays.stream(o.names()))
        .filter(n -> n.startsWith("--"))
        .toList();
    return dev.dossier.diag.Similarity.closest(written, names, 1);
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

  /**
   * An unexpected failure: one line for people, the stack trace only with --verbose. A file that
   * could not be read or written (a full disk, a folder without permission) says so, names the
   * file when the system did, and exits {@link #FILE_SYSTEM}.
   */
  private static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
      boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
          || parsed.hasMatchedOption("--verbose");
      java.io.PrintWriter err = cli.getErr();
      Throwable io = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      // A file system's refusal, or a write that failed (a full disk says no more than that);
      // not a socket's or a JSON writer's, which are IOExceptions too.
      boolean files = io instanceof java.nio.file.FileSystemException || io != null && io.getClass() == java.io.IOException.class;
      boolean locale = e instanceof java.nio.file.InvalidPathException && !utf8FileNames();
      if (locale) {
        // Java names files in the locale's character set: in "C" or "POSIX" (cron, containers,
        // some ssh sessions) that is ASCII, and a name such as "Київ.txt" cannot be named at all.
        err.println("dossier: error: a file's name cannot be written in this system's character set ("
            + System.getProperty("sun.jnu.encoding") + "), so the file cannot be read: " + ((java.nio.file.InvalidPathException) e).getInput());
        err.println("  = help: run dossier with a UTF-8 locale, such as LC_ALL=C.UTF-8 (bin/dossier does so itself)");
      } else if (files) {
        java.io.IOException failed = (java.io.IOException) io;
        err.println("dossier: error: " + fileProblem(failed));
        err.println("  = help: make room or give permission there, then run the command again; a build that fails"
            + " leaves its output folder as it was");
      } else {
        err.println("dossier: error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
      }
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("  (run again with --verbose for the details)");
      }
      err.flush();
      return files || locale ? FILE_SYSTEM : CONTENT_ERROR;
    }

    /** Whether Java names files in UTF-8, as it does in any UTF-8 locale. */
    private static boolean utf8FileNames() {
      String encoding = System.getProperty("sun.jnu.encoding", "UTF-8");
      return java.nio.charset.Charset.isSupported(encoding) && java.nio.charset.Charset.forName(encoding).equals(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** "cannot read or write /srv/.site.staging-x/index.html: permission denied", as far as the system names the file and the cause. */
    private static String fileProblem(java.io.IOException e) {
      if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
        return "cannot read or write " + f.getFile() + (f.getOtherFile() != null ? " (or " + f.getOtherFile() + ")" : "") + ": " + dev.dossier.diag.FileProblem.reason(f);
      }
      String message = e.getMessage();
      return message == null ? "a file could not be read or written (" + e.getClass().getSimpleName() + ")"
          : message.startsWith("cannot ") ? message : "a file could not be read or written: " + message;
    }
  }
}
