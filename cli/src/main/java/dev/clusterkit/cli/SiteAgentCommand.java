package dev.clusterkit.cli;

import dev.clusterkit.core.runtime.RuntimeAgent;
import dev.clusterkit.core.site.SiteControlException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "agent",
    description = {
      "Runs the runtime agent for the launchers under DIR (written by install-shims) until ended:",
      "cjcpw, cjcls, nqsstart and nqsstop then run in this JVM instead of starting one each, which",
      "halves the time from a cjcpw start to ten daemons ready (README, Performance). A command whose",
      "caller differs from this process in user, umask or resource limits still gets a JVM of its",
      "own, as does every command when no agent runs or CLUSTERKIT_AGENT=off. DIR/clusterkit-agent",
      "starts the same agent with the launchers' java and jar; run one of them from the node's",
      "init system, as the user the cluster software runs the scripts as."
    })
final class SiteAgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--prefix", required = true, paramLabel = "DIR", description = "The install root of the launchers.")
  Path prefix;

  @Override
  public Integer call() {
    PrintStream log = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
    try {
      RuntimeAgent.serve(prefix.toAbsolutePath().normalize(), log);
      return ExitCodes.OK;
    } catch (IOException e) {
      spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Errors.oneLine(e.getMessage()));
      return SiteControlException.EXIT_REFUSED;
    }
  }
}
