package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.spec.SpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What the adapter refuses to render, and that it says which field breaks which rule. */
class RenderChecksTest {
  private static final Path ROOT = Path.of("/usr/lib/nqs");

  private static String refusal(String release, boolean portKeeper, String siteExtra, String settings) throws Exception {
    var spec = Specs.oneSite(ROOT, release, true, portKeeper, siteExtra, settings);
    return assertThrows(RenderException.class, () -> Specs.render(spec)).getMessage();
  }

  @Test
  void portKeeperCannotRunBeforeAGdsStartCommand() throws Exception {
    String message = refusal("3.2", true, "", "");
    assertTrue(message.startsWith("test.yaml: cannot render target suncluster:"), message);
    assertTrue(message.contains("sites[0].portKeeper: true cannot be rendered for Sun Cluster 3.2"), message);
    // Sun Cluster 2.2's start method runs it first, so that release renders.
    assertEquals(4, Specs.render(Specs.oneSite(ROOT, "2.2", true, true, "", "")).size());
  }

  @Test
  void mountPointMustHoldTheDatabase() throws Exception {
    String message = refusal("3.2", false, "", "mountPoint: /mnt/job");
    assertTrue(message.contains("sites[0].targets.suncluster.mountPoint: '/mnt/job' does not hold the site database"
        + " /mnt/jobdb"), message);
  }

  @Test
  void extraPortsAreCheckedForRangeAndRepeats() throws Exception {
    String message = refusal("3.2", false, "", "extraPorts: 70000/tcp,607/tcp");
    assertTrue(message.contains("extraPorts: port 70000/tcp is not between 1 and 65535"), message);
    assertTrue(message.contains("extraPorts: 607/tcp is listed twice"), message);
  }

  @Test
  void timeoutsShorterThanTheSitesAreRefused() throws Exception {
    String message = refusal("3.2", false, """
        siteConf:
          bootTimeout: 240
          stopTimeout: 300
          forceKillTime: 10""", "startTimeout: 240\nstopTimeout: 375");
    assertTrue(message.contains("sites[0].targets.suncluster.startTimeout: 240 s is not above the site's bootTimeout"
        + " of 240 s"), message);
    assertTrue(message.contains("sites[0].targets.suncluster.stopTimeout: GDS gives Stop_command 80% of 375 s, which is"
        + " not above the site's stopTimeout of 300 s"), message);
    // 376 s gives 300.8 s: just enough.
    Specs.render(Specs.oneSite(ROOT, "3.2", false, false, """
        siteConf:
          bootTimeout: 240
          stopTimeout: 300
          forceKillTime: 10""", "startTimeout: 241\nstopTimeout: 376"));
  }

  @Test
  void aMountPointWithACommaIsRefusedForItWouldSplitTheList() throws Exception {
    String message = refusal("3.2", false, "", "mountPoint: /mnt/a,b");
    assertTrue(message.contains("sites[0].targets.suncluster.mountPoint: '/mnt/a,b' holds a comma, which HAStoragePlus"
        + " reads as a separator of FilesystemMountPoints"), message);
  }

  @Test
  void siteTimeoutsTooLongForGdsAreRefusedNotWrappedAround() throws Exception {
    String huge = """
        siteConf:
          bootTimeout: 2147483647
          stopTimeout: 2147483647
          forceKillTime: 10""";
    String message = refusal("3.2", false, huge, "");
    assertTrue(message.contains("startTimeout: the site's bootTimeout of 2147483647 s needs a Start_timeout of"
        + " 2147483707 s, more than the 86400 s clusterkit gives GDS"), message);
    assertTrue(message.contains("stopTimeout: the site's stopTimeout of 2147483647 s needs a Stop_timeout of"
        + " 2684354634 s, more than the 86400 s"), message);
    String sc22 = refusal("2.2", false, huge, "");
    assertTrue(sc22.contains("sites[0].siteConf.stopTimeout: 2147483647 s would need a logical host takeover timeout of"
        + " 4294967415 s for Sun Cluster 2.2"), sc22);
    // The longest STOP_TIMEOUT Sun Cluster 2.2 can take: takeover 2 * (s + 60) + 1 fits in 32 bits.
    var longest = Specs.render(Specs.oneSite(ROOT, "2.2", false, false, huge.replace("stopTimeout: 2147483647",
        "stopTimeout: 1073741763"), ""));
    String hareg = longest.stream().filter(a -> a.path().endsWith("sc22-hareg.txt")).findFirst().orElseThrow().text();
    assertTrue(hareg.contains("STOP_NET=1073741823"), hareg);
    assertTrue(hareg.contains("at least 2147483647 s"), hareg);
  }

  @Test
  void twoSitesMayNotShareAClusterName() throws Exception {
    var spec = Specs.parse("""
        apiVersion: clusterkit/v1
        kind: Cluster
        name: clash
        platform: solaris
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: jobs.east.example.com
            machineId: 301
            database: /shared/east/jobdb
            address: 10.0.0.10
          - name: jobs.west.example.com
            machineId: 302
            database: /shared/west/jobdb
            address: 10.0.0.11
        targets:
          suncluster: {}
        """);
    String message = assertThrows(RenderException.class, () -> Specs.render(spec)).getMessage();
    assertTrue(message.contains("sites[1].targets.suncluster.service: the name 'jc-jobs' is already used by sites[0]"
        + " service"), message);
  }

  @Test
  void onlySolarisSitesAreServed() {
    SpecException e = assertThrows(SpecException.class, () -> Specs.parse("""
        apiVersion: clusterkit/v1
        kind: Cluster
        name: linux
        platform: linux
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: testsite.example.com
            machineId: 200
            database: /mnt/jobdb
            address: 192.168.10.50
        targets:
          suncluster: {}
        """));
    assertTrue(e.getMessage().contains("does not run JobCenter on linux"), e.getMessage());
  }
}
