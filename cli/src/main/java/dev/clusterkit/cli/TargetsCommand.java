package dev.clusterkit.cli;

import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "targets", description = "Lists the targets (cluster product adapters) found on the class path.")
final class TargetsCommand implements Callable<Integer> {
  @ParentCommand ClusterKitCommand parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<ClusterAdapter> adapters = parent.kit().registry().adapters();
    if (adapters.isEmpty()) {
      spec.commandLine().getErr().println("clusterkit targets: no adapters found on the class path");
      return ExitCodes.OK;
    }
    int idWidth = adapters.stream().mapToInt(a -> a.id().length()).max().orElse(0);
    int nameWidth = adapters.stream().mapToInt(a -> a.displayName().length()).max().orElse(0);
    PrintWriter out = spec.commandLine().getOut();
    for (ClusterAdapter a : adapters) {
      String platforms = a.platforms().stream().map(Platform::id).sorted().collect(Collectors.joining(","));
      out.println(pad(a.id(), idWidth) + "  " + pad(a.displayName(), nameWidth) + "  " + platforms);
    }
    return ExitCodes.OK;
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }
}
