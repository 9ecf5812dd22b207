package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.drift.Drift;
import dev.clusterkit.core.drift.LocalEdits;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "diff",
    description = {
      "Compares deployed files with what the spec renders: DIR is laid out as 'render -o DIR' writes it",
      "(<target>/<site>/...). Prints a unified diff per file that differs, and the files that are",
      "missing or extra. Lines between '" + LocalEdits.BEGIN + "' and '" + LocalEdits.END + "' comments",
      "are local edits and are left out. Exit 1 on drift, 0 when DIR matches the spec."
    })
final class DiffCommand implements Callable<Integer> {
  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The cluster spec (YAML).")
  Path specFile;

  @Parameters(index = "1", paramLabel = "DIR", description = "The deployed folder.")
  Path dir;

  @Option(names = "--target", paramLabel = "ID",
      description = "Compare only this target (repeatable); default: every target the spec names.")
  List<String> targets = new ArrayList<>();

  @Option(names = "--templates", paramLabel = "DIR",
      description = "Render with these override templates, as 'render --templates' does.")
  Path templates;

  @Option(names = "--ignore-extra", description = "Do not count files in DIR that the spec does not render as drift.")
  boolean ignoreExtra;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new CliException(dir + " is not a folder");
    }
    ClusterKit kit = parent.kit();
    ClusterSpec cluster = kit.loadSpec(specFile);
    for (String t : targets) {
      if (!cluster.targets().containsKey(t)) {
        throw new CliException("--target " + t + " is not named in " + specFile + " (it names "
            + String.join(", ", cluster.targetIds()) + ")");
      }
    }
    List<Artifact> artifacts = kit.render(cluster, new RenderOptions(targets, Optional.ofNullable(templates)));
    Drift.Report report = Drift.compare(artifacts, dir);
    PrintWriter out = spec.commandLine().getOut();
    int drifted = 0;
    int extra = 0;
    for (Drift.FileDrift d : report.drift()) {
      if (d.kind() == Drift.Kind.EXTRA) {
        extra++;
        if (ignoreExtra || !inTargets(d.path(), cluster, targets)) {
          continue;
        }
      }
      drifted++;
      out.println(d.kind().name().toLowerCase(Locale.ROOT) + ": " + dir.resolve(d.path()));
      d.notes().forEach(n -> out.println("  " + n));
      out.print(d.diff());
    }
    out.println(report.unchanged() + " file" + (report.unchanged() == 1 ? "" : "s") + " match the spec, "
        + drifted + " differ" + (ignoreExtra && extra > 0 ? " (" + extra + " extra ignored)" : ""));
    return drifted > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** With --target, only the chosen targets' folders are compared; other folders are not extra. */
  private static boolean inTargets(String path, ClusterSpec cluster, List<String> targets) {
    if (targets.isEmpty()) {
      return true;
    }
    String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    return targets.contains(top) || !cluster.targets().containsKey(top);
  }
}
