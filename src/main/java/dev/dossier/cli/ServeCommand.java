package dev.dossier.cli;

import dev.dossier.serve.Preview;
import dev.dossier.site.Build;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dossier serve}: preview with rebuild on change and live reload. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Preview the dossier on 127.0.0.1, rebuilding and reloading on every change.")
final class ServeCommand implements Callable<Integer> {

  /** The changed files a rebuild names on the console, before "and N more". */
  private static final int SHOWN_CHANGES = 3;

  @Spec CommandSpec spec;

  @Mixin DossierOptions options;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8000", converter = Usage.Port.class, description = "the port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "the interface to listen on (default: ${DEFAULT-VALUE}); anything else shares the preview with your network")
  String host;

  /**
   * A port that can be listened on, checked before the first build: a wrong one is wrong usage
   * (exit 2), said with the port and what to do, not an exception after a whole build.
   */
  private void requireFreePort() {
    if (port < 0 || port > 65535) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port " + port + " is not a port; give one from 1 to 65535, or 0 for any free one");
    }
    java.net.InetSocketAddress address = new java.net.InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--host " + host + " is not an address of this machine; give 127.0.0.1 or one of its interfaces");
    }
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.bind(address);
    } catch (java.io.IOException e) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); give another port with --port N, or --port 0 for any free one");
    }
  }

  @Override
  public Integer call() throws Exception {
    options.requireFolders(spec);
    requireFreePort();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> watched = new ArrayList<>(List.of(options.dir));
    if (options.templates != null) {
      watched.add(options.templates);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    try (Preview preview = new Preview(options.dir, watched, new Build(options.strict, Optional.empty(), dev.dossier.diag.Progress.NONE, !options.noCache), options::theme, host, port,
        (diagnostics, build, changed) -> {
          if (!changed.isEmpty()) {
            // What the rebuild is for, so that a curator can tell it from one another program started.
            err.println("changed: " + String.join(", ", changed.subList(0, Math.min(changed.size(), SHOWN_CHANGES)))
                + (changed.size() > SHOWN_CHANGES ? " and " + (changed.size() - SHOWN_CHANGES) + " more" : ""));
          }
          Reporter.print(diagnostics, options.dir, options.templates, err);
          if (build) {
            // Each build says how it went, so the console tells when a fix has landed.
            err.println(diagnostics.stream().anyMatch(dev.dossier.diag.Diagnostic::isError)
                ? "build failed; the preview shows its errors until a build succeeds"
                : "built: the preview is up to date");
          }
          err.flush();
        },
        problems -> {
          java.io.StringWriter page = new java.io.StringWriter();
          Reporter.print(problems, options.dir, options.templates, new PrintWriter(page));
          return page.toString();
        })) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        out.println("stopping");
        out.flush();
        stopped.countDown();
      }));
      out.println("serving " + options.dir + " at http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + preview.port() + "/ (Ctrl-C to stop)");
      out.flush();
      stopped.await();
    }
    return 0;
  }
}
