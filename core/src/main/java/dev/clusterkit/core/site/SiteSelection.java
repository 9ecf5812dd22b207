package dev.clusterkit.core.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which site a JobCenter command works on, as the environment variable {@code NQS_SITE} selects it
 * (guide 2.5.2): unset, empty, or the machine's own host name selects the local site; any other
 * value must name a cluster site of this machine.
 */
public sealed interface SiteSelection {

  /** The local site of the machine named {@code hostName}. */
  record Local(String hostName) implements SiteSelection {}

  /** A cluster site. */
  record Cluster(SiteStatus site) implements SiteSelection {}

  /**
   * Resolves a value of {@code NQS_SITE}.
   *
   * @param nqsSite the variable's value, empty when it is not set
   * @param hostName the machine's own host name (short or fully qualified; both forms match)
   * @param sites the cluster sites of this machine, as {@code cjcls} lists them
   * @throws SiteControlException.UnknownSite naming the sites that exist
   */
  static SiteSelection resolve(Optional<String> nqsSite, String hostName, List<SiteStatus> sites)
      throws SiteControlException.UnknownSite {
    String wanted = nqsSite.map(String::strip).orElse("");
    if (wanted.isEmpty() || sameHost(wanted, hostName)) {
      return new Local(hostName);
    }
    for (SiteStatus site : sites) {
      if (site.isNamed(wanted)) {
        return new Cluster(site);
      }
    }
    // A short name selects a site when exactly one site has that first label.
    List<SiteStatus> byShortName =
        sites.stream().filter(s -> shortName(s.name()).equalsIgnoreCase(wanted)).toList();
    if (!wanted.contains(".") && byShortName.size() == 1) {
      return new Cluster(byShortName.get(0));
    }
    throw new SiteControlException.UnknownSite(
        wanted, sites.stream().map(SiteStatus::name).sorted().toList());
  }

  private static boolean sameHost(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.equals(y) || (x.contains(".") != y.contains(".") && shortName(x).equals(shortName(y)));
  }

  private static String shortName(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
