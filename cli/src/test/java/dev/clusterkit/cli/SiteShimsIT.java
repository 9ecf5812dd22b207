package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated CLUSTERPRO scripts run unchanged against {@code clusterkit site install-shims}: the
 * example specs rendered with {@code installRoot} at the shim prefix, started and stopped as
 * CLUSTERPRO would, with real processes and the shaded {@code cli/target/clusterkit.jar}.
 */
class SiteShimsIT {
  @TempDir Path tmp;
  private SiteMachine m;
  private Path prefix;
  private final Map<String, String> env = new TreeMap<>();

  @BeforeEach
  void setUp() throws IOException {
    m = new SiteMachine(tmp);
    Files.writeString(m.hosts, "127.0.0.4 testsite.example.com\n127.0.0.5 jcsite1.example.com\n127.0.0.6 jcsite2.example.com\n");
    env.putAll(m.env);
    env.remove("CLUSTERKIT_SECOND_MS"); // real seconds: a loaded machine must not hit a shortened BOOT_TIMEOUT
    env.put("CLUSTERKIT_PORTKEEPER_TIMEOUT", "60");
    prefix = tmp.resolve("opt/jobcenter");
    Cli.Result shims =
        Cli.run("site", "install-shims", "--prefix", prefix.toString(), "--jar", System.getProperty("clusterkit.jar"));
    assertEquals(0, shims.exit(), shims.describe());
  }

  @AfterEach
  void tearDown() throws IOException {
    m.close();
  }

  /** Renders an example with its sites' databases under tmp, their addresses on loopback, and the shims as install root. */
  private Path render(String example, Map<String, String> replace) throws IOException {
    String spec = Files.readString(TestSetup.repoRoot().resolve("examples").resolve(example));
    for (Map.Entry<String, String> e : replace.entrySet()) {
      assertTrue(spec.contains(e.getKey()), example + " no longer holds " + e.getKey());
      spec = spec.replace(e.getKey(), e.getValue());
    }
    Path file = tmp.resolve(example);
    Files.writeString(file, spec + "installRoot: " + prefix + "\n");
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("render", file.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.describe());
    return out.resolve("clusterpro-linux");
  }

  private Shell.Result run(Map<String, String> extra, String... command) {
    Map<String, String> e = new TreeMap<>(env);
    e.putAll(extra);
    return Shell.run(List.of(command), e, tmp, 120);
  }

  private Shell.Result shim(String path, String... args) {
    List<String> c = new ArrayList<>(List.of(prefix.resolve(path).toString()));
    c.addAll(List.of(args));
    return run(Map.of(), c.toArray(String[]::new));
  }

  /** The site's cjcls row as DAEMON-PID/CJCPW, through the cjcls shim. */
  private Optional<String> state(String site) {
    Shell.Result ls = shim("cluster/cjcls");
    assertEquals(0, ls.exitCode(), ls.describe());
    return ls.stdout().lines().filter(l -> l.startsWith(site + " ")).map(l -> {
      String[] f = l.split("\\s+");
      return f[1] + "/" + f[f.length - 1];
    }).findFirst();
  }

  private Path mksite(String site, String machineId, String dbName) throws IOException {
    Path db = Files.createDirectories(tmp.resolve(dbName));
    Shell.Result mk = shim("cluster/cjcmksite", site, machineId, db.toString());
    assertEquals(0, mk.exitCode(), mk.describe());
    return db;
  }

  private Process start(Path script, Path log) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("sh", script.toString()).directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().put("CLP_EVENT", "START");
    pb.environment().put("CLP_DISK", "SUCCESS");
    return pb.start();
  }

  private static boolean accepting(String address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void renderedWatchedStartAndStopScriptsRunTheSiteAndAFailedDaemonEndsTheStartScript() throws Exception {
    watchedStartAndStop();
  }

  /** The same through the runtime agent: cjcpw and cjcls run in its JVM, cjcmksite in one of its own. */
  @Test
  void renderedWatchedScriptsRunTheSameThroughTheRuntimeAgent() throws Exception {
    Path log = tmp.resolve("agent.log");
    // With the stack limit start.sh gives cjcpw: the agent runs only what would run the same in a JVM of its own.
    String agentCommand = "ulimit -s unlimited; exec '" + TestSetup.repoRoot().resolve("clusterkit") + "' site agent --prefix '" + prefix + "'";
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", agentCommand)
        .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process agent = pb.start();
    try {
      SiteMachine.await(() -> read(log).contains("serving " + prefix) || !agent.isAlive(), "the agent serves the shims");
      assertTrue(agent.isAlive(), read(log));
      watchedStartAndStop();
      String served = Files.readString(log);
      assertTrue(served.contains(": cjcpw testsite.example.com " + tmp.resolve("jobdb") + ": exit code 0"), served);
      assertTrue(served.contains(": cjcpw testsite.example.com " + tmp.resolve("jobdb") + ": exit code 1"), served);
      assertTrue(served.contains(": cjcls: exit code 0"), served);
      assertTrue(!served.contains("cjcmksite"), served);
      assertTrue(!served.contains("in a JVM of its own"), served);
    } finally {
      agent.destroyForcibly();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  private void watchedStartAndStop() throws Exception {
    Path db = tmp.resolve("jobdb");
    Path scripts = render("testsite.yaml", Map.of("/mnt/jobdb", db.toString(), "192.168.10.50", "127.0.0.4"))
        .resolve("testsite.example.com");
    mksite("testsite.example.com", "200", "jobdb");
    assertEquals(Optional.of("SHUT/OFF"), state("testsite.example.com"));

    // START: start.sh execs cjcpw, which stays in the foreground and runs the default daemon on the NQS port.
    Process start = start(scripts.resolve("start.sh"), tmp.resolve("start.log"));
    SiteMachine.await(() -> state("testsite.example.com").map(s -> s.matches("[0-9]+/ON")).orElse(false), "cjcls shows the site running");
    SiteMachine.await(() -> accepting("127.0.0.4", m.port), "the site's daemon listens on its address");
    assertTrue(start.isAlive(), "start.sh lives as long as the site");

    Shell.Result stop = run(Map.of("CLP_EVENT", "START"), "sh", scripts.resolve("stop.sh").toString());
    assertEquals(0, stop.exitCode(), stop.describe());
    assertTrue(start.waitFor(60, TimeUnit.SECONDS), "start.sh ends when the site is stopped");
    assertEquals(0, start.exitValue(), Files.readString(tmp.resolve("start.log")));
    assertEquals(Optional.of("SHUT/OFF"), state("testsite.example.com"));
    assertTrue(!accepting("127.0.0.4", m.port), "the daemon is gone");

    Shell.Result stopAgain = run(Map.of("CLP_EVENT", "START"), "sh", scripts.resolve("stop.sh").toString());
    assertEquals(0, stopAgain.exitCode(), stopAgain.describe());
    assertTrue(stopAgain.stdout().contains("JobCenter site testsite.example.com was already stopped"), stopAgain.describe());

    // FAILOVER start, then the daemon dies: cjcpw, and with it start.sh, exits non-zero for CLUSTERPRO's PID monitor.
    Process again = start(scripts.resolve("start.sh"), tmp.resolve("start2.log"));
    SiteMachine.await(() -> state("testsite.example.com").map(s -> s.matches("[0-9]+/ON")).orElse(false), "the site runs again");
    // Killed once it is up; before, it would be a failed start rather than a failover.
    SiteMachine.await(() -> read(tmp.resolve("start2.log")).contains("all 1 daemons are ready"), "cjcpw reports the daemon ready");
    long daemon = Long.parseLong(state("testsite.example.com").orElseThrow().split("/")[0]);
    ProcessHandle.of(daemon).orElseThrow().destroyForcibly();
    assertTrue(again.waitFor(60, TimeUnit.SECONDS), "start.sh ends when a daemon dies");
    String log = Files.readString(tmp.resolve("start2.log"));
    assertEquals(1, again.exitValue(), log);
    assertTrue(log.contains("stopping the site so the cluster software fails over"), log);
    assertEquals(Optional.of("SHUT/OFF"), state("testsite.example.com"));
  }

  @Test
  void renderedUnwatchedScriptsWithThePortKeeperRunAgainstTheShims() throws Exception {
    Path out = render("two-sites.yaml", Map.of(
        "/mnt/jobdb1", tmp.resolve("jobdb1").toString(), "/mnt/jobdb2", tmp.resolve("jobdb2").toString(),
        "192.168.10.51", "127.0.0.5", "192.168.10.52", "127.0.0.6"));
    Path scripts = out.resolve("jcsite2.example.com");
    assertTrue(Files.readString(scripts.resolve("start.sh")).contains(prefix + "/nqsportkpr jcsite2.example.com"));
    mksite("jcsite2.example.com", "202", "jobdb2");

    Process start = start(scripts.resolve("start.sh"), tmp.resolve("start.log"));
    assertTrue(start.waitFor(120, TimeUnit.SECONDS), "cjcpw -c returns");
    String log = Files.readString(tmp.resolve("start.log"));
    assertEquals(0, start.exitValue(), log);
    assertTrue(log.contains("nqsportkpr: holding port " + m.port + " on 127.0.0.6"), log);
    assertTrue(log.contains("nqsportkpr released port " + m.port + " on 127.0.0.6"), log);
    assertTrue(state("jcsite2.example.com").orElseThrow().matches("[0-9]+/OFF"), "daemons run, no cjcpw watches them");
    assertTrue(accepting("127.0.0.6", m.port));

    Shell.Result stop = run(Map.of("CLP_EVENT", "START"), "sh", scripts.resolve("stop.sh").toString());
    assertEquals(0, stop.exitCode(), stop.describe());
    assertEquals(Optional.of("SHUT/OFF"), state("jcsite2.example.com"));
  }

  @Test
  void theLauncherWritesShimsRunningTheJarItRunsFrom() throws IOException {
    Path p = tmp.resolve("p");
    Shell.Result r = Shell.run(
        List.of(TestSetup.repoRoot().resolve("clusterkit").toString(), "site", "install-shims", "--prefix", p.toString()), Map.of(), tmp, 120);
    assertEquals(0, r.exitCode(), r.describe());
    Path jar = Path.of(System.getProperty("clusterkit.jar")).toRealPath();
    assertTrue(Files.readString(p.resolve("cluster/cjcpw")).contains(" -cp '" + jar + "' "), Files.readString(p.resolve("cluster/cjcpw")));
  }
}
