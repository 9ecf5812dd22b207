package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "stop",
    description = {
      "Stops a site, as cjcpw -stop SITE: asks its supervisor to stop the daemons (SIGTERM, then",
      "SIGKILL at STOP_TIMEOUT - FORCEKILL_TIME) and waits for it to exit. Daemons started with",
      "pw -c are stopped directly. Exit 7 when nothing of the site runs."
    })
final class SiteStopCommand extends SiteSubcommand {
  @Parameters(index = "0", paramLabel = "SITE", converter = SiteConverters.Name.class,
      description = "The site name.")
  SiteName siteName;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    control.stop(siteName);
    return ExitCodes.OK;
  }
}
