package dev.clusterkit.cli;

import dev.clusterkit.core.runtime.ClassArchive;
import dev.clusterkit.core.runtime.RuntimeAgent;
import dev.clusterkit.core.runtime.ShimInstaller;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "install-shims",
    description = {
      "Writes launchers for the JobCenter commands where a JobCenter install under DIR has them:",
      "DIR/cluster/cjcpw, DIR/cluster/cjcmksite, DIR/cluster/cjcls, DIR/nqsstart, DIR/nqsstop and",
      "DIR/nqsportkpr. Each runs the embedded runtime with the JobCenter argument syntax, so a",
      "generated vendor script whose install root is DIR runs unchanged. The launchers run",
      "clusterkit.jar with java by absolute path; the CLUSTERKIT_* variables of the caller reach",
      "them. A file at one of those paths that is not such a launcher is never replaced.",
      "Unless --no-class-archive, a training run (about 2 s) first writes DIR/" + ClassArchive.FILE + ",",
      "a class-data-sharing archive that makes each launcher's JVM start about a third faster.",
      "Where perl is found, cjcpw, cjcls, nqsstart and nqsstop run in the runtime agent when one",
      "serves DIR (DIR/clusterkit-agent, or clusterkit site agent --prefix DIR), through its client",
      "DIR/" + RuntimeAgent.CLIENT + "; otherwise each starts a JVM."
    })
final class SiteInstallShimsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--prefix", required = true, paramLabel = "DIR",
      description = "The install root the vendor scripts use (JobCenter's is /usr/lib/nqs).")
  Path prefix;

  @Option(names = "--jar", paramLabel = "FILE",
      description = "The clusterkit.jar the launchers run; default: the one this command runs from"
          + " (cli/target/clusterkit.jar of the checkout).")
  Path jar;

  @Option(names = "--java", paramLabel = "FILE",
      description = "The java launcher; default: the one running this command.")
  Path java;

  @Option(names = "--no-class-archive",
      description = "Do not make the class-data-sharing archive the launchers start from.")
  boolean noClassArchive;

  @Override
  public Integer call() throws CliException, IOException {
    Path runtimeJar = ShimJar.locate(Optional.ofNullable(jar), codeSource());
    String javaCommand = Optional.ofNullable(java).map(j -> j.toAbsolutePath().normalize().toString()).orElseGet(ShimJar::currentJava);
    ShimInstaller.Installation done =
        ShimInstaller.install(prefix.toAbsolutePath().normalize(), javaCommand, runtimeJar.toString(), !noClassArchive);
    done.classArchive().ifPresent(a -> spec.commandLine().getOut().println(a));
    done.agentClient().ifPresent(c -> spec.commandLine().getOut().println(c));
    for (Path p : done.shims()) {
      spec.commandLine().getOut().println(p);
    }
    done.classArchiveProblem().ifPresent(
        why -> spec.commandLine().getErr().println(
            "clusterkit site install-shims: warning: no class archive, the launchers start without it: " + why));
    if (done.agentClient().isEmpty()) {
      spec.commandLine().getErr().println(
          "clusterkit site install-shims: warning: no perl on the PATH: the launchers cannot use the runtime agent");
    }
    return ExitCodes.OK;
  }

  private static Path codeSource() throws CliException {
    try {
      return Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new CliException("cannot tell where clusterkit runs from (" + e.getMessage() + "): give --jar");
    }
  }
}
