package dev.dossier.cli;

import dev.dossier.diag.Progress;
import dev.dossier.diag.StageTimes;
import dev.dossier.site.Build;
import dev.dossier.site.OutputLock;
import dev.dossier.site.SiteWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dossier build}: check the dossier and write its site. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Build the static site of a dossier.")
final class BuildCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DossierOptions options;

  @Option(names = "--out", paramLabel = "DIR", description = "where to write the site (default: ${DEFAULT-VALUE})", defaultValue = "site")
  Path out;

  @Option(names = "--base-url", paramLabel = "URL", description = "where the site will be published (https://...), for the feed, the sitemap, the exports' links and the dossier's citation; overrides base_url in the index")
  String baseUrl;

  @Option(names = "--force", description = "replace --out even if it holds files dossier did not write")
  boolean force;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    options.requireFolders(spec);
    Path dossier = options.dir.toAbsolutePath().normalize();
    if (Files.isSymbolicLink(out)) {
      // A site folder that is a link (to a web server's root, say) is built where it leads: the
      // new site replaces the folder there, and the link stays.
      if (!Files.isDirectory(out)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " is a link to " + Files.readSymbolicLink(out)
            + ", which is no folder; make that folder, or give --out the folder itself");
      }
      out = out.toRealPath();
    }
    Path target = out.toAbsolutePath().normalize();
    if (dossier.startsWith(target)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--out " + out + (dossier.equals(target) ? " is the dossier folder itself" : " holds the dossier folder")
              + ", and a build replaces its output folder whole; choose a folder outside the dossier");
    }
    for (Path at = target; at != null; at = at.getParent()) {
      if (Files.exists(at) && !Files.isDirectory(at)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + (at.equals(target) ? " is a file" : " is inside " + at + ", a file")
            + ", not a folder; choose a folder for the site (a new one is made)");
      }
    }
    Usage.requireWebUrl(spec, baseUrl, "--base-url");
    // One build at a time into a folder: each cleans up the staging folders it finds beside
    // its output, which would be the other's work.
    try (OutputLock lock = OutputLock.take(target, () -> {
      err.println("waiting for another build into " + out + " to finish (it holds " + OutputLock.file(target).getFileName() + ")");
      err.flush();
    })) {
      return build(err, stdout);
    }
  }

  /** The build itself, once no other build is writing into the output. */
  private int build(PrintWriter err, PrintWriter stdout) throws java.io.IOException {
    boolean hadSite = Files.exists(out);
    List<String> foreign = force ? List.of() : SiteWriter.foreignFiles(out);
    if (!foreign.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--out " + out + " holds files dossier did not write, which a build would delete: "
              + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
              + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "")
              + "; choose an empty or new folder, or pass --force");
    }
    Progress bar = TerminalProgress.forConsole(err);
    Optional<StageTimes> times = "1".equals(System.getenv("DOSSIER_TIMINGS")) ? Optional.of(new StageTimes()) : Optional.empty();
    Progress progress = times.<Progress>map(t -> Progress.both(bar, t)).orElse(bar);
    Build.Result result = new Build(options.strict, Optional.ofNullable(baseUrl), progress, !options.noCache).build(options.dir, options.theme(), out, force);
    times.ifPresent(t -> err.println("timings: " + t.summary()));
    if (bar instanceof TerminalProgress terminal) {
      terminal.close();
    }
    Reporter.print(result.diagnostics(), options.dir, options.templates, err);
    if (result.failed()) {
      if (!result.noLongerVerified().isEmpty()) {
        int n = result.noLongerVerified().size();
        err.println("since the last build, " + n + (n == 1 ? " citation no longer verifies" : " citations no longer verify") + ":");
        dev.dossier.site.BuildReport.listed(result.noLongerVerified()).forEach(u -> err.println("  " + Reporter.shown(options.dir, u.at()) + ": " + u.text()));
      }
      err.println(hadSite ? "build failed; " + out + " was left as it was" : "build failed; nothing was written to " + out);
      err.flush();
      return Main.CONTENT_ERROR;
    }
    result.report().map(dev.dossier.site.BuildReport::changedPassages).filter(c -> !c.isEmpty()).ifPresent(changed -> {
      int n = changed.size();
      err.println("since the last build, " + (n == 1 ? "1 citation of a paragraph without a quote points" : n + " citations of a paragraph without a quote point")
          + " at words that changed; check that each still cites the passage it means, or give it a quote so the build checks its words:");
      changed.forEach(c -> err.println("  " + Reporter.shown(options.dir, c.citation().position()) + ": " + c.describe()));
      err.flush();
    });
    result.report().map(dev.dossier.site.BuildReport::movedKeys).filter(m -> !m.isEmpty()).ifPresent(moved -> {
      err.println("since the last build, " + (moved.size() == 1 ? "a cited key names" : moved.size() + " cited keys name")
          + " another document; list each document in " + options.dir.resolve("index.yml") + " with a key of its own so that citations keep theirs:");
      moved.forEach(m -> err.println("  " + m.describe()));
      err.flush();
    });
    stdout.println("built " + out);
    result.report().ifPresent(report -> report.lines().forEach(line -> stdout.println("  " + line)));
    stdout.flush();
    return 0;
  }
}
