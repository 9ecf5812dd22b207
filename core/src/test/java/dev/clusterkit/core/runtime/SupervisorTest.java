package dev.clusterkit.core.runtime;

import static dev.clusterkit.core.runtime.SiteFixture.SITE1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cjcpw watching real daemons: the behaviours of issue 3's test list. */
class SupervisorTest {
  @TempDir Path tmp;
  SiteFixture fx;

  @BeforeEach
  void setUp() throws Exception {
    fx = new SiteFixture(tmp);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void aDaemonThatDiesStopsAllOthersAndCjcpwExitsNonZero() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(3));
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 3 daemons are ready");
    List<ProcessIdentity> daemons = fx.daemons(db);
    assertEquals(3, daemons.size());
    SiteFixture.assertAlive(daemons);

    ProcessHandle.of(daemons.get(1).pid()).orElseThrow().destroyForcibly();

    assertEquals(1, cjcpw.awaitExit(), cjcpw.output());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(10));
    assertTrue(cjcpw.output().contains("daemon d2 (pid " + daemons.get(1).pid() + ") exited with code 137"), cjcpw.output());
    assertTrue(cjcpw.output().contains("all daemons stopped"), cjcpw.output());
  }

  @Test
  void stopOfATenDaemonSiteThatHonoursSigterm() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(10));
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 10 daemons are ready");
    List<ProcessIdentity> daemons = fx.daemons(db);
    assertEquals(10, daemons.size());

    SiteFixture.Result stop = fx.run("cjcpw", "-stop", SITE1);

    assertEquals(0, stop.exitCode(), stop.describe());
    // -stop returns once cjcpw is gone, reaped by its parent (here this JVM), as a cluster product
    // checking right after the stop command would see it.
    assertFalse(cjcpw.process.isAlive(), "cjcpw is gone when -stop returns");
    assertEquals(0, cjcpw.awaitExit(), cjcpw.output());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(1));
    assertFalse(cjcpw.output().contains("FORCEKILL"), "SIGTERM was enough: " + cjcpw.output());
    assertFalse(Files.exists(db.resolve("nqs/run/cjcpw.sock")), "the control socket is removed");
    assertFalse(Files.exists(db.resolve("nqs/run/cjcpw.pid")), "the PID file is removed");
  }

  @Test
  void aDaemonIgnoringSigtermIsKilledAtTheForceKillPoint() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.daemon("stubborn", "ignore-term.sh") + fx.daemon("polite", "term.sh"));
    // One site.conf second is 50 ms: SIGKILL at (30 - 10) * 50 = 1000 ms, give up at 1500 ms.
    fx.siteConf(db, 30, 30, 10);
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 2 daemons are ready");
    List<ProcessIdentity> daemons = fx.daemons(db);

    long start = System.nanoTime();
    SiteFixture.Result stop = fx.run("cjcpw", "-stop", SITE1);
    long tookMs = (System.nanoTime() - start) / 1_000_000;

    assertEquals(0, stop.exitCode(), stop.describe() + cjcpw.output());
    assertEquals(0, cjcpw.awaitExit());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(1));
    assertTrue(cjcpw.output().contains("FORCEKILL: [stubborn] still running after 20 s"), cjcpw.output());
    assertTrue(tookMs >= 1000, "the SIGKILL came at the force-kill point, not before: " + tookMs + " ms");
  }

  @Test
  void noDaemonSurvivesSigkillOfCjcpwNotEvenWhatADaemonForked() throws Exception {
    Path pidFile = tmp.resolve("grandchild.pid");
    Path db =
        fx.createSite(
            SITE1,
            "db",
            fx.daemon("plain", "term.sh") + fx.daemon("forking", "forks.sh", pidFile.toString()) + fx.daemon("stubborn", "ignore-term.sh"));
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 3 daemons are ready");
    List<ProcessIdentity> all = new ArrayList<>(fx.daemons(db));
    all.add(SiteFixture.identityFromPidFile(pidFile));
    SiteFixture.assertAlive(all);

    cjcpw.process.destroyForcibly();
    cjcpw.awaitExit();

    SiteFixture.awaitDead(all, Duration.ofSeconds(10));
  }

  @Test
  void aDaemonThatFailsToStartStopsTheOnesStartedAndCjcpwExitsNonZero() throws Exception {
    Path db =
        fx.createSite(
            SITE1,
            "db",
            fx.termDaemons(2) + "[broken]\nexec=" + tmp.resolve("no-such-program") + "\n" + fx.daemon("never", "term.sh") + "await=ready\n");
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);

    assertEquals(1, cjcpw.awaitExit(), cjcpw.output());
    assertTrue(cjcpw.output().contains("daemon broken exited with code"), cjcpw.output());
    List<ProcessIdentity> started = fx.daemons(db);
    assertTrue(started.isEmpty(), "the state file lists no daemon after the stop: " + started);
    assertTrue(cjcpw.output().contains("started daemon d1"), cjcpw.output());
    assertTrue(cjcpw.output().contains("all daemons stopped"), cjcpw.output());
    assertFalse(cjcpw.output().contains("started daemon never"), cjcpw.output());
  }

  @Test
  void bootTimeoutExceededStopsTheSite() throws Exception {
    // d2 waits for a port nobody binds: never ready. BOOT_TIMEOUT 30 * 50 ms = 1.5 s.
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(1) + fx.daemon("deaf", "term.sh") + "ready=port 9\n");
    fx.siteConf(db, 30, 30, 10);
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("started daemon deaf");
    List<ProcessIdentity> daemons = fx.daemons(db);

    assertEquals(1, cjcpw.awaitExit(), cjcpw.output());
    assertTrue(cjcpw.output().contains("BOOT_TIMEOUT of 30 s passed before all daemons were ready; not ready: deaf"), cjcpw.output());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(5));
  }

  @Test
  void maintenanceModeStartsCjcpwAloneUntilNqsstart() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(2));
    Files.writeString(db.resolve("nqs/daemon.conf"), "maintenance=ON\n", java.nio.file.StandardOpenOption.APPEND);
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("maintenance=ON: cjcpw runs without the daemons");
    assertTrue(fx.daemons(db).isEmpty());
    SiteFixture.Result ls = fx.run("cjcls");
    assertTrue(ls.stdout().matches("(?s).*site1\\.example\\.test +SHUT +.* ON\n"), ls.describe());

    SiteFixture.Result start = fx.run("nqsstart", SITE1);
    assertEquals(0, start.exitCode(), start.describe());
    List<ProcessIdentity> daemons = fx.daemons(db);
    assertEquals(2, daemons.size());
    SiteFixture.assertAlive(daemons);

    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(5));
  }

  @Test
  void nqsstopThenNqsstartUnderARunningCjcpw() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(3));
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 3 daemons are ready");
    List<ProcessIdentity> first = fx.daemons(db);

    SiteFixture.Result stop = fx.run("nqsstop", SITE1);
    assertEquals(0, stop.exitCode(), stop.describe());
    SiteFixture.awaitDead(first, Duration.ofSeconds(1));
    assertTrue(cjcpw.process.isAlive(), "nqsstop is not a failure: cjcpw stays up\n" + cjcpw.output());
    assertTrue(fx.run("cjcls").stdout().contains("SHUT"));

    SiteFixture.Result start = fx.run("nqsstart", SITE1);
    assertEquals(0, start.exitCode(), start.describe());
    List<ProcessIdentity> second = fx.daemons(db);
    assertEquals(3, second.size());
    SiteFixture.assertAlive(second);
    assertNotEquals(first, second);

    // The restarted daemons are watched: one dying stops the site.
    ProcessHandle.of(second.get(0).pid()).orElseThrow().destroyForcibly();
    assertEquals(1, cjcpw.awaitExit(), cjcpw.output());
    SiteFixture.awaitDead(second, Duration.ofSeconds(5));
  }

  @Test
  void aStaleControlFileLeftByAKilledCjcpwDoesNotBlockTheNextStart() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(2));
    SiteFixture.Watched first = fx.startWatched(SITE1, db);
    first.await("all 2 daemons are ready");
    List<ProcessIdentity> daemons = fx.daemons(db);
    first.process.destroyForcibly();
    first.awaitExit();
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(10));
    assertTrue(Files.exists(db.resolve("nqs/run/cjcpw.sock")), "the killed cjcpw left its socket");
    assertTrue(Files.exists(db.resolve("nqs/run/cjcpw.pid")), "the killed cjcpw left its PID file");
    assertTrue(fx.run("cjcls").stdout().contains("OFF"), "a stale PID file does not count as running");
    assertEquals(7, fx.run("cjcpw", "-stop", SITE1).exitCode(), "a stale socket does not count as running");

    SiteFixture.Watched second = fx.startWatched(SITE1, db);
    second.await("all 2 daemons are ready");
    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
    assertEquals(0, second.awaitExit(), second.output());
  }

  @Test
  void aSecondCjcpwForARunningSiteIsRefused() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(1));
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 1 daemons are ready");

    SiteFixture.Result again = fx.run("cjcpw", SITE1, db.toString());
    assertEquals(4, again.exitCode(), again.describe());
    assertTrue(again.stderr().contains("is already running (cjcpw pid " + cjcpw.process.pid() + ")"), again.describe());

    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit());
  }

  @Test
  void sigtermToCjcpwStopsTheSite() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(2));
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 2 daemons are ready");
    List<ProcessIdentity> daemons = fx.daemons(db);

    // As the cluster software would send it (Process.destroy() would also close our end of its output).
    assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(cjcpw.process.pid())).start().waitFor());

    assertEquals(143, cjcpw.awaitExit());
    assertTrue(cjcpw.output().contains("cjcpw received a termination signal: stopping the site"), cjcpw.output());
    assertTrue(cjcpw.output().contains("all daemons stopped"), cjcpw.output());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(1));
  }

  @Test
  void unwatchedStartReturnsAtOnceAndStopStopsTheDaemons() throws Exception {
    Path db = fx.createSite(SITE1, "db", fx.termDaemons(2));
    SiteFixture.Result start = fx.run("cjcpw", "-c", SITE1, db.toString());
    assertEquals(0, start.exitCode(), start.describe());
    List<ProcessIdentity> daemons = fx.daemons(db);
    assertEquals(2, daemons.size());
    SiteFixture.assertAlive(daemons);
    String ls = fx.run("cjcls").stdout();
    assertTrue(ls.contains(" " + daemons.get(0).pid() + " ") && ls.strip().endsWith("OFF"), ls);

    SiteFixture.Result stop = fx.run("cjcpw", "-stop", SITE1);
    assertEquals(0, stop.exitCode(), stop.describe());
    SiteFixture.awaitDead(daemons, Duration.ofSeconds(1));
    SiteFixture.Result again = fx.run("cjcpw", "-stop", SITE1);
    assertEquals(7, again.exitCode(), again.describe());
    assertTrue(again.stderr().contains("site site1.example.test is not running"), again.describe());
  }

  @Test
  void twoSitesOnOneMachineEachWithItsLinkAndSupervisor() throws Exception {
    Path db1 = fx.createSite(SITE1, "db1", fx.termDaemons(2));
    Path db2 = fx.createSite(SiteFixture.SITE2, "db2", fx.termDaemons(2));
    SiteFixture.Watched one = fx.startWatched(SITE1, db1);
    SiteFixture.Watched two = fx.startWatched(SiteFixture.SITE2, db2);
    one.await("all 2 daemons are ready");
    two.await("all 2 daemons are ready");
    assertEquals(db1, Files.readSymbolicLink(fx.spool.resolve("7F000002")));
    assertEquals(db2, Files.readSymbolicLink(fx.spool.resolve("7F000003")));

    String ls = fx.run("cjcls").stdout();
    assertTrue(ls.contains("site1.example.test  " + fx.daemons(db1).get(0).pid()), ls);
    assertTrue(ls.contains("site2.example.test  " + fx.daemons(db2).get(0).pid()), ls);
    assertEquals(2, ls.lines().filter(l -> l.endsWith("ON")).count(), ls);

    List<ProcessIdentity> second = fx.daemons(db2);
    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
    assertEquals(0, one.awaitExit());
    assertTrue(two.process.isAlive());
    SiteFixture.assertAlive(second);
    assertEquals(0, fx.run("cjcpw", "-stop", SiteFixture.SITE2).exitCode());
    assertEquals(0, two.awaitExit());
  }
}
