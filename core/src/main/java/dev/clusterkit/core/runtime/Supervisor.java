package dev.clusterkit.core.runtime;

import dev.clusterkit.core.runtime.ControlChannel.Command;
import dev.clusterkit.core.runtime.ControlChannel.Request;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteControlException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the daemons of one site and, when watching, watches them (guide 2.1.4).
 *
 * <p>Everything that starts or signals a process happens on one thread: the one that calls {@link
 * #runWatched} or {@link #startUnwatched}. This matters because a parent-death signal fires when
 * the <em>thread</em> that started the child ends; that thread here lives exactly as long as the
 * supervisor. Other threads (process exit callbacks, readiness timers, control connections) only
 * post events to the queue this thread works from: no polling loop watches the daemons.
 *
 * <p>Each daemon starts as {@code setsid [setpriv --pdeathsig KILL] -- COMMAND}: the leader of a
 * session and process group of its own, so a stop reaches what it forked, and (when watched)
 * killed by the kernel if the supervisor dies. A {@link GroupGuard} kills the rest of its group in
 * that case.
 */
final class Supervisor {
  /** How often a port-bound daemon's port is probed until it accepts (a refused local connect costs microseconds). */
  private static final long PORT_POLL_MS = 5;

  private final SiteDatabase db;
  private final SiteIdentity identity;
  private final List<DaemonSpec> specs;
  private final SiteConf conf;
  private final RuntimeSettings settings;
  private final Posix posix;
  private final SiteLog log;

  /** Whose environment every daemon's starts from, and which process stands for cjcpw. */
  private final Caller caller;

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "cjcpw-timers");
            t.setDaemon(true);
            return t;
          });
  private final List<Running> running = new ArrayList<>();

  /** Set, by the agent's thread reading the client, once the process standing for cjcpw ended without a stop. */
  private volatile boolean abandoned;

  private boolean killedAll;

  private final Object controlLock = new Object();

  /**
   * The exit code; once set, a control request is answered at once instead of queued, so one that
   * comes while this supervisor exits is never left without an answer. Guarded by controlLock.
   */
  private OptionalInt exitedWith = OptionalInt.empty();
  private volatile Optional<GroupGuard> guard = Optional.empty();
  private boolean watched;
  private boolean nqsstopDuringBoot;
  private boolean warmedUp;

  private sealed interface Event {}

  private record Exited(Running daemon, int code) implements Event {}

  private record Ready(Running daemon) implements Event {}

  private record Control(Request request) implements Event {}

  /** The process standing for cjcpw ended without a stop: this supervisor is as good as dead. */
  private record Abandoned() implements Event {}

  /** A started daemon; touched only by the supervisor thread, except the volatile flag. */
  private static final class Running {
    final DaemonSpec spec;
    final Process process;
    final ProcessIdentity identity;
    boolean ready;
    boolean exited;
    boolean stopping;
    volatile boolean readyPosted;
    ScheduledFuture<?> check;

    Running(DaemonSpec spec, Process process, ProcessIdentity identity) {
      this.spec = spec;
      this.process = process;
      this.identity = identity;
    }
  }

  Supervisor(
      SiteDatabase db,
      SiteIdentity identity,
      List<DaemonSpec> specs,
      SiteConf conf,
      RuntimeSettings settings,
      Posix posix,
      SiteLog log,
      Caller caller) {
    this.db = db;
    this.identity = identity;
    this.specs = List.copyOf(specs);
    this.conf = conf;
    this.settings = settings;
    this.posix = posix;
    this.log = log;
    this.caller = caller;
  }

  /**
   * Runs the site until it is stopped or a daemon dies; returns the exit code (0 = stopped on
   * request). {@code lock} is the site lock, held by the caller; it is released here, before
   * {@code cjcpw -stop} gets its answer, so a new start right after never finds it held.
   */
  int runWatched(ExclusiveLock lock, boolean maintenance) throws SiteControlException {
    watched = true;
    List<Request> stopRequests = new ArrayList<>();
    ControlChannel.Server server = null;
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> stopOnShutdown(finished), "cjcpw-shutdown");
    int exit = 1;
    try {
      try {
        RunState.writeSupervisor(db, caller.process());
        RunState.writeDaemons(db, new RunState.Daemons(true, List.of()));
        guard = Optional.of(GroupGuard.start());
        server = ControlChannel.Server.start(db.socket(), this::postControl);
      } catch (IOException e) {
        throw new SiteControlException.Refused("cannot set up " + db.run() + ": " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(hook);
      caller.termination().attach(new Termination.Actions(
          () -> {
            log.info("cjcpw (the runtime agent's client) received a termination signal: stopping the site");
            events.add(new Control(new Request(Command.STOP, reply -> {})));
          },
          this::abandon));
      log.info("cjcpw started (pid " + caller.process().pid() + ")");
      if (maintenance) {
        log.info("maintenance=ON: cjcpw runs without the daemons until nqsstart (guide 2.5.5)");
      } else {
        Optional<String> failure = boot(stopRequests);
        if (abandoned) {
          killAll();
          return exit = 1;
        }
        if (failure.isPresent()) {
          log.info(failure.get() + (nqsstopDuringBoot ? ": stopping the daemons" : ": stopping the site"));
          List<String> left = stopAll();
          if (!stopRequests.isEmpty()) {
            return exit = left.isEmpty() ? 0 : 1;
          }
          if (!nqsstopDuringBoot) {
            return exit = 1;
          }
        }
      }
      exit = watch(stopRequests);
      return exit;
    } finally {
      if (server != null) {
        server.close();
      }
      guard.ifPresent(GroupGuard::close);
      timers.shutdownNow();
      try {
        java.nio.file.Files.deleteIfExists(db.supervisorRecord());
      } catch (IOException e) {
        log.info("cannot remove " + db.supervisorRecord() + ": " + e.getMessage());
      } finally {
        lock.close();
      }
      log.info("cjcpw exits with code " + exit);
      List<Event> left = new ArrayList<>();
      synchronized (controlLock) {
        exitedWith = OptionalInt.of(exit);
        events.drainTo(left);
      }
      for (Event e : left) {
        if (e instanceof Control c) {
          stopRequests.add(c.request());
        }
      }
      for (Request r : stopRequests) {
        r.reply().accept((exit == 0 ? "OK" : "FAILED") + " cjcpw exited with code " + exit);
      }
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The hook is what is running.
      }
    }
  }

  /** A control request from the socket; once this supervisor is exiting, answered at once. */
  private void postControl(Request r) {
    int exit;
    synchronized (controlLock) {
      if (exitedWith.isEmpty()) {
        events.add(new Control(r));
        return;
      }
      exit = exitedWith.getAsInt();
    }
    r.reply().accept((exit == 0 ? "OK" : "FAILED") + " cjcpw exited with code " + exit);
  }

  /**
   * The process standing for cjcpw ended without a stop (the agent's reading thread calls this).
   * The guard kills the daemons' groups now, whatever this supervisor's thread is doing (a graceful
   * stop may be running), as it would if this process died; the thread then finishes the job.
   */
  private void abandon() {
    abandoned = true;
    events.add(new Abandoned());
    guard.ifPresent(GroupGuard::close);
  }

  /** Starts the daemons without pdeathsig or guard and returns; they outlive this process. */
  void startUnwatched() throws SiteControlException {
    watched = false;
    try {
      Optional<String> failure = boot(new ArrayList<>());
      if (failure.isPresent()) {
        log.info(failure.get() + ": stopping the daemons started");
        stopAll();
        throw new SiteControlException.SiteFailed(failure.get());
      }
      log.info("daemons started without watching (cjcpw -c): " + running.size());
    } finally {
      timers.shutdownNow();
    }
  }

  private int watch(List<Request> stopRequests) {
    while (true) {
      Event e;
      try {
        e = events.take();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        stopAll();
        return 1;
      }
      if (e instanceof Abandoned || abandoned) {
        killAll();
        return 1;
      }
      if (e instanceof Exited x) {
        if (x.daemon().stopping || !running.contains(x.daemon())) {
          continue;
        }
        x.daemon().exited = true;
        log.info(
            "daemon " + x.daemon().spec.name() + " (pid " + x.daemon().identity.pid() + ") exited with code "
                + x.code() + ": stopping the site so the cluster software fails over");
        stopAll();
        return 1;
      } else if (e instanceof Ready r) {
        r.daemon().ready = true;
      } else if (e instanceof Control c) {
        Request q = c.request();
        switch (q.command()) {
          case STOP -> {
            log.info("stop requested (cjcpw -stop)");
            stopRequests.add(q);
            return stopAll().isEmpty() ? 0 : 1;
          }
          case NQSSTOP -> {
            if (running.isEmpty()) {
              q.reply().accept("OK the daemons are not running");
            } else {
              log.info("nqsstop: stopping the daemons; cjcpw stays up");
              List<String> left = stopAll();
              q.reply().accept(left.isEmpty() ? "OK daemons stopped" : "FAILED still running: " + String.join(", ", left));
            }
          }
          case NQSSTART -> {
            if (!running.isEmpty()) {
              q.reply().accept("ALREADY the daemons are running");
              continue;
            }
            log.info("nqsstart: starting the daemons");
            List<Request> stops = new ArrayList<>();
            Optional<String> failure = boot(stops);
            if (abandoned) {
              q.reply().accept("FAILED " + failure.orElse("cjcpw's process ended"));
              return 1;
            }
            if (failure.isPresent()) {
              log.info(failure.get() + ": stopping the daemons; cjcpw stays up");
              stopAll();
              q.reply().accept("FAILED " + failure.get());
            } else {
              q.reply().accept("OK daemons started");
            }
            if (!stops.isEmpty()) {
              stopRequests.addAll(stops);
              stopAll();
              return 0;
            }
          }
        }
      }
    }
  }

  /**
   * Starts the daemons in order and waits, at most BOOT_TIMEOUT, until all are ready. Returns the
   * reason when that fails. A STOP or NQSSTOP arriving meanwhile ends the boot: STOP requests are
   * added to {@code stopRequests}, NQSSTOP is answered once the caller has stopped the daemons.
   */
  private Optional<String> boot(List<Request> stopRequests) {
    long deadline = System.nanoTime() + settings.seconds(conf.bootTimeout()).toNanos();
    nqsstopDuringBoot = false;
    int next = 0;
    boolean portReleased = false;
    while (true) {
      int before = next;
      try {
        while (next < specs.size()) {
          if (abandoned) {
            break;
          }
          DaemonSpec spec = specs.get(next);
          if (spec.awaitPrevious() && !running.stream().allMatch(r -> r.ready)) {
            break;
          }
          if (!portReleased && spec.readiness() instanceof DaemonSpec.Readiness.PortBound p && p.port() == settings.port()) {
            releasePort();
            portReleased = true;
          }
          try {
            start(spec);
          } catch (IOException e) {
            return Optional.of("daemon " + spec.name() + " could not be started: " + e.getMessage());
          }
          next++;
        }
      } finally {
        // Watched, once per batch: should this process die mid-batch, the kernel (pdeathsig) and the
        // group guard kill what it started.
        if (next > before) {
          saveState();
        }
      }
      if (abandoned) {
        killAll();
        return Optional.of("cjcpw's process ended while the site was starting");
      }
      if (watched && !warmedUp) {
        warmedUp = true;
        warmUpStop();
      }
      if (next == specs.size() && running.stream().allMatch(r -> r.ready)) {
        if (!portReleased) {
          releasePort();
        }
        log.info("all " + running.size() + " daemons are ready");
        return Optional.empty();
      }
      long wait = deadline - System.nanoTime();
      if (wait <= 0) {
        List<String> notReady = new ArrayList<>();
        running.stream().filter(r -> !r.ready).forEach(r -> notReady.add(r.spec.name()));
        specs.subList(next, specs.size()).forEach(s -> notReady.add(s.name() + " (not started)"));
        return Optional.of(
            "BOOT_TIMEOUT of " + conf.bootTimeout() + " s passed before all daemons were ready; not ready: "
                + String.join(", ", notReady));
      }
      Event e;
      try {
        e = events.poll(wait, TimeUnit.NANOSECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return Optional.of("interrupted while starting");
      }
      if (e instanceof Abandoned || abandoned) {
        killAll();
        return Optional.of("cjcpw's process ended while the site was starting");
      }
      if (e instanceof Exited x) {
        if (x.daemon().stopping || !running.contains(x.daemon())) {
          continue;
        }
        x.daemon().exited = true;
        return Optional.of(
            "daemon " + x.daemon().spec.name() + " exited with code " + x.code() + " while the site was starting");
      } else if (e instanceof Ready r) {
        if (!r.daemon().exited && r.daemon().process.isAlive()) {
          r.daemon().ready = true;
        }
      } else if (e instanceof Control c) {
        Request q = c.request();
        switch (q.command()) {
          case STOP -> {
            stopRequests.add(q);
            return Optional.of("stop requested while the site was starting");
          }
          case NQSSTOP -> {
            // Answered after the caller's stopAll: post it back for the watch loop.
            nqsstopDuringBoot = true;
            events.add(new Control(q));
            return Optional.of("nqsstop requested while the daemons were starting");
          }
          case NQSSTART -> q.reply().accept("ALREADY the daemons are starting");
        }
      }
    }
  }

  private void start(DaemonSpec spec) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid");
    if (watched) {
      cmd.addAll(List.of("setpriv", "--pdeathsig", "KILL"));
    }
    cmd.add("--");
    cmd.addAll(spec.command());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(db.root().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(db.log().resolve(spec.name() + ".log").toFile()))
            .redirectErrorStream(true);
    if (!caller.thisProcess()) {
      pb.environment().clear();
      pb.environment().putAll(caller.environment());
    }
    pb.environment().putAll(spec.environment());
    pb.environment().put("NQS_SITE", identity.name().value());
    Process p = pb.start();
    ProcessIdentity id = ProcessIdentity.of(p.pid()).orElse(new ProcessIdentity(p.pid(), -1));
    Running r = new Running(spec, p, id);
    running.add(r);
    if (guard.isPresent()) {
      guard.get().add(id);
    }
    p.onExit().thenAccept(done -> events.add(new Exited(r, done.exitValue())));
    if (spec.readiness() instanceof DaemonSpec.Readiness.AliveFor a) {
      r.check = timers.schedule(() -> postReady(r), a.time().toMillis(), TimeUnit.MILLISECONDS);
    } else if (spec.readiness() instanceof DaemonSpec.Readiness.PortBound b) {
      r.check =
          timers.scheduleWithFixedDelay(
              () -> {
                if (!r.readyPosted && PortKeeper.accepting(identity.address(), b.port())) {
                  postReady(r);
                }
              },
              2,
              PORT_POLL_MS,
              TimeUnit.MILLISECONDS);
    }
    if (!watched) {
      // Nothing kills these daemons if this process dies mid-batch: record each at once, so a
      // later stop still finds them.
      saveState();
    }
    log.info("started daemon " + spec.name() + " (pid " + p.pid() + ")");
  }

  private void postReady(Running r) {
    if (!r.readyPosted) {
      r.readyPosted = true;
      events.add(new Ready(r));
      if (r.check != null) {
        r.check.cancel(false);
      }
    }
  }

  private void releasePort() {
    String what = PortKeeper.release(identity.address(), settings.port());
    if (!what.isEmpty()) {
      log.info(what);
    }
  }

  /** Kills every started daemon at once, as this process's own death would. */
  private void killAll() {
    abandoned = true;
    if (killedAll) {
      return;
    }
    killedAll = true;
    log.info("cjcpw's process (the runtime agent's client) ended without a stop: killing the daemons, as its death would");
    stopAll(true);
  }

  /** Stops every started daemon; returns the names of those that would not stop. */
  private List<String> stopAll() {
    return stopAll(false);
  }

  private List<String> stopAll(boolean kill) {
    List<GroupStopper.Target> targets = new ArrayList<>();
    for (Running r : running) {
      r.stopping = true;
      if (r.check != null) {
        r.check.cancel(false);
      }
      targets.add(new GroupStopper.Target(r.spec.name(), r.identity));
    }
    if (targets.isEmpty()) {
      return List.of();
    }
    List<String> left =
        kill ? GroupStopper.kill(targets, conf, settings, posix, log) : GroupStopper.stop(targets, conf, settings, posix, log);
    List<Running> stillThere = new ArrayList<>();
    for (Running r : running) {
      if (left.contains(r.spec.name())) {
        stillThere.add(r);
      } else if (guard.isPresent()) {
        try {
          guard.get().remove(r.identity.pid());
        } catch (IOException ignored) {
          // The guard is gone; the group is empty anyway.
        }
      }
    }
    running.clear();
    running.addAll(stillThere);
    saveState();
    log.info(left.isEmpty() ? "all daemons stopped" : "daemons still running: " + String.join(", ", left));
    return left;
  }

  private void saveState() {
    try {
      RunState.writeDaemons(
          db,
          new RunState.Daemons(
              watched, running.stream().map(r -> new RunState.Daemon(r.spec.name(), r.identity)).toList()));
    } catch (IOException e) {
      log.info("cannot write " + db.daemonsState() + ": " + e.getMessage());
    }
  }

  /**
   * Loads, off the supervisor thread and once the daemons are started (so as not to compete with
   * them for the CPU), what the first stop needs (libc through JNA, the process table scan): cold,
   * they add 50-200 ms between a daemon's death and the failover.
   */
  private void warmUpStop() {
    Thread t =
        new Thread(
            () -> {
              posix.preload();
              GroupStopper.liveGroups();
            },
            "cjcpw-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** On SIGTERM or SIGINT to cjcpw itself: stop the site as -stop would, within STOP_TIMEOUT. */
  private void stopOnShutdown(CountDownLatch finished) {
    if (finished.getCount() == 0) {
      return;
    }
    log.info("cjcpw received a termination signal: stopping the site");
    events.add(new Control(new Request(Command.STOP, reply -> {})));
    try {
      finished.await(settings.seconds(conf.stopTimeout()).plus(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
