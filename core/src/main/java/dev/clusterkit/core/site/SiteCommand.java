package dev.clusterkit.core.site;

/** The JobCenter commands that cluster scripts call, with where each lives under the install root. */
public enum SiteCommand {
  /** Starts (watched or with {@code -c} unwatched) and stops ({@code -stop}) a site. */
  CJCPW("cluster/cjcpw", "bin\\cluster\\cjcpw"),
  /** Creates a site database. */
  CJCMKSITE("cluster/cjcmksite", "bin\\cluster\\cjcmksite"),
  /** Lists the sites of this machine and their state. */
  CJCLS("cluster/cjcls", "bin\\cluster\\cjcls"),
  /** Starts the daemons of a running site, leaving cjcpw alone (UNIX only, guide 2.5.5). */
  NQSSTART("nqsstart", null),
  /** Stops the daemons of a running site, leaving cjcpw alone (UNIX only, guide 2.5.5). */
  NQSSTOP("nqsstop", null),
  /** Holds TCP 607 on the site address until the daemons bind it (UNIX only, guide 3.1.3). */
  NQSPORTKPR("nqsportkpr", null);

  private final String posixPath;
  private final String windowsPath;

  SiteCommand(String posixPath, String windowsPath) {
    this.posixPath = posixPath;
    this.windowsPath = windowsPath;
  }

  /** The command's file name, as it is typed. */
  public String commandName() {
    return posixPath.substring(posixPath.lastIndexOf('/') + 1);
  }

  String relativePath(Platform.Family family) {
    String path = family == Platform.Family.POSIX ? posixPath : windowsPath;
    if (path == null) {
      throw new UnsupportedOperationException(
          commandName() + " exists only on UNIX platforms, not on Windows");
    }
    return path;
  }

  /** Whether JobCenter ships this command on the given platform family. */
  public boolean availableOn(Platform.Family family) {
    return family == Platform.Family.POSIX || windowsPath != null;
  }
}
