package dev.clusterkit.cli;

import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "lint",
    description = {
      "Lints cluster scripts and JobCenter site files (site.conf, daemon.conf).",
      "Folders are walked; files no linter knows are listed as skipped."
    })
final class LintCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json
  }

  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to lint.")
  List<Path> paths;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--fail-on",
      defaultValue = "error",
      paramLabel = "SEVERITY",
      converter = SeverityConverter.class,
      description = "Exit 1 when a finding is at least this severe: error, warning or info (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Override
  public Integer call() throws Exception {
    LintReport report = parent.kit().lint(paths);
    String rendered = format == Format.json ? LintOutput.json(report) : LintOutput.text(report);
    spec.commandLine().getOut().print(rendered);
    return report.hasAtLeast(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** Accepts the lowercase labels the output uses. */
  static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
    @Override
    public Severity convert(String value) {
      for (Severity s : Severity.values()) {
        if (s.label().equalsIgnoreCase(value)) {
          return s;
        }
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a severity: use error, warning or info");
    }
  }
}
