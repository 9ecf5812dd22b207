package dev.clusterkit.cli;

import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "mk",
    description = {
      "Creates a site database, as cjcmksite SITE MACHINEID DBPATH (guide 2.3.5): nqs/ and etc/",
      "(mode 755), the site identity, nqs/daemon.conf with the site's ipaddress, the daemon list,",
      "and the link named by the site address in hex in the spool root.",
      "SITE must resolve forward and back (CLUSTERKIT_HOSTS_FILE may stand in for DNS) and its",
      "address must be up on this machine; DBPATH must exist."
    })
final class SiteMkCommand extends SiteSubcommand {
  @Parameters(index = "0", paramLabel = "SITE", converter = SiteConverters.Name.class,
      description = "The site name: the FQDN of the relocatable address.")
  SiteName siteName;

  @Parameters(index = "1", paramLabel = "MACHINEID", converter = SiteConverters.Id.class,
      description = "The site's machine ID.")
  MachineId machineId;

  @Parameters(index = "2", paramLabel = "DBPATH", converter = SiteConverters.Database.class,
      description = "The site database folder, on the shared disk.")
  SiteDatabasePath database;

  @Option(names = "--replace",
      description = "Rewrite the identity and daemon.conf of an existing site database, keeping the rest.")
  boolean replace;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    control.create(siteName, machineId, database, replace);
    return ExitCodes.OK;
  }
}
