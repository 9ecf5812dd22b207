package dev.clusterkit.it.e2e;

import dev.clusterkit.it.e2e.TwoNodeCluster.Node;
import dev.clusterkit.it.e2e.TwoNodeCluster.Site;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Serviceguard running the rendered modular package of one site: its package file (read for
 * service_cmd, service_restart, service_halt_timeout) and its external script.
 *
 * <ul>
 *   <li>package start, after the (here absent) volume group, file system and address: {@code
 *       external_script start}; exit 0 goes on, 1 halts the package, 2 fails it over; then each
 *       service: cmrunserv runs service_cmd with {@code /bin/sh -c}, without PATH or any other
 *       variable Serviceguard would set (only the {@code CLUSTERKIT_*} variables that stand for
 *       the machine), and watches the PID it starts;
 *   <li>package halt: the services first, SIGTERM to the service's PID and process group and
 *       SIGKILL after service_halt_timeout; then {@code external_script stop}, whose exit status 0
 *       is the only success: otherwise the halt failed and the package is not started elsewhere;
 *   <li>a service that ends with service_restart none fails the package: halt here, start on the
 *       next node.
 * </ul>
 */
final class Serviceguard extends FailoverGroup {
  private static final Pattern ATTRIBUTE = Pattern.compile("(?m)^(\\w+)\\s+(\"(.*)\"|(\\S+))\\s*$");

  Serviceguard(TwoNodeCluster cluster, Site site) {
    super(cluster, site, "serviceguard");
  }

  private Path modular(Node node, String suffix) {
    Path dir = node.scripts().resolve("serviceguard").resolve(site.name()).resolve("modular");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst()
          .orElseThrow(() -> new AssertionError("no *" + suffix + " rendered in " + dir));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first value of {@code attribute} in the package file rendered for {@code node}. */
  Optional<String> attribute(Node node, String attribute) {
    try {
      Matcher m = ATTRIBUTE.matcher(Files.readString(modular(node, ".conf")));
      while (m.find()) {
        if (m.group(1).equals(attribute)) {
          return Optional.of(m.group(3) != null ? m.group(3) : m.group(4));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Serviceguard sets for the external script at run and halt time, and the machine. */
  private Map<String, String> environment(Node node) {
    Map<String, String> env = new TreeMap<>(cluster.environment(node, false));
    env.put("SG_PACKAGE", attribute(node, "package_name").orElseThrow());
    env.put("SG_NODE", node.name());
    return env;
  }

  @Override
  Optional<Process> start(Node node, boolean failover) {
    TwoNodeCluster.Result r =
        cluster.run(List.of("/bin/sh", modular(node, "_ext.sh").toString(), "start"), environment(node),
            "ext-start-" + node.name() + "-" + site.name());
    record(new Step("external_script start", node, r.exitCode(), r.took(), r.output()));
    if (r.exitCode() != 0) {
      return Optional.empty();
    }
    Optional<String> service = attribute(node, "service_cmd");
    if (service.isEmpty()) {
      return Optional.empty();
    }
    if (!attribute(node, "service_restart").orElse("none").equals("none")) {
      throw new AssertionError("this harness plays service_restart none only");
    }
    // cmrunserv: the service in a process group of its own, so that a halt can signal the group.
    Process p =
        cluster.start(List.of("/usr/bin/setsid", "/bin/sh", "-c", service.get()), cluster.environment(node, false),
            "service-" + node.name() + "-" + site.name());
    record(new Step("service started", node, -1, Duration.ZERO, service.get()));
    return Optional.of(p);
  }

  @Override
  int stop(Node node, Optional<Process> watched, boolean failover) {
    if (watched.isPresent() && watched.get().isAlive()) {
      long halt = Long.parseLong(attribute(node, "service_halt_timeout").orElse("0"));
      long start = System.nanoTime();
      signalGroup("TERM", watched.get().pid());
      boolean ended = waitFor(watched.get(), seconds(halt));
      if (!ended) {
        signalGroup("KILL", watched.get().pid());
        waitFor(watched.get(), TwoNodeCluster.WAIT);
      }
      record(new Step("halt service (" + (ended ? "ended on SIGTERM" : "SIGKILL") + ")", node, watched.get().exitValue(),
          Duration.ofNanos(System.nanoTime() - start), ""));
    }
    TwoNodeCluster.Result r =
        cluster.run(List.of("/bin/sh", modular(node, "_ext.sh").toString(), "stop"), environment(node),
            "ext-stop-" + node.name() + "-" + site.name());
    record(new Step("external_script stop", node, r.exitCode(), r.took(), r.output()));
    return r.exitCode();
  }

  private void signalGroup(String signal, long leader) {
    TwoNodeCluster.Result r = TwoNodeCluster.signalGroup(cluster, signal, leader);
    if (r.exitCode() != 0 && ProcessHandle.of(leader).map(ProcessHandle::isAlive).orElse(false)) {
      throw new AssertionError("kill -" + signal + " -" + leader + " failed: " + r.describe());
    }
  }

  private static boolean waitFor(Process p, Duration d) {
    try {
      return p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
