package dev.clusterkit.core.runtime;

import java.util.OptionalLong;

/**
 * The few POSIX calls the JDK does not offer: signalling a process group, reading the umask and the
 * stack size limit. {@link #system()} uses the C library through JNA when it loads, and otherwise
 * falls back to {@code /proc} and the {@code kill} command.
 */
public interface Posix {
  int SIGKILL = 9;
  int SIGTERM = 15;

  /** Whether the native implementation is in use (JNA loaded libc). */
  boolean supported();

  /** The process's file mode creation mask. */
  int umask();

  /** The soft RLIMIT_STACK in bytes; empty when unlimited or unknown. */
  OptionalLong stackLimit();

  /**
   * Sends {@code signal} to every process of group {@code pgid}.
   *
   * @return false when the group has no process left
   */
  boolean signalGroup(long pgid, int signal);

  /**
   * Loads what {@link #signalGroup} needs, so that a later stop does not wait for it. May take a
   * while: call it from a background thread.
   */
  default void preload() {}

  /** The implementation for this JVM. */
  static Posix system() {
    return NativePosix.INSTANCE;
  }
}
