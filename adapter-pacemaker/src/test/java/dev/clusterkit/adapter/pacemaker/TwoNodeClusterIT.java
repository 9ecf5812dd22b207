package dev.clusterkit.adapter.pacemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.runtime.JobSpool;
import dev.clusterkit.core.runtime.ShimInstaller;
import dev.clusterkit.core.site.RestartRule;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JobCenter site failing over on a real two-node Pacemaker/Corosync cluster on this machine: two
 * network namespaces joined by a veth pair, each node with private mount, UTS and PID namespaces
 * (two-node.sh, node-run.sh), corosync and pacemakerd started directly from a pre-seeded CIB with a
 * 2 s dc-deadtime, the site database in a folder both nodes see, the relocatable address an IPaddr2
 * on the veth subnet, the site run by the generated agent against the embedded runtime, configured
 * by the generated pcs script on the live cluster. Traffic stays on the link the test made; both
 * nodes, the namespaces and the link are removed at the end, also when a step fails.
 */
class TwoNodeClusterIT {
  private static final String SITE = "jcsite.example.test";
  private static final String NODE1 = "node1.example.test";
  private static final String NODE2 = "node2.example.test";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path tmp;
  private Path work;
  private String tag;
  private String net;
  private Path db;
  private String group;

  @Test
  void aSiteStartsRecoversFailsOverAndMovesWithoutLosingJobs() throws Exception {
    requireNamespaces();
    for (String[] tool : new String[][] {{"corosync", "corosync"}, {"pacemakerd", "pacemaker"}, {"pcs", "pcs"},
        {"crm_mon", "pacemaker-cli-utils"}, {"nsenter", "util-linux"}, {"unshare", "util-linux"}}) {
      Shell.requireTool(tool[0], tool[1]);
    }
    long pid = ProcessHandle.current().pid();
    tag = "ckpm" + pid % 10000;
    net = "10.231." + (pid % 200 + 20);
    work = tmp.toRealPath();
    prepare();
    Thread cleanup = new Thread(this::down, "two-node-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      scenarios();
    } finally {
      down();
      Runtime.getRuntime().removeShutdownHook(cleanup);
      Shell.Result left = Shell.run(List.of("ip", "netns", "list"));
      assertFalse(left.stdout().contains(tag + "-n"), "namespaces removed: " + left.stdout());
      assertEquals(List.of(), processesUnder(work), "no process of the cluster is left");
    }
  }

  private void scenarios() throws Exception {
    long t0 = System.nanoTime();
    run("up", net);
    await("both nodes online", () -> crmMon(1).contains("Online: [ " + NODE1 + " " + NODE2 + " ]"));
    System.out.printf(Locale.ROOT, "[two-node] cluster formed in %.1f s%n", seconds(t0));

    // cjcmksite on node 1, which must have the relocatable address meanwhile (guide 2.3.5).
    Shell.Result made = node(1, "sh", "-c", "ip addr add " + net + ".100/24 dev jc0 && \"$0\" " + SITE + " 300 \"$1\"; rc=$?;"
        + " ip addr del " + net + ".100/24 dev jc0; exit $rc", work.resolve("nqs/cluster/cjcmksite").toString(), db.toString());
    assertEquals(0, made.exitCode(), made.describe());
    Files.writeString(db.resolve("nqs/spool/queues"), "# QUEUE RESTART\nbatch RESTART\nnightly PURGE\nmanual STOP\n");
    Files.writeString(db.resolve("etc/site.conf"), "BOOT_TIMEOUT=30\nSTOP_TIMEOUT=30\nFORCEKILL_TIME=10\n");

    // The generated pcs script, on the live cluster.
    long t1 = System.nanoTime();
    Shell.Result pcs = node(1, "sh", work.resolve("pacemaker/pcs-setup.sh").toString());
    assertEquals(0, pcs.exitCode(), pcs.describe());
    await("the site runs on node 1", () -> siteOn(1) && resourceOn(group + "-site", NODE1));
    System.out.printf(Locale.ROOT, "[two-node] configured and started on node 1 in %.1f s%n", seconds(t1));
    assertTrue(node(1, "ip", "-4", "addr", "show", "jc0").stdout().contains(net + ".100/24"), "the address is on node 1");

    // A daemon dies: cjcpw stops the site, the monitor sees it, Pacemaker restarts it in place.
    long daemon = daemonPid(1);
    long t2 = System.nanoTime();
    assertEquals(0, node(1, "kill", "-KILL", Long.toString(daemon)).exitCode());
    await("the failure is seen", () -> crmMon(1).contains("monitor on " + NODE1));
    double detected = seconds(t2);
    await("the site runs again on node 1", () -> siteOn(1) && daemonPid(1) != daemon);
    double ready = seconds(t2);
    await("Pacemaker has the site started on node 1", () -> resourceOn(group + "-site", NODE1) && siteOn(1));
    System.out.printf(Locale.ROOT, "[two-node] daemon killed: detected after %.1f s, site ready again after %.1f s%n",
        detected, ready);

    // Jobs running when node 1 dies: one per rule of the restart matrix (guide 2.5.4).
    List<JobSpool.Job> running = List.of(
        job("1001", "batch", RestartRule.JobRestart.ENABLE, JobSpool.State.RUNNING),
        job("1002", "batch", RestartRule.JobRestart.DISABLE, JobSpool.State.RUNNING),
        job("1003", "nightly", RestartRule.JobRestart.ENABLE, JobSpool.State.RUNNING),
        job("1004", "manual", RestartRule.JobRestart.ENABLE, JobSpool.State.RUNNING),
        job("1005", "batch", RestartRule.JobRestart.ENABLE, JobSpool.State.QUEUED));
    writeJobs(running);
    long t3 = System.nanoTime();
    run("crash", "1");
    await("node 1 is seen gone", () -> crmMon(2).contains("OFFLINE: [ " + NODE1 + " ]"));
    double gone = seconds(t3);
    await("the site runs on node 2", () -> siteOn(2) && resourceOn(group + "-site", NODE2));
    System.out.printf(Locale.ROOT, "[two-node] node 1 killed: detected after %.1f s, site ready on node 2 after %.1f s%n",
        gone, seconds(t3));
    assertTrue(node(2, "ip", "-4", "addr", "show", "jc0").stdout().contains(net + ".100/24"), "the address moved");
    Map<String, String> expected = new TreeMap<>();
    for (JobSpool.Job j : running) {
      if (j.state() != JobSpool.State.RUNNING) {
        expected.put(j.id(), j.state().name());
        continue;
      }
      RestartRule.QueueRestart q = RestartRule.QueueRestart.valueOf(
          Map.of("batch", "RESTART", "nightly", "PURGE", "manual", "STOP").get(j.queue()));
      switch (RestartRule.outcome(q, j.restart()).fate()) {
        case RERUN -> expected.put(j.id(), "QUEUED");
        case HELD_IN_STOPPED_QUEUE -> expected.put(j.id(), "HELD");
        case DELETED -> {
          // gone
        }
      }
    }
    assertEquals(expected, jobStates(), "running jobs follow the restart matrix");
    assertEquals(Map.of("1001", "QUEUED", "1004", "HELD", "1005", "QUEUED"), expected, "the matrix as the guide gives it");

    // Node 1 comes back; a planned move to it loses no job.
    run("start", "1");
    await("node 1 rejoins", () -> crmMon(2).contains("Online: [ " + NODE1 + " " + NODE2 + " ]"));
    // Until node 1's probes are in, its state from before the crash may still count.
    await("node 1 probed: the site runs on node 2 only", () -> locate(group).equals(List.of(NODE2)));
    Map<String, String> before = jobStates();
    long t4 = System.nanoTime();
    // While a transition for node 1's return is still running, crm_resource may answer "Multiple
    // items match request": ask again, as an operator would.
    await("the move is accepted", () -> node(2, "crm_resource", "--move", "--resource", group, "--node", NODE1).exitCode() == 0);
    await("the site runs on node 1 again", () -> siteOn(1) && resourceOn(group + "-site", NODE1));
    System.out.printf(Locale.ROOT, "[two-node] planned move to node 1 took %.1f s%n", seconds(t4));
    assertEquals(before, jobStates(), "a planned move loses no job");
    assertFalse(siteOn(2), "nothing of the site is left on node 2");
    assertTrue(Files.readString(db.resolve("nqs/log/cjcpw.log")).contains("cjcpw -stop"), "node 2 stopped it with cjcpw -stop");
    node(2, "crm_resource", "--clear", "--resource", group);
  }

  // ---- the cluster ----

  private void prepare() throws Exception {
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    db = Files.createDirectories(work.resolve("shared/jobdb"));
    Path prefix = work.resolve("nqs");
    ShimInstaller.install(prefix);
    ClusterSpec spec = Specs.parse("""
        apiVersion: clusterkit/v1
        kind: Cluster
        name: two-node
        platform: linux
        installRoot: %s
        nodes:
          - name: %s
          - name: %s
        sites:
          - name: %s
            machineId: 300
            database: %s
            address: %s.100
            siteConf:
              bootTimeout: 30
              stopTimeout: 30
              forceKillTime: 10
            targets:
              pacemaker:
                nic: jc0
        targets:
          pacemaker:
            monitorInterval: 5
            monitorTimeout: 30
        """.formatted(prefix, NODE1, NODE2, SITE, db, net));
    List<Artifact> artifacts = Specs.render(spec);
    for (Artifact a : artifacts) {
      Path f = work.resolve(a.path());
      Files.createDirectories(f.getParent());
      Files.write(f, a.bytes());
      Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(a.mode().octal() == 0755 ? "rwxr-xr-x" : "rw-r--r--"));
    }
    Path ra = work.resolve("ra");
    Files.createDirectories(ra);
    Files.move(work.resolve("pacemaker/resource.d/clusterkit"), ra.resolve("clusterkit"));
    group = PacemakerAdapter.defaultGroup("jcsite");
    for (String script : List.of("two-node.sh", "node-run.sh")) {
      try (InputStream in = getClass().getResourceAsStream("/cluster/" + script)) {
        Files.write(work.resolve(script), in.readAllBytes());
      }
    }
    Files.writeString(work.resolve("hosts"), net + ".100 " + SITE + "\n");
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    for (int n = 1; n <= 2; n++) {
      Path node = work.resolve("node" + n);
      for (String d : List.of("etc-corosync", "var-lib-pacemaker/cib", "var-lib-pacemaker/pengine", "var-lib-pacemaker/blackbox",
          "var-lib-pacemaker/cores", "var-lib-corosync", "log-pacemaker", "log-corosync", "spool")) {
        Files.createDirectories(node.resolve(d));
      }
      Files.writeString(node.resolve("etc-corosync/corosync.conf"), corosyncConf());
      Files.writeString(node.resolve("env"), "CLUSTERKIT_SPOOL_ROOT=" + node.resolve("spool") + "\nCLUSTERKIT_HOSTS_FILE="
          + work.resolve("hosts") + "\nCLUSTERKIT_HOSTNAME=node" + n + ".example.test\nCLUSTERKIT_NQS_PORT=" + port
          + "\nCLUSTERKIT_SECOND_MS=100\n");
      Path cib = node.resolve("var-lib-pacemaker/cib/cib.xml");
      Files.writeString(cib, """
          <cib validate-with="pacemaker-3.0" admin_epoch="0" epoch="1" num_updates="0">
            <configuration>
              <crm_config>
                <cluster_property_set id="it-options">
                  <nvpair id="it-stonith-enabled" name="stonith-enabled" value="false"/>
                  <nvpair id="it-dc-deadtime" name="dc-deadtime" value="2s"/>
                </cluster_property_set>
              </crm_config>
              <nodes/>
              <resources/>
              <constraints/>
              <rsc_defaults>
                <meta_attributes id="it-rsc-defaults">
                  <nvpair id="it-stickiness" name="resource-stickiness" value="100"/>
                </meta_attributes>
              </rsc_defaults>
            </configuration>
            <status/>
          </cib>
          """);
      Shell.Result own = Shell.run(List.of("chown", "-R", "hacluster:haclient", node.resolve("var-lib-pacemaker").toString(),
          node.resolve("log-pacemaker").toString()));
      assertEquals(0, own.exitCode(), own.describe());
      Files.setPosixFilePermissions(cib, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private String corosyncConf() {
    return """
        totem {
            version: 2
            cluster_name: %s
            transport: knet
            crypto_cipher: none
            crypto_hash: none
            token: 1000
        }
        nodelist {
            node {
                name: %s
                nodeid: 1
                ring0_addr: %s.1
            }
            node {
                name: %s
                nodeid: 2
                ring0_addr: %s.2
            }
        }
        quorum {
            provider: corosync_votequorum
            two_node: 1
        }
        logging {
            to_logfile: yes
            logfile: /var/log/corosync/corosync.log
            to_stderr: no
            to_syslog: no
        }
        """.formatted(tag, NODE1, net, NODE2, net);
  }

  private void down() {
    if (work != null && Files.exists(work.resolve("two-node.sh"))) {
      Shell.run(List.of("sh", work.resolve("two-node.sh").toString(), "down", work.toString(), tag), Map.of(), work, 60);
    }
  }

  private void run(String action, String arg) {
    Shell.Result r = Shell.run(List.of("sh", work.resolve("two-node.sh").toString(), action, work.toString(), tag, arg), Map.of(), work, 120);
    assertEquals(0, r.exitCode(), "two-node.sh " + action + " " + arg + "\n" + r.describe());
  }

  /** A command inside node {@code n}, with the embedded runtime's settings of that node. */
  private Shell.Result node(int n, String... command) {
    List<String> cmd = new ArrayList<>(List.of("sh", work.resolve("two-node.sh").toString(), "exec", work.toString(), tag,
        Integer.toString(n), "sh", "-c", "set -a; . \"$0\"; set +a; exec \"$@\"", work.resolve("node" + n + "/env").toString()));
    cmd.addAll(List.of(command));
    return Shell.run(cmd, Map.of(), work, 120);
  }

  private String crmMon(int n) {
    Shell.Result r = node(n, "crm_mon", "-1", "--failcounts");
    return r.stdout();
  }

  private boolean resourceOn(String resource, String nodeName) {
    for (int n = 1; n <= 2; n++) {
      String mon = crmMon(n);
      if (!mon.isEmpty()) {
        return Pattern.compile(Pattern.quote(resource) + "\\s+\\([^)]*\\):\\s+Started " + Pattern.quote(nodeName)).matcher(mon).find();
      }
    }
    return false;
  }

  /** The nodes Pacemaker says a resource runs on. */
  private List<String> locate(String resource) {
    Shell.Result r = node(2, "crm_resource", "--locate", "--resource", resource);
    List<String> nodes = new ArrayList<>();
    Matcher m = Pattern.compile("is running on: (\\S+)").matcher(r.stdout());
    while (m.find()) {
      nodes.add(m.group(1));
    }
    return nodes;
  }

  /** Whether cjcls on node {@code n} shows the site's daemons up under cjcpw. */
  private boolean siteOn(int n) {
    return cjclsRow(n).map(r -> r.matches("\\S+\\s+\\d+\\s+.*\\sON")).orElse(false);
  }

  private Optional<String> cjclsRow(int n) {
    Shell.Result r = node(n, work.resolve("nqs/cluster/cjcls").toString());
    if (r.exitCode() != 0) {
      return Optional.empty();
    }
    return r.stdout().lines().filter(l -> l.startsWith(SITE)).findFirst();
  }

  private long daemonPid(int n) {
    Matcher m = Pattern.compile("\\S+\\s+(\\d+)\\s").matcher(cjclsRow(n).orElse(""));
    return m.lookingAt() ? Long.parseLong(m.group(1)) : -1;
  }

  private static JobSpool.Job job(String id, String queue, RestartRule.JobRestart restart, JobSpool.State state) {
    return new JobSpool.Job(id, queue, restart, state);
  }

  private void writeJobs(List<JobSpool.Job> jobs) throws IOException {
    StringBuilder s = new StringBuilder("# JOB-ID QUEUE RESTART STATE\n");
    for (JobSpool.Job j : jobs) {
      s.append(j.id()).append(' ').append(j.queue()).append(' ').append(j.restart()).append(' ').append(j.state()).append('\n');
    }
    Files.writeString(db.resolve("nqs/spool/jobs"), s.toString());
  }

  private Map<String, String> jobStates() throws Exception {
    Map<String, String> states = new TreeMap<>();
    for (JobSpool.Job j : JobSpool.readJobs(db.resolve("nqs/spool/jobs"))) {
      states.put(j.id(), j.state().name());
    }
    return states;
  }

  private void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + WAIT.toSeconds() + " s: " + what + "\n--- node 1\n" + crmMon(1) + "\n--- node 2\n" + crmMon(2)
            + "\n--- node 1 cjcls\n" + cjclsRow(1) + "\n--- node 2 cjcls\n" + cjclsRow(2));
      }
      Thread.sleep(200);
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** Skips, saying why, where this machine cannot make network namespaces (not root, no CAP_SYS_ADMIN, ...). */
  private static void requireNamespaces() {
    Shell.Result id = Shell.run(List.of("id", "-u"));
    Assumptions.assumeTrue(id.stdout().strip().equals("0"), "the two-node cluster needs root to create network namespaces");
    Shell.requireTool("ip", "iproute2");
    String probe = "ckprobe" + ProcessHandle.current().pid() % 100000;
    Shell.Result add = Shell.run(List.of("ip", "netns", "add", probe));
    Shell.run(List.of("ip", "netns", "del", probe));
    Assumptions.assumeTrue(add.exitCode() == 0,
        "this machine cannot create network namespaces ('ip netns add' failed: " + add.stderr().strip() + ")");
  }

  private static List<Long> processesUnder(Path dir) throws IOException {
    List<Long> found = new ArrayList<>();
    try (var procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        try {
          String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
          if (cmdline.contains(dir.toString()) && !cmdline.contains("surefire") && !cmdline.contains("failsafe")) {
            found.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException | java.io.UncheckedIOException gone) {
          // Gone, or not readable.
        }
      }
    }
    return found;
  }
}
