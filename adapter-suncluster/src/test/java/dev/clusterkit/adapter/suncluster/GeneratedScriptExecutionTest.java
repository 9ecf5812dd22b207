package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the generated scripts with stub Sun Cluster and JobCenter commands. The stubs record how
 * they were called, keep the objects they create in a state folder (so that "show" answers as a
 * cluster would and a second run finds what the first made), and fail on request.
 */
class GeneratedScriptExecutionTest {
  private static final String SITE = "testsite.example.com";
  private static final String DB = "/mnt/jobdb";

  @TempDir Path dir;
  private Path root;
  private Path bin;
  private Path log;
  private Path state;

  /**
   * One stub for every command: logs "name args", fails with STUB_FAIL_STATUS when "name args"
   * matches the glob STUB_FAIL, and otherwise keeps state the way the real command would.
   */
  private static final String STUB = """
      #!/bin/sh
      name=`basename "$0"`
      echo "$name $*" >> "$STUB_LOG"
      if [ -n "${STUB_FAIL:-}" ]; then
          case "$name $*" in
          $STUB_FAIL) echo "$name: simulated failure" >&2; exit "${STUB_FAIL_STATUS:-3}" ;;
          esac
      fi
      for last in "$@"; do :; done
      case "$name" in
      clreslogicalhostname) kind=clresource ;;
      pmfadm) kind=pmf ;;
      *) kind=$name ;;
      esac
      mkdir -p "$STUB_STATE/$kind"
      case "$name $1" in
      "pmfadm -q") [ -e "$STUB_STATE/pmf/$2" ]; exit $? ;;
      "pmfadm -c") touch "$STUB_STATE/pmf/$2" ;;
      "pmfadm -s") rm -f "$STUB_STATE/pmf/$2" ;;
      "cjcpw -stop") [ -n "${STUB_KEEP_TAG:-}" ] || rm -f "$STUB_STATE"/pmf/* ;;
      *" show") [ -e "$STUB_STATE/$kind/$last" ]; exit $? ;;
      *" register"|*" create") touch "$STUB_STATE/$kind/$last" ;;
      *" delete") rm -f "$STUB_STATE/$kind/$last" ;;
      esac
      exit 0
      """;

  @BeforeEach
  void stubs() throws IOException {
    root = dir.resolve("nqs");
    bin = dir.resolve("bin");
    log = dir.resolve("calls.log");
    state = dir.resolve("state");
    Files.createDirectories(root.resolve("cluster"));
    Files.createDirectories(bin);
    for (String name : List.of("clresourcetype", "clresourcegroup", "clreslogicalhostname", "clresource", "pmfadm")) {
      writeStub(bin.resolve(name));
    }
    writeStub(root.resolve("cluster/cjcpw"));
    writeStub(root.resolve("nqsportkpr"));
  }

  private static void writeStub(Path file) throws IOException {
    Files.writeString(file, STUB);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Path script(ClusterSpec spec, String name) throws Exception {
    Path file = dir.resolve(name);
    for (Artifact a : Specs.render(spec)) {
      if (a.path().endsWith("/" + name)) {
        Files.write(file, a.bytes());
        return file;
      }
    }
    throw new AssertionError(name + " not rendered");
  }

  private Path script(String release, boolean watched, boolean portKeeper, String name) throws Exception {
    return script(Specs.oneSite(root, release, watched, portKeeper, "", ""), name);
  }

  private Shell.Result run(String shell, Path script, Map<String, String> env, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.put("STUB_LOG", log.toString());
    all.put("STUB_STATE", state.toString());
    all.putIfAbsent("PATH", bin + ":" + System.getenv("PATH"));
    List<String> command = new ArrayList<>(List.of(shell, script.toString()));
    command.addAll(List.of(args));
    return Shell.run(command, all, dir, 30);
  }

  private List<String> calls() throws IOException {
    List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
    Files.deleteIfExists(log);
    return calls;
  }

  private static List<String> changes(List<String> calls) {
    return calls.stream().filter(c -> !c.contains(" show ")).toList();
  }

  // --- Sun Cluster 3.2: create ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"sh", "bash", "ksh"})
  void createBuildsTheGroupInOrderAndBringsItOnline(String shell) throws Exception {
    Shell.Result r = run(shell, script("3.2", true, false, "sc32-create.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(
        "clresourcetype show SUNW.gds",
        "clresourcetype register SUNW.gds",
        "clresourcetype show SUNW.HAStoragePlus",
        "clresourcetype register SUNW.HAStoragePlus",
        "clresourcegroup show jcservice-rg",
        "clresourcegroup create jcservice-rg",
        "clresource show jcservice-lh-rs",
        "clreslogicalhostname create -g jcservice-rg -h " + SITE + " jcservice-lh-rs",
        "clresource show jcservice-hasp-rs",
        "clresource create -g jcservice-rg -t SUNW.HAStoragePlus -p FilesystemMountPoints=" + DB
            + " -p AffinityOn=TRUE jcservice-hasp-rs",
        "clresource show jcservice",
        "clresource create -g jcservice-rg -t SUNW.gds"
            + " -p Start_command=" + root + "/cluster/cjcpw " + SITE + " " + DB
            + " -p Stop_command=" + root + "/cluster/cjcpw -stop " + SITE
            + " -p Port_list=607/tcp -p Child_mon_level=0 -p Start_timeout=300 -p Stop_timeout=300"
            + " -p Resource_dependencies=jcservice-lh-rs,jcservice-hasp-rs"
            + " -p Network_resources_used=jcservice-lh-rs jcservice",
        "clresourcegroup online -e -M jcservice-rg",
        "clresourcegroup status jcservice-rg",
        "clresource status -g jcservice-rg"), calls());
    assertTrue(r.stdout().contains("done: JobCenter site " + SITE + " is online"), r.describe());
  }

  @Test
  void createPassesTheStartCommandAsOneWord() throws Exception {
    // The stub sees each -p value as a single argument: check the word count of the GDS line.
    Path probe = bin.resolve("clresource");
    Files.writeString(probe, STUB.replace("echo \"$name $*\" >> \"$STUB_LOG\"",
        "echo \"$name $#\" >> \"$STUB_LOG.count\"; echo \"$name $*\" >> \"$STUB_LOG\""));
    Shell.Result r = run("sh", script("3.2", true, false, "sc32-create.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    List<String> counts = Files.readAllLines(Path.of(log + ".count"));
    // create -g RG -t SUNW.gds, 8 times "-p value", and the name: 22 arguments.
    assertTrue(counts.contains("clresource 22"), counts.toString());
  }

  @Test
  void createRunAgainChangesNothing() throws Exception {
    Path create = script("3.2", true, false, "sc32-create.sh");
    assertEquals(0, run("sh", create, Map.of()).exitCode());
    calls();
    Shell.Result again = run("sh", create, Map.of());
    assertEquals(0, again.exitCode(), again.describe());
    assertEquals(List.of(
        "clresourcegroup online -e -M jcservice-rg",
        "clresourcegroup status jcservice-rg",
        "clresource status -g jcservice-rg"), changes(calls()));
    assertTrue(again.stdout().contains("resource jcservice exists already; not changed"), again.describe());
    assertTrue(again.stdout().contains("resource type SUNW.gds is registered already"), again.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"clresourcetype register SUNW.gds", "clresourcegroup create *",
      "clreslogicalhostname create *", "clresource create * SUNW.HAStoragePlus *", "clresource create * SUNW.gds *",
      "clresourcegroup online *"})
  void createStopsAtTheFirstFailureAndSaysWhich(String failing) throws Exception {
    Shell.Result r = run("sh", script("3.2", true, false, "sc32-create.sh"),
        Map.of("STUB_FAIL", failing, "STUB_FAIL_STATUS", "7"));
    assertEquals(1, r.exitCode(), r.describe());
    List<String> calls = calls();
    String last = calls.get(calls.size() - 1);
    assertTrue(last.matches(failing.replace("*", ".*")), calls.toString());
    assertTrue(r.stderr().contains("failed with status 7: " + last), r.describe());
    assertTrue(r.stderr().contains("run this script again"), r.describe());
  }

  @Test
  void createWithoutSunClusterCommandsSaysSo() throws Exception {
    Shell.Result r = run("sh", script("3.2", true, false, "sc32-create.sh"), Map.of("PATH", "/usr/bin:/bin"));
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("clresource not found"), r.describe());
    assertEquals(List.of(), calls());
  }

  @Test
  void unwatchedSiteStartsWithCjcpwMinusCAndPmfFollowsEveryProcess() throws Exception {
    Shell.Result r = run("sh", script("3.2", false, false, "sc32-create.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    String gds = calls().stream().filter(c -> c.contains("SUNW.gds -p")).findFirst().orElseThrow();
    assertTrue(gds.contains(" -p Start_command=" + root + "/cluster/cjcpw -c " + SITE + " " + DB + " "), gds);
    assertTrue(gds.contains(" -p Child_mon_level=-1 "), gds);
  }

  @Test
  void siteTimingAndSettingsReachTheResources() throws Exception {
    ClusterSpec spec = Specs.oneSite(root, "3.2", true, false, """
        siteConf:
          bootTimeout: 500
          stopTimeout: 400
          forceKillTime: 10""", """
        mountPoint: /mnt
        netIfList: ipmp0@1,ipmp1@2
        extraPorts: 611/tcp""");
    Shell.Result r = run("sh", script(spec, "sc32-create.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertTrue(calls.contains("clreslogicalhostname create -g jcservice-rg -h " + SITE
        + " -N ipmp0@1,ipmp1@2 jcservice-lh-rs"), calls.toString());
    assertTrue(calls.stream().anyMatch(c -> c.contains("-p FilesystemMountPoints=/mnt ")), calls.toString());
    String gds = calls.stream().filter(c -> c.contains("SUNW.gds -p")).findFirst().orElseThrow();
    // Start above BOOT_TIMEOUT; 80% of Stop_timeout (460) above STOP_TIMEOUT.
    assertTrue(gds.contains(" -p Start_timeout=560 -p Stop_timeout=575 "), gds);
    assertTrue(gds.contains(" -p Port_list=607/tcp,611/tcp "), gds);
  }

  // --- Sun Cluster 3.2: remove ------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"sh", "bash", "ksh"})
  void removeUndoesCreateInReverseOrder(String shell) throws Exception {
    assertEquals(0, run(shell, script("3.2", true, false, "sc32-create.sh"), Map.of()).exitCode());
    calls();
    Shell.Result r = run(shell, script("3.2", true, false, "sc32-remove.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(
        "clresourcegroup offline jcservice-rg",
        "clresource disable jcservice",
        "clresource delete jcservice",
        "clresource disable jcservice-hasp-rs",
        "clresource delete jcservice-hasp-rs",
        "clresource disable jcservice-lh-rs",
        "clresource delete jcservice-lh-rs",
        "clresourcegroup unmanage jcservice-rg",
        "clresourcegroup delete jcservice-rg"), changes(calls()));
    try (var left = Files.list(state.resolve("clresource"))) {
      assertEquals(List.of(), left.toList());
    }
  }

  @Test
  void removeRunAgainOrWithoutTheGroupDoesNothing() throws Exception {
    Shell.Result r = run("sh", script("3.2", true, false, "sc32-remove.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("clresourcegroup show jcservice-rg"), calls());
    assertTrue(r.stdout().contains("resource group jcservice-rg does not exist; nothing to remove"), r.describe());
  }

  @Test
  void removeSkipsResourcesAlreadyGone() throws Exception {
    Files.createDirectories(state.resolve("clresourcegroup"));
    Files.createFile(state.resolve("clresourcegroup/jcservice-rg"));
    Shell.Result r = run("sh", script("3.2", true, false, "sc32-remove.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("clresourcegroup offline jcservice-rg", "clresourcegroup unmanage jcservice-rg",
        "clresourcegroup delete jcservice-rg"), changes(calls()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"clresourcegroup offline *", "clresource disable jcservice", "clresource delete jcservice-lh-rs"})
  void removeStopsAtTheFirstFailure(String failing) throws Exception {
    assertEquals(0, run("sh", script("3.2", true, false, "sc32-create.sh"), Map.of()).exitCode());
    calls();
    Shell.Result r = run("sh", script("3.2", true, false, "sc32-remove.sh"), Map.of("STUB_FAIL", failing));
    assertEquals(1, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertTrue(calls.get(calls.size() - 1).matches(failing.replace("*", ".*")), calls.toString());
    assertFalse(calls.contains("clresourcegroup delete jcservice-rg"), calls.toString());
    assertTrue(r.stderr().contains("failed with status 3"), r.describe());
  }

  // --- Sun Cluster 2.2: start method ------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"sh", "bash", "ksh"})
  void startMethodStartsCjcpwUnderPmfWhereTheLogicalHostIsMastered(String shell) throws Exception {
    Shell.Result r = run(shell, script("2.2", true, false, "sc22-start.sh"), Map.of(), "otherhost,testsite", "");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("pmfadm -q jcservice",
        "pmfadm -c jcservice -n 0 -C 0 " + root + "/cluster/cjcpw " + SITE + " " + DB), calls());
  }

  @Test
  void startMethodDoesNothingWhenTheSiteRunsAlready() throws Exception {
    Files.createDirectories(state.resolve("pmf"));
    Files.createFile(state.resolve("pmf/jcservice"));
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-start.sh"), Map.of(), "testsite", "");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("pmfadm -q jcservice"), calls());
    assertTrue(r.stdout().contains("is running already"), r.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "otherhost", "testsite2,testsitex", "xtestsite"})
  void startMethodLeavesNodesThatDoNotMasterTheLogicalHostAlone(String mastered) throws Exception {
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-start.sh"), Map.of(), mastered, "testsite");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(), calls());
  }

  @Test
  void startMethodWithoutArgumentsStartsNothing() throws Exception {
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-start.sh"), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(), calls());
  }

  @Test
  void startMethodReportsPmfFailure() throws Exception {
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-start.sh"),
        Map.of("STUB_FAIL", "pmfadm -c *", "STUB_FAIL_STATUS", "5"), "testsite", "");
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("pmfadm -c jcservice failed with status 5"), r.describe());
  }

  @Test
  void startMethodRunsThePortKeeperFirstAndStopsWhenItFails() throws Exception {
    Path start = script("2.2", true, true, "sc22-start.sh");
    Shell.Result r = run("sh", start, Map.of(), "testsite", "");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("pmfadm -q jcservice", "nqsportkpr " + SITE,
        "pmfadm -c jcservice -n 0 -C 0 " + root + "/cluster/cjcpw " + SITE + " " + DB), calls());
    Files.delete(state.resolve("pmf/jcservice"));
    Shell.Result failed = run("sh", start, Map.of("STUB_FAIL", "nqsportkpr *"), "testsite", "");
    assertEquals(1, failed.exitCode(), failed.describe());
    assertEquals(List.of("pmfadm -q jcservice", "nqsportkpr " + SITE), calls());
    assertTrue(failed.stderr().contains("nqsportkpr " + SITE + " failed with status 3"), failed.describe());
  }

  @Test
  void unwatchedStartMethodHandsCjcpwMinusCToPmfWithoutLevelLimit() throws Exception {
    Shell.Result r = run("sh", script("2.2", false, false, "sc22-start.sh"), Map.of(), "testsite", "");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("pmfadm -q jcservice",
        "pmfadm -c jcservice -n 0 " + root + "/cluster/cjcpw -c " + SITE + " " + DB), calls());
  }

  // --- Sun Cluster 2.2: stop method -------------------------------------------------------

  private void running() throws IOException {
    Files.createDirectories(state.resolve("pmf"));
    Files.writeString(state.resolve("pmf/jcservice"), "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh", "bash", "ksh"})
  void stopMethodStopsTheSiteWhereTheLogicalHostIsGivenUp(String shell) throws Exception {
    running();
    Shell.Result r = run(shell, script("2.2", true, false, "sc22-stop.sh"), Map.of(), "", "testsite,other");
    assertEquals(0, r.exitCode(), r.describe());
    // cjcpw ends with its site, so the nametag is gone and pmfadm -s is not needed.
    assertEquals(List.of("pmfadm -q jcservice", "cjcpw -stop " + SITE, "pmfadm -q jcservice"), calls());
  }

  @Test
  void stopMethodEndsMonitoringWhenTheNametagOutlivesTheStop() throws Exception {
    running();
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-stop.sh"), Map.of("STUB_KEEP_TAG", "1"), "", "testsite");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("pmfadm -q jcservice", "cjcpw -stop " + SITE, "pmfadm -q jcservice", "pmfadm -s jcservice"),
        calls());
  }

  @Test
  void stopMethodTreatsAStoppedSiteAsSuccess() throws Exception {
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-stop.sh"), Map.of(), "", "testsite");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of("pmfadm -q jcservice"), calls());
    assertTrue(r.stdout().contains("is stopped already"), r.describe());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "otherhost", "testsite2"})
  void stopMethodLeavesTheSiteWhereTheLogicalHostStays(String notMastered) throws Exception {
    running();
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-stop.sh"), Map.of(), "testsite", notMastered);
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(List.of(), calls());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cjcpw -stop *", "pmfadm -s *"})
  void stopMethodReportsFailures(String failing) throws Exception {
    running();
    Shell.Result r = run("sh", script("2.2", true, false, "sc22-stop.sh"),
        Map.of("STUB_FAIL", failing, "STUB_KEEP_TAG", "1"), "", "testsite");
    assertEquals(1, r.exitCode(), r.describe());
    List<String> calls = calls();
    assertTrue(calls.get(calls.size() - 1).matches(failing.replace("*", ".*")), calls.toString());
    assertTrue(r.stderr().contains("failed with status 3"), r.describe());
  }

  // --- the guide's own 5.2 samples, for contrast ------------------------------------------

  @Test
  void theGuidesStartSampleNeverStartsTheSite() throws Exception {
    Path sample = Path.of("src/test/resources/lint/guide/sc22-start.sh").toAbsolutePath();
    Shell.Result r = run("sh", sample, Map.of());
    // B6: [ pmfadm -q JobService -ne 0 ] is a test error, so the "already started" branch runs.
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("JobCenter Service Already started."), r.describe());
    assertEquals(List.of(), calls());
  }

  @Test
  void theGuidesStopSampleNeverStopsTheSite() throws Exception {
    running();
    Shell.Result r = run("sh", Path.of("src/test/resources/lint/guide/sc22-stop.sh").toAbsolutePath(), Map.of());
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().contains("JobCenter Service Already stopped."), r.describe());
    assertEquals(List.of(), calls());
  }
}
