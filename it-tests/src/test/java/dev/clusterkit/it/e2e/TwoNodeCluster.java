package dev.clusterkit.it.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.runtime.ShimInstaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Two cluster nodes on this machine, A and B, for the failover tests.
 *
 * <ul>
 *   <li>Each node is a spool root and an install prefix holding the command shims ({@link
 *       ShimInstaller}); what makes a process "run on" a node is its {@code CLUSTERKIT_*}
 *       environment (spool root, host name), which every process it starts inherits.
 *   <li>One folder, {@code shared/}, is the shared disk: it holds the site databases, made once with
 *       {@code cjcmksite} on A. B never runs cjcmksite; its link appears when the site first starts
 *       there.
 *   <li>Each site's relocatable address is a loopback address (127.0.0.0/8 is all on {@code lo}),
 *       its name resolved through a hosts file the runtime reads ({@code CLUSTERKIT_HOSTS_FILE}).
 *       Both nodes see the address at once: the harness, like the cluster software, makes sure only
 *       one node runs the site.
 *   <li>The NQS port is a free port instead of 607; one site.conf second lasts {@link #SECOND_MS}
 *       ms, and the harness plays the cluster software's timeouts at the same pace.
 * </ul>
 *
 * Every process started here carries {@code CLUSTERKIT_E2E_RUN=<token>} in its environment, and
 * daemons inherit it; {@link #close} kills each process carrying this run's token, by PID.
 */
final class TwoNodeCluster implements AutoCloseable {
  static final String MARKER = "CLUSTERKIT_E2E_RUN";
  static final int SECOND_MS = 50;
  static final Duration WAIT = Duration.ofSeconds(90);

  /** The sites' site.conf, in the spec and in the databases: 30, 10 and 1 s at this pace. */
  static final int BOOT_TIMEOUT = 600;

  static final int STOP_TIMEOUT = 200;
  static final int FORCEKILL_TIME = 20;

  /** A node: its host name, spool root, install prefix and the scripts rendered for it. */
  record Node(String name, Path spool, Path prefix, Path scripts) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A site of the cluster: what the spec says about it. */
  record Site(String name, String address, Path db, int machineId, boolean watched, boolean portKeeper) {
    /** The link name under a spool root: the address in hex (guide 2.5.3). */
    String linkName() {
      StringBuilder hex = new StringBuilder();
      for (String octet : address.split("\\.")) {
        hex.append(String.format("%02X", Integer.parseInt(octet)));
      }
      return hex.toString();
    }
  }

  /** A site to make: watched or not, with the port keeper or not. */
  record SiteOptions(boolean watched, boolean portKeeper) {}

  /** A command that ran to its end. */
  record Result(int exitCode, String output, Duration took) {
    String describe() {
      return "exit " + exitCode + " after " + took.toMillis() + " ms\n" + output;
    }
  }

  final Path root;
  final String token = UUID.randomUUID().toString();
  final Path hosts;
  final Path shared;
  final Path bin;
  final Path logs;
  final int port;
  final Node a;
  final Node b;
  final List<Site> sites = new ArrayList<>();
  private int commands;

  TwoNodeCluster(Path tmp, List<SiteOptions> options) throws IOException {
    this.root = tmp.toRealPath();
    this.shared = Files.createDirectories(root.resolve("shared"));
    this.bin = Files.createDirectories(root.resolve("bin"));
    this.logs = Files.createDirectories(root.resolve("logs"));
    this.hosts = root.resolve("hosts");
    this.a = node("node-a.e2e.example.test", "a");
    this.b = node("node-b.e2e.example.test", "b");
    // A /16 of loopback of its own, so that tests running at the same time on this machine
    // (other modules' runtime tests use 127.0.0.x) do not meet.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String net = "127." + random.nextInt(100, 200) + "." + random.nextInt(1, 255) + ".";
    StringBuilder hostsText = new StringBuilder("# the site names of the e2e cluster\n");
    for (int i = 0; i < options.size(); i++) {
      Site s =
          new Site(
              "jobs" + (i + 1) + ".e2e.example.test",
              net + (11 + i),
              shared.resolve("jobdb" + (i + 1)),
              301 + i,
              options.get(i).watched(),
              options.get(i).portKeeper());
      sites.add(s);
      Files.createDirectories(s.db);
      hostsText.append(s.address).append(' ').append(s.name).append('\n');
    }
    Files.writeString(hosts, hostsText.toString());
    this.port = freePort();
    writeExecutable(bin.resolve("jobrunner.sh"), JobSpoolFixture.RUNNER);
  }

  private Node node(String name, String dir) throws IOException {
    Path prefix = root.resolve(dir).resolve("usr/lib/nqs");
    ShimInstaller.install(prefix);
    return new Node(
        name,
        Files.createDirectories(root.resolve(dir).resolve("spool")),
        prefix,
        Files.createDirectories(root.resolve(dir).resolve("scripts")));
  }

  Node other(Node n) {
    return n.equals(a) ? b : a;
  }

  Site site(int index) {
    return sites.get(index);
  }

  /** A TCP port free on every site address now. */
  private int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate;
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getByName(sites.get(0).address), 0));
        candidate = s.getLocalPort();
      }
      if (sites.stream().allMatch(s -> free(s.address, candidate))) {
        return candidate;
      }
    }
    throw new IOException("no port free on all site addresses");
  }

  private static boolean free(String address, int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(address), port));
      return true;
    } catch (IOException busy) {
      return false;
    }
  }

  /**
   * The environment of processes on {@code node}: the machine it stands for ({@code
   * CLUSTERKIT_*}), the run token, and PATH when the cluster software passes one.
   */
  Map<String, String> environment(Node node, boolean withPath) {
    Map<String, String> env = new TreeMap<>();
    env.put("CLUSTERKIT_SPOOL_ROOT", node.spool.toString());
    env.put("CLUSTERKIT_NQS_PORT", Integer.toString(port));
    env.put("CLUSTERKIT_HOSTS_FILE", hosts.toString());
    env.put("CLUSTERKIT_HOSTNAME", node.name);
    env.put("CLUSTERKIT_SECOND_MS", Integer.toString(SECOND_MS));
    // A holder left by a failed test lets the port go by itself.
    env.put("CLUSTERKIT_PORTKEEPER_TIMEOUT", "60");
    env.put(MARKER, token);
    if (withPath) {
      env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    }
    return env;
  }

  /** Starts {@code command} with exactly {@code env}; its output goes to a log file. */
  Process start(List<String> command, Map<String, String> env, String label) {
    try {
      Path log = logs.resolve(String.format("%03d-%s.log", ++commands, label.replaceAll("[^A-Za-z0-9.-]", "_")));
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(log.toFile())
              .redirectErrorStream(true);
      pb.environment().clear();
      pb.environment().putAll(env);
      Process p = pb.start();
      logOf.put(p.pid(), log);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final Map<Long, Path> logOf = new java.util.concurrent.ConcurrentHashMap<>();

  /** The runtime agent of each node, once {@link #startAgents} ran. */
  final Map<Node, Process> agents = new LinkedHashMap<>();

  /** Whether {@code pid} is a node's runtime agent, which runs whether a site does or not. */
  boolean isAgent(long pid) {
    return agents.values().stream().anyMatch(p -> p.pid() == pid);
  }

  /**
   * Starts a runtime agent on each node ({@code PREFIX/clusterkit-agent}, with the node's
   * environment), with {@code stackLimit} as its {@code ulimit -s} when given: the limit the
   * product's scripts give cjcpw, or the agent would send cjcpw to a JVM of its own.
   */
  void startAgents(java.util.Optional<String> stackLimit) throws InterruptedException {
    for (Node node : List.of(a, b)) {
      String launch = stackLimit.map(l -> "ulimit -s " + l + "; ").orElse("") + "exec \"$0\"";
      Process agent = start(
          List.of("/bin/sh", "-c", launch, node.prefix.resolve("clusterkit-agent").toString()), environment(node, true), "agent-" + node.name);
      agents.put(node, agent);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!output(agent).contains("serving " + node.prefix)) {
        if (!agent.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError("the agent of " + node + " did not start:\n" + output(agent));
        }
        Thread.sleep(20);
      }
    }
  }

  /** What a process started by {@link #start} printed so far. */
  String output(Process p) {
    try {
      return Files.readString(logOf.get(p.pid()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Runs {@code command} to its end, at most {@link #WAIT}. */
  Result run(List<String> command, Map<String, String> env, String label) {
    long start = System.nanoTime();
    Process p = start(command, env, label);
    try {
      if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new AssertionError(label + " did not finish within " + WAIT.toSeconds() + " s:\n" + output(p));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Result(p.exitValue(), output(p), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * Renders {@code specYaml} once per node, its {@code @INSTALL_ROOT@} replaced by the node's
   * install prefix, into the node's scripts folder; checks that the two differ in that path only.
   */
  void render(String specYaml) throws Exception {
    ClusterKit kit = ClusterKit.create();
    Map<Node, List<Artifact>> rendered = new LinkedHashMap<>();
    for (Node n : List.of(a, b)) {
      Path spec = n.scripts.resolve("cluster.yaml");
      Files.writeString(spec, specYaml.replace("@INSTALL_ROOT@", n.prefix.toString()));
      List<Artifact> artifacts = kit.render(kit.loadSpec(spec), RenderOptions.ALL);
      for (Artifact art : artifacts) {
        Path file = n.scripts.resolve(art.path());
        Files.createDirectories(file.getParent());
        Files.write(file, art.bytes());
        if (art.path().endsWith(".sh")) {
          Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
      }
      rendered.put(n, artifacts);
    }
    List<Artifact> fromA = rendered.get(a);
    List<Artifact> fromB = rendered.get(b);
    assertEquals(fromA.stream().map(Artifact::path).toList(), fromB.stream().map(Artifact::path).toList());
    for (int i = 0; i < fromA.size(); i++) {
      String onA = fromA.get(i).text().replace(a.prefix.toString(), b.prefix.toString());
      assertArrayEquals(
          onA.getBytes(StandardCharsets.UTF_8),
          fromB.get(i).text().getBytes(StandardCharsets.UTF_8),
          fromA.get(i).path() + " differs between the nodes in more than the install prefix");
    }
  }

  /** The spec of this cluster for one platform and its targets, with {@code @INSTALL_ROOT@}. */
  String spec(String platform, String clusterTargets, java.util.function.IntFunction<String> siteTargets) {
    StringBuilder y = new StringBuilder();
    y.append("apiVersion: clusterkit/v1\nkind: Cluster\nname: e2e\n");
    y.append("platform: ").append(platform).append("\ninstallRoot: @INSTALL_ROOT@\n");
    y.append("nodes:\n  - name: ").append(a.name).append("\n  - name: ").append(b.name).append('\n');
    y.append("sites:\n");
    for (int i = 0; i < sites.size(); i++) {
      Site s = sites.get(i);
      y.append("  - name: ").append(s.name).append('\n');
      y.append("    machineId: ").append(s.machineId).append('\n');
      y.append("    database: ").append(s.db).append('\n');
      y.append("    address: ").append(s.address).append('\n');
      y.append("    watched: ").append(s.watched).append('\n');
      y.append("    portKeeper: ").append(s.portKeeper).append('\n');
      y.append("    siteConf:\n      bootTimeout: ").append(BOOT_TIMEOUT).append("\n      stopTimeout: ").append(STOP_TIMEOUT)
          .append("\n      forceKillTime: ").append(FORCEKILL_TIME).append('\n');
      String t = siteTargets.apply(i);
      if (!t.isEmpty()) {
        y.append("    targets:\n").append(t.indent(6));
      }
    }
    y.append("targets:\n").append(clusterTargets.indent(2));
    return y.toString();
  }

  /**
   * Makes every site database on the shared disk with {@code cjcmksite} on A, as the guide's
   * procedure does (2.3.5), then gives it the test daemons, the job spool of {@code jobs} and a
   * site.conf.
   */
  void createSites(JobSpoolFixture jobs) throws IOException {
    for (Site s : sites) {
      Result made =
          run(
              List.of("/bin/sh", "-c", "umask 022 && exec \"$0\" \"$@\"", a.prefix.resolve("cluster/cjcmksite").toString(),
                  s.name, Integer.toString(s.machineId), s.db.toString()),
              environment(a, true),
              "cjcmksite-" + s.name);
      assertEquals(0, made.exitCode(), "cjcmksite on A:\n" + made.describe());
      // The site's daemons: cjcmksite's NQS port daemon, then the job runner once it is ready.
      Files.writeString(
          s.db.resolve("nqs/daemons.conf"),
          "\n[jobrunner]\nexec=/bin/sh\narg=" + bin.resolve("jobrunner.sh") + "\narg=" + jobs.runnerLimit()
              + "\nready=alive 100\nawait=ready\n",
          java.nio.file.StandardOpenOption.APPEND);
      Files.writeString(s.db.resolve("etc/site.conf"),
          "BOOT_TIMEOUT=" + BOOT_TIMEOUT + "\nSTOP_TIMEOUT=" + STOP_TIMEOUT + "\nFORCEKILL_TIME=" + FORCEKILL_TIME + "\n");
      jobs.writeTo(s.db);
    }
  }

  /** Sends {@code signal} to the process group {@code leader} leads, with the shell's kill. */
  static Result signalGroup(TwoNodeCluster cluster, String signal, long leader) {
    return cluster.run(List.of("/bin/sh", "-c", "kill -" + signal + " -" + leader), Map.of(), "kill-" + signal);
  }

  static void writeExecutable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Kills, by PID, every process that carries this run's token; waits until none is left. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (true) {
      List<Long> left = Proc.withEnvironment(MARKER, token);
      if (left.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("processes of the e2e run still alive after SIGKILL: " + left);
      }
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
