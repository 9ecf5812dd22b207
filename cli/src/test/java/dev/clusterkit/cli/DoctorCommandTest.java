package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterkit.core.doctor.Doctor;
import dev.clusterkit.core.runtime.ShimInstaller;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterkit doctor} run as a process on this machine against a real temporary site: a
 * loopback relocatable address named in a hosts file (CLUSTERKIT_HOSTS_FILE), the embedded
 * runtime's shims as the JobCenter install, a free port as the NQS port, and a tmpfs as the shared
 * disk where the test may mount one (in a private mount namespace, so nothing outlives the test).
 */
class DoctorCommandTest {
  static final String SITE = "doctor.example.test";
  static final String ADDRESS = "127.0.0.5";
  static final String REMOTE = "remote.example.test";

  @TempDir Path tmp;
  Path install;
  Path db;
  Path spec;
  int port;
  final Map<String, String> env = new TreeMap<>();

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    install = tmp.resolve("nqs");
    ShimInstaller.install(install);
    db = tmp.resolve("jobdb");
    Files.createDirectories(db);
    Files.writeString(tmp.resolve("hosts"), ADDRESS + " " + SITE + " doctor\n192.0.2.10 " + REMOTE + "\n");
    Files.writeString(tmp.resolve("daemon.conf"), "local_daemon=SITE\n");
    port = freePort();
    env.put("CLUSTERKIT_HOSTS_FILE", tmp.resolve("hosts").toString());
    env.put("CLUSTERKIT_NQS_PORT", Integer.toString(port));
    env.put("CLUSTERKIT_SPOOL_ROOT", tmp.resolve("spool").toString());
    env.put("CLUSTERKIT_HOSTNAME", "node1.example.test");
    env.put("CLUSTERKIT_COMMON_DAEMON_CONF", tmp.resolve("daemon.conf").toString());
    spec = writeSpec(db);
  }

  @AfterEach
  void tearDown() throws IOException {
    run(List.of(install.resolve("cluster/cjcpw").toString(), "-stop", SITE));
    // The site's supervisor and daemons run with their working directory in the site database.
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          if (Files.readSymbolicLink(dir.resolve("cwd")).startsWith(tmp)) {
            ProcessHandle.of(Long.parseLong(dir.getFileName().toString())).ifPresent(ProcessHandle::destroyForcibly);
          }
        } catch (IOException | UnsupportedOperationException gone) {
          // Exited, or not ours.
        }
      }
    }
  }

  private Path writeSpec(Path database) throws IOException {
    Path file = tmp.resolve("cluster.yaml");
    Files.writeString(file, """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: doctor
        platform: linux
        installRoot: %s
        nodes:
          - name: node1.example.test
            localMachineId: 101
          - name: node2.example.test
            localMachineId: 102
        sites:
          - name: %s
            machineId: 200
            database: %s
            address: %s
          - name: %s
            machineId: 201
            database: %s
            address: 192.0.2.10
        targets:
          clusterpro-linux: {}
        """.formatted(install, SITE, database, ADDRESS, REMOTE, tmp.resolve("remotedb")));
    return file;
  }

  // --- the runs

  /** The doctor's output, parsed from JSON, and its exit code. */
  record Run(int exit, JsonNode report, String stdout, String stderr) {
    JsonNode result(String code, String subject) {
      for (JsonNode r : report.get("results")) {
        if (r.get("code").asText().equals(code) && r.get("subject").asText().equals(subject)) {
          return r;
        }
      }
      throw new AssertionError("no " + code + " result for " + subject + " in\n" + stdout + stderr);
    }

    String status(String code, String subject) {
      return result(code, subject).get("status").asText();
    }

    String evidence(String code, String subject) {
      return result(code, subject).get("evidence").toString();
    }
  }

  private Run doctorWith(String shellPrefix, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 022; " + shellPrefix + " exec \"$@\"", "sh"));
    command.addAll(javaMain());
    command.addAll(List.of("doctor", spec.toString(), "--format", "json"));
    command.addAll(List.of(args));
    Shell.Result r = Shell.run(command, env, tmp, 120);
    JsonNode report = r.stdout().isEmpty() ? null : new ObjectMapper().readTree(r.stdout());
    return new Run(r.exitCode(), report, r.stdout(), r.stderr());
  }

  private Run doctor(String... args) throws IOException {
    return doctorWith("", args);
  }

  private static List<String> javaMain() {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName());
  }

  private Shell.Result run(List<String> command) {
    return Shell.run(command, env, tmp, 120);
  }

  // --- the tests

  @Test
  void preFlightOfAnActiveNodeWithTheDatabaseOnATmpfs() throws Exception {
    Assumptions.assumeTrue(run(List.of("unshare", "--mount", "--propagation", "private", "mount", "-t", "tmpfs",
        "-o", "size=1m", "clusterkit-probe", tmp.toString())).exitCode() == 0,
        "this user may not mount a tmpfs in a private mount namespace (needs root and unshare)");
    Path mnt = Files.createDirectory(tmp.resolve("mnt"));
    spec = writeSpec(mnt.resolve("jobdb"));
    String mount = "mount -t tmpfs -o size=4m,mode=0755 clusterkit-doctor '" + mnt + "' && mkdir -m 755 '" + mnt + "/jobdb' &&";
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
        "umask 022; " + mount + " exec \"$@\"", "sh"));
    command.addAll(javaMain());
    command.addAll(List.of("doctor", spec.toString(), "--format", "json", "--expect", "active", "--site", SITE));
    Shell.Result r = Shell.run(command, env, tmp, 120);
    Run run = new Run(r.exitCode(), new ObjectMapper().readTree(r.stdout()), r.stdout(), r.stderr());
    String site = "site " + SITE;

    assertEquals(0, run.exit(), r.describe());
    for (String code : List.of("DOC001", "DOC002", "DOC003", "DOC004", "DOC005", "DOC006", "DOC008", "DOC011")) {
      assertEquals("passed", run.status(code, site), code + ": " + run.result(code, site));
    }
    assertTrue(run.evidence("DOC004", site).contains(mnt.resolve("jobdb") + " is on " + mnt + " (tmpfs from clusterkit-doctor, rw)"),
        run.evidence("DOC004", site));
    assertEquals("passed", run.status("DOC009", "target clusterpro-linux"));
    assertTrue(run.evidence("DOC009", "target clusterpro-linux").contains("'ulimit -s unlimited' before cjcpw"));
    assertEquals("passed", run.status("DOC010", "local site"));
    assertEquals("passed", run.status("DOC012", "install " + install));
    assertEquals("passed", run.status("DOC013", "install " + install), run.result("DOC013", "install " + install).toString());
    // The test's shims run the build's class folders, of which no class archive can be made.
    assertEquals("not-applicable", run.status("DOC014", "install " + install));
    assertEquals("not-applicable", run.status("DOC007", "job users"));
  }

  @Test
  void databaseOnTheRootFileSystemFails() throws Exception {
    String mountOfTmp = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .map(l -> l.split(" ")[4]).filter(m -> tmp.toString().equals(m) || tmp.startsWith(m)).reduce((a, b) -> b.length() >= a.length() ? b : a)
        .orElseThrow();
    Assumptions.assumeTrue(mountOfTmp.equals("/"), "the temporary folder is on " + mountOfTmp + ", not on the root file system");
    Run run = doctor("--site", SITE, "--expect", "active");
    assertEquals(1, run.exit(), run.stdout() + run.stderr());
    assertEquals("failed", run.status("DOC004", "site " + SITE));
    assertTrue(run.result("DOC004", "site " + SITE).get("message").asText().endsWith("is on the root file system, not on a mounted shared disk"));
  }

  @Test
  void portsSeenThroughTheLifeOfARealSite() throws Exception {
    Shell.Result made = run(List.of(install.resolve("cluster/cjcmksite").toString(), SITE, "200", db.toString()));
    assertEquals(0, made.exitCode(), made.describe());
    String site = "site " + SITE;

    Run free = doctor("--site", SITE, "--expect", "active");
    assertEquals("passed", free.status("DOC008", site), free.stdout());
    assertEquals("[\"" + ADDRESS + ":" + port + " is free\"]", free.evidence("DOC008", site));
    assertEquals("passed", free.status("DOC011", site));
    assertTrue(free.evidence("DOC011", site).contains("the site database records machine ID 200"), free.evidence("DOC011", site));

    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), port));
      Run taken = doctor("--site", SITE, "--expect", "active");
      assertEquals(1, taken.exit());
      assertEquals("failed", taken.status("DOC008", site));
      assertTrue(taken.evidence("DOC008", site).contains("held by PID " + ProcessHandle.current().pid()), taken.evidence("DOC008", site));
    }

    Shell.Result started = run(List.of(install.resolve("cluster/cjcpw").toString(), "-c", SITE, db.toString()));
    assertEquals(0, started.exitCode(), started.describe());
    awaitAccepting(ADDRESS, port);
    Run running = doctor("--site", SITE, "--expect", "active");
    assertEquals("passed", running.status("DOC008", site), running.stdout());
    assertTrue(running.evidence("DOC008", site).contains("PortDaemon " + ADDRESS + " " + port + ") (a JobCenter daemon)"),
        running.evidence("DOC008", site));
  }

  @Test
  void standbyExpectationsPeerUsersAndUmask() throws Exception {
    Run standby = doctor("--expect", "standby");
    assertEquals(1, standby.exit());
    assertEquals("failed", standby.status("DOC002", "site " + SITE));
    assertEquals("passed", standby.status("DOC002", "site " + REMOTE));
    assertEquals("not-applicable", standby.status("DOC003", "site " + REMOTE));
    assertEquals("not-applicable", standby.status("DOC008", "site " + REMOTE));

    Run active = doctor("--site", REMOTE, "--expect", "active");
    assertEquals("failed", active.status("DOC002", "site " + REMOTE));
    assertEquals("failed", active.status("DOC003", "site " + REMOTE));

    Shell.Result getent = run(List.of("getent", "passwd"));
    assertEquals(0, getent.exitCode(), getent.describe());
    String peer = getent.stdout().replaceFirst("(?m)^daemon:([^:]*):[0-9]+:", "daemon:$1:4242:");
    Files.writeString(tmp.resolve("node2.passwd"), peer);
    Run users = doctor("--site", SITE, "--peer-passwd", tmp.resolve("node2.passwd").toString(),
        "--job-user", "root", "--job-user", "daemon");
    JsonNode result = users.result("DOC007", "job users");
    assertEquals("failed", result.get("status").asText());
    assertEquals("1 of 2 job users differ between this node and the other one", result.get("message").asText());
    assertTrue(result.get("evidence").toString().contains("\"root: UID 0 on both nodes\""), result.toString());
    assertTrue(result.get("evidence").toString().matches(".*\"daemon: UID [0-9]+ here, UID 4242 on the other node\".*"), result.toString());

    Run masked = doctorWith("umask 077;", "--site", SITE);
    assertEquals("failed", masked.status("DOC006", "site " + SITE));
    assertEquals("umask 0077 masks bits of the 755 the site database needs", masked.result("DOC006", "site " + SITE).get("message").asText());
  }

  @Test
  void textAndSarifReportTheSameResults() throws Exception {
    Run json = doctor("--site", SITE);
    List<String> command = new ArrayList<>(javaMain());
    command.addAll(List.of("doctor", spec.toString(), "--site", SITE, "--format", "sarif"));
    Shell.Result sarifRun = run(command);
    JsonNode sarif = new ObjectMapper().readTree(sarifRun.stdout());
    assertEquals("2.1.0", sarif.get("version").asText());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals(Doctor.standard().rules().size(), run.get("tool").get("driver").get("rules").size());
    JsonNode results = run.get("results");
    assertEquals(json.report().get("results").size(), results.size());
    Set<String> kinds = new HashSet<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode s = results.get(i);
      JsonNode j = json.report().get("results").get(i);
      assertEquals(j.get("code").asText(), s.get("ruleId").asText());
      String kind = s.get("kind").asText();
      kinds.add(kind);
      assertEquals(Map.of("passed", "pass", "failed", "fail", "not-applicable", "notApplicable").get(j.get("status").asText()), kind);
      assertEquals(kind.equals("fail"), !s.get("level").asText().equals("none"));
      // An absolute spec path is a file: URI, as in lint's SARIF.
      assertEquals(spec.toUri().toString(), s.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText());
    }
    assertTrue(kinds.contains("pass") && kinds.contains("notApplicable"), kinds.toString());

    List<String> text = new ArrayList<>(javaMain());
    text.addAll(List.of("doctor", spec.toString(), "--site", SITE));
    Shell.Result t = run(text);
    assertEquals(json.exit(), t.exitCode());
    assertTrue(t.stdout().contains("DOC001 passed site " + SITE + ": " + SITE + " resolves to " + ADDRESS + " and back\n"
        + "  evidence: lookups through hosts file " + tmp.resolve("hosts") + " (CLUSTERKIT_HOSTS_FILE)\n"), t.stdout());
    JsonNode summary = json.report().get("summary");
    assertTrue(t.stdout().endsWith(json.report().get("results").size() + " results: " + summary.get("passed") + " passed, "
        + summary.get("failed") + " failed, " + summary.get("notApplicable") + " not applicable\n"), t.stdout());
  }

  @Test
  void wrongNodeOrUnreadablePeerFileIsAUsageError() throws Exception {
    Run node = doctor("--node", "node9.example.test");
    assertEquals(2, node.exit());
    assertTrue(node.stderr().contains("--node node9.example.test is not a node of " + spec
        + " (it has node1.example.test, node2.example.test)"), node.stderr());
    Files.writeString(tmp.resolve("bad.passwd"), "root:x:0:0::/root:/bin/sh\nbroken line\n");
    Run peer = doctor("--peer-passwd", tmp.resolve("bad.passwd").toString());
    assertEquals(2, peer.exit());
    assertTrue(peer.stderr().contains("--peer-passwd: " + tmp.resolve("bad.passwd") + ":2: 'broken line' is not a passwd line"),
        peer.stderr());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(ADDRESS), 0));
      return s.getLocalPort();
    }
  }

  private static void awaitAccepting(String address, int port) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getByName(address), port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("nothing listens on " + address + ":" + port + " after 60 s");
  }
}
