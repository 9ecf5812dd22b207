package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The distribution as a user runs it: the ./clusterkit launcher and cli/target/clusterkit.jar. */
class LauncherIT {
  private static final String SERVICES = "META-INF/services/dev.clusterkit.core.spi.ClusterAdapter";

  @TempDir Path tmp;

  private final Path root = TestSetup.repoRoot();
  private final Path launcher = root.resolve("clusterkit");

  private Shell.Result clusterkit(String... args) {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    return Shell.run(command, Map.of(), tmp, 120);
  }

  @Test
  void versionThroughTheLauncher() {
    Shell.Result r = clusterkit("--version");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("clusterkit " + System.getProperty("clusterkit.expectedVersion") + "\n", r.stdout());
  }

  @Test
  void committedSchemaIsWhatTheLauncherPrints() throws IOException {
    Shell.Result r = clusterkit("schema");
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals(r.stdout(), Files.readString(TestSetup.committedSchema()),
        "schema/clusterkit-spec.schema.json is out of date; regenerate it with"
            + " `./mvnw -q -DskipTests package && ./clusterkit schema > schema/clusterkit-spec.schema.json`");
  }

  @Test
  void shadedJarMergesEveryAdaptersServiceFile() throws IOException {
    TreeSet<String> expected = new TreeSet<>();
    for (URL url : Collections.list(getClass().getClassLoader().getResources(SERVICES))) {
      if (!url.toString().contains("/test-classes/")) {
        try (InputStream in = url.openStream()) {
          expected.addAll(entries(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    TreeSet<String> shaded = new TreeSet<>();
    try (JarFile jar = new JarFile(System.getProperty("clusterkit.jar"))) {
      ZipEntry entry = jar.getEntry(SERVICES);
      if (entry != null) {
        try (InputStream in = jar.getInputStream(entry)) {
          shaded.addAll(entries(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
      }
    }
    assertEquals(expected, shaded);
  }

  @Test
  void targetsListsTheShippedAdapters() {
    Shell.Result r = clusterkit("targets");
    assertEquals(0, r.exitCode(), r.describe());
    List<String> ids = r.stdout().lines().map(l -> l.split(" ")[0]).toList();
    assertEquals(TestSetup.production().ids(), ids);
  }

  @Test
  void readmeRenderCommandWorks() throws IOException {
    Assumptions.assumeTrue(TestSetup.hasRealClusterproLinux(), "the clusterpro-linux adapter is not on the class path yet");
    Path out = tmp.resolve("out/testsite");
    Shell.Result r = clusterkit("render", root.resolve("examples/testsite.yaml").toString(), "-o", out.toString(), "--force");
    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(Files.isDirectory(out.resolve(TestSetup.CLUSTERPRO_LINUX)), r.describe());
  }

  @Test
  void specErrorsThroughTheLauncher() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), "apiVersion: clusterkit/v1\nkind: Cluster\nname: x\n");
    Shell.Result r = clusterkit("render", spec.toString(), "-o", tmp.resolve("out").toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.stderr().startsWith(spec + ":1:1: missing required key"), r.describe());
    assertTrue(r.stderr().lines().allMatch(l -> l.startsWith(spec + ":")), r.describe());
  }

  @Test
  void refusesToReplaceTheCurrentFolder() throws IOException {
    Path work = Files.createDirectory(tmp.resolve("work"));
    Files.writeString(work.resolve("mine.txt"), "mine\n");
    Path spec = TestSetup.testResource("specs/fake.yaml");
    for (String out : List.of(".", "..")) {
      Shell.Result r = Shell.run(List.of(launcher.toString(), "render", spec.toString(), "-o", out, "--force"),
          Map.of(), work, 120);
      assertEquals(2, r.exitCode(), r.describe());
      assertEquals("clusterkit render: will not write to " + out + ": it holds the current folder, which writing"
          + " would replace; choose another output folder\n", r.stderr());
    }
    assertEquals("mine\n", Files.readString(work.resolve("mine.txt")));
  }

  @Test
  void errorsGoToStderrWithTheExitCode() {
    Shell.Result r = clusterkit("lint", tmp.resolve("missing").toString());
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals("", r.stdout());
    assertEquals("clusterkit lint: " + tmp.resolve("missing") + ": no such file or folder\n", r.stderr());
  }

  @Test
  void worksThroughASymbolicLink() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("ck"), launcher);
    Shell.Result r = Shell.run(List.of(link.toString(), "--version"), Map.of(), tmp, 120);
    assertEquals(0, r.exitCode(), r.describe());
  }

  @Test
  void missingJarSaysHowToBuildIt() throws IOException {
    Path copy = Files.copy(launcher, tmp.resolve("clusterkit"));
    Shell.Result r = Shell.run(List.of("sh", copy.toString(), "--version"), Map.of(), tmp, 60);
    assertEquals(2, r.exitCode(), r.describe());
    assertTrue(r.stderr().contains("is missing; build it first") && r.stderr().contains("-DskipTests package"), r.stderr());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh", "dash", "bash", "ksh"})
  void launcherParsesInEveryShell(String shell) {
    Shell.requireTool(shell, shell.equals("sh") ? "dash" : shell);
    Shell.Result r = Shell.run(List.of(shell, "-n", launcher.toString()));
    assertEquals(0, r.exitCode(), r.describe());
  }

  @Test
  void launcherIsCleanForShellcheck() {
    Shell.requireTool("shellcheck", "shellcheck");
    Shell.Result r = Shell.run(List.of("shellcheck", "-s", "sh", launcher.toString()));
    assertEquals(0, r.exitCode(), r.describe());
  }

  @Test
  void launcherRunsUnderDash() {
    Shell.requireTool("dash", "dash");
    Shell.Result r = Shell.run(List.of("dash", launcher.toString(), "--version"), Map.of(), tmp, 120);
    assertEquals(0, r.exitCode(), r.describe());
  }

  private static List<String> entries(String servicesFile) {
    return servicesFile.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
  }
}
