package dev.clusterkit.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.fakecluster.FakeAdapter;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade with the third-party adapter that core's tests register in META-INF/services: found,
 * rendered and linted with no change to core.
 */
class ClusterKitTest {
  static final String SPEC =
      """
      apiVersion: clusterkit/v1
      kind: Cluster
      name: jobs
      platform: linux
      nodes:
        - name: node1
        - name: node2
      sites:
        - name: site-b.example.com
          machineId: 12345
          address: 10.192.18.11
          database: /mnt/other-jobdb
          watched: false
          targets:
            fake:
              resourceName: jc_b
              timeout: 1200
        - name: site-a.example.com
          machineId: 200
          address: 10.192.18.10
          database: /mnt/jobdb
          targets:
            fake:
              resourceName: jc_a
      targets:
        fake:
          groupName: jobs
          retries: 5
      """;

  @TempDir Path tmp;

  private ClusterSpec spec(ClusterKit kit) throws Exception {
    Path file = tmp.resolve("cluster.yaml");
    Files.writeString(file, SPEC);
    return kit.loadSpec(file);
  }

  @Test
  void createFindsTheThirdPartyAdapter() {
    ClusterKit kit = ClusterKit.create();
    assertEquals(List.of("fake"), kit.registry().ids());
    assertEquals("Fake Cluster", kit.registry().find("fake").orElseThrow().displayName());
  }

  @Test
  void rendersItsArtifactsUnderItsIdSorted() throws Exception {
    ClusterKit kit = ClusterKit.create();
    List<Artifact> artifacts = kit.render(spec(kit), RenderOptions.ALL);
    assertEquals(
        List.of("fake/README.txt", "fake/site-a/start.sh", "fake/site-b/start.sh"),
        artifacts.stream().map(Artifact::path).toList());

    Artifact readme = artifacts.get(0);
    assertEquals(LineEnding.CRLF, readme.lineEnding());
    assertEquals(FileMode.REGULAR, readme.mode());
    assertArrayEquals(
        ("Cluster group: jobs (mode safe, 5 retries, monitor true)\r\n"
                + "- site-b.example.com: resource jc_b, timeout 1200 s, level low, enabled false\r\n"
                + "- site-a.example.com: resource jc_a, timeout 60 s, level low, enabled false\r\n")
            .getBytes(UTF_8),
        readme.bytes());

    Artifact a = artifacts.get(1);
    assertEquals(FileMode.EXECUTABLE, a.mode());
    assertEquals(
        "#!/bin/sh\n"
            + "# Fake Cluster start script for site-a.example.com (machine ID 200)\n"
            + "ulimit -s 8192\n"
            + "exec /usr/lib/nqs/cluster/cjcpw site-a.example.com /mnt/jobdb\n",
        a.text());
    assertEquals(
        "#!/bin/sh\n"
            + "# Fake Cluster start script for site-b.example.com (machine ID 12345)\n"
            + "ulimit -s 8192\n"
            + "/usr/lib/nqs/cluster/cjcpw -c site-b.example.com /mnt/other-jobdb\n",
        artifacts.get(2).text());
  }

  @Test
  void renderingIsDeterministic() throws Exception {
    ClusterKit kit = ClusterKit.create();
    List<Artifact> first = kit.render(spec(kit), RenderOptions.ALL);
    List<Artifact> second = ClusterKit.create().render(spec(ClusterKit.create()), RenderOptions.ALL);
    assertEquals(first, second);
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).bytes(), second.get(i).bytes(), first.get(i).path());
    }
  }

  @Test
  void aTargetTheSpecDoesNotNameIsRefused() throws Exception {
    ClusterKit kit = ClusterKit.create();
    ClusterSpec spec = spec(kit);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> kit.render(spec, new RenderOptions(List.of("msfc"), Optional.empty())));
    assertEquals("target 'msfc' is not named in the spec (it names [fake])", e.getMessage());
  }

  @Test
  void namingTheTargetRendersIt() throws Exception {
    ClusterKit kit = ClusterKit.create();
    ClusterSpec spec = spec(kit);
    assertEquals(
        kit.render(spec, RenderOptions.ALL),
        kit.render(spec, new RenderOptions(List.of("fake", "fake"), Optional.empty())));
  }

  @Test
  void aTemplateFolderOverridesBundledTemplates() throws Exception {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates.resolve("fake"));
    Files.writeString(templates.resolve("fake/readme.txt.ftl"), "custom [=groupName]\n");
    ClusterKit kit = ClusterKit.create();
    List<Artifact> artifacts = kit.render(spec(kit), new RenderOptions(List.of(), Optional.of(templates)));
    assertEquals("custom jobs\n", artifacts.get(0).text());
    assertTrue(artifacts.get(1).text().startsWith("#!/bin/sh\n"), "other templates stay the bundled ones");
  }

  @Test
  void aBrokenOverrideTemplateIsARenderError() throws Exception {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates.resolve("fake"));
    Files.writeString(templates.resolve("fake/readme.txt.ftl"), "[=missing]\n");
    ClusterKit kit = ClusterKit.create();
    ClusterSpec spec = spec(kit);
    RenderException e =
        assertThrows(RenderException.class, () -> kit.render(spec, new RenderOptions(List.of(), Optional.of(templates))));
    assertTrue(e.getMessage().startsWith("template fake/readme.txt.ftl line 1: "), e.getMessage());
  }

  @Test
  void lintCallsTheAdapterCoreLintsSiteFilesAndOthersAreListedAsSkipped() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("lint"));
    Files.writeString(dir.resolve("a.fake"), "fine\nthis is BAD\n");
    Files.writeString(dir.resolve("b.fake"), "all good\n");
    Files.writeString(dir.resolve("notes.txt"), "BAD but nobody reads me\n");
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/site.conf"), "BOOT_TIMEOUT =200\r\nSTOP_TIMEOUT=20\r\n");
    Files.writeString(dir.resolve("etc/daemon.conf"), "local_daemon=ON\n");
    Files.write(dir.resolve("binary.fake"), new byte[] {(byte) 0xff, (byte) 0xfe, 'B', 'A', 'D'});

    LintReport report = ClusterKit.create().lint(List.of(dir));
    assertEquals(
        List.of(
            dir.resolve("a.fake") + ":2:9 FAK001 error BAD on line 2",
            dir.resolve("etc/daemon.conf") + ":1:14 DCF002 error local_daemon=ON is not SITE or OFF",
            dir.resolve("etc/site.conf") + ":1:13 SCF002 warning blanks in 'BOOT_TIMEOUT =200': JobCenter may"
                + " not read this line as BOOT_TIMEOUT",
            dir.resolve("etc/site.conf") + ":2:14 SCF003 warning STOP_TIMEOUT=20 is not a number from 30 to"
                + " 2147483647; JobCenter uses 30"),
        report.findings().stream().map(Object::toString).toList());
    assertEquals(
        List.of(
            dir.resolve("a.fake").toString(),
            dir.resolve("b.fake").toString(),
            dir.resolve("etc/daemon.conf").toString(),
            dir.resolve("etc/site.conf").toString()),
        report.linted());
    assertEquals(
        List.of(
            new LintReport.Skipped(dir.resolve("binary.fake").toString(),
                "not text: neither UTF-8, UTF-16 nor Shift_JIS (CP932)"),
            new LintReport.Skipped(dir.resolve("notes.txt").toString(), "no linter recognises this kind of file")),
        report.skipped());
    assertTrue(report.hasAtLeast(Severity.ERROR));
  }

  @Test
  void lintingAFileThatDoesNotExistIsAnError() {
    Path missing = tmp.resolve("missing.fake");
    assertThrows(NoSuchFileException.class, () -> ClusterKit.create().lint(List.of(missing)));
  }

  @Test
  void lintSourcesInMemory() {
    LintReport report =
        ClusterKit.create().lintSources(List.of(new SourceFile("x.fake", "BAD\n"), new SourceFile("y.sh", "")));
    assertEquals(List.of("x.fake:1:1 FAK001 error BAD on line 1"), report.findings().stream().map(Object::toString).toList());
    assertEquals(List.of("x.fake"), report.linted());
    assertEquals(List.of(new LintReport.Skipped("y.sh", "no linter recognises this kind of file")), report.skipped());
  }

  @Test
  void theAdapterDeclaresItsRules() {
    assertEquals(List.of(FakeAdapter.NO_BAD), ClusterKit.create().registry().find("fake").orElseThrow().rules());
  }
}
