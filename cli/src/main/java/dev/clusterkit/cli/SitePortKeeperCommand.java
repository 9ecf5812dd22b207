package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "portkeeper",
    description = {
      "Holds the NQS port (CLUSTERKIT_NQS_PORT, default 607) on ADDRESS for the site, as nqsportkpr",
      "(guide 3.1.3): returns once a detached holder has bound it. pw takes the port over just",
      "before it starts the daemon that binds it; the holder gives it up after",
      "CLUSTERKIT_PORTKEEPER_TIMEOUT seconds (default 180) in any case."
    })
final class SitePortKeeperCommand extends SiteSubcommand {
  @Parameters(index = "0", paramLabel = "ADDRESS", description = "The site name or its IPv4 address.")
  String address;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    control.keepPort(address);
    return ExitCodes.OK;
  }
}
