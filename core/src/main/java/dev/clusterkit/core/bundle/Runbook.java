package dev.clusterkit.core.bundle;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.NodeSpec;
import dev.clusterkit.core.spec.SiteSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes RUNBOOK.md: the guide's build procedure (2.3 for UNIX, 2.4 for Windows) for each site of
 * the spec, with this spec's exact command lines, then registration in each target and the failover
 * check.
 */
final class Runbook {
  private final Messages m;
  private final ClusterSpec spec;
  private final Map<String, String> productNames;
  private final List<Artifact> rendered;
  private final String version;
  private final StringBuilder out = new StringBuilder();

  private Runbook(Messages m, ClusterSpec spec, Map<String, String> productNames, List<Artifact> rendered,
      String version) {
    this.m = m;
    this.spec = spec;
    this.productNames = productNames;
    this.rendered = rendered;
    this.version = version;
  }

  static String write(String language, ClusterSpec spec, Map<String, String> productNames, List<Artifact> rendered,
      String version) {
    return new Runbook(Messages.forLanguage(language), spec, productNames, rendered, version).write();
  }

  private String write() {
    List<String> nodes = spec.nodes().stream().map(NodeSpec::name).toList();
    line(m.text("title", Map.of("cluster", spec.name())));
    line(m.text("intro", Map.of("version", version, "spec", Path.of(spec.source()).getFileName().toString(),
        "sha256", spec.sha256(), "active", nodes.get(0), "nodes", String.join(", ", nodes))));
    line(m.text("layout.title"));
    for (String target : spec.targetIds()) {
      for (SiteSpec s : spec.sites()) {
        out.append(m.text("layout.rendered", Map.of("target", target, "site", siteName(s),
            "product", productNames.get(target)))).append('\n');
      }
    }
    for (SiteSpec s : spec.sites()) {
      out.append(m.text("layout.siteFiles", Map.of("site", siteName(s)))).append('\n');
    }
    if (spec.sites().stream().anyMatch(s -> s.site().platform().family() == Platform.Family.POSIX)) {
      out.append(m.text("layout.common")).append('\n');
    }
    line(m.text("layout.manifest"));
    for (SiteSpec s : spec.sites()) {
      site(s);
    }
    return out.toString();
  }

  private void site(SiteSpec spec) {
    Site site = spec.site();
    Map<String, String> v = values(spec);
    line(m.text("site.title", v));
    line(m.text("site.table", v));
    boolean posix = site.platform().family() == Platform.Family.POSIX;
    String p = posix ? "posix." : "windows.";
    int n = 0;
    step(++n, p + "stopLocal", "where.both", v);
    step(++n, p + "prepare", "where.active", v);
    step(++n, p + "mksite", "where.active", v);
    step(++n, p + "daemonConf", posix ? "where.both" : "where.active", v);
    step(++n, p + "startCheck", "where.activeThenStandby", v);
    for (String target : this.spec.targetIds()) {
      Map<String, String> t = new HashMap<>(v);
      t.put("target", target);
      t.put("product", productNames.get(target));
      String prefix = target + "/" + site.name().value() + "/";
      t.put("files", rendered.stream().map(Artifact::path).filter(a -> a.startsWith(prefix))
          .map(a -> "- `" + a + "`").collect(Collectors.joining("\n")));
      step(++n, "register", "where.both", t);
    }
    for (String target : this.spec.targetIds()) {
      Map<String, String> t = new HashMap<>(v);
      t.put("product", productNames.get(target));
      step(++n, "failover", "where.both", t);
    }
  }

  private void step(int n, String key, String where, Map<String, String> values) {
    line(m.text("step", Map.of("n", Integer.toString(n), "title", m.text(key + ".title", values),
        "where", m.text(where))));
    line(m.text(key + ".body", values));
  }

  private Map<String, String> values(SiteSpec spec) {
    Site site = spec.site();
    boolean posix = site.platform().family() == Platform.Family.POSIX;
    Map<String, String> v = new HashMap<>();
    v.put("site", site.name().value());
    v.put("machineId", Integer.toString(site.machineId().value()));
    v.put("database", site.database().value());
    v.put("address", site.address().value());
    v.put("platform", site.platform().id());
    v.put("watched", m.text(spec.watched() ? "site.watched.yes" : "site.watched.no"));
    v.put("cjcpw", site.command(SiteCommand.CJCPW));
    v.put("cjcmksite", site.command(SiteCommand.CJCMKSITE));
    v.put("cjcls", site.command(SiteCommand.CJCLS));
    v.put("siteDaemonConf", site.layout().siteDaemonConf(site.database()));
    v.put("boot", Integer.toString(spec.siteConf().bootTimeout()));
    v.put("stop", Integer.toString(spec.siteConf().stopTimeout()));
    v.put("kill", Integer.toString(spec.siteConf().forceKillTime()));
    if (posix) {
      v.put("nqsstop", site.command(SiteCommand.NQSSTOP));
      v.put("commonDaemonConf", site.layout().commonDaemonConf());
    } else {
      v.put("siteConf", site.layout().siteConf(site.database()));
    }
    StringBuilder processes = new StringBuilder("    ").append(site.command(SiteCommand.CJCPW));
    for (Platform.WatchedDaemon d : site.platform().watchedDaemons()) {
      processes.append("\n    ").append(d.processName());
      if (!d.parentRule().isEmpty()) {
        processes.append("  (").append(d.parentRule()).append(')');
      }
    }
    v.put("processes", processes.toString());
    return v;
  }

  private static String siteName(SiteSpec s) {
    return s.site().name().value();
  }

  private void line(String text) {
    out.append(text).append("\n\n");
  }
}
