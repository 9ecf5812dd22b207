package dev.clusterkit.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteDatabasePath;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.site.SiteSelection;
import dev.clusterkit.core.site.SiteStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installed-JobCenter implementation against fake commands that print recorded outputs. */
class InstalledSiteControlTest {
  static final String GUIDE_CJCLS =
      "SITE-NAME\tDAEMON-PID\tDB-PATH(LINK)\tCJCPW\n"
          + "testsite\t1320\t/mnt/jobdb (/usr/spool/nqs/0AC0120A)\tON\n"
          + "othersite\tSHUT\t/mnt/other-jobdb (/usr/spool/nqs/0AC0120B)\tOFF\n";

  @TempDir Path tmp;
  Path root;
  Path calls;
  InstalledSiteControl control;

  @BeforeEach
  void setUp() throws Exception {
    root = tmp.resolve("nqs");
    calls = tmp.resolve("calls");
    Files.createDirectories(root.resolve("cluster"));
    control = new InstalledSiteControl(new InstallLayout(Platform.LINUX, root.toString()), "node1.example.com", Duration.ofSeconds(30));
  }

  /** A fake command: records its arguments, prints {@code output}, exits with {@code code}. */
  void fake(String relative, String output, int code) throws Exception {
    Path out = tmp.resolve(relative.replace('/', '_') + ".out");
    Files.writeString(out, output);
    Path cmd = root.resolve(relative);
    Files.writeString(cmd, "#!/bin/sh\necho \"" + relative + " $*\" >> '" + calls + "'\ncat '" + out + "'\nexit " + code + "\n");
    Files.setPosixFilePermissions(cmd, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void listParsesTheCjclsTable() throws Exception {
    fake("cluster/cjcls", GUIDE_CJCLS, 0);
    List<SiteStatus> sites = control.list();
    assertEquals(2, sites.size());
    assertEquals(new SiteStatus("testsite", Optional.of(1320L), "/mnt/jobdb", "/usr/spool/nqs/0AC0120A", true), sites.get(0));
    assertEquals(Optional.empty(), sites.get(1).daemonPid());
  }

  @Test
  void malformedCjclsOutputIsATypedErrorNamingTheCommandAndLine() throws Exception {
    fake("cluster/cjcls", "SITE-NAME DAEMON-PID DB-PATH(LINK) CJCPW\ntestsite 1320 /mnt/jobdb ON\n", 0);
    SiteControlException.BadOutput e = assertThrows(SiteControlException.BadOutput.class, control::list);
    assertEquals(root + "/cluster/cjcls: line 2: 'testsite 1320 /mnt/jobdb ON' is not 'SITE-NAME PID|SHUT DB-PATH (LINK) ON|OFF'", e.getMessage());

    fake("cluster/cjcls", "cjcls: cannot open /usr/spool/nqs\n", 0);
    assertThrows(SiteControlException.BadOutput.class, control::list);
  }

  @Test
  void commandsGetTheJobCenterArgumentsAndFailuresCarryTheOutput() throws Exception {
    fake("cluster/cjcpw", "", 0);
    fake("nqsstart", "", 0);
    fake("nqsstop", "", 0);
    fake("nqsportkpr", "", 0);
    SiteName site = new SiteName("testsite.example.com");
    control.startUnwatched(site, new SiteDatabasePath("/mnt/jobdb", Platform.Family.POSIX));
    control.stop(site);
    control.startDaemons(site);
    control.stopDaemons(site);
    control.keepPort("testsite.example.com");
    assertEquals(
        List.of(
            "cluster/cjcpw -c testsite.example.com /mnt/jobdb",
            "cluster/cjcpw -stop testsite.example.com",
            "nqsstart testsite.example.com",
            "nqsstop testsite.example.com",
            "nqsportkpr testsite.example.com"),
        Files.readAllLines(calls));

    fake("cluster/cjcpw", "cjcpw: site not running\n", 1);
    SiteControlException.CommandFailed e = assertThrows(SiteControlException.CommandFailed.class, () -> control.stop(site));
    assertEquals(1, e.commandExitCode());
    assertEquals(root + "/cluster/cjcpw -stop testsite.example.com exited with code 1: cjcpw: site not running", e.getMessage());
  }

  @Test
  void runWatchedReturnsCjcpwsExitCode() throws Exception {
    fake("cluster/cjcpw", "daemon died\n", 3);
    SiteControl.SiteExit exit =
        control.runWatched(new SiteName("testsite.example.com"), new SiteDatabasePath("/mnt/jobdb", Platform.Family.POSIX));
    assertEquals(3, exit.exitCode());
    assertEquals("cjcpw exited with code 3: daemon died", exit.reason());
  }

  @Test
  void createRunsCjcmksiteAndFindsTheNewSiteInCjcls() throws Exception {
    fake("cluster/cjcmksite", "Phase 1: Make NQS spool directories.\ncjcmksite Complete\n", 0);
    fake("cluster/cjcls", GUIDE_CJCLS, 0);
    SiteStatus s =
        control.create(
            new SiteName("testsite.example.com"), new MachineId(200), new SiteDatabasePath("/mnt/jobdb", Platform.Family.POSIX), false);
    assertEquals("testsite", s.name());
    assertEquals("cluster/cjcmksite testsite.example.com 200 /mnt/jobdb", Files.readAllLines(calls).get(0));
  }

  @Test
  void nqsSiteIsResolvedAgainstTheInstalledSites() throws Exception {
    fake("cluster/cjcls", GUIDE_CJCLS, 0);
    assertEquals(new SiteSelection.Local("node1.example.com"), control.resolve(Optional.of("node1")));
    assertTrue(control.resolve(Optional.of("othersite")) instanceof SiteSelection.Cluster c && c.site().name().equals("othersite"));
    SiteControlException.UnknownSite e = assertThrows(SiteControlException.UnknownSite.class, () -> control.resolve(Optional.of("x")));
    assertEquals(List.of("othersite", "testsite"), e.known());
  }

  @Test
  void aMissingCommandIsACommandFailure() {
    SiteControlException.CommandFailed e = assertThrows(SiteControlException.CommandFailed.class, control::list);
    assertTrue(e.getMessage().startsWith(root + "/cluster/cjcls could not be run"), e.getMessage());
  }
}
