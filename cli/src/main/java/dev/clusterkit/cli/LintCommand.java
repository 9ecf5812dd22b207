package dev.clusterkit.cli;

import dev.clusterkit.core.lint.Baseline;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
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
      "Lints cluster scripts, JobCenter site files (site.conf, daemon.conf) and specs, each file alone and",
      "the files of a deployment together (see 'clusterkit rules'). Folders are walked; files no linter",
      "knows, and files that are binary, unreadable or over 1 MiB, are listed as skipped.",
      "A spec among the PATHs is loaded, and the deployed files are compared with it."
    })
final class LintCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    json,
    sarif
  }

  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to lint.")
  List<Path> paths;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or sarif (SARIF 2.1.0, for code scanning) (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--fail-on",
      defaultValue = "error",
      paramLabel = "SEVERITY",
      converter = SeverityConverter.class,
      description = "Exit 1 when a finding is at least this severe: error, warning or info (default: ${DEFAULT-VALUE}).")
  Severity failOn;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "Accept the findings this baseline lists (by code and file): they are neither shown nor counted.")
  Optional<Path> baseline;

  @Option(
      names = "--write-baseline",
      paramLabel = "FILE",
      description = "Write every finding of this run to FILE as a baseline that accepts them, and exit 0.")
  Optional<Path> writeBaseline;

  @Override
  public Integer call() throws Exception {
    LintReport all = parent.kit().lint(paths);
    LintReport report = all;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Baseline.Applied> applied = Optional.empty();
    if (baseline.isPresent()) {
      applied = Optional.of(read(baseline.get()).apply(report));
      report = applied.get().report();
    }
    String rendered = switch (format) {
      case json -> LintOutput.json(report);
      case sarif -> Sarif.write(report, parent.kit().rules(), VersionProvider.version());
      case text -> LintOutput.text(report);
    };
    out.print(rendered);
    applied.ifPresent(a -> {
      PrintWriter notes = format == Format.text ? out : err;
      notes.println(baseline.get() + ": " + a.accepted() + " known finding" + (a.accepted() == 1 ? "" : "s")
          + " accepted");
      a.unused().forEach(e -> notes.println(baseline.get() + ": " + e.code() + " in " + e.file()
          + " is no longer found; remove it from the baseline"));
    });
    if (writeBaseline.isPresent()) {
      // With --baseline too, the new file holds every finding: what was accepted and what is new.
      write(writeBaseline.get(), Baseline.of(all).write());
      err.println(writeBaseline.get() + ": baseline of " + Baseline.of(all).entries().size() + " entries written");
      return ExitCodes.OK;
    }
    return report.hasAtLeast(failOn) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static Baseline read(Path file) throws IOException, CliException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return Baseline.parse(file.toString(), StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      throw new CliException(file + ": not a baseline: not UTF-8 text");
    }
  }

  /** Writes next to the target and moves into place: an old baseline is never left half-written. */
  private static void write(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".baseline", ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
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
