package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  @TempDir Path tmp;

  private final Path spec = TestSetup.testResource("specs/fake.yaml");

  @Test
  void writesEveryArtifactAndPrintsOneLinePerFile() throws IOException {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("render", spec.toString(), "-o", out.toString());

    assertEquals(0, r.exit(), r.describe());
    assertEquals("", r.err());
    Map<String, String> files = tree(out);
    assertEquals(
        List.of("fake-cluster/alpha/notes.txt", "fake-cluster/alpha/start.sh",
            "fake-cluster/beta/notes.txt", "fake-cluster/beta/start.sh"),
        List.copyOf(files.keySet()));
    assertEquals(
        files.keySet().stream().map(p -> out.resolve(p).toString()).toList(), r.outLines());
    assertTrue(files.get("fake-cluster/beta/start.sh").contains("exec /usr/lib/nqs/cluster/cjcpw beta.example.com /mnt/beta"));
    assertTrue(files.get("fake-cluster/beta/notes.txt").contains("resource exec-beta"));
    assertTrue(files.get("fake-cluster/alpha/notes.txt").contains("resource exec-jobcenter"), "site default");
    assertEquals("rwxr-xr-x", permissions(out.resolve("fake-cluster/alpha/start.sh")));
    assertEquals("rw-r--r--", permissions(out.resolve("fake-cluster/alpha/notes.txt")));
  }

  @Test
  void sameSpecGivesSameBytes() throws IOException {
    Cli.run("render", spec.toString(), "-o", tmp.resolve("a").toString());
    Cli.run("render", spec.toString(), "-o", tmp.resolve("b").toString());
    assertEquals(tree(tmp.resolve("a")), tree(tmp.resolve("b")));
    assertEquals(
        Files.getLastModifiedTime(tmp.resolve("a/fake-cluster/alpha/start.sh")),
        Files.getLastModifiedTime(tmp.resolve("b/fake-cluster/alpha/start.sh")));
  }

  @Test
  void writesIntoAnEmptyExistingFolder() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Cli.Result r = Cli.run("render", spec.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.describe());
    assertEquals(4, tree(out).size());
  }

  @Test
  void refusesANonEmptyFolderAndLeavesItUntouched() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "mine\n");
    Map<String, String> before = listing(tmp);

    Cli.Result r = Cli.run("render", spec.toString(), "-o", out.toString());

    assertEquals(2, r.exit(), r.describe());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().contains("is not empty; use --force"), r.err());
    assertEquals(before, listing(tmp), "nothing written, no staging folder left");
  }

  @Test
  void forceReplacesTheFolderContent() throws IOException {
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old\n");

    Cli.Result r = Cli.run("render", spec.toString(), "-o", out.toString(), "--force");

    assertEquals(0, r.exit(), r.describe());
    assertFalse(Files.exists(out.resolve("old.txt")));
    assertEquals(4, tree(out).size());
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(out), siblings.toList(), "no staging or backup folder left");
    }
  }

  @Test
  void brokenSpecGivesEveryErrorWithItsPositionAndExit2() throws IOException {
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, Files.readString(spec)
        .replace("name: alpha.example.com", "name: alpha")
        .replace("    address: 10.0.0.12", "    adress: 10.0.0.12"));
    Path out = tmp.resolve("out");

    Cli.Result r = Cli.run("render", broken.toString(), "-o", out.toString());

    assertEquals(2, r.exit(), r.describe());
    assertEquals("", r.out());
    List<String> lines = r.errLines();
    assertTrue(lines.size() >= 2, r.describe());
    for (String line : lines) {
      assertTrue(line.matches(java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: .+"), line);
    }
    assertTrue(r.err().contains(broken + ":9:11: sites[0].name: site name 'alpha' is not fully qualified"), r.err());
    assertTrue(r.err().contains(":16:5: unknown key 'adress' in sites[1]"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertFalse(Files.exists(out));
  }

  @Test
  void verboseDoesNotTurnSpecErrorsIntoStackTraces() throws IOException {
    Path broken = tmp.resolve("broken.yaml");
    Files.writeString(broken, "apiVersion: clusterkit/v1\n");
    Cli.Result r = Cli.run("--verbose", "render", broken.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(2, r.exit(), r.describe());
    assertTrue(r.errLines().stream().allMatch(l -> l.startsWith(broken + ":")), r.describe());
  }

  @Test
  void missingSpecIsOneLineAndExit2() {
    Cli.Result r = Cli.run("render", tmp.resolve("nope.yaml").toString(), "-o", tmp.resolve("out").toString());
    assertEquals(2, r.exit(), r.describe());
    assertEquals(List.of("clusterkit render: " + tmp.resolve("nope.yaml") + ": no such file or folder"), r.errLines());
  }

  @Test
  void targetNotInTheSpecIsRefused() {
    Cli.Result r = Cli.run("render", spec.toString(), "-o", tmp.resolve("out").toString(), "--target", "serviceguard");
    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().contains("--target serviceguard is not named in"), r.err());
    assertTrue(r.err().contains("(it names fake-cluster)"), r.err());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  @Test
  void targetNamedInTheSpecIsRendered() throws IOException {
    Cli.Result r = Cli.run("render", spec.toString(), "-o", tmp.resolve("out").toString(), "--target", "fake-cluster");
    assertEquals(0, r.exit(), r.describe());
    assertEquals(4, tree(tmp.resolve("out")).size());
  }

  @Test
  void userTemplatesOverrideTheBundledOnes() throws IOException {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates.resolve("fake-cluster"));
    Files.writeString(templates.resolve("fake-cluster/notes.txt.ftl"), "custom notes for [=siteName]\n");

    Cli.Result r = Cli.run("render", spec.toString(), "-o", tmp.resolve("out").toString(),
        "--templates", templates.toString());

    assertEquals(0, r.exit(), r.describe());
    Map<String, String> files = tree(tmp.resolve("out"));
    assertEquals("custom notes for alpha.example.com\n", files.get("fake-cluster/alpha/notes.txt"));
    assertTrue(files.get("fake-cluster/alpha/start.sh").startsWith("#!/bin/sh\n"), "not overridden: bundled");
  }

  @Test
  void brokenUserTemplateFailsWithoutTouchingTheOutput() throws IOException {
    Path templates = tmp.resolve("templates");
    Files.createDirectories(templates.resolve("fake-cluster"));
    Files.writeString(templates.resolve("fake-cluster/notes.txt.ftl"), "[=noSuchValue]\n");
    Path out = Files.createDirectory(tmp.resolve("out"));
    Files.writeString(out.resolve("old.txt"), "old\n");

    Cli.Result r = Cli.run("render", spec.toString(), "-o", out.toString(), "--force",
        "--templates", templates.toString());

    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().startsWith("clusterkit render: cannot render: template fake-cluster/notes.txt.ftl line 1"), r.err());
    assertEquals(Map.of("old.txt", "old\n"), listing(out));
    try (Stream<Path> siblings = Files.list(tmp)) {
      assertEquals(List.of(out, templates), siblings.sorted().toList(), "no staging folder left");
    }
  }

  @Test
  void missingTemplateFolderIsExit2() {
    Cli.Result r = Cli.run("render", spec.toString(), "-o", tmp.resolve("out").toString(),
        "--templates", tmp.resolve("nowhere").toString());
    assertEquals(2, r.exit(), r.describe());
    assertTrue(r.err().contains("template folder " + tmp.resolve("nowhere") + " does not exist"), r.err());
  }

  @Test
  void refusesToReplaceAFolderHoldingTheSpec() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("work"));
    Path local = Files.copy(spec, dir.resolve("spec.yaml"));

    Cli.Result r = Cli.run("render", local.toString(), "-o", dir.toString(), "--force");

    assertEquals(2, r.exit(), r.describe());
    assertTrue(r.err().contains("it holds the spec"), r.err());
    assertEquals(Files.readString(spec), Files.readString(local));
  }

  @Test
  void refusesToReplaceAFolderHoldingTheTemplates() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("work"));
    Files.createDirectories(dir.resolve("templates/fake-cluster"));
    Cli.Result r = Cli.run("render", spec.toString(), "-o", dir.toString(), "--force",
        "--templates", dir.resolve("templates").toString());
    assertEquals(2, r.exit(), r.describe());
    assertTrue(r.err().contains("it holds the template folder"), r.err());
    assertTrue(Files.isDirectory(dir.resolve("templates/fake-cluster")));
  }

  @Test
  void missingOutputOptionIsAUsageError() {
    Cli.Result r = Cli.run("render", spec.toString());
    assertEquals(2, r.exit(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().startsWith("clusterkit render: Missing required option: '--output=DIR'"), r.err());
    assertTrue(r.err().contains("(see 'clusterkit render --help')"), r.err());
  }

  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Files with their content and folders (as "name/"), to see that nothing changed at all. */
  static Map<String, String> listing(Path root) throws IOException {
    Map<String, String> entries = tree(root);
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isDirectory).filter(d -> !d.equals(root)).toList()) {
        entries.put(root.relativize(p) + "/", "");
      }
    }
    return entries;
  }

  private static String permissions(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
