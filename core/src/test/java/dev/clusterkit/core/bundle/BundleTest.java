package dev.clusterkit.core.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spec.SpecLoader;
import dev.clusterkit.core.spi.AdapterRegistry;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
  /** Renders one script per site and flags a line "BAD" in any file it recognises. */
  static final class ScriptAdapter implements ClusterAdapter {
    static final Rule BAD = new Rule("TST001", Severity.ERROR, "a BAD line", "remove it");

    @Override
    public String id() {
      return "script";
    }

    @Override
    public String displayName() {
      return "Script Cluster";
    }

    @Override
    public Set<Platform> platforms() {
      return Set.of(Platform.LINUX, Platform.WINDOWS);
    }

    @Override
    public List<Artifact> render(RenderContext context) {
      List<Artifact> out = new ArrayList<>();
      for (SiteSpec s : context.spec().sites()) {
        out.add(Artifact.text(s.site().name() + "/start.sh", "#!/bin/sh\n# script\nexec cjcpw " + s.site().name() + "\n",
            StandardCharsets.UTF_8, LineEnding.LF, FileMode.EXECUTABLE));
      }
      return out;
    }

    @Override
    public boolean recognizes(SourceFile file) {
      return file.text().contains("# script");
    }

    @Override
    public List<Finding> lint(List<SourceFile> files) {
      List<Finding> findings = new ArrayList<>();
      for (SourceFile f : files) {
        List<String> lines = f.lines();
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).equals("BAD")) {
            findings.add(BAD.at(f.at(i + 1), "BAD line"));
          }
        }
      }
      return findings;
    }

    @Override
    public List<Rule> rules() {
      return List.of(BAD);
    }
  }

  private static final ClusterKit KIT =
      ClusterKit.create(AdapterRegistry.of(List.of(new ScriptAdapter())), BundleTest.class.getClassLoader());

  private static final String SPEC = """
      apiVersion: clusterkit/v1
      kind: Cluster
      name: bundled
      platform: linux
      nodes:
        - name: node1.example.com
        - name: node2.example.com
      sites:
        - name: testsite.example.com
          machineId: 200
          database: /mnt/jobdb
          address: 10.192.18.10
        - name: winsite.example.com
          platform: windows
          installRoot: 'D:\\JobCenter\\SV'
          machineId: 201
          database: 'X:\\Jobdb'
          address: 10.192.18.11
          siteConf: {bootTimeout: 200, stopTimeout: 300, forceKillTime: 5}
      targets:
        script: {}
      """;

  @TempDir Path dir;

  private static ClusterSpec spec() throws Exception {
    return new SpecLoader(KIT.registry()).parse("bundled.yaml", SPEC);
  }

  private static byte[] zipBytes(String language) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, language), out);
    return out.toByteArray();
  }

  @Test
  void sameSpecGivesTheSameBytesWhateverTheTimeZoneAndLocale() throws Exception {
    byte[] first = zipBytes("en");
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
      Locale.setDefault(Locale.JAPAN);
      assertArrayEquals(first, zipBytes("en"));
      TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
      Locale.setDefault(Locale.GERMANY);
      assertArrayEquals(first, zipBytes("en"));
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  @Test
  void layoutHoldsRenderedSiteAndCommonFilesSortedWithFixedTimes() throws Exception {
    Path zip = dir.resolve("b.zip");
    BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, "en"), zip);
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      z.stream().forEach(e -> {
        names.add(e.getName());
        assertEquals(java.time.LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
      });
      assertEquals("local_daemon=SITE\n", read(z, "common/rc/daemon.conf"));
      assertEquals("ipaddress=10.192.18.10\n", read(z, "sites/testsite.example.com/nqs/daemon.conf"));
      assertEquals("ipaddress=10.192.18.11\r\n", read(z, "sites/winsite.example.com/etc/daemon.conf"));
      assertEquals("BOOT_TIMEOUT=200\r\nSTOP_TIMEOUT=300\r\nFORCEKILL_TIME=5\r\n",
          read(z, "sites/winsite.example.com/etc/site.conf"));
    }
    assertEquals(List.of("RUNBOOK.md", "common/rc/daemon.conf", "manifest.json",
        "script/testsite.example.com/start.sh", "script/winsite.example.com/start.sh",
        "sites/testsite.example.com/nqs/daemon.conf",
        "sites/winsite.example.com/etc/daemon.conf", "sites/winsite.example.com/etc/site.conf"), names);
  }

  @Test
  void zipCarriesUnixModes() throws Exception {
    Shellless.requirePython();
    Path zip = dir.resolve("b.zip");
    BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, "en"), zip);
    String modes = Shellless.zipModes(zip);
    assertTrue(modes.contains("script/testsite.example.com/start.sh 100755"), modes);
    assertTrue(modes.contains("RUNBOOK.md 100644"), modes);
  }

  @Test
  void manifestDescribesEveryOtherFile() throws Exception {
    Bundle bundle = KIT.bundle(spec(), RenderOptions.ALL, "en");
    Artifact manifest = bundle.files().stream().filter(f -> f.path().equals(Bundle.MANIFEST)).findFirst().orElseThrow();
    JsonNode root = new ObjectMapper().readTree(manifest.bytes());
    assertEquals(Version.current(), root.path("clusterkit").asText());
    assertEquals(spec().sha256(), root.path("spec").path("sha256").asText());
    assertEquals("bundled.yaml", root.path("spec").path("file").asText());
    assertEquals(bundle.files().size() - 1, root.path("files").size());
    for (JsonNode f : root.path("files")) {
      Artifact a = bundle.files().stream().filter(x -> x.path().equals(f.path("path").asText())).findFirst().orElseThrow();
      assertEquals(a.bytes().length, f.path("size").asInt());
      assertEquals(BundleBuilder.sha256(a.bytes()), f.path("sha256").asText());
      assertEquals(a.path().endsWith(".sh") ? "0755" : "0644", f.path("mode").asText());
      assertEquals(a.lineEnding().name(), f.path("lineEnding").asText());
    }
    assertFalse(new String(manifest.bytes(), StandardCharsets.UTF_8).contains(System.getProperty("user.name") + "@"));
  }

  @Test
  void runbookGivesThisSpecsCommandsInEnglishAndJapanese() throws Exception {
    Bundle en = KIT.bundle(spec(), RenderOptions.ALL, "en");
    String text = runbook(en);
    assertTrue(text.contains("    /usr/lib/nqs/cluster/cjcmksite testsite.example.com 200 /mnt/jobdb\n"), text);
    assertTrue(text.contains("    /usr/lib/nqs/nqsstop\n"), text);
    assertTrue(text.contains("`ipaddress=10.192.18.10`"), text);
    assertTrue(text.contains("    /usr/lib/nqs/cluster/cjcpw -stop testsite.example.com\n"), text);
    assertTrue(text.contains("\"D:\\JobCenter\\SV\\bin\\cluster\\cjcmksite\" winsite.example.com 201 \"X:\\Jobdb\""), text);
    assertTrue(text.contains("- `script/testsite.example.com/start.sh`"), text);
    assertTrue(text.contains("NQS nqsdaemon"), text);
    String ja = runbook(KIT.bundle(spec(), RenderOptions.ALL, "ja"));
    assertTrue(ja.contains("ローカルサイトの停止"), ja);
    assertTrue(ja.contains("    /usr/lib/nqs/cluster/cjcmksite testsite.example.com 200 /mnt/jobdb\n"), ja);
    assertThrows(IllegalArgumentException.class, () -> KIT.bundle(spec(), RenderOptions.ALL, "fr"));
  }

  @Test
  void verifyAcceptsTheBundleAndCatchesTampering() throws Exception {
    Path zip = dir.resolve("b.zip");
    BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, "en"), zip);
    ClusterKit.BundleReport clean = KIT.verifyBundle(zip);
    assertEquals(List.of(), clean.problems());
    assertEquals(List.of(), clean.lint().findings());
    assertTrue(clean.lint().linted().contains("script/testsite.example.com/start.sh"), clean.lint().linted().toString());

    Path tampered = dir.resolve("t.zip");
    try (ZipFile in = new ZipFile(zip.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tampered))) {
      for (ZipEntry e : in.stream().toList()) {
        byte[] bytes = in.getInputStream(e).readAllBytes();
        if (e.getName().endsWith("testsite.example.com/start.sh")) {
          bytes = (new String(bytes, StandardCharsets.UTF_8) + "BAD\n").getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(e.getName()));
        out.write(bytes);
      }
      out.putNextEntry(new ZipEntry("extra.txt"));
      out.write(1);
    }
    ClusterKit.BundleReport report = KIT.verifyBundle(tampered);
    assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("script/testsite.example.com/start.sh: size")),
        report.problems().toString());
    assertTrue(report.problems().stream().anyMatch(p -> p.contains("SHA-256 differs")), report.problems().toString());
    assertTrue(report.problems().contains("extra.txt: in the bundle but not in the manifest"), report.problems().toString());
    assertEquals(List.of("script/testsite.example.com/start.sh:4 TST001 error BAD line"),
        report.lint().findings().stream().map(Finding::toString).toList());
  }

  @Test
  void writingIsAtomicAndLeavesNoTemporaryFile() throws Exception {
    Path zip = dir.resolve("out/b.zip");
    BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, "en"), zip);
    byte[] before = Files.readAllBytes(zip);
    BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, "ja"), zip);
    assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(zip)), "replaced by the new bundle");
    try (Stream<Path> files = Files.list(zip.getParent())) {
      assertEquals(List.of(zip), files.toList());
    }
    Path folder = Files.createDirectories(dir.resolve("folder.zip"));
    assertThrows(java.io.IOException.class,
        () -> BundleWriter.write(KIT.bundle(spec(), RenderOptions.ALL, "en"), folder));
    assertTrue(Files.isDirectory(folder));
  }

  @Test
  void notAZipIsAClearError() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> KIT.verifyBundle(junk));
    assertTrue(e.getMessage().contains("is not a readable zip file"), e.getMessage());
  }

  private static String runbook(Bundle b) {
    return b.files().stream().filter(f -> f.path().equals(Bundle.RUNBOOK)).findFirst().orElseThrow().text();
  }

  private static String read(ZipFile z, String name) throws Exception {
    return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
  }
}
