package dev.clusterkit.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.fakecluster.FakeAdapter;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.MachineId;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecLoaderTest {
  private static final String FILE = "spec.yaml";

  /** A valid spec; tests change one thing in it. Line numbers are given in the comments. */
  static final String VALID =
      """
      apiVersion: clusterkit/v1
      kind: Cluster
      name: prod-jobs
      platform: linux
      nodes:
        - name: node1.example.com
          localMachineId: 100
        - name: node2.example.com
          localMachineId: 101
      sites:
        - name: site-a.example.com
          machineId: 200
          address: 10.192.18.10
          database: /mnt/jobdb
          targets:
            fake:
              resourceName: jc_a
        - name: site-b.example.com
          machineId: 201
          address: 10.192.18.11
          database: /mnt/other-jobdb
          watched: false
          portKeeper: true
          siteConf:
            bootTimeout: 200
            stopTimeout: 300
            forceKillTime: 5
          targets:
            fake:
              resourceName: jc_b
              timeout: 120
              enabled: true
              level: high
      targets:
        fake:
          groupName: failover-jobs
      """;
  // Lines:  1 apiVersion  4 platform  6 node1  7 localMachineId  11 site-a name  12 machineId
  //        13 address  14 database  15 targets  16 fake  17 resourceName  18 site-b name
  //        19 machineId  20 address  21 database  22 watched  23 portKeeper  24 siteConf
  //        25 bootTimeout  26 stopTimeout  27 forceKillTime  28 targets  29 fake  30 resourceName
  //        31 timeout  32 enabled  33 level  34 targets  35 fake  36 groupName

  /** An adapter for Windows sites only, with no settings. */
  static final class WindowsAdapter implements ClusterAdapter {
    @Override
    public String id() {
      return "winfake";
    }

    @Override
    public String displayName() {
      return "Windows Fake";
    }

    @Override
    public Set<Platform> platforms() {
      return Set.of(Platform.WINDOWS);
    }

    @Override
    public List<Artifact> render(RenderContext context) {
      return List.of();
    }

    @Override
    public boolean recognizes(SourceFile file) {
      return false;
    }

    @Override
    public List<Finding> lint(List<SourceFile> files) {
      return List.of();
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }
  }

  private final SpecLoader loader =
      new SpecLoader(AdapterRegistry.of(List.of(new FakeAdapter(), new WindowsAdapter())));

  private ClusterSpec load(String text) throws SpecException {
    return loader.parse(FILE, text);
  }

  private List<String> errors(String text) {
    return assertThrows(SpecException.class, () -> load(text)).errors().stream()
        .map(SpecError::toString)
        .toList();
  }

  /** The one error a spec has. */
  private String error(String text) {
    List<String> errors = errors(text);
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  private static String change(String text, String from, String to) {
    assertTrue(text.contains(from), "test spec holds " + from);
    return text.replace(from, to);
  }

  private static String valid(String from, String to) {
    return change(VALID, from, to);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aValidSpecLoadsWithDefaultsFilledIn() throws Exception {
    ClusterSpec spec = load(VALID);
    assertEquals("prod-jobs", spec.name());
    assertEquals(FILE, spec.source());
    assertEquals(sha256(VALID.getBytes(StandardCharsets.UTF_8)), spec.sha256());
    assertEquals(
        List.of(
            new NodeSpec("node1.example.com", Optional.of(new MachineId(100))),
            new NodeSpec("node2.example.com", Optional.of(new MachineId(101)))),
        spec.nodes());
    assertEquals(2, spec.sites().size());

    SiteSpec a = spec.sites().get(0);
    assertEquals("site-a.example.com", a.site().name().value());
    assertEquals(200, a.site().machineId().value());
    assertEquals("10.192.18.10", a.site().address().value());
    assertEquals("/mnt/jobdb", a.site().database().value());
    assertEquals(Platform.LINUX, a.site().platform());
    assertEquals("/usr/lib/nqs/cluster/cjcpw", a.site().command(SiteCommand.CJCPW));
    assertTrue(a.watched(), "cjcpw is watched unless the spec says otherwise");
    assertFalse(a.portKeeper(), "no nqsportkpr unless the spec asks");
    assertEquals(SiteConf.DEFAULTS, a.siteConf());
    assertEquals(
        Map.of("resourceName", "jc_a", "timeout", 60, "enabled", false, "level", "low"),
        a.settingsFor("fake").values());

    SiteSpec b = spec.sites().get(1);
    assertFalse(b.watched());
    assertTrue(b.portKeeper());
    assertEquals(new SiteConf(200, 300, 5), b.siteConf());
    assertEquals(
        Map.of("resourceName", "jc_b", "timeout", 120, "enabled", true, "level", "high"),
        b.settingsFor("fake").values());

    assertEquals(List.of("fake"), spec.targetIds());
    assertEquals(
        Map.of("groupName", "failover-jobs", "retries", 3, "monitor", true, "mode", "safe"),
        spec.settingsFor("fake").values());
    Settings s = spec.settingsFor("fake");
    assertEquals("failover-jobs", s.text("groupName"));
    assertEquals(3, s.integer("retries"));
    assertTrue(s.bool("monitor"));
  }

  @Test
  void loadsAFileAndHashesItsBytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, VALID);
    ClusterSpec spec = loader.load(file);
    assertEquals(file.toString(), spec.source());
    assertEquals(sha256(Files.readAllBytes(file)), spec.sha256());
    assertEquals(2, spec.sites().size());
  }

  @Test
  void settingsGivenExplicitlyOverrideDefaults() throws Exception {
    ClusterSpec spec =
        load(valid("    groupName: failover-jobs\n", "    groupName: failover-jobs\n    retries: 0\n    monitor: false\n    mode: fast\n"));
    assertEquals(
        Map.of("groupName", "failover-jobs", "retries", 0, "monitor", false, "mode", "fast"),
        spec.settingsFor("fake").values());
  }

  @Test
  void unknownKeysAreErrorsWithASuggestion() {
    assertEquals(
        "spec.yaml:22:5: unknown key 'wacthed' in sites[1] (allowed: name, machineId, database, address,"
            + " platform, installRoot, watched, portKeeper, siteConf, targets); did you mean 'watched'?",
        error(valid("    watched: false", "    wacthed: false")));
    assertEquals(
        "spec.yaml:25:7: unknown key 'bootTimout' in sites[1].siteConf (allowed: bootTimeout, stopTimeout,"
            + " forceKillTime); did you mean 'bootTimeout'?",
        error(valid("bootTimeout: 200", "bootTimout: 200")));
    assertEquals(
        "spec.yaml:7:5: unknown key 'localMachineID' in a node (allowed: name, localMachineId); did you mean"
            + " 'localMachineId'?",
        error(valid("    localMachineId: 100", "    localMachineID: 100")));
  }

  @Test
  void unknownKeysFarFromAnyGetNoSuggestion() {
    assertEquals(
        "spec.yaml:5:1: unknown key 'colour' in the spec (allowed: apiVersion, kind, name, platform,"
            + " installRoot, nodes, sites, targets)",
        error(valid("nodes:\n", "colour: red\nnodes:\n")));
  }

  @Test
  void unknownSettingsOfAnAdapterAreErrorsWithASuggestion() {
    assertEquals(
        "spec.yaml:31:9: unknown key 'timout' in sites[1].targets.fake (allowed: resourceName, timeout,"
            + " enabled, level); did you mean 'timeout'?",
        error(valid("        timeout: 120", "        timout: 120")));
  }

  @Test
  void wrongTypesAreErrorsAtTheValue() {
    assertEquals(
        "spec.yaml:12:16: sites[0].machineId: expected a whole number but found '200'",
        error(valid("machineId: 200", "machineId: \"200\"")));
    assertEquals(
        "spec.yaml:22:14: sites[1].watched: expected true or false but found 'yes'",
        error(valid("watched: false", "watched: yes")));
    assertEquals(
        "spec.yaml:6:3: nodes: expected a list but found a mapping",
        error(valid("  - name: node1.example.com\n    localMachineId: 100\n  - name: node2.example.com\n    localMachineId: 101\n",
            "  a: 1\n")));
    assertEquals(
        "spec.yaml:13:14: sites[0].address: expected a string but found '10'; write it in quotes",
        error(valid("address: 10.192.18.10", "address: 10")));
  }

  @Test
  void missingRequiredKeysAreErrorsAtTheirMapping() {
    assertEquals(
        "spec.yaml:11:5: missing required key 'database' in sites[0]",
        error(valid("    database: /mnt/jobdb\n", "")));
    assertEquals(
        "spec.yaml:1:1: missing required key 'targets' in the spec",
        error(valid("targets:\n  fake:\n    groupName: failover-jobs\n", "")));
  }

  @Test
  void badValuesAreErrorsAtTheValueWithTheValueTypesMessage() {
    assertEquals(
        "spec.yaml:11:11: sites[0].name: site name 'site-a' is not fully qualified: give the FQDN of the"
            + " relocatable address (e.g. 'site-a.example.com'); cjcmksite refuses short names and aliases"
            + " (guide 2.3.5)",
        error(valid("name: site-a.example.com", "name: site-a")));
    assertEquals(
        "spec.yaml:13:14: sites[0].address: relocatable address '10.192.18.300' is not a dotted IPv4 address"
            + " (four numbers 0-255)",
        error(valid("address: 10.192.18.10", "address: 10.192.18.300")));
    assertEquals(
        "spec.yaml:14:15: sites[0].database: site database path 'mnt/jobdb' must be an absolute POSIX path"
            + " (starting with /)",
        error(valid("database: /mnt/jobdb", "database: mnt/jobdb")));
    assertEquals(
        "spec.yaml:12:16: sites[0].machineId: 0 is not between 1 and 2147483647",
        error(valid("machineId: 200", "machineId: 0")));
    assertEquals(
        "spec.yaml:4:11: platform: platform 'sunos' is not one of hpux, solaris, linux, aix, windows",
        error(valid("platform: linux", "platform: sunos")));
  }

  @Test
  void duplicateYamlKeysAreErrorsAtTheSecondKey() {
    assertEquals(
        "spec.yaml:13:5: key 'machineId' appears twice (first at line 12)",
        error(valid("    machineId: 200\n", "    machineId: 200\n    machineId: 300\n")));
  }

  @Test
  void aSiteMachineIdEqualToANodesLocalMachineIdIsAnError() {
    assertEquals(
        "spec.yaml:12:16: sites[0].machineId: 200 is the local site's machine ID on node node1.example.com;"
            + " a cluster site needs its own (guide 2.3.3)",
        error(valid("localMachineId: 100", "localMachineId: 200")));
  }

  @Test
  void sitesMustNotShareMachineIdsNamesAddressesOrDatabases() {
    assertEquals(
        "spec.yaml:19:16: sites[1]: machine ID 200 is already used by sites[0]; each site needs its own",
        error(valid("machineId: 201", "machineId: 200")));
    assertEquals(
        "spec.yaml:18:11: sites[1]: site name SITE-A.example.com is already used by sites[0]; each site needs"
            + " its own",
        error(valid("name: site-b.example.com", "name: SITE-A.example.com")));
    assertEquals(
        "spec.yaml:20:14: sites[1]: relocatable address 10.192.18.10 is already used by sites[0]; each site"
            + " needs its own",
        error(valid("address: 10.192.18.11", "address: 10.192.18.10")));
    assertEquals(
        "spec.yaml:21:15: sites[1]: site database path /mnt/jobdb is already used by sites[0]; each site needs"
            + " its own",
        error(valid("database: /mnt/other-jobdb", "database: /mnt/jobdb")));
  }

  @Test
  void posixDatabasePathsDifferingInCaseAreDifferent() throws Exception {
    assertEquals(2, load(valid("database: /mnt/other-jobdb", "database: /mnt/JOBDB")).sites().size());
  }

  @Test
  void windowsDatabasePathsDifferingInCaseAreTheSame() {
    String spec =
        """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: win
        platform: windows
        nodes:
          - name: w1
          - name: w2
        sites:
          - name: a.example.com
            machineId: 200
            address: 10.0.0.1
            database: X:\\Jobdb
          - name: b.example.com
            machineId: 201
            address: 10.0.0.2
            database: x:\\JOBDB
        targets:
          winfake:
        """;
    assertEquals(
        "spec.yaml:16:15: sites[1]: site database path x:\\JOBDB is already used by sites[0]; each site needs"
            + " its own",
        error(spec));
  }

  @Test
  void indexesInCrossSiteMessagesAreTheSpecsEvenWhenASiteBeforeFailed() {
    String spec =
        valid("  - name: site-a.example.com\n", "  - name: broken\n  - name: site-a.example.com\n");
    List<String> errors = errors(spec.replace("machineId: 201", "machineId: 200"));
    assertTrue(errors.contains(
        "spec.yaml:20:16: sites[2]: machine ID 200 is already used by sites[1]; each site needs its own"), errors.toString());
  }

  @Test
  void unknownTargetsAreErrorsAtTheirKey() {
    assertEquals(
        "spec.yaml:37:3: targets: unknown target 'clusterpro' (known: fake, winfake)",
        error(VALID + "  clusterpro:\n    x: 1\n"));
  }

  @Test
  void siteSettingsForATargetTheSpecDoesNotNameAreErrors() {
    assertEquals(
        "spec.yaml:18:7: sites[0].targets: 'winfake' is not among the spec's targets (fake)",
        error(valid("        resourceName: jc_a\n", "        resourceName: jc_a\n      winfake:\n        x: 1\n")));
  }

  @Test
  void anAdapterThatDoesNotServeTheSitesPlatformIsAnError() {
    assertEquals(
        List.of(
            "spec.yaml:35:3: targets.fake: Fake Cluster does not run JobCenter on aix (site site-a.example.com);"
                + " it serves [linux, solaris]",
            "spec.yaml:35:3: targets.fake: Fake Cluster does not run JobCenter on aix (site site-b.example.com);"
                + " it serves [linux, solaris]"),
        errors(valid("platform: linux", "platform: aix")));
  }

  @Test
  void aSiteMayOverrideThePlatformAndInstallRoot() throws Exception {
    String spec =
        """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: win
        platform: linux
        nodes:
          - name: w1
          - name: w2
        sites:
          - name: a.example.com
            machineId: 200
            address: 10.0.0.1
            platform: windows
            installRoot: D:\\JobCenter\\SV
            database: X:\\Jobdb
        targets:
          winfake: {}
        """;
    SiteSpec site = load(spec).sites().get(0);
    assertEquals(Platform.WINDOWS, site.site().platform());
    assertEquals("D:\\JobCenter\\SV\\bin\\cluster\\cjcpw", site.site().command(SiteCommand.CJCPW));
    assertEquals("X:\\Jobdb", site.site().database().value());
    assertEquals(
        "spec.yaml:14:15: sites[0].database: site database path '/mnt/jobdb' must be an absolute Windows path"
            + " (like X:\\Jobdb)",
        error(spec.replace("X:\\Jobdb", "/mnt/jobdb")));
  }

  @Test
  void theClusterInstallRootAppliesToEverySiteAndIsReportedOnce() throws Exception {
    ClusterSpec spec = load(valid("platform: linux\n", "platform: linux\ninstallRoot: /opt/jobcenter\n"));
    assertEquals("/opt/jobcenter/cluster/cjcpw", spec.sites().get(1).site().command(SiteCommand.CJCPW));
    assertEquals(
        "spec.yaml:5:14: installRoot: install root 'opt/jobcenter' must be an absolute POSIX path (starting"
            + " with /)",
        error(valid("platform: linux\n", "platform: linux\ninstallRoot: opt/jobcenter\n")));
  }

  @Test
  void aFileThatIsNotUtf8IsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    SpecException e = assertThrows(SpecException.class, () -> loader.load(file));
    assertEquals(List.of(file + ":1:1: the spec is not UTF-8 text"), e.errors().stream().map(SpecError::toString).toList());
  }

  @Test
  void anEmptySpecIsRefused() {
    assertEquals("spec.yaml:1:1: the spec is empty", error(""));
    assertEquals("spec.yaml:1:1: the spec is empty", error("# nothing here\n\n"));
  }

  @Test
  void aSpecThatIsNotAMappingIsRefused() {
    assertEquals("spec.yaml:1:1: spec: expected a mapping but found a list", error("- a\n- b\n"));
  }

  @Test
  void invalidYamlIsAnErrorWithAPosition() {
    List<String> errors = errors("apiVersion: [clusterkit/v1\n");
    assertEquals(1, errors.size());
    assertTrue(errors.get(0).startsWith("spec.yaml:"), errors.get(0));
    assertTrue(errors.get(0).contains("not valid YAML"), errors.get(0));
  }

  @Test
  void severalErrorsAreReportedTogetherInLineOrder() {
    String spec =
        valid("watched: false", "wacthed: false")
            .replace("machineId: 200", "machineId: \"200\"")
            .replace("name: site-b.example.com", "name: site-b")
            .replace("platform: linux", "platform: beos");
    List<String> errors = errors(spec);
    assertEquals(
        List.of("4:11", "12:16", "18:11", "22:5"),
        errors.stream().map(e -> e.split(":")[1] + ":" + e.split(":")[2]).toList(),
        errors.toString());
  }

  @Test
  void stopTimeoutMustExceedForceKillTime() {
    assertEquals(
        "spec.yaml:26:20: sites[1].siteConf: stopTimeout 30 must be greater than forceKillTime 30, or every"
            + " stop is a forced kill (guide 2.1.5)",
        error(valid("stopTimeout: 300", "stopTimeout: 30").replace("forceKillTime: 5", "forceKillTime: 30")));
    assertEquals(
        "spec.yaml:26:22: sites[1].siteConf: stopTimeout 180 must be greater than forceKillTime 500, or every"
            + " stop is a forced kill (guide 2.1.5)",
        error(valid("      stopTimeout: 300\n", "").replace("forceKillTime: 5", "forceKillTime: 500")));
  }

  @Test
  void siteConfValuesHaveTheGuidesRanges() {
    assertEquals(
        "spec.yaml:25:20: sites[1].siteConf.bootTimeout: 10 is not between 30 and 2147483647",
        error(valid("bootTimeout: 200", "bootTimeout: 10")));
    assertEquals(
        "spec.yaml:27:22: sites[1].siteConf.forceKillTime: 0 is not between 1 and 2147483647",
        error(valid("forceKillTime: 5", "forceKillTime: 0")));
    assertEquals(
        "spec.yaml:26:20: sites[1].siteConf.stopTimeout: 2147483648 is not between 30 and 2147483647",
        error(valid("stopTimeout: 300", "stopTimeout: 2147483648")));
  }

  @Test
  void clusterSettingsAreCheckedByType() {
    assertEquals(
        "spec.yaml:36:16: targets.fake.groupName: 'Failover_Jobs' is not valid: lowercase letters, digits and"
            + " hyphens",
        error(valid("groupName: failover-jobs", "groupName: Failover_Jobs")));
    assertEquals(
        "spec.yaml:36:16: targets.fake.groupName: expected a string but found '42'; write it in quotes",
        error(valid("groupName: failover-jobs", "groupName: 42")));
    String base = valid("    groupName: failover-jobs\n", "    groupName: failover-jobs\n    %s\n");
    assertEquals(
        "spec.yaml:37:14: targets.fake.retries: 11 is not between 0 and 10",
        error(base.formatted("retries: 11")));
    assertEquals(
        "spec.yaml:37:14: targets.fake.retries: expected a whole number but found '3'",
        error(base.formatted("retries: \"3\"")));
    assertEquals(
        "spec.yaml:37:14: targets.fake.monitor: expected true or false but found 'yes'",
        error(base.formatted("monitor: yes")));
    assertEquals(
        "spec.yaml:37:11: targets.fake.mode: 'slow' is not one of fast, safe",
        error(base.formatted("mode: slow")));
    assertEquals(
        "spec.yaml:37:10: targets.fake.mode: expected a value but found null",
        error(base.formatted("mode:")));
  }

  @Test
  void requiredClusterSettingsMustBeGiven() {
    assertEquals(
        "spec.yaml:36:5: missing required key 'groupName' in targets.fake (the failover group)",
        error(valid("    groupName: failover-jobs\n", "    retries: 2\n")));
    assertEquals(
        "spec.yaml:35:8: missing required key 'groupName' in targets.fake (the failover group)",
        error(valid("  fake:\n    groupName: failover-jobs\n", "  fake:\n")));
  }

  @Test
  void siteSettingsAreCheckedByType() {
    assertEquals(
        "spec.yaml:31:18: sites[1].targets.fake.timeout: 0 is not between 1 and 3600",
        error(valid("timeout: 120", "timeout: 0")));
    assertEquals(
        "spec.yaml:32:18: sites[1].targets.fake.enabled: expected true or false but found '1'",
        error(valid("enabled: true", "enabled: 1")));
    assertEquals(
        "spec.yaml:33:16: sites[1].targets.fake.level: 'urgent' is not one of low, high",
        error(valid("level: high", "level: urgent")));
  }

  @Test
  void requiredSiteSettingsMustBeGivenEvenWithoutATargetsSection() {
    assertEquals(
        "spec.yaml:11:5: missing required key 'resourceName' in sites[0].targets.fake (the resource)",
        error(valid("    targets:\n      fake:\n        resourceName: jc_a\n", "")));
    assertEquals(
        "spec.yaml:30:9: missing required key 'resourceName' in sites[1].targets.fake (the resource)",
        error(valid("        resourceName: jc_b\n", "")));
  }

  @Test
  void apiVersionAndKindAreChecked() {
    assertEquals(
        "spec.yaml:1:13: apiVersion: 'clusterkit/v2' is not supported; this release reads 'clusterkit/v1'",
        error(valid("clusterkit/v1", "clusterkit/v2")));
    assertEquals(
        "spec.yaml:2:7: kind: 'Site' is not supported; use 'Cluster'",
        error(valid("kind: Cluster", "kind: Site")));
  }

  @Test
  void aClusterHasTwoDistinctNodesAtLeast() {
    assertEquals(
        "spec.yaml:6:3: nodes: a failover cluster needs at least two nodes, found 1",
        error(valid("  - name: node2.example.com\n    localMachineId: 101\n", "")));
    assertEquals(
        "spec.yaml:8:5: nodes: node 'NODE1.example.com' is listed twice (first at line 6)",
        error(valid("name: node2.example.com", "name: NODE1.example.com")));
  }
}
