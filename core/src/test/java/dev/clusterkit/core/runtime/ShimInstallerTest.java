package dev.clusterkit.core.runtime;

import static dev.clusterkit.core.runtime.SiteFixture.SITE1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.testkit.Shell;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shims: valid POSIX sh, and a vendor-style script runs unchanged against them. */
class ShimInstallerTest {
  @TempDir Path tmp;

  @Test
  void shimsAreExecutablePosixShellScriptsAtTheJobCenterPaths() throws Exception {
    Path prefix = tmp.resolve("usr/lib/nqs");
    List<Path> shims = ShimInstaller.install(prefix, "/opt/java dir/bin/java", "/a b/x.jar:/it's.jar");
    assertEquals(
        List.of("cluster/cjcpw", "cluster/cjcmksite", "cluster/cjcls", "nqsstart", "nqsstop", "nqsportkpr", "clusterkit-agent"),
        shims.stream().map(p -> prefix.relativize(p).toString()).toList());
    for (Path shim : shims) {
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(shim)));
      Shell.Result parse = Shell.run(List.of("dash", "-n", shim.toString()));
      assertEquals(0, parse.exitCode(), parse.describe());
      Shell.requireTool("shellcheck", "shellcheck");
      Shell.Result lint = Shell.run(List.of("shellcheck", "-s", "sh", shim.toString()));
      assertEquals(0, lint.exitCode(), lint.describe());
    }
    assertTrue(Files.readString(prefix.resolve("cluster/cjcls")).contains("-cp '/a b/x.jar:/it'\\''s.jar' dev.clusterkit.core.runtime.JobCenterCommands cjcls \"$@\""));
    assertTrue(Files.readString(prefix.resolve("clusterkit-agent")).endsWith(" dev.clusterkit.core.runtime.JobCenterCommands agent '" + prefix + "'\n"));
    // The commands the agent runs go to it first, when its socket is there and it is not turned off.
    String cjcpw = Files.readString(prefix.resolve("cluster/cjcpw"));
    Path socket = RuntimeAgent.socket(prefix);
    assertTrue(cjcpw.contains("if [ \"${CLUSTERKIT_AGENT:-}\" != off ] && [ -S '" + socket + "' ] && [ -r '"
        + prefix.resolve(RuntimeAgent.CLIENT) + "' ]; then\n  exec '"), cjcpw);
    assertTrue(cjcpw.contains("'" + prefix.resolve(RuntimeAgent.CLIENT) + "' '" + socket + "' '" + prefix.resolve("cluster/cjcpw") + "' cjcpw \"$@\"\nfi\n"), cjcpw);
    assertFalse(Files.readString(prefix.resolve("cluster/cjcmksite")).contains("CLUSTERKIT_AGENT"));
    assertFalse(Files.readString(prefix.resolve("nqsportkpr")).contains("CLUSTERKIT_AGENT"));
  }

  @Test
  void aFileThatIsNotAShimIsNeverReplacedAndNothingIsWritten() throws Exception {
    Path prefix = tmp.resolve("usr/lib/nqs");
    Files.createDirectories(prefix.resolve("cluster"));
    Files.writeString(prefix.resolve("nqsstop"), "#!/bin/sh\n# the real JobCenter nqsstop\n");
    FileAlreadyExistsException e =
        assertThrows(
            FileAlreadyExistsException.class, () -> ShimInstaller.install(prefix, "/usr/bin/java", "/x.jar"));
    assertTrue(e.getMessage().contains(prefix.resolve("nqsstop") + ": exists and is not a clusterkit shim"), e.getMessage());
    assertEquals("#!/bin/sh\n# the real JobCenter nqsstop\n", Files.readString(prefix.resolve("nqsstop")));
    assertTrue(Files.notExists(prefix.resolve("cluster/cjcpw")), "nothing is written when one path is taken");
    // Shims written before are replaced: installing twice works.
    Files.delete(prefix.resolve("nqsstop"));
    ShimInstaller.install(prefix, "/usr/bin/java", "/x.jar");
    ShimInstaller.install(prefix, "/usr/bin/java2", "/y.jar");
    assertTrue(Files.readString(prefix.resolve("nqsstop")).contains("'/usr/bin/java2'"));
  }

  @Test
  void aForeignFileIsRefusedBeforeAnyTrainingRun() throws Exception {
    Path prefix = tmp.resolve("nqs");
    Files.createDirectories(prefix);
    Files.writeString(prefix.resolve("nqsportkpr"), "#!/bin/sh\n# the real one\n");
    assertThrows(FileAlreadyExistsException.class, () -> ShimInstaller.install(prefix, "/usr/bin/java", "/x.jar", true));
    assertTrue(Files.notExists(prefix.resolve(ClassArchive.FILE)));
  }

  @Test
  void aClassPathWithFoldersGetsShimsWithoutAnArchiveAndSaysWhy() throws Exception {
    Path prefix = tmp.resolve("nqs");
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Files.writeString(classes.resolve("A.class"), "x");

    ShimInstaller.Installation done = ShimInstaller.install(prefix, "/usr/bin/java", classes + ":/x.jar", true);

    assertEquals(Optional.empty(), done.classArchive());
    assertEquals(
        Optional.of("the class path holds the folder " + classes + "; a class archive can only be made of jars"),
        done.classArchiveProblem());
    assertEquals(7, done.shims().size());
    assertFalse(Files.readString(prefix.resolve("cluster/cjcpw")).contains("SharedArchiveFile"));
  }

  @Test
  void aFailedTrainingRunLeavesNoArchiveAndTheShimsWithoutIt() throws Exception {
    Path prefix = tmp.resolve("nqs");
    Path jar = Files.writeString(tmp.resolve("empty.jar"), "not a jar");

    ShimInstaller.Installation done = ShimInstaller.install(prefix, Jvm.java(), jar.toString(), true);

    assertTrue(done.classArchiveProblem().orElseThrow().startsWith("the training run failed (exit 1)"), done.toString());
    try (var files = Files.list(prefix)) {
      assertEquals(
          List.of(RuntimeAgent.CLIENT, "cluster", "clusterkit-agent", "nqsportkpr", "nqsstart", "nqsstop"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.readString(prefix.resolve("nqsstart")).contains("SharedArchiveFile"));
  }

  @Test
  void aVendorStyleStartAndStopScriptRunsUnchangedAgainstTheShims() throws Exception {
    try (SiteFixture fx = new SiteFixture(tmp)) {
      Path prefix = tmp.resolve("usr/lib/nqs");
      ShimInstaller.install(prefix);
      Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(2));
      // As the guide's Serviceguard customer_defined_run_cmds / halt_cmds would call them.
      Path script =
          fx.script(
              "package.sh",
              "set -e\nNQS=" + prefix + "\n"
                  + "$NQS/nqsportkpr " + SITE1 + "\n"
                  + "$NQS/cluster/cjcpw -c " + SITE1 + " " + db + "\n"
                  + "$NQS/cluster/cjcls\n"
                  + "$NQS/nqsstop " + SITE1 + "\n"
                  + "$NQS/nqsstart " + SITE1 + "\n"
                  + "$NQS/cluster/cjcpw -stop " + SITE1 + "\n"
                  + "$NQS/cluster/cjcpw -stop " + SITE1 + " || echo \"second stop: $?\"\n");
      Shell.Result r = Shell.run(List.of("sh", script.toString()), fx.env, tmp, 120);
      assertEquals(0, r.exitCode(), r.describe());
      assertTrue(r.stdout().contains("site1.example.test  "), r.stdout());
      assertTrue(r.stdout().contains("second stop: 7"), r.describe());
      assertTrue(fx.daemons(db).isEmpty());
    }
  }

  @Test
  void theEnvironmentReachesTheRuntimeThroughTheShim() throws Exception {
    Path prefix = tmp.resolve("p");
    ShimInstaller.install(prefix);
    Shell.Result r =
        Shell.run(List.of(prefix.resolve("cluster/cjcls").toString(), "--json"), Map.of("CLUSTERKIT_SPOOL_ROOT", tmp.toString()), tmp, 60);
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("[]\n", r.stdout());
    Shell.Result bad = Shell.run(List.of(prefix.resolve("cluster/cjcpw").toString(), "-x"), Map.of(), tmp, 60);
    assertEquals(2, bad.exitCode(), bad.describe());
    assertTrue(bad.stderr().contains("usage: cjcpw SITE DBPATH | cjcpw -c SITE DBPATH | cjcpw -stop SITE"), bad.describe());
  }

  /**
   * JDK 24 and later print a warning at every start when JNA loads its native library, unless
   * native access is enabled; the shims of such a JDK enable it, so cjcpw's stderr (which cluster
   * products log) stays clean. Runs when this machine has such a JDK under /usr/lib/jvm.
   */
  @Test
  void shimsOfAJdkThatWarnsAboutNativeAccessStartJnaSilently() throws Exception {
    Optional<Path> java = newerJdk();
    Assumptions.assumeTrue(java.isPresent(), "no JDK 24 or later under /usr/lib/jvm");
    try (SiteFixture fx = new SiteFixture(tmp)) {
      Path prefix = tmp.resolve("nqs");
      ShimInstaller.install(prefix, java.get().toString(), Jvm.classPath());
      assertTrue(Files.readString(prefix.resolve("cluster/cjcpw")).contains("'--enable-native-access=ALL-UNNAMED'"));
      Path db = fx.createSite(SITE1, "jobdb", fx.termDaemons(2));
      Shell.Result start = Shell.run(List.of(prefix.resolve("cluster/cjcpw").toString(), "-c", SITE1, db.toString()), fx.env, tmp, 120);
      Shell.Result stop = Shell.run(List.of(prefix.resolve("cluster/cjcpw").toString(), "-stop", SITE1), fx.env, tmp, 120);
      assertEquals(0, start.exitCode(), start.describe());
      assertEquals("", start.stderr(), "cjcpw -c loads libc through JNA: " + start.describe());
      assertEquals(0, stop.exitCode(), stop.describe());
      assertTrue(fx.daemons(db).isEmpty());
    }
  }

  private static Optional<Path> newerJdk() throws java.io.IOException {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (var homes = Files.list(jvms)) {
      return homes.map(h -> h.resolve("bin/java"))
          .filter(Files::isExecutable)
          .filter(j -> Jvm.featureRelease(j).orElse(0) >= 24)
          .sorted()
          .findFirst();
    }
  }
}
