package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Kills the daemons' process groups if the supervisor dies without stopping them, SIGKILL
 * included. A parent-death signal ({@code setpriv --pdeathsig}) reaches only a daemon's own
 * process, not what it forked; this guard covers the rest. It is a small shell in a session of its
 * own that reads "+PGID:STARTTICKS" and "-PGID" lines from a pipe the supervisor holds. When the pipe
 * ends (the kernel closes it when the supervisor dies, or the supervisor closes it) it sends
 * SIGKILL to every group still listed whose leader, if it still exists, has the recorded start
 * time, so a reused PID is left alone.
 */
final class GroupGuard implements AutoCloseable {
  static final String SCRIPT =
      """
      groups=
      while IFS= read -r line; do
        case $line in
          +*) groups="$groups ${line#+}" ;;
          -*) keep=
              for g in $groups; do [ "${g%%:*}" = "${line#-}" ] || keep="$keep $g"; done
              groups=$keep ;;
        esac
      done
      for g in $groups; do
        pid=${g%%:*}
        ticks=${g#*:}
        if [ -r "/proc/$pid/stat" ]; then
          stat=
          read -r stat < "/proc/$pid/stat"
          rest=${stat##*) }
          set -- $rest
          shift 19
          [ "${1:-}" = "$ticks" ] || continue
        fi
        kill -KILL "-$pid" 2>/dev/null
      done
      exit 0
      """;

  private final Process process;
  private final OutputStream pipe;

  private GroupGuard(Process process) {
    this.process = process;
    this.pipe = process.getOutputStream();
  }

  static GroupGuard start() throws IOException {
    Process p =
        new ProcessBuilder(List.of("setsid", "sh", "-c", SCRIPT))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    return new GroupGuard(p);
  }

  long pid() {
    return process.pid();
  }

  synchronized void add(ProcessIdentity leader) throws IOException {
    send("+" + leader.pid() + ":" + leader.startTicks());
  }

  synchronized void remove(long pgid) throws IOException {
    send("-" + pgid);
  }

  private void send(String line) throws IOException {
    pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    pipe.flush();
  }

  /** Ends the guard; it kills whatever groups are still listed. */
  @Override
  public synchronized void close() {
    try {
      pipe.close();
    } catch (IOException ignored) {
      // The guard is gone already; nothing to tell it.
    }
  }
}
