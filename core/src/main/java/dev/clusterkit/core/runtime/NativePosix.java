package dev.clusterkit.core.runtime;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * {@link Posix} over libc through JNA. Without JNA (no native library for the platform) the umask
 * and stack limit come from {@code /proc/self} and signals go through {@code kill(1)}.
 */
final class NativePosix implements Posix {
  static final NativePosix INSTANCE = new NativePosix();

  private static final int RLIMIT_STACK = 3; // Linux
  private static final long RLIM_INFINITY = -1L; // Linux LP64: ~0UL
  private static final int ESRCH = 3;

  /** The libc functions we call. */
  public interface CLib extends Library {
    int umask(int mask);

    /** {@code limit} is struct rlimit on LP64 Linux: {rlim_cur, rlim_max}. */
    int getrlimit(int resource, long[] limit) throws LastErrorException;

    int kill(int pid, int signal) throws LastErrorException;
  }

  private NativePosix() {}

  /**
   * libc through JNA, loaded on first use (class holder idiom). Loading takes 50-100 ms (JNA
   * unpacks its native library and builds a proxy), so cjcpw starts it on a background thread as
   * its first step ({@link #preload}) and has it by the time it checks the stack limit.
   */
  private static final class Libc {
    static final Optional<CLib> C = load();

    private static Optional<CLib> load() {
      try {
        CLib c = Native.load("c", CLib.class);
        // JNA binds a method on its first call: bind the ones a stop needs now, not during a failover.
        c.kill((int) ProcessHandle.current().pid(), 0);
        return Optional.of(c);
      } catch (LinkageError | RuntimeException e) {
        // No native library for this platform, or one JNA refuses (it then fails its class
        // initialisation with an Error): /proc and kill(1) do the work.
        return Optional.empty();
      }
    }
  }

  private static Optional<CLib> libc() {
    return Libc.C;
  }

  @Override
  public void preload() {
    libc();
  }

  @Override
  public boolean supported() {
    return libc().isPresent();
  }

  /**
   * umask(2) can only be read by setting it. We set it to the value {@code /proc/self/status}
   * shows (Linux 4.7+), which is the current one, so nothing changes and a file another thread
   * creates meanwhile gets the right mode; only when the two disagree do we restore what umask(2)
   * returned.
   */
  @Override
  public synchronized int umask() {
    Optional<Integer> proc = procUmask();
    Optional<CLib> c = libc();
    if (c.isEmpty()) {
      return proc.orElseThrow(() -> new UnsupportedOperationException("the umask cannot be read: no libc through JNA and no /proc"));
    }
    int guess = proc.orElse(0022);
    int old = c.get().umask(guess);
    if (old != guess) {
      c.get().umask(old);
    }
    return old;
  }

  @Override
  public OptionalLong stackLimit() {
    Optional<CLib> c = libc();
    if (c.isEmpty() || Native.LONG_SIZE != Long.BYTES) {
      return procStackLimit();
    }
    // A long[2], not a JNA Structure, whose reflective set-up would cost cjcpw's start 5-10 ms.
    long[] limit = new long[2];
    try {
      c.get().getrlimit(RLIMIT_STACK, limit);
    } catch (LastErrorException e) {
      return OptionalLong.empty();
    }
    return limit[0] == RLIM_INFINITY ? OptionalLong.empty() : OptionalLong.of(limit[0]);
  }

  @Override
  public boolean signalGroup(long pgid, int signal) {
    if (pgid <= 1 || pgid > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("process group " + pgid + " cannot be signalled");
    }
    Optional<CLib> c = libc();
    if (c.isPresent()) {
      try {
        c.get().kill((int) -pgid, signal);
        return true;
      } catch (LastErrorException e) {
        if (e.getErrorCode() == ESRCH) {
          return false;
        }
        throw new IllegalStateException("kill(-" + pgid + ", " + signal + ") failed: errno " + e.getErrorCode(), e);
      }
    }
    try {
      Process kill =
          new ProcessBuilder(List.of("kill", "-" + signal, "--", "-" + pgid))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!kill.waitFor(10, TimeUnit.SECONDS)) {
        kill.destroyForcibly();
        throw new IllegalStateException("kill -" + signal + " -- -" + pgid + " did not finish");
      }
      return kill.exitValue() == 0;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kill(1): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The umask from /proc/self/status, the fallback without JNA. */
  static Optional<Integer> procUmask() {
    return procLine(Path.of("/proc/self/status"), "Umask:")
        .map(l -> Integer.parseInt(l.substring("Umask:".length()).strip(), 8));
  }

  /** The soft stack limit from /proc/self/limits, the fallback without JNA. */
  static OptionalLong procStackLimit() {
    // "Max stack size            8388608              unlimited            bytes": the soft limit first.
    Optional<String> line = procLine(Path.of("/proc/self/limits"), "Max stack size");
    if (line.isEmpty()) {
      return OptionalLong.empty();
    }
    String soft = line.get().substring("Max stack size".length()).strip().split("\\s+")[0];
    return soft.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(soft)) : OptionalLong.empty();
  }

  private static Optional<String> procLine(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
