package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What rendering refuses, with a message naming the field, and the defaults it derives. */
class RenderRulesTest {

  private static String spec(String platform, String sites, String cluster) {
    return """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: rules
        platform: %s
        nodes:
          - name: node1
          - name: node2
        sites:
        %s
        targets:
          serviceguard: %s
        """.formatted(platform, sites.indent(2), cluster);
  }

  private static String site(String name, String db, String address, String settings) {
    return """
        - name: %s
          machineId: %d
          database: %s
          address: %s
          targets:
            serviceguard:
              ipSubnet: 10.0.0.0
              vg: vg%d
              fsName: /dev/vg%d/lvol1
        %s""".formatted(name, Math.abs(name.hashCode() % 1000) + 1, db, address,
            Math.abs(name.hashCode() % 100), Math.abs(name.hashCode() % 100), settings.indent(6));
  }

  private static RenderException refused(String text) {
    return assertThrows(RenderException.class, () -> Specs.render(Specs.parse(text)));
  }

  @Test
  void sitesOnTwoPlatformsAreRefused() {
    String sites = site("a.example.com", "/db/a", "10.0.0.1", "fsType: vxfs")
        + site("b.example.com", "/db/b", "10.0.0.2", "fsType: ext4").replace("  targets:", "  platform: linux\n  targets:");
    RenderException e = refused(spec("hpux", sites, "{}"));
    assertTrue(e.getMessage().contains("sites[1].platform is linux but sites[0] is on hpux"), e.getMessage());
  }

  @Test
  void linuxNeedsAFileSystemType() {
    RenderException e = refused(spec("linux", site("a.example.com", "/db/a", "10.0.0.1", ""), "{}"));
    assertTrue(e.getMessage().contains("sites[0].targets.serviceguard.fsType"), e.getMessage());
  }

  @Test
  void theMountPointMustHoldTheDatabase() {
    RenderException e = refused(spec("hpux", site("a.example.com", "/db/a", "10.0.0.1", "fsDirectory: /db/ab"), "{}"));
    assertTrue(e.getMessage().contains("fsDirectory: '/db/ab' does not hold the site database /db/a"), e.getMessage());
  }

  @Test
  void aHaltTimeoutShorterThanTheSiteStopIsRefused() {
    RenderException e = refused(spec("hpux", site("a.example.com", "/db/a", "10.0.0.1", "serviceHaltTimeout: 120"), "{}"));
    assertTrue(e.getMessage().contains("serviceHaltTimeout: 120 s is shorter than the site's stop (180 s"), e.getMessage());
  }

  @Test
  void failFastWithUnlimitedRestartsIsRefused() {
    RenderException e = refused(spec("hpux",
        site("a.example.com", "/db/a", "10.0.0.1", "serviceFailFast: true\nserviceRestart: unlimited"), "{}"));
    assertTrue(e.getMessage().contains("serviceFailFast"), e.getMessage());
  }

  @Test
  void namesAreUniqueInTheCluster() {
    String sites = site("a.example.com", "/db/a", "10.0.0.1", "serviceName: jcservice")
        + site("b.example.com", "/db/b", "10.0.0.2", "serviceName: jcservice");
    RenderException e = refused(spec("hpux", sites, "{}"));
    assertTrue(e.getMessage().contains("sites[1].targets.serviceguard.serviceName: service name 'jcservice' is already"
        + " used by sites[0]"), e.getMessage());
  }

  @Test
  void theSpecRefusesABadNameOrAHaltTimeoutAboveTheMaximum() {
    SpecException e = assertThrows(SpecException.class, () -> Specs.parse(spec("hpux",
        site("a.example.com", "/db/a", "10.0.0.1", "packageName: -bad\nserviceHaltTimeout: 5000"), "{}")));
    assertTrue(e.getMessage().contains("packageName"), e.getMessage());
    assertTrue(e.getMessage().contains("5000 is not between 0 and 4294"), e.getMessage());
  }

  @Test
  void defaultsDeriveNamesHaltTimeoutAndSgconf() throws Exception {
    String sites = site("a-very-long-first-label-for-a-site-name-here.example.com", "/db/a", "10.0.0.1", "fsType: xfs")
        .replace("  targets:", "  siteConf:\n    stopTimeout: 400\n  targets:");
    List<Artifact> artifacts = Specs.render(Specs.parse(spec("linux", sites, "{}")));
    String conf = Specs.artifact(artifacts, ".conf").text();
    // Cut to Serviceguard's 39 characters.
    assertTrue(conf.contains("\npackage_name                jc_a-very-long-first-label-for-a-site-n\n"), conf);
    assertTrue(conf.contains("\nservice_name                cjcpw_a-very-long-first-label-for-a-sit\n"), conf);
    assertEquals(39, "cjcpw_a-very-long-first-label-for-a-sit".length());
    assertEquals(39, "jc_a-very-long-first-label-for-a-site-n".length());
    assertTrue(conf.contains("\nservice_halt_timeout        460\n"), conf);
    assertTrue(conf.contains("\nexternal_script             /usr/local/cmcluster/conf/jc_a-very-long"), conf);
    assertEquals(1, artifacts.stream().filter(a -> a.path().endsWith(".cntl-fragments.bash")).count());
  }

  @Test
  void packageStyleSelectsTheForms() throws Exception {
    String site = site("a.example.com", "/db/a", "10.0.0.1", "");
    List<String> modular = Specs.render(Specs.parse(spec("hpux", site, "{packageStyle: modular, sgconf: /cluster/conf}")))
        .stream().map(Artifact::path).toList();
    assertEquals(List.of("serviceguard/a.example.com/SETTINGS.txt", "serviceguard/a.example.com/modular/jc_a.conf",
        "serviceguard/a.example.com/modular/jc_a_ext.sh"), modular);
    List<Artifact> legacy = Specs.render(Specs.parse(spec("hpux", site, "{packageStyle: legacy}")));
    assertEquals(List.of("serviceguard/a.example.com/SETTINGS.txt", "serviceguard/a.example.com/legacy/jc_a.ascii",
        "serviceguard/a.example.com/legacy/jc_a.cntl-fragments.ksh"), legacy.stream().map(Artifact::path).toList());
    String settings = Specs.artifact(legacy, "SETTINGS.txt").text();
    assertTrue(!settings.contains("Modular package") && settings.contains("Legacy package"), settings);
  }
}
