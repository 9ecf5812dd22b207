package dev.clusterkit.cli;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.bundle.Bundle;
import dev.clusterkit.core.bundle.BundleWriter;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import java.nio.file.Path;
import java.util.ArrayList;
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
    name = "package",
    description = {
      "Packs a cluster bundle: the rendered artifacts, the site files, RUNBOOK.md and manifest.json.",
      "The same spec always gives the same bytes; FILE is replaced only once the new bundle is complete."
    })
final class PackageCommand implements Callable<Integer> {
  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The cluster spec (YAML).")
  Path specFile;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The zip file to write.")
  Path output;

  @Option(names = "--target", paramLabel = "ID", description = "Pack only this target (repeatable).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--templates", paramLabel = "DIR", description = "Templates overriding the bundled ones.")
  Path templates;

  @Option(names = "--lang", defaultValue = "en", paramLabel = "LANG",
      description = "Language of RUNBOOK.md: en or ja (default: ${DEFAULT-VALUE}).")
  String language;

  @Override
  public Integer call() throws Exception {
    if (!language.equals("en") && !language.equals("ja")) {
      throw new CliException("--lang " + language + " is not supported: use en or ja");
    }
    ClusterKit kit = parent.kit();
    ClusterSpec cluster = kit.loadSpec(specFile);
    for (String t : targets) {
      if (!cluster.targets().containsKey(t)) {
        throw new CliException("--target " + t + " is not named in " + specFile + " (it names "
            + String.join(", ", cluster.targetIds()) + ")");
      }
    }
    Bundle bundle = kit.bundle(cluster, new RenderOptions(targets, Optional.ofNullable(templates)), language);
    BundleWriter.write(bundle, output);
    spec.commandLine().getOut().println(output + " (" + bundle.files().size() + " files)");
    return ExitCodes.OK;
  }
}
