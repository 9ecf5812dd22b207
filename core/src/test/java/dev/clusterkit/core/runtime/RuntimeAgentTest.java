package dev.clusterkit.core.runtime;

import static dev.clusterkit.core.runtime.SiteFixture.SITE1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.testkit.Shell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime agent with real processes: shims whose commands run in an agent of this JVM (or of a
 * child JVM, where the agent itself is killed), the perl client relaying output, exit codes and
 * signals, and the cases where the client runs the command in a JVM of its own instead.
 */
class RuntimeAgentTest {
  @TempDir Path tmp;

  private SiteFixture fx;
  private Path prefix;
  private final ByteArrayOutputStream agentLog = new ByteArrayOutputStream();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Shell.requireTool("perl", "perl");
    fx = new SiteFixture(tmp);
    prefix = fx.root.resolve("nqs");
    ShimInstaller.install(prefix);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    fx.close();
  }

  private RuntimeAgent startAgent() throws IOException {
    RuntimeAgent agent = RuntimeAgent.start(prefix, new PrintStream(agentLog, true, StandardCharsets.UTF_8));
    closing.add(0, agent);
    return agent;
  }

  private String agentLog() {
    synchronized (agentLog) {
      return agentLog.toString(StandardCharsets.UTF_8);
    }
  }

  private Shell.Result shim(String path, Map<String, String> extraEnv, String... args) {
    List<String> cmd = new ArrayList<>(List.of(prefix.resolve(path).toString()));
    cmd.addAll(List.of(args));
    Map<String, String> env = new TreeMap<>(fx.env);
    env.putAll(extraEnv);
    return Shell.run(cmd, env, fx.root, 120);
  }

  private SiteFixture.Watched watchedThroughShim(Path db, String... shellPrefix) throws IOException {
    String line = String.join("; ", shellPrefix) + (shellPrefix.length > 0 ? "; " : "") + "exec "
        + ShimInstaller.quote(prefix.resolve("cluster/cjcpw").toString()) + " " + SITE1 + " " + ShimInstaller.quote(db.toString());
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", line).directory(fx.root.toFile()).redirectErrorStream(true);
    pb.environment().putAll(fx.env);
    Process p = pb.start();
    closing.add(() -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
    return new SiteFixture.Watched(p);
  }

  /** {@link #watchedThroughShim}, once it reports its {@code daemons} daemons ready. */
  private SiteFixture.Watched readyThroughShim(Path db, int daemons, String... shellPrefix) throws Exception {
    SiteFixture.Watched cjcpw = watchedThroughShim(db, shellPrefix);
    cjcpw.await("all " + daemons + " daemons are ready");
    return cjcpw;
  }

  private long supervisorPid(Path db) throws IOException {
    return RunState.readSupervisor(new SiteDatabase(db)).orElseThrow().pid();
  }

  /** The process that started the site's first daemon: the agent's JVM, or the client's own. */
  private long daemonParent(Path db) throws IOException {
    long daemon = fx.daemons(db).get(0).pid();
    return ProcessHandle.of(daemon).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
  }

  @Test
  void aWatchedSiteRunsInTheAgentWithTheClientsEnvironmentAndStopsOnCjcpwStop() throws Exception {
    startAgent();
    Path envFile = fx.root.resolve("seen-env");
    fx.script("env.sh", "printf '%s\\n' \"$JOB_OWNER\" > \"$1\"\nexec sleep 3600\n");
    Path db = fx.createSite(SITE1, "jobdb", fx.daemon("d1", "env.sh", envFile.toString()) + "ready=alive 50\n" + fx.termDaemons(1).replace("[d1]", "[d2]"));
    fx.env.put("JOB_OWNER", "batch operator");

    SiteFixture.Watched cjcpw = readyThroughShim(db, 2);

    // The daemons are this JVM's (the agent's); the process standing for cjcpw, which cjcls shows
    // and the cluster software watches, is the client, a perl process.
    assertEquals(ProcessHandle.current().pid(), daemonParent(db));
    assertEquals(cjcpw.process.pid(), supervisorPid(db));
    assertTrue(ProcessHandle.of(cjcpw.process.pid()).orElseThrow().info().command().orElse("").endsWith("perl"));
    assertEquals("batch operator\n", Files.readString(envFile));
    List<ProcessIdentity> daemons = fx.daemons(db);
    assertEquals(2, daemons.size());

    Shell.Result ls = shim("cluster/cjcls", Map.of());
    assertEquals(0, ls.exitCode(), ls.describe());
    assertTrue(ls.stdout().contains(SITE1), ls.describe());
    Shell.Result stop = shim("cluster/cjcpw", Map.of(), "-stop", SITE1);
    assertEquals(0, stop.exitCode(), stop.describe());
    assertTrue(stop.stdout().contains("cjcpw -stop: " + SITE1 + ": stopped"), stop.describe());

    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(10));
    assertTrue(agentLog().contains(": cjcpw " + SITE1 + " " + db + ": exit code 0"), agentLog());
    assertTrue(agentLog().contains(": cjcpw -stop " + SITE1 + ": exit code 0"), agentLog());
  }

  @Test
  void aCjcpwStopInAJvmOfItsOwnStopsASiteTheAgentRuns() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(2));
    SiteFixture.Watched cjcpw = readyThroughShim(db, 2);

    Shell.Result stop = shim("cluster/cjcpw", Map.of("CLUSTERKIT_AGENT", "off"), "-stop", SITE1);

    assertEquals(0, stop.exitCode(), stop.describe());
    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
    assertTrue(fx.daemons(db).isEmpty());
    assertFalse(agentLog().contains("cjcpw -stop"), "the stop ran in its own JVM: " + agentLog());
  }

  @Test
  void exitCodesAndErrorsComeBackAsFromTheJvm() throws Exception {
    startAgent();
    Shell.Result bad = shim("cluster/cjcpw", Map.of(), "-x");
    assertEquals(2, bad.exitCode(), bad.describe());
    assertEquals("usage: cjcpw SITE DBPATH | cjcpw -c SITE DBPATH | cjcpw -stop SITE\n", bad.stderr());
    assertEquals("", bad.stdout());
    Shell.Result notRunning = shim("nqsstop", Map.of(), SITE1);
    assertEquals(5, notRunning.exitCode(), notRunning.describe());
    assertTrue(agentLog().contains(": cjcpw -x: exit code 2"), agentLog());
  }

  @Test
  void aSigkilledClientTakesItsSiteDownAndTheAgentServesOn() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(3));
    SiteFixture.Watched cjcpw = readyThroughShim(db, 3);
    List<ProcessIdentity> daemons = fx.daemons(db);

    cjcpw.process.destroyForcibly();

    SiteFixture.awaitDead(daemons, Duration.ofSeconds(20));
    awaitLog(": exit code 1");
    String supervisorLog = Files.readString(new SiteDatabase(db).supervisorLog());
    assertTrue(supervisorLog.contains("ended without a stop: killing the daemons"), supervisorLog);
    // The site can start again, in the agent.
    SiteFixture.Watched again = readyThroughShim(db, 3);
    assertEquals(ProcessHandle.current().pid(), daemonParent(db));
    assertEquals(0, shim("cluster/cjcpw", Map.of(), "-stop", SITE1).exitCode());
    assertEquals(0, again.awaitExit(), again.output());
  }

  /** As the kernel and the group guard kill a SIGKILLed cjcpw JVM's daemons: at once, not after STOP_TIMEOUT. */
  @Test
  void aSigkilledClientsDaemonsAreKilledAtOnceEvenOnesThatIgnoreSigterm() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.daemon("d1", "ignore-term.sh") + "ready=alive 50\n");
    fx.siteConf(db, 300, 600, 10); // a graceful stop would wait 590 site.conf seconds (29.5 s) before SIGKILL
    SiteFixture.Watched cjcpw = readyThroughShim(db, 1);
    List<ProcessIdentity> daemons = fx.daemons(db);

    cjcpw.process.destroyForcibly();

    SiteFixture.awaitDead(daemons, Duration.ofSeconds(5));
    awaitLog(": exit code 1");
    String supervisorLog = Files.readString(new SiteDatabase(db).supervisorLog());
    assertTrue(supervisorLog.contains("ended without a stop: killing the daemons"), supervisorLog);
  }

  /** SIGTERM, then SIGKILL while the graceful stop waits: the kill does not wait behind the stop. */
  @Test
  void aClientKilledDuringAGracefulStopHasItsDaemonsKilledAtOnce() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.daemon("d1", "ignore-term.sh") + "ready=alive 50\n");
    fx.siteConf(db, 300, 600, 10);
    SiteFixture.Watched cjcpw = readyThroughShim(db, 1);
    List<ProcessIdentity> daemons = fx.daemons(db);
    Shell.run(List.of("kill", "-TERM", Long.toString(cjcpw.process.pid())));
    cjcpw.await("received a termination signal: stopping the site");

    cjcpw.process.destroyForcibly();

    SiteFixture.awaitDead(daemons, Duration.ofSeconds(5));
  }

  /** Java's file locks belong to the process: a refused second cjcpw in the agent must not drop the first one's. */
  @Test
  void aSecondCjcpwInTheAgentIsRefusedAndTheSiteLockHolds() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(1));
    Files.writeString(db.resolve("nqs/daemon.conf"), "maintenance=ON\n", java.nio.file.StandardOpenOption.APPEND);
    SiteFixture.Watched cjcpw = watchedThroughShim(db);
    cjcpw.await("maintenance=ON");

    Shell.Result again = shim("cluster/cjcpw", Map.of(), "-c", SITE1, db.toString());
    assertEquals(4, again.exitCode(), again.describe());
    Shell.Result jvm = shim("cluster/cjcpw", Map.of("CLUSTERKIT_AGENT", "off"), "-c", SITE1, db.toString());
    assertEquals(4, jvm.exitCode(), "the lock still holds against other processes: " + jvm.describe());

    assertEquals(0, shim("cluster/cjcpw", Map.of(), "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
  }

  @Test
  void aClientWithAnotherNiceValueRunsCjcpwInAJvmOfItsOwn() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(1));
    long agentNice = InheritedAttributes.ofSelf().orElseThrow().nice();
    long clientNice = Math.min(19, agentNice + 5);
    org.junit.jupiter.api.Assumptions.assumeTrue(clientNice != agentNice, "this JVM runs at the lowest priority already");
    SiteFixture.Watched cjcpw = readyThroughShim(db, 1, "renice -n " + clientNice + " $$ >/dev/null");

    assertEquals(cjcpw.process.pid(), daemonParent(db));
    assertTrue(agentLog().contains("cjcpw runs in a JVM of its own: nice " + clientNice + " here, " + agentNice + " in the agent"), agentLog());
    assertEquals(0, shim("cluster/cjcpw", Map.of(), "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
  }

  /** nohup cjcpw, say: the daemons would inherit the ignored SIGHUP from a JVM, not from the agent. */
  @Test
  void aClientThatIgnoresSighupRunsCjcpwInAJvmWhichIgnoresItToo() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(1));
    SiteFixture.Watched cjcpw = readyThroughShim(db, 1, "trap '' HUP");
    assertEquals(cjcpw.process.pid(), daemonParent(db));
    assertTrue(agentLog().contains("cjcpw runs in a JVM of its own: ignored signals [1] here, [] in the agent"), agentLog());

    Shell.run(List.of("kill", "-HUP", Long.toString(cjcpw.process.pid())));
    Thread.sleep(300);

    assertTrue(cjcpw.process.isAlive(), cjcpw.output());
    assertEquals(1, fx.daemons(db).size());
    assertEquals(0, shim("cluster/cjcpw", Map.of(), "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
  }

  /** An agent that ends before it takes the command (a restart, say): the command runs in a JVM. */
  @Test
  void anAgentThatClosesBeforeTakingTheCommandSendsTheClientToAJvm() throws Exception {
    java.nio.file.Files.createDirectories(RuntimeAgent.socket(prefix).getParent());
    try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(RuntimeAgent.socket(prefix)));
      Thread closer = new Thread(() -> {
        try {
          while (true) {
            server.accept().close();
          }
        } catch (IOException closed) {
          // the test is over
        }
      });
      closer.setDaemon(true);
      closer.start();
      Shell.Result ls = shim("cluster/cjcls", Map.of(), "--json");
      assertEquals(0, ls.exitCode(), ls.describe());
      assertEquals("[]\n", ls.stdout());
    }
  }

  @Test
  void sigtermToTheClientStopsTheSiteAsItStopsAJvmCjcpw() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(2));
    SiteFixture.Watched cjcpw = readyThroughShim(db, 2);
    List<ProcessIdentity> daemons = fx.daemons(db);

    Shell.run(List.of("kill", "-TERM", Long.toString(cjcpw.process.pid())));

    assertEquals(143, cjcpw.awaitExit(), cjcpw.output());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(10));
    assertTrue(cjcpw.output().contains("stopping the site"), cjcpw.output());
  }

  @Test
  void aClientWhoseProcessDiffersRunsTheCommandInAJvmOfItsOwn() throws Exception {
    startAgent();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(1));
    // A umask other than the agent's: the daemons would not get what a cjcpw JVM gives them.
    int agentUmask = Posix.system().umask();
    String other = String.format("%04o", agentUmask == 077 ? 022 : 077);
    SiteFixture.Watched cjcpw = readyThroughShim(db, 1, "umask " + other);

    assertEquals(cjcpw.process.pid(), daemonParent(db), "the shim's own process, now a JVM, supervises");
    assertTrue(agentLog().contains("cjcpw runs in a JVM of its own: umask " + other + " here"), agentLog());
    assertEquals(0, shim("cluster/cjcpw", Map.of(), "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
  }

  @Test
  void withoutARunningAgentOrWhenTurnedOffTheShimsStartAJvm() throws Exception {
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(1));
    SiteFixture.Watched noAgent = readyThroughShim(db, 1);
    assertEquals(noAgent.process.pid(), daemonParent(db));
    assertEquals(0, shim("cluster/cjcpw", Map.of(), "-stop", SITE1).exitCode());
    assertEquals(0, noAgent.awaitExit(), noAgent.output());

    startAgent();
    SiteFixture.Watched off = readyThroughShim(db, 1, "CLUSTERKIT_AGENT=off", "export CLUSTERKIT_AGENT");
    assertEquals(off.process.pid(), daemonParent(db));
    assertEquals(0, shim("cluster/cjcpw", Map.of("CLUSTERKIT_AGENT", "off"), "-stop", SITE1).exitCode());
    assertEquals(0, off.awaitExit(), off.output());
    assertFalse(agentLog().contains("cjcpw"), agentLog());
  }

  @Test
  void aStaleSocketSendsTheClientToAJvmAndASecondAgentIsRefused() throws Exception {
    RuntimeAgent first = startAgent();
    IOException twice = assertThrows(IOException.class, () -> RuntimeAgent.start(prefix, System.err));
    assertTrue(twice.getMessage().startsWith("another agent serves " + prefix), twice.getMessage());
    first.close();
    // A socket file nobody listens on, as a SIGKILLed agent leaves it.
    try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      ch.bind(java.net.UnixDomainSocketAddress.of(RuntimeAgent.socket(prefix)));
    }
    assertTrue(Files.exists(RuntimeAgent.socket(prefix)));
    Shell.Result ls = shim("cluster/cjcls", Map.of(), "--json");
    assertEquals(0, ls.exitCode(), ls.describe());
    assertEquals("[]\n", ls.stdout());
    // The next agent removes it.
    startAgent();
    assertEquals(0, shim("cluster/cjcls", Map.of()).exitCode());
    awaitLog(": cjcls: exit code 0");
  }

  /** The agent as its launcher starts it, in a JVM of its own. */
  private Process agentProcess() throws Exception {
    Process agent = new ProcessBuilder(prefix.resolve("clusterkit-agent").toString()).redirectErrorStream(true)
        .redirectOutput(fx.root.resolve("agent.log").toFile()).start();
    closing.add(agent::destroyForcibly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(fx.root.resolve("agent.log")).contains("serving " + prefix)) {
      assertTrue(agent.isAlive() && System.nanoTime() < deadline, Files.readString(fx.root.resolve("agent.log")));
      Thread.sleep(20);
    }
    return agent;
  }

  @Test
  void whenTheAgentIsSigkilledItsDaemonsDieAndTheClientFails() throws Exception {
    Process agent = agentProcess();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(2));
    SiteFixture.Watched cjcpw = readyThroughShim(db, 2);
    assertEquals(agent.pid(), daemonParent(db));
    List<ProcessIdentity> daemons = fx.daemons(db);

    agent.destroyForcibly();

    SiteFixture.awaitDead(daemons, Duration.ofSeconds(10));
    assertEquals(1, cjcpw.awaitExit(), cjcpw.output());
    assertTrue(cjcpw.output().contains("cjcpw: the clusterkit runtime agent went away before cjcpw ended"), cjcpw.output());
  }

  @Test
  void whenTheAgentIsTerminatedItStopsItsSitesAndTheClientsFail() throws Exception {
    Process agent = agentProcess();
    Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(2));
    SiteFixture.Watched cjcpw = readyThroughShim(db, 2);
    List<ProcessIdentity> daemons = fx.daemons(db);

    agent.destroy();

    SiteFixture.awaitDead(daemons, Duration.ofSeconds(10));
    assertEquals(1, cjcpw.awaitExit(), cjcpw.output());
    assertTrue(cjcpw.output().contains("cjcpw received a termination signal: stopping the site"), cjcpw.output());
    assertTrue(agent.waitFor(30, TimeUnit.SECONDS));
    assertFalse(Files.exists(RuntimeAgent.socket(prefix)), "the agent removes its socket as it ends");
  }

  private void awaitLog(String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!agentLog().contains(fragment)) {
      assertTrue(System.nanoTime() < deadline, "the agent never logged '" + fragment + "':\n" + agentLog());
      Thread.sleep(20);
    }
  }
}
