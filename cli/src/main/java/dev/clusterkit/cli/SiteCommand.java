package dev.clusterkit.cli;

import dev.clusterkit.core.runtime.RuntimeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code clusterkit site}: the JobCenter site commands over the embedded runtime. */
@Command(
    name = "site",
    description = {
      "Runs JobCenter cluster sites on this machine without JobCenter: the embedded runtime's",
      "cjcmksite, cjcpw, cjcls, nqsstart, nqsstop and nqsportkpr, and shims that let generated",
      "vendor scripts call them unchanged.",
      "Machine settings come from CLUSTERKIT_SPOOL_ROOT (default /usr/spool/nqs), CLUSTERKIT_NQS_PORT",
      "(607), CLUSTERKIT_HOSTS_FILE, CLUSTERKIT_HOSTNAME, CLUSTERKIT_COMMON_DAEMON_CONF and",
      "CLUSTERKIT_PORTKEEPER_TIMEOUT."
    },
    subcommands = {
      SiteMkCommand.class, SitePwCommand.class, SiteStopCommand.class, SiteLsCommand.class,
      SiteNqsstartCommand.class, SiteNqsstopCommand.class, SitePortKeeperCommand.class,
      SiteDeleteCommand.class, SiteInstallShimsCommand.class, SiteAgentCommand.class
    },
    footerHeading = "%nExit codes (those of the JobCenter commands the runtime mirrors):%n",
    footer = {
      "  0  done",
      "  1  the site failed: a daemon died, failed to start or to get ready within BOOT_TIMEOUT,",
      "     or would not stop within STOP_TIMEOUT",
      "  2  wrong arguments, or a CLUSTERKIT_* variable with a wrong value",
      "  3  refused before anything ran (configuration, existing database, umask, stack size);",
      "     also an internal error (--verbose shows the stack trace)",
      "  4  the site is already running",
      "  5  the name selects no site of this machine",
      "  7  the site is not running (stop, nqsstop)"
    })
final class SiteCommand {
  /** CLUSTERKIT_* variables with a wrong value: a usage error, as the shims report it. */
  static final int EXIT_BAD_SETTINGS = 2;

  @ParentCommand ClusterKitCommand parent;

  RuntimeSettings runtime() {
    return parent.runtime();
  }
}
