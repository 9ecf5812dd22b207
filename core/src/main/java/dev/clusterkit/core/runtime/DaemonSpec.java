package dev.clusterkit.core.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One daemon of an embedded site: its name, the program and arguments, extra environment, when it
 * counts as ready, and whether it waits for the daemons before it to be ready before it starts.
 */
public record DaemonSpec(
    String name, List<String> command, Map<String, String> environment, Readiness readiness, boolean awaitPrevious) {

  public DaemonSpec {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "daemon name '" + name + "' may hold only letters, digits and . _ - (it names a log file)");
    }
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("daemon " + name + " has no exec= program");
    }
    environment = Map.copyOf(environment);
    Objects.requireNonNull(readiness, "readiness");
  }

  /** When a started daemon counts as ready. */
  public sealed interface Readiness {
    /** Ready once it has stayed alive this long. */
    record AliveFor(Duration time) implements Readiness {}

    /** Ready once something accepts TCP connections on this port of the site address. */
    record PortBound(int port) implements Readiness {}
  }
}
