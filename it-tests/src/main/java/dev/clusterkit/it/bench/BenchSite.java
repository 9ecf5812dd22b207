package dev.clusterkit.it.bench;

import dev.clusterkit.core.runtime.EmbeddedSiteControl;
import dev.clusterkit.core.runtime.RuntimeSettings;
import dev.clusterkit.core.runtime.ShimInstaller;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One embedded site on loopback for the benchmark: a spool root, a hosts file, the JobCenter
 * shims (this JVM's java, the CLI's jar and a class archive), and a site whose daemons are small perl listeners, each
 * ready once its own TCP port accepts connections, the one readiness both cjcpw and an outside
 * observer of a plain shell can see the same way.
 */
final class BenchSite implements AutoCloseable {
  static final String SITE = "bench.example.test";
  static final String ADDRESS = "127.0.0.9";

  /**
   * Binds ADDRESS:PORT and closes every connection (readiness probes must not fill the backlog);
   * the default SIGTERM action ends it.
   */
  private static final String LISTENER =
      """
      use IO::Socket::INET;
      my $s = IO::Socket::INET->new(LocalAddr => $ARGV[0], LocalPort => $ARGV[1], Listen => 16, ReuseAddr => 1)
        or die "cannot bind $ARGV[0]:$ARGV[1]: $!\\n";
      while (1) { my $c = $s->accept; close $c if $c; }
      """;

  final Path root;
  final Path prefix;
  final Path db;
  final Path listener;
  final List<Integer> ports;
  final Map<String, String> env = new TreeMap<>();
  private Process agent;
  final RuntimeSettings settings;

  BenchSite(int daemons) throws IOException, SiteControlException {
    root = Files.createTempDirectory("ckbench").toRealPath();
    prefix = root.resolve("nqs");
    db = Files.createDirectories(root.resolve("jobdb"));
    listener = root.resolve("listen.pl");
    Files.writeString(listener, LISTENER);
    Path hosts = root.resolve("hosts");
    Files.writeString(hosts, ADDRESS + " " + SITE + "\n");
    List<Integer> free = freePorts(daemons + 1);
    ports = List.copyOf(free.subList(0, daemons));
    env.put("CLUSTERKIT_SPOOL_ROOT", root.resolve("spool").toString());
    env.put("CLUSTERKIT_HOSTS_FILE", hosts.toString());
    env.put("CLUSTERKIT_HOSTNAME", "benchnode.example.test");
    env.put("CLUSTERKIT_NQS_PORT", Integer.toString(free.get(daemons)));
    settings = RuntimeSettings.fromEnvironment(env);
    // As `clusterkit site install-shims` does by default: the CLI's jar, and the class archive the
    // shims start from.
    String jar = System.getProperty("clusterkit.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("-Dclusterkit.jar must name the CLI's jar (cli/target/clusterkit.jar), not " + jar);
    }
    ShimInstaller.Installation shims =
        ShimInstaller.install(prefix, Path.of(System.getProperty("java.home"), "bin", "java").toString(), jar, true);
    if (shims.classArchiveProblem().isPresent()) {
      throw new IllegalStateException("no class archive for the shims: " + shims.classArchiveProblem().get());
    }
    new EmbeddedSiteControl(settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .create(new SiteName(SITE), new MachineId(300), new SiteDatabasePath(db.toString(), Platform.Family.POSIX), false);
    StringBuilder conf = new StringBuilder();
    for (int i = 0; i < daemons; i++) {
      conf.append("[d").append(i + 1).append("]\n")
          .append(String.join("\n", command(i).stream().map(a -> (a.equals("perl") ? "exec=" : "arg=") + a).toList()))
          .append("\nready=port ").append(ports.get(i)).append('\n');
    }
    Files.writeString(db.resolve("nqs/daemons.conf"), conf.toString());
  }

  /** Daemon {@code i}: {@code perl listen.pl ADDRESS PORT}. */
  List<String> command(int i) {
    return List.of("perl", listener.toString(), ADDRESS, Integer.toString(ports.get(i)));
  }

  /** The sh command line that starts every daemon in the background and waits. */
  String shellLine() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < ports.size(); i++) {
      s.append(String.join(" ", command(i))).append(" & ");
    }
    return s.append("wait").toString();
  }

  /** How a shim runs its command: in a JVM of its own, or in the runtime agent. */
  enum Route {
    JVM,
    AGENT
  }

  ProcessBuilder shim(String path, Route route, String... args) {
    List<String> cmd = new ArrayList<>(List.of(prefix.resolve(path).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile());
    pb.environment().putAll(env);
    if (route == Route.JVM) {
      pb.environment().put("CLUSTERKIT_AGENT", "off");
    }
    return pb;
  }

  long agentPid() {
    return agent.pid();
  }

  /** Starts the runtime agent of the shims ({@code clusterkit-agent}); returns once it serves. */
  void startAgent() throws IOException, InterruptedException {
    Path log = root.resolve("agent.log");
    ProcessBuilder pb = new ProcessBuilder(prefix.resolve("clusterkit-agent").toString()).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    agent = pb.start();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(log).contains("serving " + prefix)) {
      if (!agent.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the runtime agent did not start:\n" + Files.readString(log));
      }
      Thread.sleep(10);
    }
  }

  /** Probes the ports not yet in {@code ready} and adds those that accept; true when all have. */
  boolean allAccepting(Set<Integer> ready) {
    for (int port : ports) {
      if (!ready.contains(port) && accepting(port)) {
        ready.add(port);
      }
    }
    return ready.size() == ports.size();
  }

  boolean noneAccepting() {
    for (int port : ports) {
      if (accepting(port)) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepting(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(ADDRESS, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Integer> freePorts(int n) throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket();
        held.add(s);
        s.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
        ports.add(s.getLocalPort());
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  /** Kills what runs in the site's folders and removes them. */
  @Override
  public void close() throws IOException {
    if (agent != null) {
      agent.destroyForcibly();
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          if (Files.readSymbolicLink(dir.resolve("cwd")).startsWith(root)) {
            ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
          }
        } catch (IOException | UnsupportedOperationException vanished) {
          // Gone, or not ours.
        }
      }
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
