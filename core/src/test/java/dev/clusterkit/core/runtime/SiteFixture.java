package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A machine for runtime tests: a spool root, a hosts file naming two sites on loopback addresses,
 * test daemons as sh scripts, a free NQS port, and site.conf seconds of 50 ms. Commands run as real
 * child JVMs with the {@code CLUSTERKIT_*} environment; {@link #close} kills every process whose
 * working directory is under the fixture (all daemons run in their site database).
 */
final class SiteFixture implements AutoCloseable {
  static final String SITE1 = "site1.example.test";
  static final String SITE2 = "site2.example.test";
  static final String ADDRESS1 = "127.0.0.2";
  static final String ADDRESS2 = "127.0.0.3";
  static final Duration WAIT = Duration.ofSeconds(60);

  final Path root;
  final Path spool;
  final Path hosts;
  final Path bin;
  final int port;
  final Map<String, String> env = new TreeMap<>();
  private final List<Process> processes = new CopyOnWriteArrayList<>();

  SiteFixture(Path root) throws IOException {
    this.root = root.toRealPath();
    this.spool = this.root.resolve("spool");
    this.hosts = this.root.resolve("hosts");
    this.bin = this.root.resolve("bin");
    Files.createDirectories(bin);
    Files.writeString(
        hosts,
        "# test hosts\n127.0.0.2 site1.example.test site1\n127.0.0.3 site2.example.test\n"
            + "127.0.0.4 canonical.example.test alias.example.test\n");
    this.port = freePort();
    env.put("CLUSTERKIT_SPOOL_ROOT", spool.toString());
    env.put("CLUSTERKIT_NQS_PORT", Integer.toString(port));
    env.put("CLUSTERKIT_HOSTS_FILE", hosts.toString());
    env.put("CLUSTERKIT_HOSTNAME", "node1.example.test");
    env.put("CLUSTERKIT_SECOND_MS", "50");
    script("term.sh", "exec sleep 3600\n");
    script("ignore-term.sh", "trap '' TERM\nexec sleep 3600\n");
    script("forks.sh", "sleep 3600 &\necho $! > \"$1\"\nexec sleep 3600\n");
    script("exit-after.sh", "sleep \"$1\"\nexit \"$2\"\n");
  }

  /** A TCP port free on both site addresses now. */
  private static int freePort() throws IOException {
    for (int i = 0; i < 50; i++) {
      int candidate;
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS1), 0));
        candidate = s.getLocalPort();
      }
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS2), candidate));
        return candidate;
      } catch (IOException busy) {
        // try another
      }
    }
    throw new IOException("no free port");
  }

  Path script(String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  RuntimeSettings settings() {
    return RuntimeSettings.fromEnvironment(env);
  }

  EmbeddedSiteControl control(PrintStream out) {
    return new EmbeddedSiteControl(settings(), out);
  }

  /** A daemons.conf block running a test script. */
  String daemon(String name, String script, String... args) {
    StringBuilder s = new StringBuilder("[" + name + "]\nexec=/bin/sh\narg=" + bin.resolve(script) + "\n");
    for (String a : args) {
      s.append("arg=").append(a).append('\n');
    }
    return s.toString();
  }

  /** {@code count} daemons that run until SIGTERM, ready after 50 ms. */
  String termDaemons(int count) {
    StringBuilder s = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      s.append(daemon("d" + i, "term.sh")).append("ready=alive 50\n");
    }
    return s.toString();
  }

  /** Creates a site (in process) and replaces its daemon list. */
  Path createSite(String name, String dbName, String daemons) throws IOException, SiteControlException {
    Path db = root.resolve(dbName);
    Files.createDirectories(db);
    control(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .create(new SiteName(name), new MachineId(200), new SiteDatabasePath(db.toString(), Platform.Family.POSIX), false);
    Files.writeString(db.resolve("nqs/daemons.conf"), daemons);
    return db;
  }

  void siteConf(Path db, int boot, int stop, int forceKill) throws IOException {
    Files.writeString(db.resolve("etc/site.conf"), "BOOT_TIMEOUT=" + boot + "\nSTOP_TIMEOUT=" + stop + "\nFORCEKILL_TIME=" + forceKill + "\n");
  }

  /** A command run to its end. */
  record Result(int exitCode, String stdout, String stderr) {
    String describe() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  Result run(String command, String... args) {
    return runWith(List.of(), command, args);
  }

  /** Runs a command through {@code sh -c 'PREFIX; exec java ...'} (e.g. to set ulimit or umask). */
  Result runWith(List<String> shellPrefix, String command, String... args) {
    List<String> cmd = new ArrayList<>(javaCommand(command, args));
    if (!shellPrefix.isEmpty()) {
      StringBuilder sh = new StringBuilder(String.join("; ", shellPrefix)).append("; exec");
      for (String c : cmd) {
        sh.append(' ').append(ShimInstaller.quote(c));
      }
      cmd = List.of("sh", "-c", sh.toString());
    }
    try {
      Path out = Files.createTempFile(root, "out", ".txt");
      Path err = Files.createTempFile(root, "err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env);
      Process p = pb.start();
      processes.add(p);
      if (!p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail(command + " " + List.of(args) + " did not finish within " + WAIT.toSeconds() + " s");
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  List<String> javaCommand(String command, String... args) {
    List<String> a = new ArrayList<>();
    a.add(command);
    a.addAll(List.of(args));
    return Jvm.command(JobCenterCommands.class, a);
  }

  /** {@code cjcpw SITE DB} as a child process whose output lines can be awaited. */
  Watched startWatched(String site, Path db) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(javaCommand("cjcpw", site, db.toString())).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    processes.add(p);
    return new Watched(p);
  }

  /** A running cjcpw and the lines it printed. */
  static final class Watched {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch eof = new java.util.concurrent.CountDownLatch(1);

    Watched(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    lines.add(line);
                    fresh.add(line);
                  }
                } catch (IOException ignored) {
                  // The process is gone.
                } finally {
                  fresh.add("\u0000EOF");
                  eof.countDown();
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    /** Waits for a line containing {@code fragment}; fails with everything printed so far. */
    String await(String fragment) throws InterruptedException {
      return await(l -> l.contains(fragment), "a line containing '" + fragment + "'");
    }

    String await(Predicate<String> wanted, String what) throws InterruptedException {
      for (String seen : lines) {
        if (wanted.test(seen)) {
          fresh.clear();
          return seen;
        }
      }
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        String line = fresh.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null || line.equals("\u0000EOF")) {
          fail("cjcpw never printed " + what + ":\n" + String.join("\n", lines));
        }
        if (wanted.test(line)) {
          return line;
        }
      }
    }

    int awaitExit() throws InterruptedException {
      if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) || !eof.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
        fail("cjcpw did not exit:\n" + String.join("\n", lines));
      }
      return process.exitValue();
    }

    String output() {
      return String.join("\n", lines);
    }
  }

  /** The daemons a site database records. */
  List<ProcessIdentity> daemons(Path db) throws IOException {
    return RunState.readDaemons(new SiteDatabase(db)).daemons().stream().map(RunState.Daemon::process).toList();
  }

  /** Waits until none of {@code processes} is alive (zombies count as dead). */
  static void awaitDead(List<ProcessIdentity> processes, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (processes.stream().anyMatch(ProcessIdentity::isAlive)) {
      if (System.nanoTime() > deadline) {
        fail("still alive after " + within.toSeconds() + " s: " + processes.stream().filter(ProcessIdentity::isAlive).toList());
      }
      Thread.sleep(20);
    }
  }

  static void assertAlive(List<ProcessIdentity> processes) {
    for (ProcessIdentity p : processes) {
      assertTrue(p.isAlive(), p + " should be alive");
    }
  }

  static ProcessIdentity identityFromPidFile(Path file) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(file) || Files.readString(file).isBlank()) {
      if (System.nanoTime() > deadline) {
        fail(file + " was never written");
      }
      Thread.sleep(20);
    }
    return ProcessIdentity.of(Long.parseLong(Files.readString(file).strip())).orElseThrow();
  }

  @Override
  public void close() throws IOException {
    for (Process p : processes) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    // Daemons, what they forked and port holders run with a working directory in the fixture.
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          Path cwd = Files.readSymbolicLink(dir.resolve("cwd"));
          if (cwd.startsWith(root)) {
            ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
          }
        } catch (IOException | UnsupportedOperationException vanished) {
          // Gone, or not ours to read.
        }
      }
    }
  }
}
