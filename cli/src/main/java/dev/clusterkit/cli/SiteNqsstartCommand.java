package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "nqsstart",
    description = {
      "Starts the daemons of a site, as nqsstart: through its running supervisor (which stays up, as",
      "after maintenance=ON or nqsstop), or unwatched when no supervisor runs."
    })
final class SiteNqsstartCommand extends SiteSubcommand {
  @Parameters(index = "0", arity = "0..1", paramLabel = "SITE", converter = SiteConverters.Name.class,
      description = "The site name; default: the site NQS_SITE names.")
  Optional<SiteName> siteName;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    control.startDaemons(SiteDaemons.select(siteName, control, "nqsstart"));
    return ExitCodes.OK;
  }
}
