package dev.clusterkit.core.doctor;

import java.util.Objects;
import java.util.Optional;

/**
 * A TCP socket listening on this machine.
 *
 * @param address the local address, dotted IPv4 or IPv6 ({@code 0.0.0.0} and {@code ::} for every
 *     address; IPv4-mapped IPv6 addresses are given as IPv4)
 * @param pid the process holding it, when this process may see it
 * @param command that process's command line, when known
 */
public record Listener(String address, int port, Optional<Long> pid, Optional<String> command) {
  public Listener {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(command, "command");
  }

  /** Whether it listens on every address, so that nothing else can bind the port on one. */
  public boolean wildcard() {
    return address.equals("0.0.0.0") || address.equals("::");
  }

  /** {@code 127.0.0.5:607 held by PID 1234 (java -cp ...)}. */
  public String describe() {
    String who = pid.map(p -> "PID " + p + command.map(c -> " (" + abbreviate(c) + ")").orElse(""))
        .orElse("a process this user may not see (run as root to name it)");
    return address + ":" + port + " held by " + who;
  }

  /** Shortens a command line for the evidence; a JVM's class path goes, so its main class shows. */
  static String abbreviate(String command) {
    String shorter = command.replaceAll("(^| )(-cp|-classpath|--class-path) \\S+", "$1$2 ...");
    return shorter.length() <= 200 ? shorter : shorter.substring(0, 197) + "...";
  }
}
