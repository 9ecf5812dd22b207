package dev.clusterkit.it.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.runtime.JobSpool;
import dev.clusterkit.core.runtime.ProcessIdentity;
import dev.clusterkit.core.site.RestartRule.JobRestart;
import dev.clusterkit.core.site.RestartRule.QueueRestart;
import dev.clusterkit.it.e2e.TwoNodeCluster.Node;
import dev.clusterkit.it.e2e.TwoNodeCluster.Site;
import dev.clusterkit.it.e2e.TwoNodeCluster.SiteOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites failed over between two nodes through the rendered vendor scripts, with the cluster
 * products played by {@link ClusterproLinux}, {@link Serviceguard} and {@link SunClusterGds}, and
 * JobCenter by the embedded runtime behind the shims. Assertions are on processes (which node's
 * environment they carry, alive or not), on files (the site database, the spool links) and on the
 * job spool, never on log text.
 */
class FailoverIT {
  private static final SiteOptions WATCHED_WITH_KEEPER = new SiteOptions(true, true);
  private static final SiteOptions WATCHED = new SiteOptions(true, false);
  private static final SiteOptions UNWATCHED = new SiteOptions(false, false);

  @TempDir Path tmp;
  TwoNodeCluster cluster;
  private final List<FailoverGroup> groups = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    groups.forEach(FailoverGroup::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  // --- set-up ----------------------------------------------------------------------------------

  /** Whether the nodes run a runtime agent, which then runs cjcpw, cjcls, nqsstart and nqsstop. */
  boolean throughAgents() {
    return false;
  }

  private <G extends FailoverGroup> List<G> cluster(
      String platform, String targets, java.util.function.IntFunction<String> siteTargets, JobSpoolFixture jobs,
      BiFunction<TwoNodeCluster, Site, G> product, SiteOptions... sites) throws Exception {
    cluster = new TwoNodeCluster(tmp, List.of(sites));
    cluster.render(cluster.spec(platform, targets, siteTargets));
    cluster.createSites(jobs);
    if (throughAgents()) {
      // CLUSTERPRO's start.sh raises the stack limit for cjcpw; the other products' scripts do not.
      cluster.startAgents(targets.startsWith("clusterpro") ? java.util.Optional.of("unlimited") : java.util.Optional.empty());
    }
    List<G> made = new ArrayList<>();
    for (Site s : cluster.sites) {
      G g = product.apply(cluster, s);
      groups.add(g);
      made.add(g);
    }
    return made;
  }

  private List<ClusterproLinux> clusterpro(JobSpoolFixture jobs, SiteOptions... sites) throws Exception {
    return cluster("linux", "clusterpro-linux: {}\n", i -> "", jobs, ClusterproLinux::new, sites);
  }

  private List<Serviceguard> serviceguard(JobSpoolFixture jobs, SiteOptions... sites) throws Exception {
    return cluster("linux", "serviceguard: {}\n",
        i -> "serviceguard:\n  ipSubnet: 127.0.0.0\n  vg: vgjob" + i + "\n  fsName: /dev/vgjob" + i + "/lvol1\n  fsType: ext4\n",
        jobs, Serviceguard::new, sites);
  }

  private List<SunClusterGds> sunCluster(JobSpoolFixture jobs, SiteOptions... sites) throws Exception {
    return cluster("solaris", "suncluster: {}\n", i -> "", jobs, SunClusterGds::new, sites);
  }

  private void awaitUp(Site site, Node node) {
    SiteProbe.await(() -> SiteProbe.upOn(cluster, site, node), TwoNodeCluster.WAIT, site.name() + " up on " + node,
        () -> SiteProbe.describe(cluster, site) + "\n" + steps());
  }

  private void awaitRan(Site site, Node node, int jobs) {
    SiteProbe.await(() -> ranOn(site, node).size() >= jobs, TwoNodeCluster.WAIT, jobs + " jobs run on " + node,
        () -> "ran: " + ranOn(site, node));
  }

  private static List<String> ranOn(Site site, Node node) {
    try {
      return JobSpoolFixture.ranOn(site.db(), node.name());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String steps() {
    StringBuilder s = new StringBuilder("steps:");
    for (FailoverGroup g : groups) {
      g.steps.forEach(step -> s.append("\n  ").append(g.site.name()).append(": ").append(step).append('\n').append(step.output().indent(4)));
    }
    return s.toString();
  }

  private static ProcessIdentity daemon(Site site, String name) {
    return SiteProbe.daemons(site).stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().process();
  }

  private static void kill(ProcessIdentity p) {
    assertTrue(p.isAlive(), p + " should be alive before it is killed");
    ProcessHandle.of(p.pid()).orElseThrow().destroyForcibly();
  }

  // --- the restart matrix ------------------------------------------------------------------------

  /**
   * What must become of the restart-matrix jobs, all running when the site failed: guide 2.5.4
   * for RESTART and PURGE (cases 1-3), the runtime's documented assumptions for the other
   * attributes (RestartRule).
   */
  private static final Map<String, String> AFTER_FAILOVER = new TreeMap<>();

  static {
    for (QueueRestart q : QueueRestart.values()) {
      for (JobRestart r : JobRestart.values()) {
        String fate =
            switch (q) {
              case RESTART -> r == JobRestart.ENABLE ? "rerun" : "deleted";
              case PURGE, MIGRATION_PURGE -> "deleted";
              case STOP, MIGRATION_STOP -> r == JobRestart.ENABLE ? "held" : "deleted";
            };
        AFTER_FAILOVER.put(JobSpoolFixture.matrixId(q, r), fate);
      }
    }
  }

  /** Checks the spool of a site that failed over from {@code from} to {@code to}. */
  private void assertRestartMatrixApplied(Site site, Node from, Node to) throws Exception {
    Map<String, JobSpool.Job> after = JobSpoolFixture.read(site.db());
    Set<String> ranOnB = new TreeSet<>(ranOn(site, to));
    List<String> wrong = new ArrayList<>();
    AFTER_FAILOVER.forEach((id, fate) -> {
      JobSpool.Job job = after.get(id);
      boolean ok =
          switch (fate) {
            case "rerun" -> job != null && job.state() == JobSpool.State.RUNNING && ranOnB.contains(id);
            case "held" -> job != null && job.state() == JobSpool.State.HELD && !ranOnB.contains(id);
            default -> job == null && !ranOnB.contains(id);
          };
      if (!ok) {
        wrong.add(id + " should be " + fate + " but is " + (job == null ? "gone" : job.state()) + (ranOnB.contains(id) ? ", ran on " + to : ""));
      }
    });
    // Jobs that were not running are left to run on B; the held one stays held.
    for (String id : List.of("waiting-1", "waiting-2")) {
      if (after.get(id) == null || !ranOnB.contains(id)) {
        wrong.add(id + " was queued: it should have run on " + to);
      }
    }
    if (after.get("held-1") == null || after.get("held-1").state() != JobSpool.State.HELD) {
      wrong.add("held-1 should still be held");
    }
    assertEquals(List.of(), wrong, "spool after the failover: " + after.values() + "\nran on " + to + ": " + ranOnB);
    assertEquals(10, ranOn(site, from).size(), "the runner on " + from + " ran the ten matrix jobs");
  }

  // --- CLUSTERPRO for Linux ----------------------------------------------------------------------

  @Test
  void clusterproADaemonKilledOnAFailsTheSiteOverToBAndTheSecondSiteStaysOnA() throws Exception {
    List<ClusterproLinux> g = clusterpro(JobSpoolFixture.restartMatrix(), WATCHED_WITH_KEEPER, UNWATCHED);
    Site one = cluster.site(0);
    Site two = cluster.site(1);
    g.get(0).online(cluster.a);
    g.get(1).online(cluster.a);
    awaitUp(one, cluster.a);
    awaitUp(two, cluster.a);
    awaitRan(one, cluster.a, 10);
    awaitRan(two, cluster.a, 10);
    ProcessIdentity cjcpwOnA = SiteProbe.supervisor(one).orElseThrow();
    List<SiteProbe.Daemon> oneOnA = SiteProbe.daemons(one);
    List<SiteProbe.Daemon> twoBefore = SiteProbe.daemons(two);
    String twoJobsBefore = Files.readString(two.db().resolve("nqs/spool/jobs"));

    kill(daemon(one, "nqsdaemon"));

    awaitUp(one, cluster.b);
    awaitRan(one, cluster.b, 3);
    g.get(0).settle();
    // On A: the stop script found the site down already and said so with status 0.
    assertEquals(1, g.get(0).failuresDetected.size(), steps());
    assertEquals(List.of(0), g.get(0).steps("stop.sh", cluster.a).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    assertFalse(cjcpwOnA.isAlive(), "cjcpw on A has ended");
    oneOnA.forEach(d -> assertFalse(d.process().isAlive(), d + " of A has ended"));
    // On B: the site runs from the shared database, which B now links to.
    assertEquals(one.db(), Files.readSymbolicLink(cluster.b.spool().resolve(one.linkName())));
    assertRestartMatrixApplied(one, cluster.a, cluster.b);
    // The second site was not touched: same processes, same spool, still answering on A.
    assertEquals(twoBefore, SiteProbe.daemons(two));
    twoBefore.forEach(d -> assertTrue(d.process().isAlive(), d + " of the second site still runs"));
    assertTrue(SiteProbe.upOn(cluster, two, cluster.a), SiteProbe.describe(cluster, two));
    assertEquals(twoJobsBefore, Files.readString(two.db().resolve("nqs/spool/jobs")));
    assertEquals(List.of(), ranOn(two, cluster.b));

    // Both stop cleanly where they run now.
    assertEquals(0, g.get(0).offline(), steps());
    assertEquals(0, g.get(1).offline(), steps());
    assertTrue(SiteProbe.down(cluster, one), SiteProbe.describe(cluster, one));
    assertTrue(SiteProbe.down(cluster, two), SiteProbe.describe(cluster, two));
  }

  /** A planned switch-over: every job is still there, the running ones ran again on B. */
  private void assertNoJobLost(Site site, Map<String, JobSpool.Job> before) throws Exception {
    Map<String, JobSpool.Job> after = JobSpoolFixture.read(site.db());
    assertEquals(before.keySet(), after.keySet(), "the same jobs after the switch-over");
    assertEquals(List.of("running-1", "running-2"), ranOn(site, cluster.b));
    for (JobSpool.Job j : before.values()) {
      JobSpool.Job now = after.get(j.id());
      assertEquals(j.queue() + " " + j.restart(), now.queue() + " " + now.restart(), j.id());
      if (!j.id().startsWith("running-")) {
        assertEquals(j.state(), now.state(), j.id() + " was not running: it is as it was");
      }
    }
  }

  @Test
  void clusterproAPlannedSwitchOverLosesNoJob() throws Exception {
    ClusterproLinux g = clusterpro(JobSpoolFixture.switchOver(), WATCHED_WITH_KEEPER).get(0);
    Site one = cluster.site(0);
    g.online(cluster.a);
    awaitUp(one, cluster.a);
    awaitRan(one, cluster.a, 2);
    Map<String, JobSpool.Job> before = JobSpoolFixture.read(one.db());
    assertEquals(JobSpool.State.RUNNING, before.get("running-1").state());

    assertEquals(0, g.switchOver(), steps());

    awaitUp(one, cluster.b);
    awaitRan(one, cluster.b, 2);
    assertEquals(List.of(), g.failuresDetected, "a planned stop is no failure");
    assertTrue(g.watched().orElseThrow().isAlive(), "start.sh (cjcpw) runs on B");
    assertNoJobLost(one, before);
  }

  // --- Serviceguard --------------------------------------------------------------------------------

  @Test
  void serviceguardADaemonKilledOnAFailsThePackageOverToB() throws Exception {
    Serviceguard g = serviceguard(JobSpoolFixture.restartMatrix(), WATCHED_WITH_KEEPER).get(0);
    Site one = cluster.site(0);
    g.online(cluster.a);
    awaitUp(one, cluster.a);
    awaitRan(one, cluster.a, 10);
    ProcessIdentity cjcpwOnA = SiteProbe.supervisor(one).orElseThrow();

    kill(daemon(one, "nqsdaemon"));

    awaitUp(one, cluster.b);
    awaitRan(one, cluster.b, 3);
    g.settle();
    assertFalse(cjcpwOnA.isAlive());
    // The service had ended, so the halt went straight to the external script, which found the
    // site down already.
    assertEquals(List.of(0), g.steps("external_script stop", cluster.a).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    assertEquals(List.of(), g.steps("halt service", cluster.a), "the service had ended by itself");
    assertEquals(List.of(0), g.steps("external_script start", cluster.b).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    assertRestartMatrixApplied(one, cluster.a, cluster.b);
  }

  @Test
  void serviceguardHaltStopsTheServiceAndTheSiteThenTheSwitchOverLosesNoJob() throws Exception {
    Serviceguard g = serviceguard(JobSpoolFixture.switchOver(), WATCHED_WITH_KEEPER).get(0);
    Site one = cluster.site(0);
    g.online(cluster.a);
    awaitUp(one, cluster.a);
    awaitRan(one, cluster.a, 2);
    Map<String, JobSpool.Job> before = JobSpoolFixture.read(one.db());
    List<SiteProbe.Daemon> onA = SiteProbe.daemons(one);

    assertEquals(0, g.switchOver(), steps());

    // SIGTERM to the service made cjcpw stop the site; the external script then had nothing left.
    List<FailoverGroup.Step> halt = g.steps("halt service", cluster.a);
    assertEquals(1, halt.size(), steps());
    assertTrue(halt.get(0).what().contains("ended on SIGTERM"), steps());
    assertEquals(List.of(0), g.steps("external_script stop", cluster.a).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    onA.forEach(d -> assertFalse(d.process().isAlive(), d + " stopped on A"));
    awaitUp(one, cluster.b);
    awaitRan(one, cluster.b, 2);
    assertNoJobLost(one, before);
    assertEquals(List.of(), g.failuresDetected);
  }

  // --- Sun Cluster (GDS) ---------------------------------------------------------------------------

  @Test
  void sunClusterADaemonKilledOnAFailsTheResourceGroupOverToB() throws Exception {
    SunClusterGds g = sunCluster(JobSpoolFixture.restartMatrix(), WATCHED).get(0);
    Site one = cluster.site(0);
    g.online(cluster.a);
    awaitUp(one, cluster.a);
    assertEquals(List.of(0), g.steps("start method", cluster.a).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    awaitRan(one, cluster.a, 10);

    kill(daemon(one, "nqsdaemon"));

    awaitUp(one, cluster.b);
    awaitRan(one, cluster.b, 3);
    g.settle();
    // cjcpw had stopped the site and ended: Stop_command found nothing running (status 7, "not
    // running", which GDS does not look at), and nothing was left for SIGKILL.
    assertEquals(List.of(7), g.steps("Stop_command", cluster.a).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    assertEquals(List.of("stop method (nothing left to kill)"),
        g.steps("stop method", cluster.a).stream().map(FailoverGroup.Step::what).toList(), steps());
    assertEquals(List.of(0), g.steps("start method", cluster.b).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    assertRestartMatrixApplied(one, cluster.a, cluster.b);
  }

  @Test
  void sunClusterSwitchOverStopsTheSiteWithStopCommandAndLosesNoJob() throws Exception {
    SunClusterGds g = sunCluster(JobSpoolFixture.switchOver(), WATCHED).get(0);
    Site one = cluster.site(0);
    g.online(cluster.a);
    awaitUp(one, cluster.a);
    awaitRan(one, cluster.a, 2);
    Map<String, JobSpool.Job> before = JobSpoolFixture.read(one.db());

    assertEquals(0, g.switchOver(), steps());

    assertEquals(List.of(0), g.steps("Stop_command", cluster.a).stream().map(FailoverGroup.Step::exitCode).toList(), steps());
    assertEquals(List.of("stop method (nothing left to kill)"),
        g.steps("stop method", cluster.a).stream().map(FailoverGroup.Step::what).toList(), "cjcpw -stop ended cjcpw: " + steps());
    awaitUp(one, cluster.b);
    awaitRan(one, cluster.b, 2);
    assertNoJobLost(one, before);
    assertEquals(List.of(), g.failuresDetected);
  }

  // --- the port keeper, maintenance mode --------------------------------------------------------

  /**
   * Binds the site's NQS port over and over, as another program taking a free port would, from
   * {@code from} on until cjcpw has started (its PID file exists); counts the binds that succeeded
   * before that. With {@code untilFirst} it lets the port go and stops at the first success.
   */
  private record Grabber(int attempts, int bound) {
    static Grabber run(TwoNodeCluster cluster, Site site, boolean untilFirst) {
      int attempts = 0;
      int bound = 0;
      long deadline = System.nanoTime() + TwoNodeCluster.WAIT.toNanos();
      Path pidFile = site.db().resolve("nqs/run/cjcpw.pid");
      while (!Files.exists(pidFile) && System.nanoTime() < deadline) {
        attempts++;
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
          s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(site.address()), cluster.port));
          // Only a bind before cjcpw started counts: after that cjcpw itself lets the port go.
          if (!Files.exists(pidFile)) {
            bound++;
            if (untilFirst) {
              break;
            }
          }
        } catch (java.io.IOException inUse) {
          // Held: what the keeper is for.
        }
        SiteProbe.sleep(1);
      }
      return new Grabber(attempts, bound);
    }
  }

  @Test
  void thePortKeeperHoldsThePortFromItsStartUntilTheDaemonHasIt() throws Exception {
    List<ClusterproLinux> g = clusterpro(JobSpoolFixture.switchOver(), WATCHED_WITH_KEEPER, WATCHED);
    Site kept = cluster.site(0);
    Site free = cluster.site(1);

    g.get(0).online(cluster.a);
    // From the moment nqsportkpr holds the port, nobody else gets it until cjcpw starts.
    SiteProbe.await(() -> SiteProbe.accepting(kept.address(), cluster.port) || SiteProbe.supervisor(kept).isPresent(),
        TwoNodeCluster.WAIT, "nqsportkpr holds the port", () -> steps());
    Grabber withKeeper = Grabber.run(cluster, kept, false);
    // Without the keeper the same grabber gets the port (and lets it go at once).
    g.get(1).online(cluster.a);
    Grabber withoutKeeper = Grabber.run(cluster, free, true);

    awaitUp(kept, cluster.a);
    awaitUp(free, cluster.a);
    assertTrue(withKeeper.attempts() > 10, "the grabber tried while nqsportkpr held the port: " + withKeeper);
    assertEquals(0, withKeeper.bound(), "binds that got the port nqsportkpr held: " + withKeeper);
    assertEquals(1, withoutKeeper.bound(), "without nqsportkpr the port was free: " + withoutKeeper);
    // In the end the site's NQS daemon has the port, and no holder is left.
    assertEquals(Optional.of(daemon(kept, "nqsdaemon").pid()), Proc.listener(kept.address(), cluster.port));
    assertEquals(List.of(), Proc.withEnvironment(TwoNodeCluster.MARKER, cluster.token).stream()
        .filter(pid -> String.join(" ", Proc.commandLine(pid)).contains("PortHolder")).toList(), "port holders left");
  }

  @Test
  void maintenanceModeKeepsTheSiteDownWhileCjcpwRunsSoNothingFailsOver() throws Exception {
    ClusterproLinux g = clusterpro(JobSpoolFixture.switchOver(), WATCHED).get(0);
    Site one = cluster.site(0);
    Files.writeString(one.db().resolve("nqs/daemon.conf"), "maintenance=ON\n", java.nio.file.StandardOpenOption.APPEND);
    String jobsBefore = Files.readString(one.db().resolve("nqs/spool/jobs"));

    g.online(cluster.a);
    SiteProbe.await(() -> SiteProbe.supervisor(one).isPresent(), TwoNodeCluster.WAIT, "cjcpw runs", () -> steps());
    ProcessIdentity cjcpw = SiteProbe.supervisor(one).orElseThrow();
    // Sixty site.conf seconds, twice what the site needs to come up.
    SiteProbe.sleep(60L * TwoNodeCluster.SECOND_MS);

    assertTrue(cjcpw.isAlive() && g.watched().orElseThrow().isAlive(), "cjcpw, which the PID monitor watches, stays up");
    assertEquals(cluster.a.name(), SiteProbe.nodeOf(cjcpw.pid()));
    assertEquals(List.of(), SiteProbe.daemons(one), "no daemon started");
    assertFalse(SiteProbe.accepting(one.address(), cluster.port), "the NQS port is silent");
    assertEquals(List.of(), g.failuresDetected, "no failure, so no failover");
    assertEquals(List.of(), Proc.withEnvironment(TwoNodeCluster.MARKER, cluster.token).stream()
        .filter(pid -> SiteProbe.nodeOf(pid).equals(cluster.b.name()) && !cluster.isAgent(pid)).toList(), "nothing runs on B");
    assertFalse(Files.exists(cluster.b.spool().resolve(one.linkName()), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(jobsBefore, Files.readString(one.db().resolve("nqs/spool/jobs")), "no job ran");

    Process startScript = g.watched().orElseThrow();
    assertEquals(0, g.offline(), steps());
    assertEquals(0, startScript.exitValue(), "start.sh ends with cjcpw, stopped on request");
    assertTrue(SiteProbe.down(cluster, one), SiteProbe.describe(cluster, one));
  }

  // --- figures ---------------------------------------------------------------------------------

  /**
   * Prints, for 0 and 10,000 spooled jobs (100 of them running), how long CLUSTERPRO for Linux
   * takes from the SIGKILL of the NQS daemon on A to the site ready on B. Printed, not asserted:
   * it depends on the machine; the harness's failure detection is immediate where CLUSTERPRO's
   * PID monitor polls.
   */
  @Test
  void figuresKillOnAToSiteReadyOnB() throws Exception {
    for (int jobs : List.of(0, 10_000)) {
      JobSpoolFixture spool = JobSpoolFixture.spooled(jobs);
      ClusterproLinux g = clusterpro(spool, WATCHED_WITH_KEEPER).get(0);
      Site one = cluster.site(0);
      g.online(cluster.a);
      awaitUp(one, cluster.a);
      awaitRan(one, cluster.a, Math.min(jobs, spool.runnerLimit()));
      ProcessIdentity nqsdaemon = daemon(one, "nqsdaemon");

      long killed = System.nanoTime();
      kill(nqsdaemon);
      while (!SiteProbe.upOn(cluster, one, cluster.b)) {
        if (System.nanoTime() - killed > TwoNodeCluster.WAIT.toNanos()) {
          throw new AssertionError("not up on B: " + SiteProbe.describe(cluster, one) + "\n" + steps());
        }
        SiteProbe.sleep(2);
      }
      long ready = System.nanoTime();
      g.settle();
      long detected = g.failuresDetected.get(0);
      long stop = g.steps("stop.sh", cluster.a).get(0).took().toNanos();
      Map<String, JobSpool.Job> after = JobSpoolFixture.read(one.db());
      System.out.printf(
          "figure: CLUSTERPRO for Linux, SIGKILL of nqsdaemon on A to site ready on B, %,d spooled jobs (%d running): "
              + "%d ms (cjcpw on A stops the site and ends, the PID monitor fires: %d ms; stop.sh on A: %d ms; "
              + "start.sh on B to the NQS port answering: %d ms); %,d jobs in the spool after%n",
          jobs, Math.min(jobs, spool.runnerLimit()), ms(ready - killed), ms(detected - killed), ms(stop),
          ms(ready - detected - stop), after.size());
      assertTrue(after.size() >= jobs - spool.runnerLimit(), "queued jobs survive the failover: " + after.size());
      groups.forEach(FailoverGroup::close);
      groups.clear();
      cluster.close();
      cluster = null;
      tmp = Files.createDirectories(tmp.resolve("next"));
    }
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
