package dev.clusterkit.cli;

import dev.clusterkit.core.spec.SpecSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "schema",
    description = "Prints the JSON Schema of the spec for the targets found on the class path.")
final class SchemaCommand implements Callable<Integer> {
  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(SpecSchema.generate(parent.kit().registry()));
    return ExitCodes.OK;
  }
}
