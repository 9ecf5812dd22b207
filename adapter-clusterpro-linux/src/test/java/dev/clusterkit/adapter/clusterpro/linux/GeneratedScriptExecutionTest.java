package dev.clusterkit.adapter.clusterpro.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the generated scripts as CLUSTERPRO would, with stub JobCenter commands that record how
 * they were called, for every CLP_EVENT and CLP_DISK case.
 */
class GeneratedScriptExecutionTest {
  private static final String SITE = "testsite.example.com";
  private static final String DB = "/mnt/jobdb";

  @TempDir Path dir;
  private Path root;
  private Path log;

  @BeforeEach
  void stubs() throws IOException {
    root = dir.resolve("nqs");
    log = dir.resolve("calls.log");
    Files.createDirectories(root.resolve("cluster"));
    // Each stub logs its name, PID, stack limit and arguments; waits for a release file when told
    // to (so a test can look at the running script), and exits with the status it is given.
    String stub = """
        #!/bin/sh
        echo "$(basename "$0") pid=$$ stack=$(ulimit -s) args=$*" >> "$STUB_LOG"
        if [ -n "${STUB_HOLD:-}" ]; then
            while [ ! -e "$STUB_HOLD" ]; do sleep 0.05; done
        fi
        exit "${STUB_EXIT:-0}"
        """;
    writeStub(root.resolve("cluster/cjcpw"), stub);
    String portKeeper = stub.replace("${STUB_EXIT:-0}", "${STUB_PORT_EXIT:-0}").replace("STUB_HOLD", "STUB_PORT_HOLD");
    writeStub(root.resolve("nqsportkpr"), portKeeper);
    // cjcls prints the table of guide 2.5.3 from $STUB_CJCLS (one row per line).
    writeStub(root.resolve("cluster/cjcls"), """
        #!/bin/sh
        printf 'SITE-NAME\tDAEMON-PID\tDB-PATH(LINK)\tCJCPW\n'
        printf '%s\n' "${STUB_CJCLS:-}"
        """);
  }

  private static void writeStub(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Path script(boolean watched, boolean portKeeper, String name) throws Exception {
    Path file = dir.resolve(name);
    for (Artifact a : Specs.render(Specs.withInstallRoot(root, watched, portKeeper))) {
      if (a.path().endsWith("/" + name)) {
        Files.write(file, a.bytes());
        return file;
      }
    }
    throw new AssertionError(name + " not rendered");
  }

  private Shell.Result run(String shell, Path script, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("STUB_LOG", log.toString());
    return Shell.run(List.of(shell, script.toString()), all, dir, 30);
  }

  private List<String> calls() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static Map<String, String> env(String event, String disk) {
    Map<String, String> env = new HashMap<>();
    if (!event.equals("-")) {
      env.put("CLP_EVENT", event);
    }
    if (!disk.equals("-")) {
      env.put("CLP_DISK", disk);
    }
    return env;
  }

  @ParameterizedTest(name = "{0} CLP_EVENT={1} CLP_DISK={2}")
  @CsvSource({
    "sh, START, SUCCESS", "sh, FAILOVER, SUCCESS", "sh, RECOVER, SUCCESS",
    "bash, START, SUCCESS", "bash, FAILOVER, SUCCESS", "ksh, FAILOVER, SUCCESS"
  })
  void watchedStartBecomesCjcpwAndEndsWithItsStatus(String shell, String event, String disk) throws Exception {
    Path start = script(true, false, "start.sh");
    Map<String, String> env = env(event, disk);
    env.put("STUB_EXIT", "3");
    Shell.Result r = run(shell, start, env);
    assertEquals(3, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertEquals(1, calls.size(), calls.toString());
    assertTrue(calls.get(0).startsWith("cjcpw "), calls.toString());
    assertTrue(calls.get(0).endsWith(" stack=unlimited args=" + SITE + " " + DB), calls.toString());
    assertTrue(r.stdout().contains(event + ": starting JobCenter site " + SITE), r.describe());
  }

  @Test
  void watchedStartScriptIsCjcpwForAsLongAsCjcpwRuns() throws Exception {
    Shell.requireTool("sh", "dash");
    Path start = script(true, false, "start.sh");
    Path release = dir.resolve("release");
    ProcessBuilder pb = new ProcessBuilder("sh", start.toString());
    pb.environment().putAll(Map.of("CLP_EVENT", "START", "CLP_DISK", "SUCCESS", "STUB_LOG", log.toString(),
        "STUB_HOLD", release.toString(), "STUB_EXIT", "0"));
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    Process p = pb.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (calls().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<String> calls = calls();
      assertEquals(1, calls.size(), "cjcpw was not started: " + Files.readString(dir.resolve("out.txt")));
      // The PID monitor watches the start script's PID: it must be cjcpw's own.
      assertTrue(calls.get(0).contains(" pid=" + p.pid() + " "), calls + " vs script pid " + p.pid());
      assertTrue(p.isAlive(), "the start script ended while cjcpw runs");
      Files.createFile(release);
      assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }

  @ParameterizedTest(name = "CLP_EVENT={0} CLP_DISK={1}")
  @CsvSource({
    "START, FAILURE", "FAILOVER, FAILURE", "START, -", "FAILOVER, OTHER",
    "-, SUCCESS", "-, -", "BOGUS, SUCCESS", "'', SUCCESS"
  })
  void failurePathsExitNonZeroWithoutStartingTheSite(String event, String disk) throws Exception {
    for (boolean watched : List.of(true, false)) {
      Files.deleteIfExists(log);
      Shell.Result r = run("sh", script(watched, true, "start.sh"), env(event, disk));
      assertEquals(1, r.exitCode(), r.describe());
      assertEquals(List.of(), calls(), "nothing may start on a failure path");
      assertTrue(!r.stderr().isEmpty(), "a failure path says why");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4})
  void unwatchedStartRunsCjcpwMinusCAndReturnsItsStatus(int status) throws Exception {
    Map<String, String> env = env("START", "SUCCESS");
    env.put("STUB_EXIT", Integer.toString(status));
    Shell.Result r = run("sh", script(false, false, "start.sh"), env);
    assertEquals(status, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertEquals(1, calls.size());
    assertTrue(calls.get(0).endsWith("args=-c " + SITE + " " + DB), calls.toString());
  }

  @Test
  void portKeeperRunsFirstWithTheSiteName() throws Exception {
    Shell.Result r = run("sh", script(true, true, "start.sh"), env("FAILOVER", "SUCCESS"));
    assertEquals(0, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertEquals(2, calls.size(), calls.toString());
    assertTrue(calls.get(0).startsWith("nqsportkpr ") && calls.get(0).endsWith("args=" + SITE), calls.toString());
    assertTrue(calls.get(1).startsWith("cjcpw ") && calls.get(1).endsWith("args=" + SITE + " " + DB), calls.toString());
  }

  @Test
  void portKeeperFailureStopsTheStart() throws Exception {
    Map<String, String> env = env("START", "SUCCESS");
    env.put("STUB_PORT_EXIT", "1");
    Shell.Result r = run("sh", script(true, true, "start.sh"), env);
    assertEquals(1, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertEquals(1, calls.size(), calls.toString());
    assertTrue(calls.get(0).startsWith("nqsportkpr "));
  }

  @ParameterizedTest(name = "CLP_EVENT={0} CLP_DISK={1}")
  @CsvSource({"START, SUCCESS", "FAILOVER, SUCCESS", "START, FAILURE", "-, -", "BOGUS, -", "FAILOVER, FAILURE"})
  void stopStopsTheSiteOnEveryPath(String event, String disk) throws Exception {
    for (String shell : List.of("sh", "bash")) {
      for (int status : List.of(0, 2)) {
        Files.deleteIfExists(log);
        Map<String, String> env = env(event, disk);
        env.put("STUB_EXIT", Integer.toString(status));
        Shell.Result r = run(shell, script(true, false, "stop.sh"), env);
        assertEquals(status, r.exitCode(), r.describe());
        List<String> calls = calls();
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).endsWith("args=-stop " + SITE), calls.toString());
      }
    }
  }

  @ParameterizedTest(name = "cjcls row: {0}")
  @CsvSource(delimiter = '|', value = {
    "testsite.example.com\tSHUT\t/mnt/jobdb (/usr/spool/nqs/C0A80A32)\tOFF | 0",
    "testsite.example.com\t1320\t/mnt/jobdb (/usr/spool/nqs/C0A80A32)\tON | 2",
    "othersite.example.com\tSHUT\t/mnt/other (/usr/spool/nqs/C0A80A33)\tOFF | 2",
    "'' | 2"
  })
  void failedStopIsCleanOnlyWhenTheSiteIsAlreadyDown(String row, int expected) throws Exception {
    Map<String, String> env = env("FAILOVER", "SUCCESS");
    env.put("STUB_EXIT", "2");
    env.put("STUB_CJCLS", row.replace("\\t", "\t"));
    Shell.Result r = run("sh", script(true, false, "stop.sh"), env);
    assertEquals(expected, r.exitCode(), r.describe());
    assertTrue(calls().get(0).endsWith("args=-stop " + SITE), calls().toString());
  }

  @Test
  void numericStackLimitIsSetAsTheSoftLimit() throws Exception {
    List<Artifact> artifacts = new ArrayList<>(Specs.render("two-sites"));
    String start = artifacts.stream().filter(a -> a.path().endsWith("jobs-east.batch.example.org/start.sh"))
        .findFirst().orElseThrow().text();
    assertTrue(start.contains("\nulimit -S -s 16384 ||"), start);
  }
}
