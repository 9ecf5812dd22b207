package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageCommandTest {
  @TempDir Path tmp;

  private final Path spec = TestSetup.testResource("specs/fake.yaml");

  @Test
  void packsAZipThatVerifiesClean() throws Exception {
    Path zip = tmp.resolve("out/bundle.zip");
    Cli.Result r = Cli.run("package", spec.toString(), "-o", zip.toString());
    assertEquals(0, r.exit(), r.describe());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<String> names = z.stream().map(ZipEntry::getName).toList();
      assertTrue(names.containsAll(List.of("RUNBOOK.md", "manifest.json", "fake-cluster/alpha/start.sh",
          "sites/alpha.example.com/nqs/daemon.conf", "common/rc/daemon.conf")), names.toString());
    }
    Cli.Result verify = Cli.run("verify-bundle", zip.toString());
    assertEquals(0, verify.exit(), verify.describe());
    assertTrue(verify.out().contains("manifest checked"), verify.describe());
  }

  @Test
  void sameSpecGivesTheSameZipAndJapaneseRunbookDiffers() throws Exception {
    Path a = tmp.resolve("a.zip");
    Path b = tmp.resolve("b.zip");
    Path ja = tmp.resolve("ja.zip");
    assertEquals(0, Cli.run("package", spec.toString(), "-o", a.toString()).exit());
    assertEquals(0, Cli.run("package", spec.toString(), "-o", b.toString()).exit());
    assertEquals(0, Cli.run("package", spec.toString(), "-o", ja.toString(), "--lang", "ja").exit());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    try (ZipFile z = new ZipFile(ja.toFile())) {
      String runbook = new String(z.getInputStream(z.getEntry("RUNBOOK.md")).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(runbook.contains("手順書"), runbook);
    }
  }

  @Test
  void tamperedBundleFailsVerification() throws Exception {
    Path zip = tmp.resolve("bundle.zip");
    assertEquals(0, Cli.run("package", spec.toString(), "-o", zip.toString()).exit());
    Path tampered = tmp.resolve("tampered.zip");
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (ZipEntry e : in.stream().toList()) {
        if (!e.getName().equals("RUNBOOK.md")) {
          out.putNextEntry(new ZipEntry(e.getName()));
          out.write(in.getInputStream(e).readAllBytes());
        }
      }
    }
    Cli.Result r = Cli.run("verify-bundle", tampered.toString());
    assertEquals(1, r.exit(), r.describe());
    assertTrue(r.out().contains("RUNBOOK.md: listed in the manifest but missing from the bundle"), r.describe());
  }

  @Test
  void badLanguageOrSpecLeavesTheOldBundleAlone() throws Exception {
    Path zip = tmp.resolve("bundle.zip");
    assertEquals(0, Cli.run("package", spec.toString(), "-o", zip.toString()).exit());
    byte[] before = Files.readAllBytes(zip);
    Cli.Result lang = Cli.run("package", spec.toString(), "-o", zip.toString(), "--lang", "fr");
    assertEquals(2, lang.exit(), lang.describe());
    assertTrue(lang.err().contains("--lang fr is not supported"), lang.describe());
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), "apiVersion: clusterkit/v1\nkind: Cluster\n");
    Cli.Result bad = Cli.run("package", broken.toString(), "-o", zip.toString());
    assertEquals(2, bad.exit(), bad.describe());
    assertArrayEquals(before, Files.readAllBytes(zip));
    try (var files = Files.list(tmp)) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
  }
}
