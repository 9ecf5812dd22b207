package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.spec.SpecException;
import org.junit.jupiter.api.Test;

/** What the adapter refuses to render, and how it says so. */
class MsfcRenderChecksTest {

  @Test
  void aPendingTimeoutNotLongerThanStopTimeoutIsRefused() throws Exception {
    var spec = Specs.parse(Specs.oneSite("2019",
        "siteConf:\n  bootTimeout: 200\n  stopTimeout: 300", "pendingTimeout: 300", ""));
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(spec));
    assertEquals("msfc: sites[0] (jcgpkg.example.com): targets.msfc.pendingTimeout 300 s is not longer than the"
        + " site's STOP_TIMEOUT of 300 s (siteConf.stopTimeout): MSFC would terminate the resource while cjcpw is"
        + " still within its own limit; set pendingTimeout above 300 or lower the site's timeouts", e.getMessage());
  }

  @Test
  void msfcsOwnDefaultOf180SecondsIsRefusedAgainstJobCentersDefaults() throws Exception {
    var spec = Specs.parse(Specs.oneSite("2008", "", "pendingTimeout: 180", ""));
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(spec));
    assertTrue(e.getMessage().contains("pendingTimeout 180 s is not longer than the site's BOOT_TIMEOUT of 180 s"
        + " (siteConf.bootTimeout)"), e.getMessage());
  }

  @Test
  void aPendingTimeoutLongerThanBothRenders() throws Exception {
    var spec = Specs.parse(Specs.oneSite("2019",
        "siteConf:\n  bootTimeout: 200\n  stopTimeout: 300", "pendingTimeout: 301", ""));
    String setup = Specs.artifact(Specs.render(spec), "setup.ps1").text();
    assertTrue(setup.contains(".PendingTimeout = 301000\n"), setup);
  }

  @Test
  void twoSitesMayNotShareAResourceOrADisk() throws Exception {
    String text = """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: two
        platform: windows
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: east.example.com
            machineId: 301
            database: 'E:\\Jobdb'
            address: 10.0.0.10
          - name: west.example.com
            machineId: 302
            database: 'F:\\Jobdb'
            address: 10.0.0.11
            targets:
              msfc:
                resource: jobcentercluster
        targets:
          msfc:
            windowsServer: "2012r2"
        """;
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(Specs.parse(text)));
    assertTrue(e.getMessage().contains("sites[1] (west.example.com): targets.msfc.resource: resource"
        + " 'jobcentercluster' is already used by sites[0] (east.example.com); give each site its own"), e.getMessage());
    assertTrue(e.getMessage().contains("targets.msfc.disk: cluster disk (a disk belongs to one role) 'Cluster Disk 1'"
        + " is already used by sites[0]"), e.getMessage());
  }

  @Test
  void theResourceDllScriptsNeedOneInstallRoot() throws Exception {
    String text = """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: two
        platform: windows
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: east.example.com
            machineId: 301
            database: 'E:\\Jobdb'
            address: 10.0.0.10
            targets:
              msfc: {resource: east, disk: disk east, role: east}
          - name: west.example.com
            machineId: 302
            database: 'F:\\Jobdb, old'
            address: 10.0.0.11
            installRoot: 'D:\\JobCenter\\SV'
            targets:
              msfc: {resource: west, disk: disk west, role: west}
        targets:
          msfc:
            windowsServer: "2008"
        """;
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(Specs.parse(text)));
    assertTrue(e.getMessage().contains("sites[1] (west.example.com): installRoot 'D:\\JobCenter\\SV' differs from"
        + " 'C:\\JobCenter\\SV' of sites[0] (east.example.com)"), e.getMessage());
    assertTrue(e.getMessage().contains("database 'F:\\Jobdb, old' holds a comma"), e.getMessage());
  }

  @Test
  void anUpgradeMustGoForward() throws Exception {
    var spec = Specs.parse(Specs.oneSite("2019", "", "", "upgradeFrom: R13.1\nupgradeTo: R12.10"));
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(spec));
    assertEquals("msfc: targets.msfc.upgradeTo R12.10 is not later than upgradeFrom R13.1", e.getMessage());
  }

  @Test
  void releasesAreComparedByNumber() throws Exception {
    String dll = Specs.artifact(Specs.render(Specs.parse(Specs.oneSite("2008", "", "",
        "upgradeFrom: R12.9\nupgradeTo: R12.10"))), "UPGRADE.txt").text();
    assertTrue(dll.contains("Rolling upgrade (guide 6.3)"), dll);
    String crossing = Specs.artifact(Specs.render(Specs.parse(Specs.oneSite("2008", "", "",
        "upgradeFrom: R12.7\nupgradeTo: R12.8"))), "UPGRADE.txt").text();
    assertTrue(crossing.contains("Upgrade with the groups stopped (guide 6.4)"), crossing);
    String before = Specs.artifact(Specs.render(Specs.parse(Specs.oneSite("2008", "", "",
        "upgradeFrom: R12.6\nupgradeTo: R12.7"))), "UPGRADE.txt").text();
    assertTrue(before.contains("Rolling upgrade (guide 6.3)"), before);
  }

  @Test
  void theWindowsReleaseIsRequiredAndChecked() {
    SpecException missing = assertThrows(SpecException.class, () -> Specs.parse(Specs.oneSite("2019", "", "", "")
        .replace("    windowsServer: \"2019\"\n", "    {}\n")));
    assertTrue(missing.getMessage().contains("missing required key 'windowsServer' in targets.msfc"),
        missing.getMessage());
    SpecException wrong = assertThrows(SpecException.class, () -> Specs.parse(Specs.oneSite("2000", "", "", "")));
    assertTrue(wrong.getMessage().contains("'2000' is not one of 2003, 2008, 2008r2, 2012"), wrong.getMessage());
  }

  @Test
  void onlyWindowsSitesCanBeRendered() {
    String text = Specs.oneSite("2019", "platform: linux", "", "").replace("'Y:\\Jobdb'", "/mnt/jobdb");
    SpecException e = assertThrows(SpecException.class, () -> Specs.parse(text));
    assertTrue(e.getMessage().contains("Microsoft Failover Clustering does not run JobCenter on linux"), e.getMessage());
  }
}
