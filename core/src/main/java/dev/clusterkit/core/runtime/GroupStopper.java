package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.SiteConf;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops daemons the way site.conf says (guide 2.1.5): SIGTERM to each daemon's process group,
 * SIGKILL to what is left once STOP_TIMEOUT - FORCEKILL_TIME has passed, and giving up when
 * STOP_TIMEOUT has passed. When STOP_TIMEOUT is not above FORCEKILL_TIME the stop is a forced
 * kill from the start and takes at most FORCEKILL_TIME, as the guide warns.
 *
 * <p>A group counts as stopped when none of its processes is alive (zombies are dead: an orphan's
 * zombie may wait long for init to reap it). Before each signal the group leader's start time is
 * compared with the one recorded: a leader PID that now belongs to another process means our group
 * is gone, and nothing is sent. That inference is sound on Linux: the kernel frees a PID only when
 * no task uses it any more as process, group or session ID ({@code __change_pid} in
 * kernel/pid.c), so while any member of our group lives, no new process can get the leader's PID;
 * a leader that merely exited leaves no process at that PID, which is not "reused", and the group
 * is signalled as usual.
 */
final class GroupStopper {
  /**
   * How often to look again: from 1 ms, doubling up to 10 ms, since most daemons end within
   * milliseconds of SIGTERM and the site's failover waits for the last one.
   */
  private static final Duration FIRST_POLL = Duration.ofMillis(1);

  private static final Duration POLL = Duration.ofMillis(10);

  /** A daemon to stop: its name and its process, the leader of its group. */
  record Target(String name, ProcessIdentity leader) {}

  private GroupStopper() {}

  /**
   * Stops the targets; returns the names of those still alive at the deadline (empty when all
   * stopped).
   */
  static List<String> stop(List<Target> targets, SiteConf conf, RuntimeSettings settings, Posix posix, SiteLog log) {
    if (!conf.stopsCleanly() && !targets.isEmpty()) {
      log.info(
          "STOP_TIMEOUT " + conf.stopTimeout() + " is not above FORCEKILL_TIME " + conf.forceKillTime()
              + ": killing the daemons without a graceful stop");
    }
    return stop(targets, conf, settings, posix, log, conf.stopsCleanly());
  }

  /**
   * Sends SIGKILL at once, as the death of their supervisor would (the kernel's parent-death signal
   * and the group guard); returns the names of those still alive after FORCEKILL_TIME.
   */
  static List<String> kill(List<Target> targets, SiteConf conf, RuntimeSettings settings, Posix posix, SiteLog log) {
    return stop(targets, conf, settings, posix, log, false);
  }

  private static List<String> stop(
      List<Target> targets, SiteConf conf, RuntimeSettings settings, Posix posix, SiteLog log, boolean graceful) {
    long start = System.nanoTime();
    long forceAt = graceful ? settings.seconds(conf.stopTimeout() - conf.forceKillTime()).toNanos() : 0;
    long deadline = settings.seconds(graceful ? conf.stopTimeout() : conf.forceKillTime()).toNanos();
    List<Target> remaining = new ArrayList<>(targets);
    Set<Long> live = liveGroups();
    remaining.removeIf(t -> gone(t, live));
    for (int i = remaining.size() - 1; i >= 0; i--) {
      signal(remaining.get(i), graceful ? Posix.SIGTERM : Posix.SIGKILL, posix, log);
    }
    boolean forced = !graceful;
    long poll = FIRST_POLL.toMillis();
    while (true) {
      Set<Long> now = liveGroups();
      remaining.removeIf(t -> gone(t, now));
      if (remaining.isEmpty()) {
        return List.of();
      }
      long elapsed = System.nanoTime() - start;
      if (!forced && elapsed >= forceAt) {
        log.info(
            "FORCEKILL: " + names(remaining) + " still running after " + (conf.stopTimeout() - conf.forceKillTime())
                + " s (STOP_TIMEOUT - FORCEKILL_TIME): sending SIGKILL");
        for (Target t : remaining) {
          signal(t, Posix.SIGKILL, posix, log);
        }
        forced = true;
      }
      if (elapsed >= deadline) {
        log.info("giving up: " + names(remaining) + " still running after the stop timeout");
        return names(remaining);
      }
      try {
        Thread.sleep(poll);
        poll = Math.min(poll * 2, POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return names(remaining);
      }
    }
  }

  private static boolean gone(Target t, Set<Long> liveGroups) {
    return t.leader().isReused() || !liveGroups.contains(t.leader().pid());
  }

  static void signal(Target t, int signal, Posix posix, SiteLog log) {
    if (t.leader().isReused()) {
      log.info("PID " + t.leader().pid() + " of " + t.name() + " now belongs to another process: not signalled");
      return;
    }
    posix.signalGroup(t.leader().pid(), signal);
  }

  private static List<String> names(List<Target> targets) {
    return targets.stream().map(Target::name).toList();
  }

  /** The process groups that have at least one live (non-zombie) process. */
  static Set<Long> liveGroups() {
    Set<Long> groups = new HashSet<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          String text = Files.readString(dir.resolve("stat"));
          String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
          if (!f[0].equals("Z") && !f[0].equals("X")) {
            groups.add(Long.parseLong(f[2]));
          }
        } catch (IOException | RuntimeException vanished) {
          // The process ended while we looked.
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the process table in /proc: " + e.getMessage(), e);
    }
    return groups;
  }
}
