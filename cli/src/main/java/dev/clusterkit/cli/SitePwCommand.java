package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "pw",
    description = {
      "Starts a site, as cjcpw SITE DBPATH: starts its daemons in order, waits at most BOOT_TIMEOUT",
      "for them to be ready, then watches them and returns only when the site stops: 0 when it was",
      "stopped (site stop), 1 when a daemon died (all the others are stopped first).",
      "With -c (cjcpw -c), starts the daemons and returns at once, without watching them."
    })
final class SitePwCommand extends SiteSubcommand {
  @Option(names = "-c", description = "Start the daemons and return at once, without watching.")
  boolean unwatched;

  @Parameters(index = "0", paramLabel = "SITE", converter = SiteConverters.Name.class,
      description = "The site name, as given to mk.")
  SiteName siteName;

  @Parameters(index = "1", paramLabel = "DBPATH", converter = SiteConverters.Database.class,
      description = "The site database folder.")
  SiteDatabasePath database;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    if (unwatched) {
      control.startUnwatched(siteName, database);
      return ExitCodes.OK;
    }
    SiteControl.SiteExit exit = control.runWatched(siteName, database);
    if (exit.failed()) {
      out.flush();
      err().println(name() + ": " + exit.reason());
    }
    return exit.exitCode();
  }
}
