package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "verify-bundle",
    description = {
      "Re-checks a bundle: every file against the size and SHA-256 in its manifest, then lints them all.",
      "Exit 1 when a file was changed, added or lost, or a finding reaches --fail-on."
    })
final class VerifyBundleCommand implements Callable<Integer> {
  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The bundle (zip).")
  Path bundle;

  @Option(names = "--fail-on", defaultValue = "error", paramLabel = "SEVERITY",
      converter = LintCommand.SeverityConverter.class,
      description = "Exit 1 when a finding is at least this severe (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Override
  public Integer call() throws Exception {
    ClusterKit.BundleReport report = parent.kit().verifyBundle(bundle);
    PrintWriter out = spec.commandLine().getOut();
    report.problems().forEach(p -> out.println(bundle + ": " + p));
    out.print(LintOutput.text(report.lint()));
    boolean damaged = !report.problems().isEmpty();
    if (!damaged && !report.lint().hasAtLeast(failOn)) {
      out.println(bundle + ": manifest checked, " + report.lint().linted().size() + " files linted");
      return ExitCodes.OK;
    }
    return ExitCodes.FINDINGS;
  }
}
