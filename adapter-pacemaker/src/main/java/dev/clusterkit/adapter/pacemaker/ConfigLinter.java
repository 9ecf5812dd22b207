package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.site.SiteConf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rules on a cluster configuration's site resources: timeouts, monitor, colocation with the address. */
final class ConfigLinter {
  /** Pacemaker's operation timeout when neither the op nor op_defaults gives one. */
  static final long PACEMAKER_DEFAULT_TIMEOUT_MS = 20_000;

  private ConfigLinter() {}

  /** The site's own timing, and where it was read from (for messages). */
  record Timing(int boot, int stop, String source) {}

  static void lint(ClusterConfig config, Optional<SiteConf> siteConf, List<Finding> out) {
    for (ClusterConfig.Problem p : config.problems()) {
      out.add(PcmkRules.UNREADABLE.at(p.where(), p.message()));
    }
    Map<String, String> tiedTo = tied(config);
    List<ClusterConfig.Primitive> addresses = config.primitives().stream().filter(ClusterConfig.Primitive::isAddress).toList();
    for (ClusterConfig.Primitive site : config.primitives()) {
      if (!site.isSite()) {
        continue;
      }
      Timing timing = timing(site, siteConf);
      timeout(config, site, "start", timing.boot(), "BOOT_TIMEOUT", timing, PcmkRules.START_TIMEOUT, out);
      timeout(config, site, "stop", timing.stop(), "STOP_TIMEOUT", timing, PcmkRules.STOP_TIMEOUT, out);
      boolean monitored = site.ops("monitor").stream()
          .anyMatch(o -> o.interval().flatMap(Durations::millis).map(ms -> ms > 0).orElse(false));
      if (!monitored) {
        out.add(PcmkRules.NO_MONITOR.at(site.where(),
            "site resource '" + site.id() + "' has no monitor operation with an interval above 0, so Pacemaker never"
                + " checks it after start"));
      }
      if (addresses.isEmpty()) {
        out.add(PcmkRules.NOT_COLOCATED.at(site.where(),
            "site resource '" + site.id() + "' has no IPaddr2 resource for its relocatable address in this configuration"));
      } else if (addresses.stream().noneMatch(a -> root(tiedTo, a.id()).equals(root(tiedTo, site.id())))) {
        out.add(PcmkRules.NOT_COLOCATED.at(site.where(),
            "site resource '" + site.id() + "' shares no group and no INFINITY colocation with an address resource ("
                + String.join(", ", addresses.stream().map(ClusterConfig.Primitive::id).toList()) + ")"));
      }
    }
  }

  private static void timeout(ClusterConfig config, ClusterConfig.Primitive site, String op, int siteSeconds,
      String key, Timing timing, dev.clusterkit.core.lint.Rule rule, List<Finding> out) {
    List<ClusterConfig.Op> ops = site.ops(op);
    Location where = ops.isEmpty() ? site.where() : ops.get(0).where();
    Optional<String> written = ops.isEmpty() ? Optional.empty() : ops.get(0).timeout();
    String what;
    long ms;
    if (written.isPresent()) {
      Optional<Long> parsed = Durations.millis(written.get());
      if (parsed.isEmpty()) {
        out.add(PcmkRules.UNREADABLE.at(where,
            "the " + op + " timeout '" + written.get() + "' of '" + site.id() + "' is not a duration Pacemaker reads (240s, 4min, PT4M)"));
        return;
      }
      ms = parsed.get();
      what = Durations.seconds(ms);
    } else if (config.defaultTimeout().flatMap(Durations::millis).isPresent()) {
      ms = config.defaultTimeout().flatMap(Durations::millis).get();
      what = Durations.seconds(ms) + " from op_defaults (the op gives none)";
    } else {
      ms = PACEMAKER_DEFAULT_TIMEOUT_MS;
      what = "Pacemaker's default of 20 s (neither the op nor op_defaults gives one)";
    }
    if (ms <= siteSeconds * 1000L) {
      out.add(rule.at(where,
          "site resource '" + site.id() + "': the " + op + " timeout, " + what + ", is not above the site's " + key + " of " + siteSeconds
              + " s (" + timing.source() + ")"));
    }
  }

  static Timing timing(ClusterConfig.Primitive site, Optional<SiteConf> siteConf) {
    SiteConf base = siteConf.orElse(SiteConf.DEFAULTS);
    String baseSource = siteConf.isPresent() ? "site.conf beside this file" : "JobCenter's default";
    Optional<Integer> boot = number(site.params().get("boot_timeout"));
    Optional<Integer> stop = number(site.params().get("stop_timeout"));
    String source = boot.isPresent() || stop.isPresent()
        ? "the resource's boot_timeout/stop_timeout parameters" + (boot.isPresent() && stop.isPresent() ? "" : ", else " + baseSource)
        : baseSource;
    return new Timing(boot.orElse(base.bootTimeout()), stop.orElse(base.stopTimeout()), source);
  }

  private static Optional<Integer> number(String s) {
    if (s == null || !s.matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(s));
  }

  /** Union-find over resources tied together by a group or a mandatory colocation. */
  private static Map<String, String> tied(ClusterConfig config) {
    Map<String, String> parent = new HashMap<>();
    for (ClusterConfig.Group g : config.groups()) {
      for (String m : g.members()) {
        union(parent, g.id(), m);
      }
    }
    for (ClusterConfig.Colocation c : config.colocations()) {
      if (c.mandatory()) {
        List<String> rs = new ArrayList<>(c.resources());
        for (int i = 1; i < rs.size(); i++) {
          union(parent, rs.get(0), rs.get(i));
        }
      }
    }
    return parent;
  }

  private static String root(Map<String, String> parent, String x) {
    String r = x;
    while (parent.containsKey(r) && !parent.get(r).equals(r)) {
      r = parent.get(r);
    }
    return r;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = root(parent, a);
    String rb = root(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
