package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.io.ArtifactWriter;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "render",
    description = {
      "Renders the artifacts of a spec into DIR, one folder per target.",
      "DIR is written all at once: a failure leaves it as it was."
    })
final class RenderCommand implements Callable<Integer> {
  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The cluster spec (YAML).")
  Path specFile;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "The folder to write.")
  Path output;

  @Option(
      names = "--target",
      paramLabel = "ID",
      description = "Render only this target (repeatable); default: every target the spec names.")
  List<String> targets = new ArrayList<>();

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "A folder of templates that override the bundled ones: <adapter id>/<template>.ftl.")
  Path templates;

  @Option(names = "--force", description = "Replace the content of DIR if it is not empty.")
  boolean force;

  @Override
  public Integer call() throws Exception {
    refuseToReplace(specFile, "the spec " + specFile);
    if (templates != null) {
      refuseToReplace(templates, "the template folder " + templates);
    }
    refuseToReplace(Path.of(""), "the current folder");
    ClusterKit kit = parent.kit();
    ClusterSpec cluster = kit.loadSpec(specFile);
    for (String t : targets) {
      if (!cluster.targets().containsKey(t)) {
        throw new CliException("--target " + t + " is not named in " + specFile + " (it names "
            + String.join(", ", cluster.targetIds()) + ")");
      }
    }
    if (!force && Files.isDirectory(output) && !isEmpty(output)) {
      throw new CliException(output + " is not empty; use --force to replace its content");
    }
    List<Artifact> artifacts = kit.render(cluster, new RenderOptions(targets, Optional.ofNullable(templates)));
    ArtifactWriter.write(output, artifacts, force);
    for (Artifact a : artifacts) {
      spec.commandLine().getOut().println(output.resolve(a.path()));
    }
    return ExitCodes.OK;
  }

  /** Writing replaces DIR as a whole, so DIR must not hold anything we read or stand in. */
  private void refuseToReplace(Path inside, String what) throws IOException, CliException {
    if (canonical(inside).startsWith(canonical(output))) {
      throw new CliException("will not write to " + output + ": it holds " + what
          + ", which writing would replace; choose another output folder");
    }
  }

  private static Path canonical(Path p) throws IOException {
    Path absolute = p.toAbsolutePath().normalize();
    return Files.exists(absolute) ? absolute.toRealPath() : absolute;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
