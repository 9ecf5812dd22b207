package dev.clusterkit.it.e2e;

import dev.clusterkit.it.e2e.TwoNodeCluster.Node;
import dev.clusterkit.it.e2e.TwoNodeCluster.Site;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The part of a cluster product that manages one site's group (CLUSTERPRO failover group,
 * Serviceguard package, Sun Cluster resource group), played by test code. Subclasses run the
 * product's start and stop steps with the rendered scripts; this class does what all three do
 * around them: bring the group online on a node, watch the process the product watches, and when
 * that process ends without a planned stop, stop the group on its node and start it on the other.
 *
 * <p>Failure detection is immediate (an exit callback), where the products poll: timings here
 * leave out their polling intervals. One harness thread does the failovers, as the product's
 * resource manager would, one at a time.
 */
abstract class FailoverGroup implements AutoCloseable {
  /** One step the product ran: which, where, how it ended, how long it took. */
  record Step(String what, Node node, int exitCode, Duration took, String output) {
    @Override
    public String toString() {
      return what + " on " + node + ": exit " + exitCode + " after " + took.toMillis() + " ms";
    }
  }

  final TwoNodeCluster cluster;
  final Site site;
  final List<Step> steps = new CopyOnWriteArrayList<>();
  /** When failures were detected, in System.nanoTime(). */
  final List<Long> failuresDetected = new CopyOnWriteArrayList<>();
  private final ExecutorService harness;
  private volatile Optional<Node> active = Optional.empty();
  private volatile Optional<Process> watched = Optional.empty();
  private volatile boolean planned;
  private volatile boolean closed;

  FailoverGroup(TwoNodeCluster cluster, Site site, String product) {
    this.cluster = cluster;
    this.site = site;
    this.harness =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, product + "-" + site.name());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs the product's start step for the site on {@code node}; returns the process the product
   * watches from then on, if it watches one.
   *
   * @param failover whether this start is the second half of a failover
   */
  abstract Optional<Process> start(Node node, boolean failover);

  /**
   * Runs the product's stop step for the site on {@code node}, {@code watched} being what it
   * watched there; returns 0 when the group is down on that node.
   */
  abstract int stop(Node node, Optional<Process> watched, boolean failover);

  /** Brings the group online on {@code node}. */
  void online(Node node) {
    planned = false;
    active = Optional.of(node);
    watched = start(node, false);
    arm();
  }

  /** Takes the group offline where it runs, as an operator's stop; returns the stop step's status. */
  int offline() {
    planned = true;
    Node node = active.orElseThrow(() -> new AssertionError("the group of " + site.name() + " is not online"));
    int status = stop(node, watched, false);
    watched.ifPresent(FailoverGroup::awaitEnd);
    active = Optional.empty();
    watched = Optional.empty();
    return status;
  }

  /** A planned switch-over: offline where it runs, online on the other node. */
  int switchOver() {
    Node to = cluster.other(active.orElseThrow());
    int status = offline();
    if (status == 0) {
      online(to);
    }
    return status;
  }

  Optional<Node> active() {
    return active;
  }

  Optional<Process> watched() {
    return watched;
  }

  /** The steps run on {@code node} whose name starts with {@code what}. */
  List<Step> steps(String what, Node node) {
    return steps.stream().filter(s -> s.what.startsWith(what) && s.node.equals(node)).toList();
  }

  void record(Step step) {
    steps.add(step);
  }

  private void arm() {
    Optional<Process> mine = watched;
    mine.ifPresent(p -> p.onExit().thenRunAsync(() -> failed(p), harness));
  }

  /** The watched process ended: unless it was stopped on purpose, fail the group over. */
  private void failed(Process ended) {
    if (closed || planned || watched.filter(p -> p == ended).isEmpty()) {
      return;
    }
    failuresDetected.add(System.nanoTime());
    Node from = active.orElseThrow();
    int status = stop(from, watched, true);
    if (status != 0) {
      // Every product leaves a group whose stop failed where it is: its resources may be in use.
      active = Optional.empty();
      watched = Optional.empty();
      return;
    }
    Node to = cluster.other(from);
    active = Optional.of(to);
    watched = start(to, true);
    arm();
  }

  /** Waits, at most {@link TwoNodeCluster#WAIT}, until the harness has done what it started. */
  void settle() {
    try {
      harness.submit(() -> {}).get(TwoNodeCluster.WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the cluster harness of " + site.name() + " did not settle", e);
    }
  }

  static void awaitEnd(Process p) {
    try {
      if (!p.waitFor(TwoNodeCluster.WAIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new AssertionError("process " + p.pid() + " did not end within " + TwoNodeCluster.WAIT.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A site.conf-paced duration: {@code seconds} of the products' clock. */
  static Duration seconds(long seconds) {
    return Duration.ofMillis(seconds * TwoNodeCluster.SECOND_MS);
  }

  @Override
  public void close() {
    closed = true;
    harness.shutdownNow();
  }
}
