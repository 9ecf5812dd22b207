package dev.clusterkit.cli;

import static dev.clusterkit.cli.SiteMachine.SITE1;
import static dev.clusterkit.cli.SiteMachine.SITE2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterkit.core.ClusterKit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterkit site ...} through {@link Main#run}, with real daemons. */
class SiteCommandTest {
  @TempDir Path tmp;
  private SiteMachine m;

  @BeforeEach
  void setUp() throws IOException {
    m = new SiteMachine(tmp);
  }

  @AfterEach
  void tearDown() throws IOException {
    m.close();
  }

  /** The rows of {@code site ls --json}. */
  private JsonNode sites() {
    Cli.Result r = m.cli("site", "ls", "--json");
    assertEquals(0, r.exit(), r.describe());
    try {
      return new ObjectMapper().readTree(r.out());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode site(String name) {
    for (JsonNode s : sites()) {
      if (s.get("site").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("site ls does not list " + name + ": " + sites());
  }

  private Path mk(String name, String db, String daemons) throws IOException {
    Path dir = m.db(db);
    Cli.Result r = m.cli("site", "mk", name, "200", dir.toString());
    assertEquals(0, r.exit(), r.describe());
    Files.writeString(dir.resolve("nqs/daemons.conf"), daemons);
    return dir;
  }

  @Test
  void mkThenLsShowsTheSiteShutInTheCjclsLayout() throws IOException {
    Path db = m.db("jobdb");
    Cli.Result mk = m.cli("site", "mk", SITE1, "200", db.toString());
    assertEquals(0, mk.exit(), mk.describe());
    assertTrue(mk.out().contains("cjcmksite Complete"), mk.describe());
    assertTrue(Files.isRegularFile(db.resolve("nqs/daemon.conf")));
    assertTrue(Files.readString(db.resolve("nqs/daemon.conf")).contains("ipaddress=127.0.0.2"));
    Path link = m.spool.resolve("7F000002");
    assertEquals(db, link.resolveSibling(Files.readSymbolicLink(link)));

    Cli.Result ls = m.cli("site", "ls");
    assertEquals(0, ls.exit(), ls.describe());
    assertEquals(List.of("SITE-NAME", "DAEMON-PID", "DB-PATH(LINK)", "CJCPW"), List.of(ls.outLines().get(0).split("\\s+")));
    assertEquals(List.of(SITE1, "SHUT", db.toString(), "(" + link + ")", "OFF"), List.of(ls.outLines().get(1).split("\\s+")));

    JsonNode row = site(SITE1);
    assertEquals(db.toString(), row.get("database").asText());
    assertFalse(row.get("cjcpw").asText().equals("ON"));
  }

  @Test
  void mkRefusesAnExistingDatabaseUnlessToldToReplaceIt() throws IOException {
    Path db = mk(SITE1, "jobdb", m.termDaemons(1));
    Cli.Result again = m.cli("site", "mk", SITE1, "201", db.toString());
    assertEquals(3, again.exit(), again.describe());
    assertTrue(again.err().startsWith("clusterkit site mk: " + db + " already holds a site database of site " + SITE1), again.describe());
    Cli.Result replace = m.cli("site", "mk", "--replace", SITE1, "201", db.toString());
    assertEquals(0, replace.exit(), replace.describe());
    assertTrue(Files.readString(db.resolve("nqs/site.id")).contains("machine_id=201"));
    assertEquals(m.termDaemons(1), Files.readString(db.resolve("nqs/daemons.conf")), "the daemon list is kept");
  }

  @Test
  void unwatchedStartThenStopThenStopAgainIsNotRunning() throws Exception {
    Path db = mk(SITE1, "jobdb", m.termDaemons(3));
    Cli.Result pw = m.cli("site", "pw", "-c", SITE1, db.toString());
    assertEquals(0, pw.exit(), pw.describe());
    JsonNode row = site(SITE1);
    assertTrue(row.get("daemonPid").isNumber(), row.toString());
    assertFalse(row.get("cjcpw").asText().equals("ON"), "pw -c leaves no supervisor");
    long pid = row.get("daemonPid").asLong();
    assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));

    Cli.Result stop = m.cli("site", "stop", SITE1);
    assertEquals(0, stop.exit(), stop.describe());
    SiteMachine.await(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "daemon " + pid + " is gone");
    assertTrue(site(SITE1).get("daemonPid").isNull());

    Cli.Result again = m.cli("site", "stop", SITE1);
    assertEquals(7, again.exit(), again.describe());
    assertEquals("clusterkit site stop: site " + SITE1 + " is not running: no cjcpw and no daemon of it runs\n", again.err());
  }

  @Test
  void watchedSiteRunsInTheForegroundUntilStopAndSurvivesNqsstopNqsstart() throws Exception {
    Path db = mk(SITE1, "jobdb", m.termDaemons(2));
    CompletableFuture<Cli.Result> pw = m.cliInBackground("site", "pw", SITE1, db.toString());
    SiteMachine.await(() -> site(SITE1).get("cjcpw").asText().equals("ON") && site(SITE1).get("daemonPid").isNumber(), "the site runs");

    Cli.Result again = m.cli("site", "pw", SITE1, db.toString());
    assertEquals(4, again.exit(), again.describe());
    assertTrue(again.err().contains("is already running"), again.describe());

    Cli.Result nqsstop = m.cli("site", "nqsstop", SITE1);
    assertEquals(0, nqsstop.exit(), nqsstop.describe());
    JsonNode stopped = site(SITE1);
    assertTrue(stopped.get("daemonPid").isNull(), stopped.toString());
    assertTrue(stopped.get("cjcpw").asText().equals("ON"), "the supervisor stays up after nqsstop");
    assertFalse(pw.isDone(), "nqsstop is not a failure");

    Cli.Result nqsstart = m.cli("site", "nqsstart", SITE1);
    assertEquals(0, nqsstart.exit(), nqsstart.describe());
    assertTrue(site(SITE1).get("daemonPid").isNumber());

    Cli.Result stop = m.cli("site", "stop", SITE1);
    assertEquals(0, stop.exit(), stop.describe());
    Cli.Result done = pw.get(SiteMachine.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(0, done.exit(), done.describe());
    assertTrue(done.out().contains("cjcpw: " + SITE1 + ": all 2 daemons are ready"), done.describe());
    assertTrue(done.out().contains("cjcpw: " + SITE1 + ": cjcpw exits with code 0"), done.describe());
    assertEquals("", done.err());
  }

  @Test
  void aDaemonThatDiesEndsTheForegroundPwWithExitOneAndTheReason() throws Exception {
    m.script("die.sh", "sleep 1\nexit 3\n");
    Path db = mk(SITE1, "jobdb", m.termDaemons(2) + "[dies]\nexec=/bin/sh\narg=" + m.bin.resolve("die.sh") + "\nready=alive 50\n");
    Cli.Result pw = m.cliInBackground("site", "pw", SITE1, db.toString()).get(SiteMachine.WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(1, pw.exit(), pw.describe());
    assertTrue(pw.out().contains("daemon dies (pid "), pw.describe());
    assertTrue(pw.out().contains("exited with code 3: stopping the site so the cluster software fails over"), pw.describe());
    assertEquals("clusterkit site pw: site " + SITE1 + " failed; see " + db.resolve("nqs/log/cjcpw.log") + "\n", pw.err());
    assertTrue(site(SITE1).get("daemonPid").isNull(), "the other daemons were stopped");
  }

  @Test
  void portkeeperHoldsThePortUntilTheDefaultDaemonTakesIt() throws Exception {
    m.env.put("CLUSTERKIT_PORTKEEPER_TIMEOUT", "30");
    Path db = m.db("jobdb");
    Cli.Result mk = m.cli("site", "mk", SITE1, "200", db.toString());
    assertEquals(0, mk.exit(), mk.describe());
    Cli.Result keep = m.cli("site", "portkeeper", SITE1);
    assertEquals(0, keep.exit(), keep.describe());
    assertEquals("nqsportkpr: holding port " + m.port + " on 127.0.0.2 for the site's daemon\n", keep.out());
    assertTrue(accepting(m.port), "the holder has the port when portkeeper returns");

    // The default daemon list runs the placeholder daemon on the NQS port of the site address.
    Cli.Result pw = m.cli("site", "pw", "-c", SITE1, db.toString());
    assertEquals(0, pw.exit(), pw.describe());
    assertTrue(pw.out().contains("nqsportkpr released port " + m.port + " on 127.0.0.2"), pw.describe());
    assertTrue(accepting(m.port));
    Cli.Result stop = m.cli("site", "stop", SITE1);
    assertEquals(0, stop.exit(), stop.describe());
    SiteMachine.await(() -> !accepting(m.port), "the port is free");
  }

  private static boolean accepting(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.2", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void deleteClearKeepsTheDatabaseDeleteEmptiesItAndARunningSiteIsRefused() throws Exception {
    Path db1 = mk(SITE1, "jobdb1", m.termDaemons(1));
    Path db2 = mk(SITE2, "jobdb2", m.termDaemons(1));
    assertEquals(0, m.cli("site", "pw", "-c", SITE1, db1.toString()).exit());
    Cli.Result running = m.cli("site", "delete", "--clear", SITE1);
    assertEquals(4, running.exit(), running.describe());
    assertTrue(running.err().contains("is running: stop it"), running.describe());
    assertEquals(0, m.cli("site", "stop", SITE1).exit());

    Cli.Result clear = m.cli("site", "delete", "--clear", SITE1);
    assertEquals(0, clear.exit(), clear.describe());
    assertTrue(Files.isRegularFile(db1.resolve("nqs/site.id")), "clear keeps the database");
    Cli.Result delete = m.cli("site", "delete", "--delete", SITE2);
    assertEquals(0, delete.exit(), delete.describe());
    assertTrue(Files.isDirectory(db2), "the folder (a mount point) stays");
    try (var left = Files.list(db2)) {
      assertEquals(0, left.count(), "delete empties it");
    }
    assertEquals(0, sites().size());

    Cli.Result unknown = m.cli("site", "stop", SITE1);
    assertEquals(5, unknown.exit(), unknown.describe());
    assertEquals("clusterkit site stop: site '" + SITE1 + "' does not exist on this machine; there is no cluster site\n", unknown.err());
  }

  @Test
  void anUnknownSiteIsNamedWithTheSitesThatExist() throws IOException {
    mk(SITE1, "jobdb", m.termDaemons(1));
    Cli.Result r = m.cli("site", "nqsstart", "nosuch.example.test");
    assertEquals(5, r.exit(), r.describe());
    assertEquals(
        "clusterkit site nqsstart: site 'nosuch.example.test' does not exist on this machine; the sites are " + SITE1 + "\n",
        r.err());
  }

  @Test
  void badArgumentsAreUsageErrorsNamingTheRule() {
    Cli.Result shortName = m.cli("site", "mk", "site1", "200", "/tmp/x");
    assertEquals(2, shortName.exit(), shortName.describe());
    assertTrue(shortName.err().startsWith("clusterkit site mk: Invalid value for positional parameter at index 0 (SITE): site name 'site1' is not fully qualified"), shortName.describe());

    Cli.Result id = m.cli("site", "mk", SITE1, "two", "/tmp/x");
    assertEquals(2, id.exit(), id.describe());
    assertTrue(id.err().contains("machine ID 'two' is not a whole number"), id.describe());

    Cli.Result noMode = m.cli("site", "delete", SITE1);
    assertEquals(2, noMode.exit(), noMode.describe());
    assertTrue(noMode.err().contains("--clear") && noMode.err().contains("--delete"), noMode.describe());
    Cli.Result bothModes = m.cli("site", "delete", "--clear", "--delete", SITE1);
    assertEquals(2, bothModes.exit(), bothModes.describe());
    assertTrue(bothModes.err().contains("mutually exclusive"), bothModes.describe());

    Cli.Result noSub = m.cli("site");
    assertEquals(2, noSub.exit(), noSub.describe());
    assertTrue(noSub.err().contains("Missing required subcommand"), noSub.describe());
  }

  @Test
  void aWrongClusterkitVariableIsAUsageErrorNamingIt() {
    m.env.put("CLUSTERKIT_NQS_PORT", "seven");
    Cli.Result r = m.cli("site", "ls");
    assertEquals(2, r.exit(), r.describe());
    assertEquals(
        "clusterkit site ls: CLUSTERKIT_NQS_PORT='seven' is not a whole number\n", r.err());
  }

  @Test
  void nqsstartWithoutSiteAndWithoutNqsSiteIsRefused() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NQS_SITE") == null, "NQS_SITE is set in this environment");
    mk(SITE1, "jobdb", m.termDaemons(1));
    Cli.Result r = m.cli("site", "nqsstart");
    assertEquals(3, r.exit(), r.describe());
    assertTrue(r.err().startsWith("clusterkit site nqsstart: nqsstart without SITE works on the site NQS_SITE names"), r.describe());
  }

  @Test
  void theSiteCommandsAreListedWithTheirExitCodes() {
    StringWriter out = new StringWriter();
    int exit = Main.run(ClusterKit::create, new PrintWriter(out), new PrintWriter(new StringWriter()), "site", "--help");
    assertEquals(0, exit);
    for (String sub : List.of("mk", "pw", "stop", "ls", "nqsstart", "nqsstop", "portkeeper", "delete", "install-shims", "agent")) {
      assertTrue(out.toString().contains("\n  " + sub + " "), sub + " is missing from:\n" + out);
    }
    assertTrue(out.toString().contains("  7  the site is not running"), out.toString());
  }
}
