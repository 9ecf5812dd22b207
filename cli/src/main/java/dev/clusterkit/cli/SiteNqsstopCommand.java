package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "nqsstop",
    description = {
      "Stops the daemons of a site, as nqsstop: a running supervisor stays up and does not take it",
      "as a failure. Exit 7 when the daemons are not running."
    })
final class SiteNqsstopCommand extends SiteSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", converter = SiteConverters.Name.class,
      description = "The site name; default: the site NQS_SITE names.")
  Optional<SiteName> siteName;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    control.stopDaemons(SiteDaemons.select(siteName, control, "nqsstop"));
    return ExitCodes.OK;
  }
}
