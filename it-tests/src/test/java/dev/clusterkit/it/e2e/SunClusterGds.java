package dev.clusterkit.it.e2e;

import dev.clusterkit.it.e2e.TwoNodeCluster.Node;
import dev.clusterkit.it.e2e.TwoNodeCluster.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Sun Cluster 3.2 running the SUNW.gds resource that the rendered sc32-create.sh registers.
 *
 * <p>The create script runs first, once per node, against stand-ins for {@code clresourcetype},
 * {@code clresourcegroup}, {@code clresource} and {@code clreslogicalhostname} that record their
 * arguments; the GDS resource's properties are read from what it passed. Each node's script names
 * that node's install prefix, which stands for the one JobCenter path of a real cluster. Then, as
 * SUNW.gds(5) documents:
 *
 * <ul>
 *   <li>start: Start_command is handed to a shell under PMF; with Child_mon_level=0 PMF follows
 *       that process alone. The start method succeeds once GDS's probe connects to every Port_list
 *       port on the logical host (607/tcp is the runtime's NQS port here), within Start_timeout;
 *   <li>the end of the followed process is the resource's failure. The resource group fails over
 *       (as with Retry_count=0: the harness does not restart in place first);
 *   <li>stop: Stop_command runs with 80% of Stop_timeout; then, whatever it did, GDS sends SIGKILL
 *       to what is left of the PMF tag, within 15% more. The stop fails only if something is left.
 * </ul>
 */
final class SunClusterGds extends FailoverGroup {
  static final String FAKE_COMMAND =
      """
      #!/bin/sh
      # Stand-in for a Sun Cluster 3.2 command: nothing exists yet ("show" fails), anything else
      # succeeds and is recorded, one call per line, words separated by the unit separator.
      [ "${1:-}" = show ] && exit 1
      { printf '%s' "${0##*/}"; for word in "$@"; do printf '\\037%s' "$word"; done; printf '\\n'; } >> "$SC_RECORD"
      exit 0
      """;

  /** The GDS resource's properties, per node, as the create script set them. */
  private final Map<Node, Map<String, String>> properties = new LinkedHashMap<>();

  SunClusterGds(TwoNodeCluster cluster, Site site) {
    super(cluster, site, "suncluster");
    try {
      Path fake = Files.createDirectories(cluster.root.resolve("sc-commands"));
      for (String command : List.of("clresourcetype", "clresourcegroup", "clresource", "clreslogicalhostname")) {
        TwoNodeCluster.writeExecutable(fake.resolve(command), FAKE_COMMAND);
      }
      for (Node n : List.of(cluster.a, cluster.b)) {
        Path record = cluster.root.resolve("sc-record-" + n.name() + "-" + site.name());
        Map<String, String> env = new TreeMap<>(cluster.environment(n, true));
        env.put("PATH", fake + ":" + env.get("PATH"));
        env.put("SC_RECORD", record.toString());
        Path create = n.scripts().resolve("suncluster").resolve(site.name()).resolve("sc32-create.sh");
        TwoNodeCluster.Result r = cluster.run(List.of("/bin/sh", create.toString()), env, "sc32-create-" + n.name());
        if (r.exitCode() != 0) {
          throw new AssertionError("sc32-create.sh on " + n + ": " + r.describe());
        }
        properties.put(n, gdsProperties(Files.readAllLines(record), site));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The -p NAME=VALUE of the {@code clresource create -t SUNW.gds} call; checks the logical host. */
  private static Map<String, String> gdsProperties(List<String> calls, Site site) {
    Map<String, String> gds = null;
    boolean logicalHost = false;
    for (String call : calls) {
      List<String> words = List.of(call.split("\037", -1));
      if (words.get(0).equals("clreslogicalhostname") && words.contains("create")) {
        logicalHost = words.get(words.indexOf("-h") + 1).equals(site.name());
      }
      if (words.get(0).equals("clresource") && words.get(1).equals("create") && words.contains("SUNW.gds")) {
        gds = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i + 1 < words.size(); i++) {
          if (words.get(i).equals("-p")) {
            String p = words.get(i + 1);
            gds.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
          }
        }
      }
    }
    if (gds == null || !logicalHost) {
      throw new AssertionError("sc32-create.sh made no GDS resource, or no logical host " + site.name() + ": " + calls);
    }
    return gds;
  }

  String property(Node node, String name) {
    return Optional.ofNullable(properties.get(node).get(name))
        .orElseThrow(() -> new AssertionError("the GDS resource has no " + name + ": " + properties.get(node)));
  }

  @Override
  Optional<Process> start(Node node, boolean failover) {
    if (!property(node, "Child_mon_level").equals("0")) {
      throw new AssertionError("this harness plays Child_mon_level=0 only: " + properties.get(node));
    }
    long begin = System.nanoTime();
    // PMF: the command in a process group of its own, the tag's processes.
    Process p =
        cluster.start(List.of("/usr/bin/setsid", "/bin/sh", "-c", property(node, "Start_command")),
            cluster.environment(node, true), "gds-start-" + node.name() + "-" + site.name());
    Duration limit = seconds(Long.parseLong(property(node, "Start_timeout")));
    boolean probed = false;
    while (System.nanoTime() - begin < limit.toNanos() && p.isAlive()) {
      probed = List.of(property(node, "Port_list").split(",")).stream()
          .allMatch(port -> SiteProbe.accepting(site.address(), port.startsWith("607/") ? cluster.port : Integer.parseInt(port.split("/")[0])));
      if (probed) {
        break;
      }
      SiteProbe.sleep(20);
    }
    record(new Step("start method (probe " + (probed ? "answered" : "failed") + ")", node, probed ? 0 : 1,
        Duration.ofNanos(System.nanoTime() - begin), ""));
    return Optional.of(p);
  }

  @Override
  int stop(Node node, Optional<Process> watched, boolean failover) {
    Duration timeout = seconds(Long.parseLong(property(node, "Stop_timeout")));
    long begin = System.nanoTime();
    Process stop =
        cluster.start(List.of("/bin/sh", "-c", property(node, "Stop_command")), cluster.environment(node, true),
            "gds-stop-" + node.name() + "-" + site.name());
    int status = waitFor(stop, timeout.multipliedBy(80).dividedBy(100)) ? stop.exitValue() : -1;
    if (status == -1) {
      stop.destroyForcibly();
    }
    record(new Step("Stop_command", node, status, Duration.ofNanos(System.nanoTime() - begin), cluster.output(stop)));
    boolean killed = false;
    if (watched.isPresent() && watched.get().isAlive()) {
      killed = true;
      TwoNodeCluster.signalGroup(cluster, "KILL", watched.get().pid());
      waitFor(watched.get(), timeout.multipliedBy(15).dividedBy(100));
    }
    boolean left = watched.isPresent() && watched.get().isAlive();
    record(new Step("stop method (" + (killed ? "SIGKILL sent" : "nothing left to kill") + ")", node, left ? 1 : 0,
        Duration.ofNanos(System.nanoTime() - begin), ""));
    return left ? 1 : 0;
  }

  private static boolean waitFor(Process p, Duration d) {
    try {
      return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
