package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as it was when we started it: its PID and its start time in clock ticks since boot
 * ({@code /proc/PID/stat} field 22). PIDs are reused; the pair is not, so we check it before every
 * signal (a stale PID file must never make us kill another program).
 */
public record ProcessIdentity(long pid, long startTicks) {
  private static final Path PROC = Path.of("/proc");

  /** The process that has {@code pid} now, if any (zombies included). */
  public static Optional<ProcessIdentity> of(long pid) {
    return stat(pid).map(s -> new ProcessIdentity(pid, Long.parseLong(s.fields[19])));
  }

  /** Whether the process still runs: the PID exists, belongs to it, and is not a zombie. */
  public boolean isAlive() {
    return stat(pid).filter(s -> Long.parseLong(s.fields[19]) == startTicks).filter(s -> !s.dead()).isPresent();
  }

  /** Whether the process still has its PID: alive, or a zombie its parent has not reaped yet. */
  public boolean exists() {
    return of(pid).map(now -> now.startTicks == startTicks).orElse(false);
  }

  /** Whether the PID now belongs to another process than this one. */
  public boolean isReused() {
    return of(pid).map(now -> now.startTicks != startTicks).orElse(false);
  }

  /** Whether any live (non-zombie) process is in process group {@code pgid}. */
  public static boolean groupAlive(long pgid) {
    return GroupStopper.liveGroups().contains(pgid);
  }

  /** The identifier of this machine's current boot, to tell our PIDs from another node's. */
  public static String bootId() {
    try {
      return Files.readString(PROC.resolve("sys/kernel/random/boot_id")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Fields of /proc/PID/stat after the command name: [0] = state (field 3), [2] = pgrp (field 5). */
  private record Stat(String[] fields) {
    boolean dead() {
      return fields[0].equals("Z") || fields[0].equals("X");
    }
  }

  private static Optional<Stat> stat(long pid) {
    try {
      String text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
      int close = text.lastIndexOf(')');
      String[] fields = text.substring(close + 2).strip().split(" ");
      return fields.length > 19 ? Optional.of(new Stat(fields)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return pid + "@" + startTicks;
  }
}
