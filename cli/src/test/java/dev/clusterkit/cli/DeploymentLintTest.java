package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linting a whole deployment with the shipped adapters: an unpacked bundle next to its spec, then
 * the same with the mistakes the cross-file rules exist for.
 */
class DeploymentLintTest {
  @TempDir Path tmp;

  private final Path spec = TestSetup.repoRoot().resolve("examples/two-sites.yaml");

  private static ClusterKit kit() {
    return ClusterKit.create(TestSetup.production(), DeploymentLintTest.class.getClassLoader());
  }

  /** The bundle of the example, unpacked, with the spec beside it. */
  private Path unpackedBundle() throws IOException {
    Path zip = tmp.resolve("bundle.zip");
    assertEquals(0, Cli.run("package", spec.toString(), "-o", zip.toString()).exit());
    Path dir = tmp.resolve("deploy");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path out = dir.resolve(e.getName());
        Files.createDirectories(out.getParent());
        Files.copy(in, out);
      }
    }
    Files.copy(spec, dir.resolve("two-sites.yaml"));
    return dir;
  }

  private static List<String> codes(LintReport report) {
    return report.findings().stream().map(f -> Path.of(f.location().file()).getFileName() + ":" + f.location().line()
        + " " + f.code()).toList();
  }

  @Test
  void aFreshBundleWithItsSpecIsCleanAndEveryFileIsRecognised() throws IOException {
    Path dir = unpackedBundle();
    LintReport report = kit().lint(List.of(dir));
    assertEquals(List.of(), report.findings());
    assertEquals(List.of(), report.skipped(), "spec, scripts, notes, site files, runbook and manifest are all known kinds");
  }

  @Test
  void tamperedFilesAreCaughtAcrossFilesAndAgainstTheSpec() throws IOException {
    Path dir = unpackedBundle();
    Path siteDaemonConf = dir.resolve("sites/jcsite1.example.com/nqs/daemon.conf");
    Files.writeString(siteDaemonConf, Files.readString(siteDaemonConf).replace("192.168.10.51", "192.168.10.99"));
    Path stop = dir.resolve("clusterpro-linux/jcsite2.example.com/stop.sh");
    Files.writeString(stop, Files.readString(stop).replace("machine ID 202", "machine ID 201"));
    Path common = dir.resolve("common/rc/daemon.conf");
    Files.writeString(common, "# local_daemon was lost here\n");

    LintReport report = kit().lint(List.of(dir));
    List<String> found = codes(report);
    assertTrue(found.contains("daemon.conf:1 DCF005"), found.toString());
    assertTrue(found.contains("daemon.conf:0 DCF007"), found.toString());
    assertTrue(found.contains("stop.sh:3 XF002"), found.toString());
    assertTrue(found.contains("stop.sh:3 XF007"), found.toString());
    assertEquals(4, found.size(), found.toString());
    Finding xf002 = report.findings().stream().filter(f -> f.code().equals("XF002")).findFirst().orElseThrow();
    assertTrue(xf002.message().startsWith("the note names machine ID '201' but "), xf002.message());
  }

  @Test
  void watchIdsAreUniqueAcrossTheClustersStartBatFiles() throws IOException {
    // CLUSTERPRO for Windows' own rule CPW005 compares every start.bat it is given, whatever the folder.
    Path winSpec = TestSetup.repoRoot().resolve("adapter-clusterpro-windows/src/test/resources/specs/two-sites.yaml");
    Path dir = tmp.resolve("win");
    assertEquals(0, Cli.run("render", winSpec.toString(), "-o", dir.toString()).exit());
    Path east = dir.resolve("clusterpro-windows/jobs-east.batch.example.org/start.bat");
    Path west = dir.resolve("clusterpro-windows/jobs-west.batch.example.org/start.bat");
    String eastId = watchId(east);
    Files.write(west, new String(Files.readAllBytes(west), "windows-31j").replace(watchId(west), eastId)
        .getBytes("windows-31j"));
    LintReport report = kit().lint(List.of(dir));
    assertTrue(codes(report).stream().anyMatch(c -> c.startsWith("start.bat:") && c.endsWith(" CPW005")), codes(report).toString());
  }

  private static String watchId(Path startBat) throws IOException {
    for (String line : new String(Files.readAllBytes(startBat), "windows-31j").split("\r\n")) {
      if (line.startsWith("ARMLOAD ")) {
        return line.split(" ")[1];
      }
    }
    throw new AssertionError("no ARMLOAD in " + startBat);
  }

  @Test
  void theCliLintsTheBundleZipItselfOnlyThroughVerifyBundle() throws IOException {
    Path zip = tmp.resolve("b.zip");
    assertEquals(0, Cli.run("package", spec.toString(), "-o", zip.toString()).exit());
    Cli.Result r = Cli.run("lint", zip.toString());
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().contains("skipped: " + zip + " (a zip archive: check a clusterkit bundle with 'clusterkit verify-bundle')"),
        r.out());
    try (InputStream in = Files.newInputStream(zip)) {
      assertTrue(in.readAllBytes().length > 0);
    }
  }
}
