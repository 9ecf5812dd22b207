package dev.clusterkit.adapter.suncluster;

/**
 * How long Sun Cluster must give JobCenter, derived from the site's site.conf (guide 2.1.5). Shared
 * by rendering (which picks values) and linting (which checks values written by hand).
 */
final class Timeouts {
  /** GDS's default Start_timeout and Stop_timeout (SUNW.gds(5)). */
  static final int GDS_DEFAULT = 300;

  /** Headroom above what the site itself may take: cjcpw's own bookkeeping, the probe, the log. */
  static final int MARGIN = 60;

  /**
   * The longest Start_timeout or Stop_timeout clusterkit writes for GDS, as for the startTimeout and
   * stopTimeout settings: a day.
   */
  static final int GDS_MAX = 86400;

  /** The SC 2.2 start method only hands cjcpw to PMF (and runs nqsportkpr); it does not wait for the site. */
  static final int SC22_START = 60;

  private Timeouts() {}

  /** Start_timeout: above BOOT_TIMEOUT, since GDS waits for the site to answer on its ports. */
  static long gdsStart(int bootTimeout) {
    return Math.max(GDS_DEFAULT, (long) bootTimeout + MARGIN);
  }

  /**
   * Stop_timeout: GDS gives the Stop_command 80% of it before SIGKILL, so 80% must cover
   * STOP_TIMEOUT plus the margin.
   */
  static long gdsStop(int stopTimeout) {
    return Math.max(GDS_DEFAULT, ceilDiv(((long) stopTimeout + MARGIN) * 5L, 4));
  }

  static boolean startFits(long startTimeout, int bootTimeout) {
    return startTimeout > bootTimeout;
  }

  /** Whether the Stop_command's 80% share of {@code stopTimeout} exceeds the site's STOP_TIMEOUT. */
  static boolean stopFits(long stopTimeout, int siteStopTimeout) {
    return stopTimeout * 4 > siteStopTimeout * 5L;
  }

  /** The SC 2.2 stop method waits for cjcpw -stop, which may take the whole STOP_TIMEOUT. */
  static long sc22Stop(int stopTimeout) {
    return (long) stopTimeout + MARGIN;
  }

  /** SC 2.2 wants each method timeout below half the logical host's takeover timeout. */
  static long sc22Takeover(long longestMethod) {
    return 2 * longestMethod + 1;
  }

  private static long ceilDiv(long a, int b) {
    return (a + b - 1) / b;
  }
}
