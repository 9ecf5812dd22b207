package dev.clusterkit.core.runtime;

import static dev.clusterkit.core.runtime.SiteFixture.SITE1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cjcmksite, cjcls and site deletion, run as the commands. */
class SiteMakerTest {
  @TempDir Path tmp;
  SiteFixture fx;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    fx = new SiteFixture(tmp);
    db = tmp.resolve("jobdb");
    Files.createDirectories(db);
  }

  @AfterEach
  void tearDown() throws Exception {
    fx.close();
  }

  @Test
  void cjcmksiteCreatesTheDatabaseTheDaemonConfAndTheLink() throws Exception {
    SiteFixture.Result r = fx.run("cjcmksite", SITE1, "200", db.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.stdout().startsWith("Phase 1: Make NQS spool directories.\n"), r.stdout());
    assertTrue(r.stdout().endsWith("cjcmksite Complete\n"), r.stdout());
    for (String dir : List.of("nqs", "nqs/spool", "nqs/log", "nqs/run", "etc")) {
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(db.resolve(dir))), dir);
    }
    assertEquals("ipaddress=127.0.0.2\n", Files.readString(db.resolve("nqs/daemon.conf")));
    assertEquals(
        List.of("name=site1.example.test", "machine_id=200", "address=127.0.0.2"),
        Files.readAllLines(db.resolve("nqs/site.id")).subList(1, 4));
    assertEquals(db, Files.readSymbolicLink(fx.spool.resolve("7F000002")));
    SiteFixture.Result ls = fx.run("cjcls");
    assertEquals(
        dev.clusterkit.core.site.CjclsTable.format(
            List.of(new dev.clusterkit.core.site.SiteStatus(
                SITE1, java.util.Optional.empty(), db.toString(), fx.spool.resolve("7F000002").toString(), false))),
        ls.stdout());
    assertTrue(ls.stdout().endsWith("site1.example.test  SHUT        " + db + " (" + fx.spool + "/7F000002)  OFF\n"), ls.stdout());
    SiteFixture.Result json = fx.run("cjcls", "--json");
    assertTrue(json.stdout().contains("\"site\": \"site1.example.test\", \"daemonPid\": null"), json.stdout());
  }

  @Test
  void theDefaultSiteRunsAPlaceholderDaemonOnTheNqsPort() throws Exception {
    assertEquals(0, fx.run("cjcmksite", SITE1, "200", db.toString()).exitCode());
    SiteFixture.Watched cjcpw = fx.startWatched(SITE1, db);
    cjcpw.await("all 1 daemons are ready");
    assertTrue(PortKeeper.accepting(new dev.clusterkit.core.site.RelocatableAddress(SiteFixture.ADDRESS1), fx.port));
    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
    assertEquals(0, cjcpw.awaitExit());
  }

  @Test
  void anExistingDatabaseIsRefusedUnlessReplacedAndReplacingKeepsOtherSettings() throws Exception {
    assertEquals(0, fx.run("cjcmksite", SITE1, "200", db.toString()).exitCode());
    Files.writeString(db.resolve("nqs/daemon.conf"), "# mine\nipaddress=10.0.0.1\nother_setting=1\n");

    SiteFixture.Result again = fx.run("cjcmksite", SITE1, "201", db.toString());
    assertEquals(3, again.exitCode(), again.describe());
    assertTrue(again.stderr().contains(db + " already holds a site database of site site1.example.test"), again.describe());
    assertTrue(Files.readString(db.resolve("nqs/site.id")).contains("machine_id=200"), "nothing was touched");

    SiteFixture.Result replaced = fx.run("cjcmksite", "--replace", SITE1, "201", db.toString());
    assertEquals(0, replaced.exitCode(), replaced.describe());
    assertEquals("# mine\nipaddress=127.0.0.2\nother_setting=1\n", Files.readString(db.resolve("nqs/daemon.conf")));
    assertTrue(Files.readString(db.resolve("nqs/site.id")).contains("machine_id=201"));
  }

  @Test
  void aUmaskThatMasks755IsRefused() throws Exception {
    SiteFixture.Result r = fx.runWith(List.of("umask 027"), "cjcmksite", SITE1, "200", db.toString());
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("umask 0027 would mask the permissions 755"), r.describe());
    assertFalse(Files.exists(db.resolve("nqs")));
  }

  @Test
  void namesThatDoNotResolveBothWaysAreRefused() throws Exception {
    SiteFixture.Result alias = fx.run("cjcmksite", "alias.example.test", "200", db.toString());
    assertEquals(3, alias.exitCode(), alias.describe());
    assertTrue(alias.stderr().contains("is an alias: its address 127.0.0.4 resolves back to canonical.example.test"), alias.describe());

    SiteFixture.Result unknown = fx.run("cjcmksite", "nosuch.example.test", "200", db.toString());
    assertEquals(3, unknown.exitCode(), unknown.describe());
    assertTrue(unknown.stderr().contains("does not resolve to an IPv4 address through hosts file"), unknown.describe());

    SiteFixture.Result shortName = fx.run("cjcmksite", "site1", "200", db.toString());
    assertEquals(2, shortName.exitCode(), shortName.describe());
    assertTrue(shortName.stderr().contains("is not fully qualified"), shortName.describe());
  }

  @Test
  void anAddressThatIsNotUpIsRefused() throws Exception {
    Files.writeString(fx.hosts, "192.0.2.10 down.example.test\n", java.nio.file.StandardOpenOption.APPEND);
    SiteFixture.Result r = fx.run("cjcmksite", "down.example.test", "200", db.toString());
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("relocatable address 192.0.2.10 of site down.example.test is not up"), r.describe());
  }

  @Test
  void deleteClearKeepsTheDatabaseAndDeleteEmptiesIt() throws Exception {
    assertEquals(0, fx.run("cjcmksite", SITE1, "200", db.toString()).exitCode());
    SiteFixture.Result clear = fx.run("site-delete", "--clear", SITE1);
    assertEquals(0, clear.exitCode(), clear.describe());
    assertFalse(Files.exists(fx.spool.resolve("7F000002"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.exists(db.resolve("nqs/site.id")));
    assertEquals(5, fx.run("site-delete", "--clear", SITE1).exitCode(), "the site is gone from cjcls");

    assertEquals(0, fx.run("cjcmksite", "--replace", SITE1, "200", db.toString()).exitCode());
    SiteFixture.Result delete = fx.run("site-delete", "--delete", SITE1);
    assertEquals(0, delete.exitCode(), delete.describe());
    assertTrue(Files.isDirectory(db), "the mount point stays");
    try (var left = Files.list(db)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aRunningSiteIsNotDeleted() throws Exception {
    Path site = fx.createSite(SITE1, "db", fx.termDaemons(1));
    assertEquals(0, fx.run("cjcpw", "-c", SITE1, site.toString()).exitCode());
    SiteFixture.Result r = fx.run("site-delete", "--delete", SITE1);
    assertEquals(4, r.exitCode(), r.describe());
    assertTrue(Files.exists(site.resolve("nqs/site.id")));
    assertEquals(0, fx.run("cjcpw", "-stop", SITE1).exitCode());
  }

  @Test
  void cjcpwRefusesAStackBelow8Mb() throws Exception {
    Path site = fx.createSite(SITE1, "db", fx.termDaemons(1));
    SiteFixture.Result r = fx.runWith(List.of("ulimit -s 2048"), "cjcpw", SITE1, site.toString());
    assertEquals(3, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("the stack size limit is 2048 KB; JobCenter on Linux needs at least 8192 KB (guide 4.1.2.1)"), r.describe());
    assertTrue(fx.daemons(site).isEmpty());
  }

  @Test
  void nqsSiteSelectsTheSiteOfNqsstartAndAnUnknownOneNamesTheSites() throws Exception {
    Path site = fx.createSite(SITE1, "db", fx.termDaemons(1));
    fx.env.put("NQS_SITE", "nosuch.example.test");
    SiteFixture.Result unknown = fx.run("nqsstop");
    assertEquals(5, unknown.exitCode(), unknown.describe());
    assertTrue(unknown.stderr().contains("site 'nosuch.example.test' does not exist on this machine; the sites are site1.example.test"), unknown.describe());

    fx.env.put("NQS_SITE", "node1");
    assertEquals(3, fx.run("nqsstop").exitCode(), "the host's own name selects the local site");

    fx.env.put("NQS_SITE", "site1");
    SiteFixture.Result start = fx.run("nqsstart");
    assertEquals(0, start.exitCode(), start.describe());
    assertEquals(1, fx.daemons(site).size());
    assertEquals(0, fx.run("nqsstop").exitCode());
    assertTrue(fx.daemons(site).isEmpty());
  }
}
