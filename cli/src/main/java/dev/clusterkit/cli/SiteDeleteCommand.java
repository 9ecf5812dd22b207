package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import java.io.PrintStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "delete",
    description = {
      "Deletes a site that is not running, the two ways of guide 2.6.1: --clear forgets it (removes",
      "its link) and keeps its database; --delete also removes everything in the database folder",
      "(the folder itself stays: it is usually the shared disk's mount point)."
    })
final class SiteDeleteCommand extends SiteSubcommand {
  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--clear", required = true, description = "Remove the link, keep the database.")
    boolean clear;

    @Option(names = "--delete", required = true, description = "Remove the link and the database's content.")
    boolean delete;
  }

  @Parameters(index = "0", paramLabel = "SITE", converter = SiteConverters.Name.class,
      description = "The site name.")
  SiteName siteName;

  @Override
  int run(SiteControl control, PrintStream out) throws SiteControlException {
    control.delete(siteName, mode.clear ? SiteControl.DeleteMode.CLEAR : SiteControl.DeleteMode.DELETE);
    return ExitCodes.OK;
  }
}
