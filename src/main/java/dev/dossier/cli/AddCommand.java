package dev.dossier.cli;

import dev.dossier.curate.DocumentImport;
import dev.dossier.curate.PageFetcher;
import dev.dossier.curate.Refusal;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dossier add}: import a document file or a web page and list it in the index. */
@Command(name = "add", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Copy a document (or fetch a web page) into the dossier and add its entry to index.yml.")
final class AddCommand implements Callable<Integer> {

  /** "https:", "ftp:", "file:": a scheme of two letters or more, so "C:\\notes.txt" stays a file. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE|URL", description = "a .txt, .md or .html file, or the http(s) address of a web page")
  String what;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "the dossier folder (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
  Path dir;

  @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "" + PageFetcher.MAX_BYTES, converter = Usage.Bytes.class, description = "the largest web page to download (default: ${DEFAULT-VALUE}, 10 MB)")
  long maxBytes;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", converter = Usage.Seconds.class, description = "how long to wait for a web page, all of it (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(names = "--verbose", description = "show stack traces of unexpected failures")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Usage.requireFolder(spec, dir);
    if (maxBytes <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-size must be more than 0 bytes (10000000 is 10 MB)");
    }
    if (timeoutSeconds <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be more than 0 seconds");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DocumentImport.Imported added;
    Optional<URI> address = address();
    Path index = dir.resolve(dev.dossier.load.DossierFolder.INDEX);
    // One add at a time: each reads the index and writes it back with its entry, so two at once
    // would each write the index as it read it, and one entry would be lost.
    try (dev.dossier.site.OutputLock lock = dev.dossier.site.OutputLock.take(index, () -> {
      err.println("waiting for another add to " + dir + " to finish (it holds " + dev.dossier.site.OutputLock.file(index).getFileName() + ")");
      err.flush();
    }, "two adds from changing " + index + " at once", "make sure you can write to " + dir)) {
      DocumentImport into = new DocumentImport(dir);
      added = address.isPresent() ? into.page(address.get(), fetcher(), Instant.now()) : into.file(Path.of(what));
    } catch (Refusal refusal) {
      if (refusal.usage()) {
        throw new CommandLine.ParameterException(spec.commandLine(), refusal.getMessage());
      }
      Reporter.printAsShown(refusal.problems(), err);
      err.println("nothing was added to " + dir);
      err.flush();
      return Main.CONTENT_ERROR;
    }
    Reporter.printAsShown(added.warnings(), err);
    out.println("added " + added.file() + " to " + dir + " as \"" + added.key() + "\"");
    row(out, "key", added.key());
    row(out, "file", dir.resolve(added.file()).toString());
    row(out, "title", added.title().orElse("(none)"));
    row(out, "published", added.published().orElse("(unknown)"));
    row(out, "outlet", added.outlet().orElse("(unknown)"));
    row(out, "authors", added.authors().isEmpty() ? "(none named)" : String.join(", ", added.authors()));
    row(out, "url", added.url().orElse("(unknown)"));
    out.println((added.indexCreated() ? "created " + added.index() + ", listing it" : "listed it in " + added.index()) + " at line " + added.line());
    List<String> toCheck = added.toCheck();
    if (!toCheck.isEmpty()) {
      out.println("check:");
      toCheck.forEach(c -> out.println("  - " + c));
    }
    out.println("then run: dossier check " + dir);
    out.flush();
    return 0;
  }

  /** The web address given, if it is one; an address the program does not fetch is wrong usage. */
  private Optional<URI> address() {
    if (!SCHEME.matcher(what).matches() || isFile(what)) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(what);
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), what + " is not a valid web address: " + PageFetcher.wrongIn(e));
    }
    if (PageFetcher.isWebAddress(uri)) {
      return Optional.of(uri);
    }
    if ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) {
      if (uri.getRawAuthority() != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), what + " is not a web address the program can fetch: its host, \""
            + uri.getRawAuthority() + "\", is not a host name as Java reads them" + PageFetcher.asciiHost(uri).map(a -> "; give it as " + a).orElse(""));
      }
      throw new CommandLine.ParameterException(spec.commandLine(),
          what + " is not a valid web address: it names no host (a web address reads like https://example.com/news/article)");
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), what + " is not an http or https address; give a web page's address (http or https) or a document file's path");
  }

  private static boolean isFile(String path) {
    try {
      return Files.exists(Path.of(path));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  private PageFetcher fetcher() {
    Duration timeout = Duration.ofSeconds(timeoutSeconds);
    Duration connect = timeout.compareTo(PageFetcher.CONNECT_TIMEOUT) < 0 ? timeout : PageFetcher.CONNECT_TIMEOUT;
    String version = Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse("dev");
    return new PageFetcher(connect, timeout, maxBytes, "dossier/" + version + " (static site generator for curated dossiers)");
  }

  private static void row(PrintWriter out, String label, String value) {
    // The values come from the page: shown, never acted on by the terminal.
    out.println("  " + label + " ".repeat(Math.max(1, 11 - label.length())) + dev.dossier.diag.DiagnosticPrinter.visible(value));
  }
}
