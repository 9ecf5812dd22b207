package dev.clusterkit.core.site;

import java.util.Objects;

/**
 * Where JobCenter is installed on a node: {@code /usr/lib/nqs} on UNIX, the install directory
 * (e.g. {@code D:\JobCenter\SV}) on Windows. Both can be overridden in the spec.
 */
public record InstallLayout(Platform platform, String root) {

  /** The UNIX install root every JobCenter command path in the guide starts with. */
  public static final String POSIX_ROOT = "/usr/lib/nqs";

  /**
   * The default Windows install directory, where the guide's local site lives (2.4.5, figures 2.9
   * and 2.11); the examples of 4.2 use {@code D:\JobCenter\SV}.
   */
  public static final String WINDOWS_ROOT = "C:\\JobCenter\\SV";

  /** The UNIX spool directory holding the local site and the links to cluster site databases. */
  public static final String POSIX_SPOOL = "/usr/spool/nqs";

  public InstallLayout {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(root, "root");
    PathRules.requireAbsolute("install root", root, platform.family());
    if (platform.family() == Platform.Family.POSIX && root.contains("=")) {
      // The generated scripts run the commands under it as the first word of a command line.
      throw new IllegalArgumentException(
          "install root '" + root + "' must not hold '=': the cluster scripts run its commands, and a"
              + " command word holding '=' reads as a variable assignment (shellcheck SC2276)");
    }
    if (root.length() > 1 && (root.endsWith("/") || root.endsWith("\\"))) {
      throw new IllegalArgumentException(
          "install root '" + root + "' must not end with a path separator");
    }
  }

  static InstallLayout defaultFor(Platform platform) {
    return new InstallLayout(
        platform, platform.family() == Platform.Family.POSIX ? POSIX_ROOT : WINDOWS_ROOT);
  }

  /** The absolute path of a command on this layout. */
  public String command(SiteCommand command) {
    return join(command.relativePath(platform.family()));
  }

  /**
   * The common daemon.conf holding {@code local_daemon} and {@code maintenance} (guide 2.3.6,
   * 2.5.5; UNIX only).
   */
  public String commonDaemonConf() {
    requirePosix("the common daemon.conf");
    return join("rc/daemon.conf");
  }

  /** The site's own daemon.conf holding {@code ipaddress} (guide 2.3.6, 2.4.6). */
  public String siteDaemonConf(SiteDatabasePath database) {
    return platform.family() == Platform.Family.POSIX
        ? database.resolve("nqs/daemon.conf")
        : database.resolve("etc\\daemon.conf");
  }

  /** The site's site.conf (guide 2.1.5, 2.4.6; only the Windows edition reads one). */
  public String siteConf(SiteDatabasePath database) {
    if (platform.family() != Platform.Family.WINDOWS) {
      throw new UnsupportedOperationException(
          "site.conf exists only on Windows (guide 2.1.5); UNIX sites have no such file");
    }
    return database.resolve("etc\\site.conf");
  }

  /** The link the site database gets in the spool directory (guide 2.5.3, 2.6.1; UNIX only). */
  public String siteLink(RelocatableAddress address) {
    requirePosix("the site database link");
    return POSIX_SPOOL + "/" + address.linkName();
  }

  private void requirePosix(String what) {
    if (platform.family() != Platform.Family.POSIX) {
      throw new UnsupportedOperationException(what + " exists only on UNIX platforms");
    }
  }

  private String join(String relative) {
    String sep = platform.family() == Platform.Family.POSIX ? "/" : "\\";
    return root.endsWith(sep) ? root + relative : root + sep + relative;
  }
}
