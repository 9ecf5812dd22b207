package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.runtime.RuntimeSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * A machine for the site commands: a spool root, a hosts file naming sites on loopback addresses,
 * a free NQS port, site.conf seconds of 50 ms, and test daemons as sh scripts. {@link #close}
 * kills every process whose working directory is under it (daemons run in their site database).
 */
final class SiteMachine implements AutoCloseable {
  static final String SITE1 = "site1.example.test";
  static final String SITE2 = "site2.example.test";
  static final String ADDRESS1 = "127.0.0.2";
  static final Duration WAIT = Duration.ofSeconds(60);

  final Path root;
  final Path spool;
  final Path hosts;
  final Path bin;
  final int port;
  final Map<String, String> env = new TreeMap<>();

  SiteMachine(Path root) throws IOException {
    this.root = root.toRealPath();
    this.spool = this.root.resolve("spool");
    this.hosts = this.root.resolve("hosts");
    this.bin = this.root.resolve("bin");
    Files.createDirectories(bin);
    Files.writeString(hosts, "127.0.0.2 site1.example.test\n127.0.0.3 site2.example.test\n127.0.0.4 testsite.example.com\n");
    this.port = freePort();
    env.put("CLUSTERKIT_SPOOL_ROOT", spool.toString());
    env.put("CLUSTERKIT_NQS_PORT", Integer.toString(port));
    env.put("CLUSTERKIT_HOSTS_FILE", hosts.toString());
    env.put("CLUSTERKIT_HOSTNAME", "node1.example.test");
    env.put("CLUSTERKIT_SECOND_MS", "50");
    script("term.sh", "exec sleep 3600\n");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS1), 0));
      return s.getLocalPort();
    }
  }

  Path script(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** {@code count} daemons that run until SIGTERM, ready after 50 ms. */
  String termDaemons(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      s.append("[d").append(i).append("]\nexec=/bin/sh\narg=").append(bin.resolve("term.sh")).append("\nready=alive 50\n");
    }
    return s.toString();
  }

  /** An empty site database folder. */
  Path db(String name) throws IOException {
    return Files.createDirectories(root.resolve(name));
  }

  /** Runs {@code clusterkit ARGS} through {@link Main#run} with this machine's settings. */
  Cli.Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.run(ClusterKit::create, () -> RuntimeSettings.fromEnvironment(env), new PrintWriter(out), new PrintWriter(err), args);
    return new Cli.Result(exit, out.toString(), err.toString());
  }

  /** Runs {@code clusterkit ARGS} on another thread (for the foreground {@code site pw}). */
  CompletableFuture<Cli.Result> cliInBackground(String... args) {
    CompletableFuture<Cli.Result> result = new CompletableFuture<>();
    Thread t = new Thread(() -> result.complete(cli(args)), "clusterkit " + String.join(" ", args));
    t.setDaemon(true);
    t.start();
    return result;
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The PIDs of the processes whose working directory is under {@code root}. */
  static List<Long> processesUnder(Path root) throws IOException {
    List<Long> pids = new java.util.ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          if (Files.readSymbolicLink(dir.resolve("cwd")).startsWith(root)) {
            pids.add(Long.parseLong(dir.getFileName().toString()));
          }
        } catch (IOException | UnsupportedOperationException vanished) {
          // Gone, or not ours to read.
        }
      }
    }
    return pids;
  }

  @Override
  public void close() throws IOException {
    for (long pid : processesUnder(root)) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
