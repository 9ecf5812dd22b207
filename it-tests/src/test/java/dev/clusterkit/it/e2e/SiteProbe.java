package dev.clusterkit.it.e2e;

import dev.clusterkit.core.runtime.ProcessIdentity;
import dev.clusterkit.it.e2e.TwoNodeCluster.Node;
import dev.clusterkit.it.e2e.TwoNodeCluster.Site;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Where a site runs, read from processes and files only: the run files of its database ({@code
 * nqs/run/cjcpw.pid}, {@code nqs/run/daemons.state}), /proc (is the process alive, which node's
 * environment does it carry) and the NQS port on the site address.
 */
final class SiteProbe {
  private SiteProbe() {}

  /** A daemon the site database records. */
  record Daemon(String name, ProcessIdentity process) {}

  static List<Daemon> daemons(Site site) {
    List<Daemon> found = new ArrayList<>();
    for (String line : lines(site.db().resolve("nqs/run/daemons.state"))) {
      if (line.startsWith("daemon=")) {
        String[] f = line.substring("daemon=".length()).split(" ");
        found.add(new Daemon(f[0], new ProcessIdentity(Long.parseLong(f[1]), Long.parseLong(f[2]))));
      }
    }
    return found;
  }

  /** The cjcpw the database records, if it still runs. */
  static Optional<ProcessIdentity> supervisor(Site site) {
    List<String> lines = lines(site.db().resolve("nqs/run/cjcpw.pid"));
    Optional<String> pid = value(lines, "pid=");
    Optional<String> start = value(lines, "start=");
    if (pid.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ProcessIdentity(Long.parseLong(pid.get()), Long.parseLong(start.get()))).filter(ProcessIdentity::isAlive);
  }

  /** The node whose environment a process carries. */
  static String nodeOf(long pid) {
    return Proc.environment(pid).getOrDefault("CLUSTERKIT_HOSTNAME", "?");
  }

  static boolean accepting(String address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getByName(address), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Whether the site runs on {@code node}: every daemon recorded is alive there, the NQS port
   * answers on the site address, and a watched site's cjcpw runs there too.
   */
  static boolean upOn(TwoNodeCluster cluster, Site site, Node node) {
    List<Daemon> daemons = daemons(site);
    if (daemons.size() < 2) {
      return false;
    }
    for (Daemon d : daemons) {
      if (!d.process.isAlive() || !nodeOf(d.process.pid()).equals(node.name())) {
        return false;
      }
    }
    if (site.watched()) {
      Optional<ProcessIdentity> cjcpw = supervisor(site);
      if (cjcpw.isEmpty() || !nodeOf(cjcpw.get().pid()).equals(node.name())) {
        return false;
      }
    }
    return accepting(site.address(), cluster.port);
  }

  /** Whether nothing of the site runs anywhere: no daemon alive, no cjcpw, the port silent. */
  static boolean down(TwoNodeCluster cluster, Site site) {
    return daemons(site).stream().noneMatch(d -> d.process.isAlive())
        && supervisor(site).isEmpty()
        && !accepting(site.address(), cluster.port);
  }

  /** A line saying where the site's processes run, for failure messages. */
  static String describe(TwoNodeCluster cluster, Site site) {
    StringBuilder s = new StringBuilder(site.name()).append(": ");
    s.append("cjcpw ").append(supervisor(site).map(p -> p.pid() + " on " + nodeOf(p.pid())).orElse("none"));
    for (Daemon d : daemons(site)) {
      s.append(", ").append(d.name).append(' ').append(d.process.pid())
          .append(d.process.isAlive() ? " on " + nodeOf(d.process.pid()) : " (dead)");
    }
    s.append(", port ").append(accepting(site.address(), cluster.port) ? "answers" : "silent");
    return s.toString();
  }

  /** Waits until {@code condition} holds; fails naming {@code what} and the state then. */
  static void await(BooleanSupplier condition, Duration within, String what, Supplier<String> state) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + within.toSeconds() + " s: " + what + "\n" + state.get());
      }
      sleep(10);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      // Replaced while we read it (written atomically): read it again.
      try {
        return Files.readAllLines(file);
      } catch (IOException again) {
        return List.of();
      }
    }
  }

  private static Optional<String> value(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst();
  }
}
