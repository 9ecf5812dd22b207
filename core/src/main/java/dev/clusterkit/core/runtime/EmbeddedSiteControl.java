package dev.clusterkit.core.runtime;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.runtime.ControlChannel.Command;
import dev.clusterkit.core.site.DaemonConf;
import dev.clusterkit.core.site.DaemonConfParser;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Parsed;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.RelocatableAddress;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteConfParser;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.site.SiteSelection;
import dev.clusterkit.core.site.SiteStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The embedded runtime: makes any set of daemons behave as a JobCenter cluster site on a Linux
 * machine without JobCenter. See {@link SiteDatabase} for what a site database holds, {@link
 * Supervisor} for cjcpw, {@link PortKeeper} for nqsportkpr and {@link JobSpool} for the failover
 * recovery.
 */
public final class EmbeddedSiteControl implements SiteControl {
  /** JobCenter on Linux needs a stack of at least 8 MB (guide 4.1.2.1). */
  public static final long MIN_STACK_BYTES = 8L * 1024 * 1024;

  private final RuntimeSettings settings;
  private final PrintStream out;
  private final Posix posix;
  private final Caller caller;

  public EmbeddedSiteControl(RuntimeSettings settings, PrintStream out) {
    this(settings, out, Posix.system());
  }

  EmbeddedSiteControl(RuntimeSettings settings, PrintStream out, Posix posix) {
    this(settings, out, posix, Caller.self());
  }

  /** A control working for {@code caller}: the runtime agent's, on behalf of its client. */
  EmbeddedSiteControl(RuntimeSettings settings, PrintStream out, Posix posix, Caller caller) {
    this.settings = settings;
    this.out = out;
    this.posix = posix;
    this.caller = caller;
  }

  public RuntimeSettings settings() {
    return settings;
  }

  @Override
  public SiteStatus create(SiteName name, MachineId machineId, SiteDatabasePath database, boolean replace)
      throws SiteControlException {
    return SiteMaker.create(name, machineId, path(database), replace, settings, posix, out);
  }

  /** A site database read and checked, ready to start. */
  private record Prepared(
      SiteDatabase db, SiteIdentity identity, SiteConf conf, boolean maintenance, List<DaemonSpec> daemons, SiteLog log) {}

  private Prepared prepare(SiteName name, SiteDatabasePath database, String command) throws SiteControlException {
    SiteDatabase db = new SiteDatabase(path(database));
    SiteIdentity identity = SiteIdentity.read(db.identity());
    if (!identity.name().sameHostAs(name)) {
      throw new SiteControlException.Refused(
          "site database " + database + " belongs to site " + identity.name() + ", not " + name);
    }
    SiteLog log = new SiteLog(command, name.value(), out, Optional.of(db.supervisorLog()));
    SiteConf conf = readSiteConf(db, log);
    boolean maintenance = maintenance(db.daemonConf(), log);
    if (settings.commonDaemonConf().isPresent()) {
      maintenance |= maintenance(settings.commonDaemonConf().get(), log);
    }
    Map<String, String> variables =
        Map.of(
            "JAVA", Jvm.java(),
            "CLASSPATH", Jvm.classPath(),
            "SITE_NAME", identity.name().value(),
            "SITE_ADDRESS", identity.address().value(),
            "SITE_PORT", Integer.toString(settings.port()),
            "SITE_DB", db.root().toString());
    List<DaemonSpec> daemons;
    try {
      daemons = DaemonListParser.parse(Files.readString(db.daemons()), db.daemons().toString(), variables);
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + db.daemons() + ": " + e.getMessage(), e);
    }
    // Checked after the reading, which overlaps the loading of libc (JobCenterCommands), and before
    // anything is written.
    checkStack();
    // The standby node never ran cjcmksite: its link is made when the site first starts there.
    Path link = settings.spoolRoot().resolve(identity.address().linkName());
    Optional<Path> target = SiteMaker.linkTarget(link);
    if (target.isPresent() && !target.get().equals(db.root().normalize())) {
      throw new SiteControlException.Refused(
          link + " points to " + target.get() + ", not to " + db.root() + ": another site database uses address " + identity.address());
    }
    try {
      SiteMaker.link(link, db.root(), settings);
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot create the link " + link + ": " + e.getMessage(), e);
    }
    return new Prepared(db, identity, conf, maintenance, daemons, log);
  }

  @Override
  public SiteExit runWatched(SiteName name, SiteDatabasePath database) throws SiteControlException {
    Prepared p = prepare(name, database, "cjcpw");
    ExclusiveLock lock = lock(p);
    int code;
    boolean handedOver = false;
    try {
      refuseLiveDaemons(p);
      JobSpool.recover(p.db, p.log::info);
      Supervisor supervisor = new Supervisor(p.db, p.identity, p.daemons, p.conf, settings, posix, p.log, caller);
      // From here the supervisor releases the lock, before cjcpw -stop gets its answer.
      handedOver = true;
      code = supervisor.runWatched(lock, p.maintenance);
    } finally {
      if (!handedOver) {
        release(lock); // Errors included: an agent lives on, and must not keep the site locked.
      }
    }
    return new SiteExit(
        code, code == 0 ? "site " + name + " stopped on request" : "site " + name + " failed; see " + p.db.supervisorLog());
  }

  @Override
  public void startUnwatched(SiteName name, SiteDatabasePath database) throws SiteControlException {
    Prepared p = prepare(name, database, "cjcpw -c");
    ExclusiveLock lock = lock(p);
    try {
      refuseLiveDaemons(p);
      JobSpool.recover(p.db, p.log::info);
      if (p.maintenance) {
        p.log.info("maintenance=ON: no daemon started (guide 2.5.5)");
        return;
      }
      new Supervisor(p.db, p.identity, p.daemons, p.conf, settings, posix, p.log, caller).startUnwatched();
    } finally {
      release(lock);
    }
  }

  @Override
  public void stop(SiteName name) throws SiteControlException {
    SiteRegistry.Entry site = SiteRegistry.find(settings, name.value());
    SiteLog log = new SiteLog("cjcpw -stop", site.status().name(), out, Optional.empty());
    SiteConf conf = readSiteConf(site.db(), log);
    Optional<ProcessIdentity> supervisor = readSupervisor(site.db());
    Optional<String> reply = send(site.db(), Command.STOP, conf);
    if (reply.isPresent()) {
      if (!reply.get().startsWith("OK")) {
        throw new SiteControlException.SiteFailed("site " + name + " did not stop cleanly: " + reply.get());
      }
      supervisor.ifPresent(this::awaitExit);
      log.info("stopped");
      return;
    }
    List<RunState.Daemon> alive = alive(site.db());
    if (alive.isEmpty()) {
      throw new SiteControlException.NotRunning("site " + name + " is not running: no cjcpw and no daemon of it runs");
    }
    stopDetached(site, alive, conf, log);
  }

  @Override
  public List<SiteStatus> list() throws SiteControlException {
    return SiteRegistry.list(settings).stream().map(SiteRegistry.Entry::status).toList();
  }

  @Override
  public void startDaemons(SiteName name) throws SiteControlException {
    SiteRegistry.Entry site = SiteRegistry.find(settings, name.value());
    SiteLog log = new SiteLog("nqsstart", site.status().name(), out, Optional.empty());
    Optional<String> reply = send(site.db(), Command.NQSSTART, readSiteConf(site.db(), log));
    if (reply.isPresent()) {
      if (reply.get().startsWith("FAILED")) {
        throw new SiteControlException.SiteFailed("nqsstart of site " + name + ": " + reply.get().substring(7));
      }
      log.info(reply.get().replaceFirst("^(OK|ALREADY) ", ""));
      return;
    }
    if (!alive(site.db()).isEmpty()) {
      log.info("the daemons are running already");
      return;
    }
    log.info("no cjcpw runs for the site: starting the daemons without watching");
    startUnwatched(site.identity().name(), new SiteDatabasePath(site.db().root().toString(), Platform.Family.POSIX));
  }

  @Override
  public void stopDaemons(SiteName name) throws SiteControlException {
    SiteRegistry.Entry site = SiteRegistry.find(settings, name.value());
    SiteLog log = new SiteLog("nqsstop", site.status().name(), out, Optional.empty());
    SiteConf conf = readSiteConf(site.db(), log);
    Optional<String> reply = send(site.db(), Command.NQSSTOP, conf);
    if (reply.isPresent()) {
      if (reply.get().startsWith("FAILED")) {
        throw new SiteControlException.SiteFailed("nqsstop of site " + name + ": " + reply.get().substring(7));
      }
      log.info(reply.get().replaceFirst("^(OK|ALREADY) ", ""));
      return;
    }
    List<RunState.Daemon> alive = alive(site.db());
    if (alive.isEmpty()) {
      throw new SiteControlException.NotRunning("the daemons of site " + name + " are not running");
    }
    stopDetached(site, alive, conf, log);
  }

  @Override
  public void keepPort(String address) throws SiteControlException {
    RelocatableAddress a;
    try {
      a =
          new HostResolver(settings.hostsFile())
              .addressOf(address)
              .orElseThrow(() -> new SiteControlException.Refused("'" + address + "' does not resolve to an IPv4 address"));
    } catch (IOException | IllegalArgumentException e) {
      throw new SiteControlException.Refused("'" + address + "' is not an address or a site name: " + e.getMessage(), e);
    }
    PortKeeper.keep(a, settings.port(), settings.portKeeperTimeout());
    out.println("nqsportkpr: holding port " + settings.port() + " on " + a + " for the site's daemon");
  }

  @Override
  public void delete(SiteName name, DeleteMode mode) throws SiteControlException {
    SiteMaker.delete(SiteRegistry.find(settings, name.value()), mode, out);
  }

  @Override
  public SiteSelection resolve(Optional<String> nqsSite) throws SiteControlException {
    return SiteSelection.resolve(nqsSite, settings.hostName(), list());
  }

  private void stopDetached(SiteRegistry.Entry site, List<RunState.Daemon> alive, SiteConf conf, SiteLog log)
      throws SiteControlException {
    Prepared p = new Prepared(site.db(), site.identity(), conf, false, List.of(), log);
    ExclusiveLock lock = lock(p);
    try {
      List<GroupStopper.Target> targets =
          alive.stream().map(d -> new GroupStopper.Target(d.name(), d.process())).toList();
      log.info("no cjcpw runs for the site: stopping its daemons directly");
      List<String> left = GroupStopper.stop(targets, conf, settings, posix, log);
      RunState.Daemons before = RunState.readDaemons(site.db());
      RunState.writeDaemons(
          site.db(),
          new RunState.Daemons(before.watched(), before.daemons().stream().filter(d -> left.contains(d.name())).toList()));
      if (!left.isEmpty()) {
        throw new SiteControlException.SiteFailed("daemons of site " + site.status().name() + " would not stop: " + String.join(", ", left));
      }
    } catch (IOException e) {
      throw new SiteControlException.SiteFailed("cannot update " + site.db().daemonsState() + ": " + e.getMessage(), e);
    } finally {
      release(lock);
    }
  }

  private Optional<String> send(SiteDatabase db, Command command, SiteConf conf) throws SiteControlException {
    Duration timeout =
        settings.seconds((long) conf.bootTimeout() + conf.stopTimeout()).plus(Duration.ofSeconds(30));
    try {
      return ControlChannel.send(db.socket(), command, timeout);
    } catch (IOException e) {
      throw new SiteControlException.SiteFailed("cannot talk to the cjcpw of " + db.root() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the supervisor that answered is gone. It answers just before it exits, so this
   * looks every millisecond at first; ProcessHandle.onExit would not do: for a process that is not
   * our child it first sleeps 300 ms. Gone means reaped by its parent (the cluster software, which
   * may check right after the stop command that nothing is left), but a zombie its parent leaves
   * unreaped for a second is dead enough.
   */
  private void awaitExit(ProcessIdentity supervisor) {
    if (supervisor.pid() == ProcessHandle.current().pid()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long zombieDeadline = Long.MAX_VALUE;
    long pause = 1;
    while (supervisor.exists()) {
      long now = System.nanoTime();
      if (!supervisor.isAlive()) {
        zombieDeadline = Math.min(zombieDeadline, now + TimeUnit.SECONDS.toNanos(1));
      }
      if (now > zombieDeadline) {
        return;
      }
      if (now > deadline) {
        out.println("cjcpw -stop: cjcpw (pid " + supervisor.pid() + ") answered but has not exited yet");
        return;
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      pause = Math.min(pause * 2, 20);
    }
  }

  private static Optional<ProcessIdentity> readSupervisor(SiteDatabase db) throws SiteControlException {
    try {
      return RunState.liveSupervisor(db);
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + db.supervisorRecord() + ": " + e.getMessage(), e);
    }
  }

  private static List<RunState.Daemon> alive(SiteDatabase db) throws SiteControlException {
    try {
      return RunState.readDaemons(db).alive();
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + db.daemonsState() + ": " + e.getMessage(), e);
    }
  }

  private static void refuseLiveDaemons(Prepared p) throws SiteControlException {
    List<RunState.Daemon> alive = alive(p.db);
    if (!alive.isEmpty()) {
      throw new SiteControlException.AlreadyRunning(
          "daemons of site " + p.identity.name() + " still run without cjcpw ("
              + String.join(", ", alive.stream().map(d -> d.name() + " pid " + d.process().pid()).toList())
              + "): stop them with cjcpw -stop " + p.identity.name() + " first");
    }
  }

  private ExclusiveLock lock(Prepared p) throws SiteControlException {
    Optional<ExclusiveLock> lock;
    try {
      Files.createDirectories(p.db.run());
      lock = ExclusiveLock.tryTake(p.db.lock());
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot lock " + p.db.lock() + ": " + e.getMessage(), e);
    }
    if (lock.isEmpty()) {
      String who = readSupervisor(p.db).map(s -> " (cjcpw pid " + s.pid() + ")").orElse("");
      throw new SiteControlException.AlreadyRunning(
          "site " + p.identity.name() + " is already running" + who + ": " + p.db.lock() + " is locked");
    }
    return lock.get();
  }

  private static void release(ExclusiveLock lock) {
    lock.close();
  }

  /**
   * The machine ID {@code cjcmksite} recorded in an embedded site database; empty when the folder
   * holds no such record (no database yet, or one made by an installed JobCenter).
   *
   * @throws SiteControlException.Refused when the record cannot be read
   */
  public static Optional<MachineId> recordedMachineId(Path database) throws SiteControlException {
    Path file = new SiteDatabase(database).identity();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(SiteIdentity.read(file).machineId());
  }

  private void checkStack() throws SiteControlException {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return;
    }
    OptionalLong limit = posix.stackLimit();
    if (limit.isPresent() && limit.getAsLong() < MIN_STACK_BYTES) {
      throw new SiteControlException.Refused(
          "the stack size limit is " + limit.getAsLong() / 1024 + " KB; JobCenter on Linux needs at least "
              + MIN_STACK_BYTES / 1024 + " KB (guide 4.1.2.1): run 'ulimit -s 8192' before cjcpw");
    }
  }

  private static SiteConf readSiteConf(SiteDatabase db, SiteLog log) throws SiteControlException {
    if (!Files.exists(db.siteConf())) {
      return SiteConf.DEFAULTS;
    }
    try {
      Parsed<SiteConf> parsed = SiteConfParser.parse(new SourceFile(db.siteConf().toString(), Files.readString(db.siteConf())));
      for (Finding f : parsed.findings()) {
        log.info(f.toString());
      }
      return parsed.value();
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + db.siteConf() + ": " + e.getMessage(), e);
    }
  }

  private static boolean maintenance(Path daemonConf, SiteLog log) throws SiteControlException {
    if (!Files.exists(daemonConf)) {
      return false;
    }
    try {
      Parsed<DaemonConf> parsed = DaemonConfParser.parse(new SourceFile(daemonConf.toString(), Files.readString(daemonConf)));
      for (Finding f : parsed.findings()) {
        if (!f.code().equals(DaemonConfParser.MAINTENANCE_ON.code())) {
          log.info(f.toString());
        }
      }
      return parsed.value().maintenance();
    } catch (IOException e) {
      throw new SiteControlException.Refused("cannot read " + daemonConf + ": " + e.getMessage(), e);
    }
  }

  private static Path path(SiteDatabasePath database) throws SiteControlException {
    if (database.family() != Platform.Family.POSIX) {
      throw new SiteControlException.Refused(
          "site database path " + database + " is a Windows path; the embedded runtime runs sites on Linux");
    }
    return Path.of(database.value());
  }
}
