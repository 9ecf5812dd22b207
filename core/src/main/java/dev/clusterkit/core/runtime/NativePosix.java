package dev.clusterkit.core.runtime;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** {@link Posix} over libc through JNA, with a {@code /proc} and {@code kill(1)} fallback. */
final class NativePosix implements Posix {
  static final NativePosix INSTANCE = new NativePosix();

  private static final int RLIMIT_STACK = 3; // Linux
  private static final int ESRCH = 3;

  /** The libc functions we call. */
  public interface CLib extends Library {
    int umask(int mask);

    int getrlimit(int resource, RLimit limit) throws LastErrorException;

    int kill(int pid, int signal) throws LastErrorException;
  }

  /** struct rlimit on LP64 Linux. */
  @Structure.FieldOrder({"rlimCur", "rlimMax"})
  public static final class RLimit extends Structure {
    public long rlimCur;
    public long rlimMax;
  }

  private NativePosix() {}

  /**
   * libc through JNA, loaded on first use (class holder idiom): loading takes 60-100 ms (JNA
   * unpacks its native library), which cjcpw must not spend before it starts the daemons. The
   * stack limit and the umask come from /proc; only signalling needs libc, and the supervisor
   * {@link #preload}s it in the background once the site is up.
   */
  private static final class Libc {
    static final Optional<CLib> C = load();

    private static Optional<CLib> load() {
      try {
        return Optional.of(Native.load("c", CLib.class));
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        return Optional.empty();
      }
    }
  }

  private static Optional<CLib> libc() {
    return Libc.C;
  }

  @Override
  public void preload() {
    // Signal 0 to ourselves checks nothing but binds kill(), which JNA does on its first call.
    libc().ifPresent(c -> c.kill((int) ProcessHandle.current().pid(), 0));
  }

  @Override
  public boolean supported() {
    return libc().isPresent();
  }

  @Override
  public synchronized int umask() {
    // /proc/self/status has it without the set-and-restore race (Linux 4.7+).
    Optional<String> line = procLine(Path.of("/proc/self/status"), "Umask:");
    if (line.isPresent()) {
      return Integer.parseInt(line.get().substring("Umask:".length()).strip(), 8);
    }
    CLib c = libc().orElseThrow(() -> new UnsupportedOperationException("the umask cannot be read: no libc through JNA and no /proc"));
    int old = c.umask(0022);
    c.umask(old);
    return old;
  }

  @Override
  public OptionalLong stackLimit() {
    // "Max stack size            8388608              unlimited            bytes": the soft limit first.
    Optional<String> line = procLine(Path.of("/proc/self/limits"), "Max stack size");
    if (line.isPresent()) {
      String soft = line.get().substring("Max stack size".length()).strip().split("\\s+")[0];
      return soft.matches("[0-9]+") ? OptionalLong.of(Long.parseLong(soft)) : OptionalLong.empty();
    }
    if (libc().isEmpty()) {
      return OptionalLong.empty();
    }
    RLimit limit = new RLimit();
    try {
      libc().get().getrlimit(RLIMIT_STACK, limit);
    } catch (LastErrorException e) {
      return OptionalLong.empty();
    }
    return limit.rlimCur == -1L ? OptionalLong.empty() : OptionalLong.of(limit.rlimCur);
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

  private static Optional<String> procLine(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
