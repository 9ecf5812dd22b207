package dev.clusterkit.core.runtime;

import java.util.Map;
import java.util.Objects;

/**
 * Who runs a JobCenter command: this JVM, or a client of the {@link RuntimeAgent}, for whom the
 * agent runs it. The daemons a command starts get the caller's environment; a watched cjcpw
 * records the caller's process as "the cjcpw" (what {@code cjcls} shows, what {@code cjcpw -stop}
 * waits for, what the cluster software watches) and also stops on the caller's {@code
 * termination}.
 *
 * @param process the process that stands for the command
 * @param thisProcess whether the caller is this JVM, whose daemons inherit its environment as it
 *     is (bytes the JVM could not decode included) rather than rebuilt from {@code environment}
 */
record Caller(Map<String, String> environment, ProcessIdentity process, Termination termination, boolean thisProcess) {
  Caller {
    environment = Map.copyOf(environment);
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(termination, "termination");
  }

  /** This JVM: its environment and process; its termination signals arrive as the JVM's own. */
  static Caller self() {
    long pid = ProcessHandle.current().pid();
    return new Caller(System.getenv(), ProcessIdentity.of(pid).orElse(new ProcessIdentity(pid, -1)), new Termination(), true);
  }
}
