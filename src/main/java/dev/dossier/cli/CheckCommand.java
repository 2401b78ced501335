package dev.dossier.cli;

import dev.dossier.site.Build;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dossier check}: everything build does except writing. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Validate documents, index, citations and templates; write no site (only the build cache).")
final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin DossierOptions options;

  @Override
  public Integer call() throws Exception {
    options.requireFolders(spec);
    Build.Result result = new Build(options.strict, java.util.Optional.empty(), dev.dossier.diag.Progress.NONE, !options.noCache).check(options.dir, options.theme());
    PrintWriter err = spec.commandLine().getErr();
    Reporter.print(result.diagnostics(), options.dir, options.templates, err);
    if (result.failed()) {
      return Main.CONTENT_ERROR;
    }
    spec.commandLine().getOut().println("ok: " + options.dir + " has no errors");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
