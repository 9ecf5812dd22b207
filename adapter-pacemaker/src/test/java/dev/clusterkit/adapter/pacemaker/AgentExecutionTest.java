package dev.clusterkit.adapter.pacemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Runs the generated agent as Pacemaker does (action argument, OCF_RESKEY_* environment) against
 * stub JobCenter commands: cjcls prints the row held in a state file, the watched cjcpw becomes
 * ready after a while and runs until cjcpw -stop marks the site stopped. Each stub records how it
 * was called, from which session, with which stack limit and output.
 */
class AgentExecutionTest {
  private static final String SITE = "testsite.example.com";

  @TempDir Path dir;
  private Path agent;
  private Path stub;
  private Path db;
  private Path nqs;
  private Path state;

  @BeforeEach
  void setUp() throws Exception {
    stub = dir.resolve("stub");
    db = dir.resolve("jobdb");
    nqs = dir.resolve("nqs");
    state = dir.resolve("state");
    Files.createDirectories(stub);
    Files.createDirectories(db);
    Files.createDirectories(nqs.resolve("cluster"));
    Files.writeString(stub.resolve("row"), "SHUT OFF\n");
    writeStub(nqs.resolve("cluster/cjcls"), """
        #!/bin/sh
        echo "cjcls $*" >> "$STUB/calls"
        if [ -n "${STUB_CJCLS_FAIL:-}" ]; then
            echo "cjcls: cannot read the spool root" >&2
            exit 3
        fi
        printf 'SITE-NAME  DAEMON-PID  DB-PATH(LINK)  CJCPW\\n'
        [ -z "${STUB_OTHER:-}" ] || printf '%s\\n' "$STUB_OTHER"
        read -r pid on < "$STUB/row" || exit 0
        [ -n "$pid" ] || exit 0
        printf '%s  %s  %s (/usr/spool/nqs/C0A80A32)  %s\\n' "${STUB_NAME:-testsite.example.com}" "$pid" "${STUB_DB:-%DB%}" "$on"
        """.replace("%DB%", db.toString()));
    writeStub(nqs.resolve("cluster/cjcpw"), """
        #!/bin/sh
        session=$(cut -d' ' -f6 /proc/$$/stat)
        echo "cjcpw $* pid=$$ session=$session stack=$(ulimit -s) out=$(readlink /proc/$$/fd/1)" >> "$STUB/calls"
        case $1 in
        -stop)
            [ -z "${STUB_STOP_HANG:-}" ] || sleep "$STUB_STOP_HANG"
            echo "SHUT OFF" > "$STUB/row"
            exit "${STUB_STOP_EXIT:-0}"
            ;;
        -c)
            echo "4242 OFF" > "$STUB/row"
            exit 0
            ;;
        esac
        case ${STUB_BOOT:-0} in
        fail)
            echo "cjcpw: BOOT_TIMEOUT passed before all daemons were ready"
            exit 1
            ;;
        never)
            echo "SHUT ON" > "$STUB/row"
            exec sleep 300
            ;;
        esac
        sleep "${STUB_BOOT:-0}"
        echo "$$ ON" > "$STUB/row"
        while [ "$(cat "$STUB/row")" != "SHUT OFF" ]; do sleep 0.1; done
        echo "cjcpw: site stopped on request"
        """);
    agent = dir.resolve("jobcenter-site");
    Artifact a = Specs.artifact(Specs.render("guide"), "/jobcenter-site");
    Files.write(agent, a.bytes());
    Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @AfterEach
  void stopStubs() throws IOException {
    // A watched stub cjcpw still running ends when the row says the site stopped.
    Files.writeString(stub.resolve("row"), "SHUT OFF\n");
  }

  private static void writeStub(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Map<String, String> env(String... extra) {
    Map<String, String> env = new HashMap<>();
    env.put("STUB", stub.toString());
    env.put("OCF_ROOT", "/usr/lib/ocf");
    env.put("OCF_RESOURCE_INSTANCE", "jc");
    env.put("OCF_RESKEY_site_name", SITE);
    env.put("OCF_RESKEY_database", db.toString());
    env.put("OCF_RESKEY_install_root", nqs.toString());
    env.put("OCF_RESKEY_state_dir", state.toString());
    env.put("OCF_RESKEY_CRM_meta_timeout", "20000");
    env.put("OCF_RESKEY_CRM_meta_interval", "10000");
    for (int i = 0; i < extra.length; i += 2) {
      env.put(extra[i], extra[i + 1]);
    }
    return env;
  }

  private Shell.Result run(String action, Map<String, String> env) {
    return Shell.run(List.of(agent.toString(), action), env, dir, 60);
  }

  /** Runs the agent through sh -c, for a lower stack limit first. */
  private Shell.Result runAfter(String prefix, String action, Map<String, String> env) {
    return Shell.run(List.of("sh", "-c", prefix + "; exec \"$0\" \"$1\"", agent.toString(), action), env, dir, 60);
  }

  private List<String> calls() throws IOException {
    Path calls = stub.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private List<String> cjcpwCalls() throws IOException {
    return calls().stream().filter(l -> l.startsWith("cjcpw")).toList();
  }

  private void row(String row) throws IOException {
    Files.writeString(stub.resolve("row"), row + "\n");
  }

  @Test
  void metaDataDescribesEveryParameterTheAgentReads() throws Exception {
    Shell.Result r = Shell.run(List.of(agent.toString(), "meta-data"), Map.of(), dir, 30);
    assertEquals(0, r.exitCode(), r.describe());
    TreeSet<String> described = new TreeSet<>();
    Matcher m = Pattern.compile("<parameter name=\"([a-z_]+)\"").matcher(r.stdout());
    while (m.find()) {
      described.add(m.group(1));
    }
    TreeSet<String> read = new TreeSet<>();
    Matcher used = Pattern.compile("OCF_RESKEY_([a-z_]+)").matcher(Files.readString(agent));
    while (used.find()) {
      read.add(used.group(1));
    }
    assertEquals(read, described);
    assertTrue(r.stdout().contains("<action name=\"start\" timeout=\"240s\"/>"), r.stdout());
    assertTrue(r.stdout().contains("<content type=\"string\" default=\"/usr/lib/nqs\"/>"), r.stdout());
  }

  @Test
  void validateAllAcceptsAGoodConfiguration() {
    Shell.Result r = run("validate-all", env());
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("", r.stderr());
  }

  @ParameterizedTest(name = "{0}={1} gives {2}")
  @CsvSource({
      "OCF_RESKEY_site_name, '', 6, parameter site_name is required",
      "OCF_RESKEY_site_name, testsite, 6, is not fully qualified",
      "OCF_RESKEY_database, jobdb, 6, absolute path",
      "OCF_RESKEY_boot_timeout, abc, 6, boot_timeout 'abc' must be a whole number",
      "OCF_RESKEY_stop_timeout, 10, 6, stop_timeout '10' must be a whole number of seconds, 30 or more",
      "OCF_RESKEY_install_root, /nonexistent, 5, /nonexistent/cluster/cjcpw is not an executable file",
      "OCF_RESKEY_port_keeper, 1, 5, nqsportkpr is not an executable file"})
  void validateAllRefusesABadConfiguration(String variable, String value, int code, String reason) {
    Shell.Result r = run("validate-all", env(variable, value));
    assertEquals(code, r.exitCode(), r.describe());
    assertTrue(r.stderr().startsWith("ocf-exit-reason:") && r.stderr().contains(reason), r.describe());
  }

  @ParameterizedTest(name = "cjcls row ''{0}'' gives {1}")
  @CsvSource({
      "4242 ON, 0",
      "SHUT OFF, 7",
      "'', 7",
      "SHUT ON, 1",
      "4242 OFF, 1"})
  void monitorReadsTheSitesRowOfCjcls(String row, int code) throws Exception {
    row(row);
    Shell.Result r = run("monitor", env());
    assertEquals(code, r.exitCode(), r.describe());
    if (code == 1) {
      assertTrue(r.stderr().contains("ocf-exit-reason:site testsite.example.com is half up: "), r.describe());
    }
    assertEquals(List.of(), cjcpwCalls(), "monitor never runs cjcpw");
  }

  @Test
  void monitorFindsTheSiteByShortNameOrDatabaseAndIgnoresOtherSites() throws Exception {
    row("4242 ON");
    assertEquals(0, run("monitor", env("STUB_NAME", "TESTSITE")).exitCode());
    assertEquals(0, run("monitor", env("STUB_NAME", "alias.example.com")).exitCode(), "matched by database");
    assertEquals(7, run("monitor", env("STUB_NAME", "other.example.com", "STUB_DB", "/other/db")).exitCode());
    assertEquals(0, run("monitor", env("STUB_NAME", "alias.example.com", "OCF_RESKEY_database", db + "//")).exitCode(),
        "trailing slashes do not hide the database");
    row("");
    assertEquals(7, run("monitor", env("STUB_OTHER", "other.example.com  77  /other/db (/usr/spool/nqs/0A000001)  ON")).exitCode());
  }

  @Test
  void monitorFailsWhenCjclsFailsAndProbesWithoutJobCenterFindNothing() throws Exception {
    Shell.Result failed = run("monitor", env("STUB_CJCLS_FAIL", "1"));
    assertEquals(1, failed.exitCode(), failed.describe());
    assertTrue(failed.stderr().contains("cjcls: cannot read the spool root"), failed.describe());
    assertEquals(7, run("monitor", env("OCF_RESKEY_install_root", "/nonexistent", "OCF_RESKEY_CRM_meta_interval", "0")).exitCode());
    assertEquals(5, run("monitor", env("OCF_RESKEY_install_root", "/nonexistent")).exitCode());
  }

  @Test
  void startLaunchesTheWatchedCjcpwDetachedAndReturnsOnceTheSiteIsReady() throws Exception {
    Shell.Result r = runAfter("ulimit -S -s 2048", "start", env("STUB_BOOT", "1"));
    assertEquals(0, r.exitCode(), r.describe());
    List<String> cjcpw = cjcpwCalls();
    assertEquals(1, cjcpw.size(), cjcpw.toString());
    Matcher m = Pattern.compile("cjcpw (\\S+) (\\S+) pid=(\\d+) session=(\\d+) stack=(\\S+) out=(\\S+)").matcher(cjcpw.get(0));
    assertTrue(m.matches(), cjcpw.get(0));
    assertEquals(SITE, m.group(1));
    assertEquals(db.toString(), m.group(2));
    assertEquals(m.group(3), m.group(4), "cjcpw leads a session of its own");
    assertEquals("8192", m.group(5), "the stack limit is raised to the 8 MB JobCenter needs");
    assertEquals(state.resolve("jc.log").toString(), m.group(6));
    assertEquals(m.group(3), Files.readString(state.resolve("jc.pid")).strip());
    assertTrue(ProcessHandle.of(Long.parseLong(m.group(3))).map(ProcessHandle::isAlive).orElse(false),
        "cjcpw outlives the start action");
    assertTrue(r.stderr().contains("site testsite.example.com is ready"), r.describe());
    assertEquals(0, run("monitor", env()).exitCode());
  }

  @Test
  void startFailsWhenTheHardStackLimitIsBelowWhatJobCenterNeeds() throws Exception {
    Shell.Result r = runAfter("ulimit -s 2048", "start", env());
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("ocf-exit-reason:cannot raise the stack limit from 2048 KB to the 8192 KB JobCenter needs"), r.describe());
    assertEquals(List.of(), cjcpwCalls());
  }

  @Test
  void startAndStopAreIdempotent() throws Exception {
    assertEquals(0, run("start", env()).exitCode());
    assertEquals(0, run("start", env()).exitCode());
    assertEquals(0, run("monitor", env()).exitCode());
    assertEquals(0, run("stop", env()).exitCode());
    assertEquals(0, run("stop", env()).exitCode());
    assertEquals(7, run("monitor", env()).exitCode());
    List<String> cjcpw = cjcpwCalls().stream().map(l -> l.substring(0, l.indexOf(" pid="))).toList();
    assertEquals(List.of("cjcpw " + SITE + " " + db, "cjcpw -stop " + SITE), cjcpw);
  }

  @Test
  void startOfAHalfUpSiteFailsWithoutStartingAnything() throws Exception {
    row("4242 OFF");
    Shell.Result r = run("start", env());
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("daemons run (pid 4242) but no cjcpw watches them"), r.describe());
    assertEquals(List.of(), cjcpwCalls());
  }

  @Test
  void startFailsWhenCjcpwGivesUp() throws Exception {
    Shell.Result r = run("start", env("STUB_BOOT", "fail"));
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("ocf-exit-reason:cjcpw testsite.example.com exited with code 1 before the site was ready"), r.describe());
    assertTrue(Files.readString(state.resolve("jc.log")).contains("BOOT_TIMEOUT passed"));
  }

  @Test
  void startGivesUpWithinTheOperationTimeout() throws Exception {
    long t0 = System.nanoTime();
    Shell.Result r = run("start", env("STUB_BOOT", "never", "OCF_RESKEY_CRM_meta_timeout", "8000"));
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("ocf-exit-reason:site testsite.example.com was not ready within 3 s (half: cjcpw runs but the daemons are SHUT)"), r.describe());
    assertTrue(seconds < 8, "gave up after " + seconds + " s, inside the 8 s operation timeout");
    // Pacemaker stops a failed start: stop then ends the cjcpw that never got ready.
    assertEquals(0, run("stop", env()).exitCode());
  }

  @Test
  void startRunsThePortKeeperFirstWhenAsked() throws Exception {
    writeStub(nqs.resolve("nqsportkpr"), "#!/bin/sh\necho \"nqsportkpr $*\" >> \"$STUB/calls\"\n");
    assertEquals(0, run("start", env("OCF_RESKEY_port_keeper", "1")).exitCode());
    List<String> order = calls().stream().filter(l -> !l.startsWith("cjcls")).map(l -> l.split(" ")[0] + " " + l.split(" ")[1]).toList();
    assertEquals(List.of("nqsportkpr " + SITE, "cjcpw " + SITE), order);
  }

  @Test
  void startRefusesWhenTheDatabaseIsNotMounted() throws Exception {
    Shell.Result r = run("start", env("OCF_RESKEY_database", dir.resolve("unmounted").toString()));
    assertEquals(1, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("is not a folder on this node: is the shared disk mounted?"), r.describe());
    assertEquals(List.of(), cjcpwCalls());
  }

  @Test
  void stopOfAHalfUpSiteRunsCjcpwStop() throws Exception {
    row("4242 OFF");
    Shell.Result r = run("stop", env());
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(cjcpwCalls().get(0).startsWith("cjcpw -stop " + SITE + " pid="), cjcpwCalls().toString());
  }

  @Test
  void aStopThatHangsIsCutShortKillsTheSupervisorAndFails() throws Exception {
    row("4242 ON");
    Files.createDirectories(state);
    // The supervisor start recorded: a process whose command line names the site.
    Process supervisor = new ProcessBuilder("setsid", "sh", "-c", "sleep 300", SITE).start();
    Files.writeString(state.resolve("jc.pid"), supervisor.pid() + "\n");
    Process unrelated = new ProcessBuilder("sleep", "300").start();
    try {
      long t0 = System.nanoTime();
      Shell.Result r = run("stop", env("STUB_STOP_HANG", "60", "OCF_RESKEY_CRM_meta_timeout", "8000"));
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      assertEquals(1, r.exitCode(), r.describe());
      assertTrue(seconds < 8, "stop took " + seconds + " s of its 8 s");
      assertTrue(r.stderr().contains("cjcpw -stop testsite.example.com still runs after 3 s: killing cjcpw"), r.describe());
      assertTrue(r.stderr().contains("ocf-exit-reason:site testsite.example.com did not stop"), r.describe());
      assertTrue(supervisor.waitFor(10, java.util.concurrent.TimeUnit.SECONDS), "the recorded cjcpw was killed");
      // A PID reused by another program is left alone.
      Files.writeString(state.resolve("jc.pid"), unrelated.pid() + "\n");
      run("stop", env("STUB_STOP_HANG", "60", "OCF_RESKEY_CRM_meta_timeout", "7000"));
      assertTrue(unrelated.isAlive());
    } finally {
      supervisor.destroyForcibly();
      unrelated.destroyForcibly();
    }
  }

  @Test
  void unknownAndMissingActions() {
    assertEquals(3, run("notify", env()).exitCode());
    assertEquals(3, run("promote", env()).exitCode());
    assertEquals(2, Shell.run(List.of(agent.toString()), env(), dir, 30).exitCode());
    Shell.Result usage = run("usage", env());
    assertEquals(0, usage.exitCode());
    assertTrue(usage.stdout().contains("{start|stop|monitor|validate-all|meta-data}"));
  }

  @Test
  void theAgentOfEveryRenderedSpecRunsItsMetaData() throws Exception {
    List<String> names = new ArrayList<>();
    for (String spec : Specs.ALL) {
      Artifact a = Specs.artifact(Specs.render(spec), "/jobcenter-site");
      Path f = dir.resolve(spec + "-agent");
      Files.write(f, a.bytes());
      Shell.Result r = Shell.run(List.of("sh", f.toString(), "meta-data"), Map.of(), dir, 30);
      assertEquals(0, r.exitCode(), r.describe());
      names.add(spec);
    }
    assertFalse(names.isEmpty());
  }
}
