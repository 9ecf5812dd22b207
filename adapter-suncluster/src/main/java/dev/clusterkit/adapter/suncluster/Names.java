package dev.clusterkit.adapter.suncluster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The resource types and property names Sun Cluster knows, and near-miss matching against them. */
final class Names {
  /** The resource types a JobCenter group uses, by their canonical names. */
  enum Type {
    GDS("SUNW.gds"),
    HASP("SUNW.HAStoragePlus"),
    LOGICAL_HOST("SUNW.LogicalHostname"),
    SHARED_ADDRESS("SUNW.SharedAddress"),
    OTHER("");

    final String canonical;

    Type(String canonical) {
      this.canonical = canonical;
    }

    boolean isNetwork() {
      return this == LOGICAL_HOST || this == SHARED_ADDRESS;
    }
  }

  /** A type name as written, what it most likely means, and whether it is spelt right. */
  record TypeName(String written, Type type, boolean misspelt) {}

  /**
   * Standard resource properties (r_properties(5)) and the extension properties of SUNW.gds,
   * SUNW.HAStoragePlus and SUNW.LogicalHostname, lower case.
   */
  static final Set<String> PROPERTIES = Set.of(
      // standard
      "resource_dependencies", "resource_dependencies_weak", "resource_dependencies_restart",
      "resource_dependencies_offline_restart", "network_resources_used", "port_list", "start_timeout",
      "stop_timeout", "validate_timeout", "update_timeout", "init_timeout", "fini_timeout", "boot_timeout",
      "monitor_start_timeout", "monitor_stop_timeout", "monitor_check_timeout", "prenet_start_timeout",
      "postnet_stop_timeout", "retry_count", "retry_interval", "thorough_probe_interval",
      "cheap_probe_interval", "failover_mode", "load_balancing_policy", "load_balancing_weights",
      "r_description", "scalable", "type_version", "resource_project_name", "on_off_switch",
      "monitored_switch", "global_zone_override", "affinity_timeout", "udp_affinity", "weak_affinity",
      "generic_affinity", "round_robin", "conn_threshold", "pre_evict", "resource_state",
      // SUNW.gds
      "start_command", "stop_command", "probe_command", "validate_command", "child_mon_level",
      "failover_enabled", "log_level", "network_aware", "stop_signal", "probe_timeout",
      "monitor_retry_count", "monitor_retry_interval", "wait_for_online",
      // SUNW.HAStoragePlus
      "filesystemmountpoints", "globaldevicepaths", "affinityon", "filesystemcheckcommand", "zpools",
      "zpoolssearchdir", "zpoolsimportonly", "zpoolsexportonstop", "zpoolsimporttimeout",
      "runmountpointaccess",
      // SUNW.LogicalHostname / SUNW.SharedAddress
      "hostnamelist", "netiflist", "auxnodelist", "checknameservice", "ipmp_group");

  private static final List<Type> KNOWN = List.of(Type.GDS, Type.HASP, Type.LOGICAL_HOST, Type.SHARED_ADDRESS);

  private Names() {}

  /** Reads a type name like {@code SUNW.gds:6}; near misses of the known types are flagged. */
  static TypeName type(String written) {
    String name = written.contains(":") ? written.substring(0, written.indexOf(':')) : written;
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.indexOf('.');
    String vendor = dot < 0 ? "" : lower.substring(0, dot);
    String base = dot < 0 ? lower : lower.substring(dot + 1);
    for (Type t : KNOWN) {
      String knownBase = t.canonical.substring(5).toLowerCase(Locale.ROOT);
      boolean vendorOk = vendor.isEmpty() || vendor.equals("sunw");
      boolean vendorClose = vendorOk || distance(vendor, "sunw") <= 1;
      if (base.equals(knownBase)) {
        return new TypeName(written, t, !vendorOk && vendorClose);
      }
      int allowed = knownBase.length() <= 4 ? 1 : 2;
      if (vendorClose && distance(base, knownBase) <= allowed) {
        return new TypeName(written, t, true);
      }
    }
    return new TypeName(written, Type.OTHER, false);
  }

  /** The known property a misspelt name most likely means; empty when it is known or not close to any. */
  static Optional<String> misspeltProperty(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (PROPERTIES.contains(lower) || lower.length() < 5) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = 3;
    for (String known : PROPERTIES.stream().sorted().toList()) {
      int d = distance(lower, known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Edit distance counting an adjacent transposition as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
