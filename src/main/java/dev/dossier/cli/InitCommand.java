package dev.dossier.cli;

import dev.dossier.curate.Refusal;
import dev.dossier.curate.StarterIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dossier init}: a starter index.yml listing the documents found. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Write a starter index.yml listing the documents in the folder, with the metadata each carries.")
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "the dossier folder (default: ${DEFAULT-VALUE})", defaultValue = "seeds")
  Path dir;

  @Option(names = "--force", description = "replace an existing index.yml (its content is lost)")
  boolean force;

  @Option(names = "--verbose", description = "show stack traces of unexpected failures")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    Usage.requireFolder(spec, dir);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    StarterIndex starter = StarterIndex.of(dir);
    Path written;
    try {
      written = starter.writeTo(dir, force);
    } catch (Refusal refusal) {
      throw new CommandLine.ParameterException(spec.commandLine(), refusal.getMessage());
    }
    Reporter.print(starter.diagnostics(), dir, null, err);
    out.println("wrote " + written.getFileName() + " in " + dir + ", listing " + Reporter.count(starter.listed().size(), "document"));
    for (StarterIndex.Listed listed : starter.listed()) {
      out.println("  " + listed.key() + "  " + listed.file());
      listed.toCheck().forEach(c -> out.println("      check: " + c));
    }
    if (starter.listed().isEmpty()) {
      // The index is valid but lists nothing, and a build needs documents: say where they come from
      // (files of other kinds have a note each, above).
      out.println("next: the folder holds no documents dossier reads yet; copy the articles into it as .txt, .md or .html files, or add each with:"
          + " dossier add FILE-or-URL " + dir + " (which lists it in the index), then run: dossier check " + dir);
    } else {
      out.println("next: check each value against its document, write the topics and events, then run: dossier check " + dir);
    }
    out.flush();
    return starter.diagnostics().stream().anyMatch(d -> d.isError()) ? Main.CONTENT_ERROR : 0;
  }
}
