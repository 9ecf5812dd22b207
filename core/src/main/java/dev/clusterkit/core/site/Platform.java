package dev.clusterkit.core.site;

import java.util.List;
import java.util.Locale;

/**
 * An operating system JobCenter runs on, with the daemons {@code cjcpw} watches there (guide 2.1.4).
 *
 * <p>Process names are as {@code ps} shows them: on Linux and AIX the NQS daemons rename themselves
 * ("NQS nqsdaemon"), on HP-UX and Solaris they keep the binary name.
 */
public enum Platform {
  HPUX("hpux", Family.POSIX, Daemons.HPUX_SOLARIS),
  SOLARIS("solaris", Family.POSIX, Daemons.HPUX_SOLARIS),
  LINUX("linux", Family.POSIX, Daemons.LINUX_AIX),
  AIX("aix", Family.POSIX, Daemons.LINUX_AIX),
  WINDOWS("windows", Family.WINDOWS, Daemons.WINDOWS);

  /** Whether paths and scripts follow UNIX or Windows rules. */
  public enum Family {
    POSIX,
    WINDOWS
  }

  private final String id;
  private final Family family;
  private final List<WatchedDaemon> watchedDaemons;

  Platform(String id, Family family, List<WatchedDaemon> watchedDaemons) {
    this.id = id;
    this.family = family;
    this.watchedDaemons = watchedDaemons;
  }

  /** The lowercase name used in specs ({@code linux}, {@code hpux}, ...). */
  public String id() {
    return id;
  }

  public Family family() {
    return family;
  }

  /** The processes {@code cjcpw} starts and watches on this platform, in the guide's order. */
  public List<WatchedDaemon> watchedDaemons() {
    return watchedDaemons;
  }

  /** The install layout JobCenter uses by default on this platform. */
  public InstallLayout defaultLayout() {
    return InstallLayout.defaultFor(this);
  }

  /**
   * Finds a platform by its spec name, case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Platform fromId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT).replace("-", "");
    for (Platform p : values()) {
      if (p.id.equals(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "platform '" + id + "' is not one of hpux, solaris, linux, aix, windows");
  }

  /** One watched process: how {@code ps} names it and which parent it must have. */
  public record WatchedDaemon(String processName, String parentRule) {
    static WatchedDaemon of(String processName) {
      return new WatchedDaemon(processName, "");
    }
  }

  private static final class Daemons {
    static final List<WatchedDaemon> HPUX_SOLARIS =
        List.of(
            new WatchedDaemon("nqsdaemon", "parent PID 1"),
            new WatchedDaemon("netdaemon", "parent is nqsdaemon"),
            WatchedDaemon.of("NQS logdaemon"),
            WatchedDaemon.of("jnwengine"),
            WatchedDaemon.of("jnwengine-qwb"),
            WatchedDaemon.of("jnwengine-trkrdr"),
            WatchedDaemon.of("sclaunchd"),
            new WatchedDaemon("jnwcaster", "the parent of the two jnwcaster processes"),
            WatchedDaemon.of("comagent"),
            WatchedDaemon.of("jcdbs"));
    static final List<WatchedDaemon> LINUX_AIX =
        List.of(
            new WatchedDaemon("NQS nqsdaemon", "parent PID 1"),
            new WatchedDaemon("NQS netdaemon", "parent is NQS nqsdaemon"),
            WatchedDaemon.of("NQSlogdaemon"),
            WatchedDaemon.of("jnwengine"),
            WatchedDaemon.of("jnwengine-qwb"),
            WatchedDaemon.of("jnwengine-trkrdr"),
            WatchedDaemon.of("sclaunchd"),
            new WatchedDaemon("jnwcaster", "the parent of the two jnwcaster processes"),
            WatchedDaemon.of("comagent"),
            WatchedDaemon.of("jcdbs"));
    static final List<WatchedDaemon> WINDOWS =
        List.of(
            WatchedDaemon.of("nqsdaemon.exe"),
            WatchedDaemon.of("netdaemon.exe"),
            WatchedDaemon.of("logdaemon.exe"),
            WatchedDaemon.of("jnwengine.exe"),
            WatchedDaemon.of("qwb.exe"),
            WatchedDaemon.of("trkrdr.exe"),
            WatchedDaemon.of("sclaunchd.exe"),
            WatchedDaemon.of("comagent.exe"),
            WatchedDaemon.of("jcdbs.exe"));

    private Daemons() {}
  }
}
