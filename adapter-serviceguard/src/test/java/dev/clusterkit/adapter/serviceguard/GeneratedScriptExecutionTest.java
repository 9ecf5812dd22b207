package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs what we render as Serviceguard would, with stub JobCenter commands that record how they were
 * called: the external script's entry points under every POSIX shell, the service command, and the
 * legacy fragments inside a stand-in for HP's control script (its test_return and service start).
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
    String stub = """
        #!/bin/sh
        echo "$(basename "$0") args=$*" >> "$STUB_LOG"
        exit "${STUB_EXIT:-0}"
        """;
    writeExecutable(root.resolve("cluster/cjcpw"), stub);
    writeExecutable(root.resolve("nqsportkpr"), stub.replace("STUB_EXIT", "STUB_PORT_EXIT"));
  }

  private static void writeExecutable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private List<Artifact> render(String platform, boolean watched, boolean portKeeper) throws Exception {
    return Specs.render(Specs.withInstallRoot(root, platform, watched, portKeeper));
  }

  private Path write(Artifact a, String name) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, a.bytes());
    return file;
  }

  private Shell.Result run(List<String> command, Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.put("STUB_LOG", log.toString());
    return Shell.run(command, all, dir, 30);
  }

  private List<String> calls() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private String cjcpw(String args) {
    return "cjcpw args=" + args;
  }

  // --- modular: the external script ------------------------------------------------------------

  private Path externalScript(String platform, boolean watched, boolean portKeeper) throws Exception {
    return write(Specs.artifact(render(platform, watched, portKeeper), "_ext.sh"), "ext.sh");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"sh, hpux", "dash, linux", "bash, linux", "ksh, hpux"})
  void startHoldsThePortAndLeavesCjcpwToTheService(String shell, String platform) throws Exception {
    Shell.Result r = run(List.of(shell, externalScript(platform, true, true).toString(), "start"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("nqsportkpr args=" + SITE), calls());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sh", "bash", "ksh"})
  void portKeeperFailureFailsTheStartOverWithExitTwo(String shell) throws Exception {
    for (boolean watched : List.of(true, false)) {
      Files.deleteIfExists(log);
      Shell.Result r = run(List.of(shell, externalScript("hpux", watched, true).toString(), "start"),
          Map.of("STUB_PORT_EXIT", "1"));
      assertEquals(2, r.exitCode(), r.describe());
      assertEquals(List.of("nqsportkpr args=" + SITE), calls(), "cjcpw must not start");
      assertTrue(r.stderr().contains("nqsportkpr " + SITE + " failed"), r.describe());
    }
  }

  @Test
  void watchedStartWithoutPortKeeperRunsNothing() throws Exception {
    Shell.Result r = run(List.of("sh", externalScript("linux", true, false).toString(), "start"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(), calls());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sh", "bash", "ksh"})
  void unwatchedStartRunsPortKeeperThenCjcpwMinusC(String shell) throws Exception {
    Shell.Result r = run(List.of(shell, externalScript("linux", false, true).toString(), "start"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("nqsportkpr args=" + SITE, cjcpw("-c " + SITE + " " + DB)), calls());
  }

  @Test
  void unwatchedStartFailureFailsOverWithExitTwo() throws Exception {
    Shell.Result r = run(List.of("sh", externalScript("hpux", false, false).toString(), "start"),
        Map.of("STUB_EXIT", "4"));
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(List.of(cjcpw("-c " + SITE + " " + DB)), calls());
  }

  @ParameterizedTest(name = "{0} status {1} -> {2}")
  @CsvSource({"sh, 0, 0", "sh, 3, 1", "bash, 0, 0", "bash, 1, 1", "ksh, 0, 0", "ksh, 2, 1"})
  void stopRunsCjcpwStopAndMapsItsStatus(String shell, int status, int expected) throws Exception {
    for (boolean watched : List.of(true, false)) {
      Files.deleteIfExists(log);
      Shell.Result r = run(List.of(shell, externalScript("linux", watched, true).toString(), "stop"),
          Map.of("STUB_EXIT", Integer.toString(status)));
      assertEquals(expected, r.exitCode(), r.describe());
      assertEquals(List.of(cjcpw("-stop " + SITE)), calls());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sh", "dash", "bash", "ksh"})
  void stopOfASiteThatIsDownAlreadySucceedsAsCjclsShowsIt(String shell) throws Exception {
    // cjcpw -stop fails (the site stopped when its service got SIGTERM, or a daemon died); the
    // halt must still succeed, or Serviceguard would not move the package.
    cjclsStub();
    for (boolean watched : List.of(true, false)) {
      Files.deleteIfExists(log);
      Shell.Result r = run(List.of(shell, externalScript("linux", watched, false).toString(), "stop"),
          Map.of("STUB_EXIT", "7", "CJCLS_ROW", SITE + "  SHUT  /mnt/jobdb (/usr/spool/nqs/C0A80A32)  OFF"));
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals(List.of(cjcpw("-stop " + SITE), "cjcls args="), calls());
      assertTrue(r.stdout().contains("was already stopped"), r.describe());
    }
    // Still running (cjcpw ON, or a daemon PID): the failed stop fails the halt.
    for (String row : List.of(SITE + "  SHUT  /mnt/jobdb (/usr/spool/nqs/C0A80A32)  ON",
        SITE + "  1320  /mnt/jobdb (/usr/spool/nqs/C0A80A32)  OFF", "")) {
      Shell.Result r = run(List.of(shell, externalScript("hpux", true, true).toString(), "stop"),
          Map.of("STUB_EXIT", "1", "CJCLS_ROW", row));
      assertEquals(1, r.exitCode(), row + "\n" + r.describe());
      assertTrue(r.stderr().contains("cjcpw -stop " + SITE + " failed (cjcls says: "
          + (row.isEmpty() ? "no such site" : row.contains("1320") ? "1320/OFF" : "SHUT/ON") + ")"), r.describe());
    }
  }

  @Test
  void validateChecksTheCommandsWithoutRunningThem() throws Exception {
    Path script = externalScript("hpux", true, true);
    assertEquals(0, run(List.of("sh", script.toString(), "validate"), Map.of()).exitCode());
    Files.delete(root.resolve("nqsportkpr"));
    Shell.Result r = run(List.of("sh", script.toString(), "validate"), Map.of());
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains(root.resolve("nqsportkpr") + " is missing"), r.describe());
    Files.delete(root.resolve("cluster/cjcpw"));
    r = run(List.of("sh", script.toString(), "validate"), Map.of());
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains(root.resolve("cluster/cjcpw") + " is missing"), r.describe());
    assertEquals(List.of(), calls());
  }

  @ParameterizedTest(name = "argument ''{0}''")
  @ValueSource(strings = {"", "restart", "START"})
  void anUnknownEntryPointExitsOneAndRunsNothing(String argument) throws Exception {
    Path script = externalScript("linux", false, true);
    List<String> command = argument.isEmpty() ? List.of("sh", script.toString()) : List.of("sh", script.toString(), argument);
    Shell.Result r = run(command, Map.of());
    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(List.of(), calls());
    assertTrue(r.stderr().contains("usage"), r.describe());
  }

  // --- modular: the service command ------------------------------------------------------------

  @Test
  void serviceCommandIsTheForegroundCjcpwAndEndsWithIt() throws Exception {
    Artifact conf = Specs.artifact(render("hpux", true, false), ".conf");
    PackageConfig config = PackageConfig.parse(new SourceFile(conf.path(), conf.text()), true);
    String serviceCmd = config.first("service_cmd").orElseThrow().value();
    // cmrunserv runs the command with the default shell and watches the PID it starts.
    Shell.Result r = run(List.of("sh", "-c", serviceCmd), Map.of("STUB_EXIT", "5"));
    assertEquals(5, r.exitCode(), r.describe());
    assertEquals(List.of(cjcpw(SITE + " " + DB)), calls());
  }

  // --- legacy: the fragments in a stand-in for HP's control script -------------------------------

  /**
   * What HP's control script does around the fragments: test_return exits 1 when the command
   * before it failed; on start, customer_defined_run_cmds and then each SERVICE_CMD[i] as cmrunserv
   * would run it; on halt, customer_defined_halt_cmds.
   */
  private static final String HARNESS = """
      test_return() {
          rc=$?
          echo "test_return $1 rc=$rc" >> "$STUB_LOG"
          if [ "$rc" -ne 0 ]; then
              echo "ERROR: Function $1" >&2
              exit 1
          fi
      }
      . "$FRAGMENTS"
      case "$1" in
      start)
          customer_defined_run_cmds
          i=0
          while [ -n "${SERVICE_NAME[$i]:-}" ]; do
              echo "service ${SERVICE_NAME[$i]} restart='${SERVICE_RESTART[$i]}'" >> "$STUB_LOG"
              /bin/sh -c "${SERVICE_CMD[$i]}"
              i=$((i + 1))
          done
          ;;
      halt)
          customer_defined_halt_cmds
          ;;
      esac
      exit 0
      """;

  private Shell.Result control(String platform, boolean watched, boolean portKeeper, String action,
      Map<String, String> env) throws Exception {
    String ext = platform.equals("hpux") ? ".cntl-fragments.ksh" : ".cntl-fragments.bash";
    Path fragments = write(Specs.artifact(render(platform, watched, portKeeper), ext), "fragments");
    Path harness = dir.resolve("control.sh");
    Files.writeString(harness, HARNESS);
    Map<String, String> all = new HashMap<>(env);
    all.put("FRAGMENTS", fragments.toString());
    String shell = platform.equals("hpux") ? "ksh" : "bash";
    Shell.requireTool(shell, shell);
    return run(List.of(shell, harness.toString(), action), all);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hpux", "linux"})
  void legacyStartRunsPortKeeperFirstThenTheService(String platform) throws Exception {
    Shell.Result r = control(platform, true, true, "start", Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("nqsportkpr args=" + SITE, "test_return 51 rc=0", "service cjcpw_testsite restart=''",
        cjcpw(SITE + " " + DB)), calls());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hpux", "linux"})
  void legacyPortKeeperFailureStopsTheStartBeforeTheService(String platform) throws Exception {
    Shell.Result r = control(platform, true, true, "start", Map.of("STUB_PORT_EXIT", "1"));
    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(List.of("nqsportkpr args=" + SITE, "test_return 51 rc=1"), calls());
  }

  @Test
  void legacyWatchedStartWithoutPortKeeperOnlyStartsTheService() throws Exception {
    Shell.Result r = control("hpux", true, false, "start", Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("test_return 51 rc=0", "service cjcpw_testsite restart=''", cjcpw(SITE + " " + DB)), calls());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hpux", "linux"})
  void legacyUnwatchedStartRunsCjcpwMinusCAndNoService(String platform) throws Exception {
    Shell.Result r = control(platform, false, true, "start", Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("nqsportkpr args=" + SITE, "test_return 51 rc=0", cjcpw("-c " + SITE + " " + DB),
        "test_return 51 rc=0"), calls());
  }

  @Test
  void legacyUnwatchedStartFailureIsCaughtByTestReturn() throws Exception {
    Shell.Result r = control("linux", false, false, "start", Map.of("STUB_EXIT", "3"));
    assertEquals(1, r.exitCode(), r.describe());
    assertEquals(List.of(cjcpw("-c " + SITE + " " + DB), "test_return 51 rc=3"), calls());
  }

  /** A cjcls that lists another site and then the row CJCLS_ROW gives. */
  private void cjclsStub() throws IOException {
    writeExecutable(root.resolve("cluster/cjcls"), """
        #!/bin/sh
        echo "cjcls args=$*" >> "$STUB_LOG"
        echo "SITE-NAME  DAEMON-PID  DB-PATH(LINK)  CJCPW"
        echo "other.example.com  4711  /mnt/other (/usr/spool/nqs/C0A80A33)  ON"
        echo "$CJCLS_ROW"
        """);
  }

  @ParameterizedTest(name = "{0} status {1}")
  @CsvSource({"hpux, 0", "hpux, 2", "linux, 0", "linux, 2"})
  void legacyHaltStopsARunningSiteAndTestsTheStatus(String platform, int status) throws Exception {
    cjclsStub();
    for (String row : List.of(SITE + "  1320  /mnt/jobdb (/usr/spool/nqs/C0A80A32)  ON",
        SITE + "  SHUT  /mnt/jobdb (/usr/spool/nqs/C0A80A32)  ON", "")) {
      for (boolean watched : List.of(true, false)) {
        Files.deleteIfExists(log);
        Shell.Result r = control(platform, watched, false, "halt", Map.of("STUB_EXIT", Integer.toString(status), "CJCLS_ROW", row));
        assertEquals(status == 0 ? 0 : 1, r.exitCode(), row + "\n" + r.describe());
        assertEquals(List.of("cjcls args=", cjcpw("-stop " + SITE), "test_return 52 rc=" + status), calls(), row);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"hpux", "linux"})
  void legacyHaltOfASiteThatIsDownAlreadySucceedsWithoutStopping(String platform) throws Exception {
    // The service halt (SIGTERM to cjcpw) or a dead daemon has stopped the site already: cjcpw
    // -stop would fail and test_return 52 with it, failing the halt and keeping the package here.
    cjclsStub();
    for (boolean watched : List.of(true, false)) {
      Files.deleteIfExists(log);
      Shell.Result r = control(platform, watched, false, "halt",
          Map.of("STUB_EXIT", "7", "CJCLS_ROW", SITE + "  SHUT  /mnt/jobdb (/usr/spool/nqs/C0A80A32)  OFF"));
      assertEquals(0, r.exitCode(), r.describe());
      assertEquals(List.of("cjcls args="), calls());
      assertTrue(r.stdout().contains("JobCenter site " + SITE + " was already stopped"), r.describe());
    }
  }

  @Test
  void legacyHaltWithoutAWorkingCjclsStopsAsTheGuideDoes() throws Exception {
    Shell.Result r = control("linux", true, false, "halt", Map.of("STUB_EXIT", "0"));
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(cjcpw("-stop " + SITE), "test_return 52 rc=0"), calls());
  }
}
