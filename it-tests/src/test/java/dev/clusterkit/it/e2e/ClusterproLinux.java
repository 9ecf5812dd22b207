package dev.clusterkit.it.e2e;

import dev.clusterkit.it.e2e.TwoNodeCluster.Node;
import dev.clusterkit.it.e2e.TwoNodeCluster.Site;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * CLUSTERPRO for Linux running one exec resource with the rendered start.sh and stop.sh, as the
 * guide (4.1.1.2-4.1.2.2) and the rendered SETTINGS.txt configure it:
 *
 * <ul>
 *   <li>activation runs start.sh with {@code CLP_EVENT=START} ({@code FAILOVER} on the node taking
 *       over) and {@code CLP_DISK=SUCCESS}, the shared disk being mounted; for a watched site
 *       ASYNCHRONOUSLY, and a PID monitor watches the script's process, whose end is the group's
 *       failure; for an unwatched site synchronously, with no monitor;
 *   <li>deactivation runs stop.sh synchronously, with the same variables, and counts any exit
 *       status but 0 as a failed deactivation;
 *   <li>on a monitor error with the group as recovery target, the group fails over: stop.sh on the
 *       failing node, then start.sh on the other with {@code CLP_EVENT=FAILOVER}.
 * </ul>
 */
final class ClusterproLinux extends FailoverGroup {
  ClusterproLinux(TwoNodeCluster cluster, Site site) {
    super(cluster, site, "clusterpro");
  }

  private Path script(Node node, String name) {
    return node.scripts().resolve("clusterpro-linux").resolve(site.name()).resolve(name);
  }

  private Map<String, String> environment(Node node, boolean failover) {
    Map<String, String> env = new TreeMap<>(cluster.environment(node, true));
    env.put("CLP_EVENT", failover ? "FAILOVER" : "START");
    env.put("CLP_DISK", "SUCCESS");
    return env;
  }

  @Override
  Optional<Process> start(Node node, boolean failover) {
    List<String> command = List.of("/bin/sh", script(node, "start.sh").toString());
    if (site.watched()) {
      Process p = cluster.start(command, environment(node, failover), "start.sh-" + node.name() + "-" + site.name());
      record(new Step("start.sh (asynchronous)", node, -1, Duration.ZERO, ""));
      return Optional.of(p);
    }
    TwoNodeCluster.Result r = cluster.run(command, environment(node, failover), "start.sh-" + node.name() + "-" + site.name());
    record(new Step("start.sh", node, r.exitCode(), r.took(), r.output()));
    return Optional.empty();
  }

  @Override
  int stop(Node node, Optional<Process> watched, boolean failover) {
    TwoNodeCluster.Result r =
        cluster.run(
            List.of("/bin/sh", script(node, "stop.sh").toString()),
            environment(node, failover),
            "stop.sh-" + node.name() + "-" + site.name());
    record(new Step("stop.sh", node, r.exitCode(), r.took(), r.output()));
    return r.exitCode();
  }
}
