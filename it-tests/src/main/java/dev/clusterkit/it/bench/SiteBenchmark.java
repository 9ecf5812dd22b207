package dev.clusterkit.it.bench;

import dev.clusterkit.core.runtime.EmbeddedSiteControl;
import dev.clusterkit.core.site.SiteName;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import dev.clusterkit.it.bench.BenchSite.Route;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the embedded site runtime with real processes, the way a cluster product drives it
 * (through the {@code cjcpw} shims, each a fresh JVM), over a site of ten daemons:
 *
 * <ul>
 *   <li>daemon death to supervisor exit: one daemon SIGKILLed, until {@code cjcpw} has stopped the
 *       nine others and exited (target: median < 50 ms, p99 < 200 ms);
 *   <li>{@code cjcpw -stop}: the stop command's run, from its start until it returns with the site
 *       stopped (target < 1 s); also {@code SiteControl.stop} called in this JVM, without the
 *       command's JVM start;
 *   <li>boot: from starting {@code cjcpw} until it reports all ten daemons ready, against starting
 *       the same ten processes from {@code sh} until all ten accept connections (target: ratio of
 *       the medians < 1.5);
 *   <li>for scale, {@code cjcls} from start to exit: the least a JVM command of the runtime costs.
 * </ul>
 *
 * <p>The cjcpw figures are taken twice: with each shim a JVM of its own ({@code
 * CLUSTERKIT_AGENT=off}) and through the runtime agent ({@code clusterkit-agent}), whose boot
 * ratio is checked against the same target. Each run checks which process started the daemons.
 *
 * <p>Each round runs the shell baseline and the kinds of cjcpw run one after the other, so
 * load from elsewhere on the machine falls on all of them alike. Usage: {@code SiteBenchmark
 * [RUNS [WARMUP]]} (default 100 and 5).
 */
public final class SiteBenchmark {
  private static final int DAEMONS = 10;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Pattern STARTED = Pattern.compile("started daemon (d[0-9]+) \\(pid ([0-9]+)\\)");

  private final BenchSite site;
  private final Samples shell = new Samples("sh: start 10 daemons -> all 10 accept");
  private final Samples floor = new Samples("cjcls: start -> exit (a JVM command doing little)");
  private final Samples boot = new Samples("cjcpw: start -> reports all 10 daemons ready");
  private final Samples firstLine = new Samples("  of which cjcpw: start -> first log line (JVM, checks)");
  private final Samples death = new Samples("daemon SIGKILLed -> cjcpw exited (9 others stopped)");
  private final Samples stopCommand = new Samples("cjcpw -stop command: start -> returns, site stopped");
  private final Samples stopApi = new Samples("SiteControl.stop in process -> returns, site stopped");
  private final Samples agentBoot = new Samples("agent cjcpw: start -> reports all 10 daemons ready");
  private final Samples agentDeath = new Samples("agent: daemon SIGKILLed -> cjcpw exited");
  private final Samples agentStop = new Samples("agent cjcpw -stop command: start -> returns");
  private final Samples agentFloor = new Samples("agent cjcls: start -> exit");

  private SiteBenchmark(BenchSite site) {
    this.site = site;
  }

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (BenchSite site = new BenchSite(DAEMONS)) {
      site.startAgent();
      SiteBenchmark bench = new SiteBenchmark(site);
      for (int i = 0; i < warmup; i++) {
        bench.round(false);
      }
      for (int i = 0; i < runs; i++) {
        bench.round(true);
        if ((i + 1) % 10 == 0) {
          System.err.println("site benchmark: " + (i + 1) + " of " + runs + " rounds");
        }
      }
      bench.report(runs, warmup);
    }
  }

  private void round(boolean record) throws Exception {
    long s = shellRun();
    long f = cjclsRun(Route.JVM);
    long[] k = killRun(Route.JVM);
    long[] c = stopRun(Route.JVM, false);
    long[] a = stopRun(Route.JVM, true);
    long af = cjclsRun(Route.AGENT);
    long[] ak = killRun(Route.AGENT);
    long[] ac = stopRun(Route.AGENT, false);
    if (record) {
      agentFloor.add(af);
      agentBoot.add(ak[0]);
      agentBoot.add(ac[0]);
      agentDeath.add(ak[2]);
      agentStop.add(ac[2]);
      shell.add(s);
      floor.add(f);
      for (long[] r : List.of(k, c, a)) {
        boot.add(r[0]);
        firstLine.add(r[1]);
      }
      death.add(k[2]);
      stopCommand.add(c[2]);
      stopApi.add(a[2]);
    }
  }

  /** sh starts the ten daemons; done when all ten accept connections (polled every 2 ms). */
  private long shellRun() throws Exception {
    awaitPortsFree();
    long t0 = System.nanoTime();
    Path log = site.root.resolve("sh.log");
    Process sh = new ProcessBuilder("sh", "-c", site.shellLine()).directory(site.root.toFile())
        .redirectOutput(log.toFile()).redirectErrorStream(true).start();
    long deadline = t0 + WAIT.toNanos();
    Set<Integer> ready = new HashSet<>();
    while (!site.allAccepting(ready)) {
      if (System.nanoTime() > deadline || !sh.isAlive()) {
        throw new IllegalStateException("the shell's daemons did not all accept connections within "
            + (System.nanoTime() - t0) / 1_000_000 + " ms (sh " + (sh.isAlive() ? "runs" : "exited with " + sh.exitValue())
            + "):\n" + Files.readString(log));
      }
      Thread.sleep(2);
    }
    long elapsed = System.nanoTime() - t0;
    sh.descendants().forEach(ProcessHandle::destroy);
    sh.destroy();
    sh.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
    return elapsed;
  }

  /** The cjcls shim from start to exit: what any JVM command of the runtime costs at least. */
  private long cjclsRun(Route route) throws Exception {
    long t0 = System.nanoTime();
    Process cjcls = site.shim("cluster/cjcls", route).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!cjcls.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || cjcls.exitValue() != 0) {
      throw new IllegalStateException("cjcls failed");
    }
    return System.nanoTime() - t0;
  }

  /** Starts cjcpw watched; returns it once it reports all daemons ready, with {boot, first line}. */
  private Supervised startWatched(Route route, long[] result) throws Exception {
    awaitPortsFree();
    Supervised cjcpw = Supervised.start(site.shim("cluster/cjcpw", route, BenchSite.SITE, site.db.toString()));
    Supervised.Line ready = cjcpw.await("all " + DAEMONS + " daemons are ready", WAIT);
    result[0] = ready.at() - cjcpw.startedAt;
    Supervised.Line first = cjcpw.find("cjcpw started (pid").orElseThrow();
    result[1] = first.at() - cjcpw.startedAt;
    // A route that fell back to a JVM would be timed as the agent's: check who started the daemons.
    long supervisor = route == Route.AGENT ? site.agentPid() : cjcpw.process.pid();
    Matcher m = STARTED.matcher(cjcpw.find("started daemon d1 ").orElseThrow().text());
    long parent = m.find() ? ProcessHandle.of(Long.parseLong(m.group(2))).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L) : -1;
    if (parent != supervisor) {
      throw new IllegalStateException("cjcpw on the " + route + " route did not start its daemons from pid " + supervisor + ":\n" + cjcpw.output());
    }
    return cjcpw;
  }

  /** {boot, first line, death to exit}: SIGKILL to the fifth daemon. */
  private long[] killRun(Route route) throws Exception {
    long[] r = new long[3];
    Supervised cjcpw = startWatched(route, r);
    Matcher m = STARTED.matcher(cjcpw.find("started daemon d5 ").orElseThrow().text());
    if (!m.find()) {
      throw new IllegalStateException("no PID for d5 in:\n" + cjcpw.output());
    }
    ProcessHandle victim = ProcessHandle.of(Long.parseLong(m.group(2))).orElseThrow();
    long t0 = System.nanoTime();
    victim.destroyForcibly();
    if (!cjcpw.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("cjcpw did not exit after a daemon died:\n" + cjcpw.output());
    }
    r[2] = System.nanoTime() - t0;
    expectExit(cjcpw, 1);
    return r;
  }

  /** {boot, first line, stop}: through the cjcpw -stop shim, or SiteControl.stop in this JVM. */
  private long[] stopRun(Route route, boolean inProcess) throws Exception {
    long[] r = new long[3];
    Supervised cjcpw = startWatched(route, r);
    long t0 = System.nanoTime();
    if (inProcess) {
      new EmbeddedSiteControl(site.settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
          .stop(new SiteName(BenchSite.SITE));
    } else {
      Process stop = site.shim("cluster/cjcpw", route, "-stop", BenchSite.SITE).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!stop.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || stop.exitValue() != 0) {
        throw new IllegalStateException("cjcpw -stop failed:\n" + cjcpw.output());
      }
    }
    r[2] = System.nanoTime() - t0;
    if (!cjcpw.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("cjcpw did not exit after -stop:\n" + cjcpw.output());
    }
    expectExit(cjcpw, 0);
    return r;
  }

  private static void expectExit(Supervised cjcpw, int code) throws InterruptedException {
    cjcpw.process.waitFor();
    if (cjcpw.process.exitValue() != code) {
      throw new IllegalStateException("cjcpw exited with " + cjcpw.process.exitValue() + ", not " + code + ":\n" + cjcpw.output());
    }
  }

  /** The previous run's daemons must be gone, or the next ones cannot bind. */
  private void awaitPortsFree() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!site.noneAccepting()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("daemons of the previous run still hold their ports");
      }
      Thread.sleep(5);
    }
  }

  private void report(int runs, int warmup) throws Exception {
    System.out.println("clusterkit site runtime benchmark: " + runs + " rounds after " + warmup + " warm-up rounds, "
        + DAEMONS + " daemons (perl listeners, ready when their TCP port accepts)");
    System.out.println("machine: " + machine());
    System.out.println();
    System.out.println(Samples.header());
    System.out.println("cjcpw in a JVM of its own (CLUSTERKIT_AGENT=off):");
    for (Samples s : List.of(death, stopCommand, stopApi, boot, firstLine, floor)) {
      System.out.println(s.row());
    }
    System.out.println("cjcpw in the runtime agent (clusterkit-agent):");
    for (Samples s : List.of(agentDeath, agentStop, agentBoot, agentFloor)) {
      System.out.println(s.row());
    }
    System.out.println("baseline:");
    System.out.println(shell.row());
    System.out.println();
    double agentRatio = agentBoot.medianMs() / shell.medianMs();
    System.out.println(target("agent: daemon death -> cjcpw exit, median < 50 ms", agentDeath.medianMs() < 50));
    System.out.println(target("agent: daemon death -> cjcpw exit, p99 < 200 ms", agentDeath.p99Ms() < 200));
    System.out.println(target("agent: cjcpw -stop of a 10-daemon site < 1 s (p99 of the command)", agentStop.p99Ms() < 1000));
    System.out.println(target(String.format(Locale.ROOT, "agent: boot ratio cjcpw / sh (medians) = %.2f < 1.5", agentRatio), agentRatio < 1.5));
    double ratio = boot.medianMs() / shell.medianMs();
    System.out.println(target("daemon death -> cjcpw exit, median < 50 ms", death.medianMs() < 50));
    System.out.println(target("daemon death -> cjcpw exit, p99 < 200 ms", death.p99Ms() < 200));
    System.out.println(target("cjcpw -stop of a 10-daemon site < 1 s (p99 of the command)", stopCommand.p99Ms() < 1000));
    System.out.println(target(String.format(Locale.ROOT, "boot ratio cjcpw / sh (medians) = %.2f < 1.5", ratio), ratio < 1.5));
    System.out.println(String.format(Locale.ROOT, "boot ratio without cjcpw's own JVM start and checks (medians) = %.2f",
        (boot.medianMs() - firstLine.medianMs()) / shell.medianMs()));
  }

  private static String target(String what, boolean met) {
    return (met ? "MET     " : "MISSED  ") + what;
  }

  private static String machine() throws Exception {
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), load average " 
        + String.format(Locale.ROOT, "%.2f", load) + " at the end, " + System.getProperty("os.name") + " "
        + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
  }
}
