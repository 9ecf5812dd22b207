package dev.clusterkit.cli;

import dev.clusterkit.core.site.CjclsTable;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "ls",
    description = {
      "Lists the sites of this machine, as cjcls (guide 2.5.3): SITE-NAME, DAEMON-PID (or SHUT),",
      "DB-PATH(LINK), CJCPW (ON or OFF)."
    })
final class SiteLsCommand extends SiteSubcommand {
  @Option(names = "--json", description = "Print a JSON array, one object per site.")
  boolean json;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    out.print(json ? CjclsTable.toJson(control.list()) : CjclsTable.format(control.list()));
    return ExitCodes.OK;
  }
}
