package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.spec.Settings;
import dev.clusterkit.core.spec.SiteSpec;

/**
 * One site as MSFC sees it: the spec's site with every MSFC name resolved (defaults filled in the
 * way the guide's examples name things).
 *
 * @param where the spec path of the site, for messages ({@code sites[0] (jcgpkg.example.com)})
 * @param pendingTimeout seconds MSFC allows Online and Offline before it terminates the resource
 */
record MsfcSite(
    String where,
    SiteSpec spec,
    String role,
    String resource,
    String disk,
    String ipResource,
    String subnetMask,
    String networkName,
    String scriptPath,
    int pendingTimeout) {

  static MsfcSite of(int index, SiteSpec spec) {
    Settings s = spec.settingsFor(MsfcAdapter.ID);
    var site = spec.site();
    String shortName = site.name().shortName();
    String role = orDefault(s.text(MsfcAdapter.ROLE), shortName);
    String ip = orDefault(s.text(MsfcAdapter.IP_RESOURCE), "IP Address " + site.address().value());
    String network = orDefault(s.text(MsfcAdapter.NETWORK_NAME), shortName);
    String drive = site.database().value().substring(0, 2);
    String script = orDefault(s.text(MsfcAdapter.SCRIPT_PATH), drive + "\\" + MsfcAdapter.SCRIPT_FILE);
    return new MsfcSite(
        "sites[" + index + "] (" + site.name() + ")",
        spec,
        role,
        s.text(MsfcAdapter.RESOURCE),
        s.text(MsfcAdapter.DISK),
        ip,
        s.text(MsfcAdapter.SUBNET_MASK),
        network,
        script,
        s.integer(MsfcAdapter.PENDING_TIMEOUT));
  }

  private static String orDefault(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  /** The spec path of one of this site's MSFC settings. */
  String field(String setting) {
    return where + ": targets." + MsfcAdapter.ID + "." + setting;
  }

  /** The longest the site may take to start or stop by its site.conf, in seconds. */
  int longestSiteTimeout() {
    return Math.max(spec.siteConf().bootTimeout(), spec.siteConf().stopTimeout());
  }
}
