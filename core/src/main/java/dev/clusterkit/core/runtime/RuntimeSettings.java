package dev.clusterkit.core.runtime;

import dev.clusterkit.core.site.InstallLayout;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Machine-level settings of the embedded runtime. {@link #fromEnvironment} reads them from these
 * variables, so the command shims (and child processes) honour them too:
 *
 * <ul>
 *   <li>{@code CLUSTERKIT_SPOOL_ROOT}: the spool directory holding the site links (default {@code
 *       /usr/spool/nqs});
 *   <li>{@code CLUSTERKIT_NQS_PORT}: the NQS port {@code nqsportkpr} holds (default 607);
 *   <li>{@code CLUSTERKIT_HOSTS_FILE}: a hosts(5) file used instead of the system resolver to map
 *       site names to addresses and back;
 *   <li>{@code CLUSTERKIT_HOSTNAME}: this machine's host name, which selects the local site in
 *       {@code NQS_SITE} (default: the system's);
 *   <li>{@code CLUSTERKIT_COMMON_DAEMON_CONF}: the node-wide daemon.conf whose {@code
 *       maintenance=ON} applies to every site (guide 2.5.5; by default only the site's own
 *       daemon.conf is read);
 *   <li>{@code CLUSTERKIT_SECOND_MS}: how many milliseconds one second of site.conf lasts (default
 *       1000). Only tests change it, to run BOOT_TIMEOUT, STOP_TIMEOUT and FORCEKILL_TIME at their
 *       documented minimums in a fraction of the time;
 *   <li>{@code CLUSTERKIT_PORTKEEPER_TIMEOUT}: seconds after which an {@code nqsportkpr} holder
 *       gives the port up even if no daemon took it (default 180, BOOT_TIMEOUT's default).
 * </ul>
 */
public record RuntimeSettings(
    Path spoolRoot,
    int port,
    Optional<Path> hostsFile,
    String hostName,
    Optional<Path> commonDaemonConf,
    Duration second,
    Duration portKeeperTimeout) {

  public static final int DEFAULT_PORT = 607;

  public RuntimeSettings {
    Objects.requireNonNull(spoolRoot, "spoolRoot");
    Objects.requireNonNull(hostsFile, "hostsFile");
    Objects.requireNonNull(hostName, "hostName");
    Objects.requireNonNull(commonDaemonConf, "commonDaemonConf");
    Objects.requireNonNull(second, "second");
    Objects.requireNonNull(portKeeperTimeout, "portKeeperTimeout");
    if (!spoolRoot.isAbsolute()) {
      throw new IllegalArgumentException("spool root '" + spoolRoot + "' must be an absolute path");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("NQS port " + port + " is not a TCP port (1-65535)");
    }
    if (second.isNegative() || second.isZero()) {
      throw new IllegalArgumentException("the length of a site.conf second must be positive");
    }
    if (portKeeperTimeout.isNegative() || portKeeperTimeout.isZero()) {
      throw new IllegalArgumentException("the port keeper timeout must be positive");
    }
  }

  /** The defaults of a JobCenter machine. */
  public static RuntimeSettings defaults() {
    return fromEnvironment(Map.of());
  }

  /** The settings the {@code CLUSTERKIT_*} variables of this process give. */
  public static RuntimeSettings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * The settings the {@code CLUSTERKIT_*} variables of {@code env} give.
   *
   * @throws IllegalArgumentException naming the variable whose value is wrong
   */
  public static RuntimeSettings fromEnvironment(Map<String, String> env) {
    Path spool = Path.of(env.getOrDefault("CLUSTERKIT_SPOOL_ROOT", InstallLayout.POSIX_SPOOL));
    int port = number(env, "CLUSTERKIT_NQS_PORT", DEFAULT_PORT);
    Optional<Path> hosts = Optional.ofNullable(env.get("CLUSTERKIT_HOSTS_FILE")).filter(s -> !s.isBlank()).map(Path::of);
    String host = Optional.ofNullable(env.get("CLUSTERKIT_HOSTNAME")).filter(s -> !s.isBlank()).orElseGet(RuntimeSettings::systemHostName);
    Optional<Path> common =
        Optional.ofNullable(env.get("CLUSTERKIT_COMMON_DAEMON_CONF")).filter(s -> !s.isBlank()).map(Path::of);
    int secondMs = number(env, "CLUSTERKIT_SECOND_MS", 1000);
    int keeper = number(env, "CLUSTERKIT_PORTKEEPER_TIMEOUT", 180);
    try {
      return new RuntimeSettings(
          spool, port, hosts, host, common, Duration.ofMillis(secondMs), Duration.ofSeconds(keeper));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CLUSTERKIT_* environment: " + e.getMessage(), e);
    }
  }

  /** The environment variables that give these settings, for child processes. */
  public Map<String, String> toEnvironment() {
    Map<String, String> env = new java.util.TreeMap<>();
    env.put("CLUSTERKIT_SPOOL_ROOT", spoolRoot.toString());
    env.put("CLUSTERKIT_NQS_PORT", Integer.toString(port));
    hostsFile.ifPresent(h -> env.put("CLUSTERKIT_HOSTS_FILE", h.toString()));
    env.put("CLUSTERKIT_HOSTNAME", hostName);
    commonDaemonConf.ifPresent(c -> env.put("CLUSTERKIT_COMMON_DAEMON_CONF", c.toString()));
    env.put("CLUSTERKIT_SECOND_MS", Long.toString(second.toMillis()));
    env.put("CLUSTERKIT_PORTKEEPER_TIMEOUT", Long.toString(portKeeperTimeout.toSeconds()));
    return env;
  }

  public RuntimeSettings withSpoolRoot(Path root) {
    return new RuntimeSettings(root, port, hostsFile, hostName, commonDaemonConf, second, portKeeperTimeout);
  }

  /** {@code seconds} site.conf seconds as a duration. */
  Duration seconds(long seconds) {
    return second.multipliedBy(seconds);
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + "='" + value + "' is not a whole number", e);
    }
  }

  private static String systemHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
