package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.runtime.ClassArchive;
import dev.clusterkit.core.runtime.ShimLaunch;
import dev.clusterkit.testkit.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data-sharing archive of {@code site install-shims}: made by a training run with the
 * shaded jar, named by every shim, really used by the shims' JVM, and harmless once stale.
 */
class ShimClassArchiveIT {
  @TempDir Path tmp;

  private Path install(Path jar, String... extra) throws IOException {
    Path prefix = tmp.resolve("nqs");
    List<String> args = new java.util.ArrayList<>(List.of("site", "install-shims", "--prefix", prefix.toString(), "--jar", jar.toString()));
    args.addAll(List.of(extra));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.describe());
    assertEquals("", r.err(), r.describe());
    return prefix;
  }

  /** Runs the cjcls shim with class loading logged to a file; returns {stdout+stderr, the class log}. */
  private String[] cjclsLoggingClasses(Path prefix) throws IOException {
    Path log = tmp.resolve("classes-" + System.nanoTime() + ".log");
    Map<String, String> env =
        Map.of(
            "CLUSTERKIT_SPOOL_ROOT", tmp.resolve("spool").toString(),
            "CLUSTERKIT_HOSTNAME", "node1.example.test",
            "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
    Shell.Result r = Shell.run(List.of(prefix.resolve("cluster/cjcls").toString()), env, tmp, 60);
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    return new String[] {r.stdout() + r.stderr().replaceAll("Picked up JAVA_TOOL_OPTIONS:[^\\n]*\\n", ""), Files.readString(log)};
  }

  private static ShimLaunch launch(Path prefix) throws IOException {
    return ShimLaunch.read(Files.readString(prefix.resolve("cluster/cjcpw"))).orElseThrow();
  }

  private static Path shadedJar() {
    return Path.of(System.getProperty("clusterkit.jar"));
  }

  @Test
  void theShimsJvmLoadsTheRuntimeFromTheArchive() throws IOException {
    Path prefix = install(shadedJar());
    Path archive = prefix.resolve(ClassArchive.FILE);
    assertTrue(Files.size(archive) > 0);
    for (String shim : List.of("cluster/cjcpw", "cluster/cjcmksite", "cluster/cjcls", "nqsstart", "nqsstop", "nqsportkpr")) {
      assertTrue(Files.readString(prefix.resolve(shim)).contains("'-XX:SharedArchiveFile=" + archive + "'"), shim);
    }
    assertEquals(Optional.empty(), ClassArchive.misfit(launch(prefix)), "the JVM maps the archive with -Xshare:on");
    String[] run = cjclsLoggingClasses(prefix);
    assertTrue(run[0].startsWith("SITE-NAME"), run[0]);
    assertTrue(
        run[1].lines().anyMatch(l -> l.contains("dev.clusterkit.core.runtime.JobCenterCommands source: shared objects file")),
        "JobCenterCommands came from the archive:\n" + run[1].lines().filter(l -> l.contains("dev.clusterkit")).limit(5).toList());
  }

  @Test
  void aStaleArchiveIsIgnoredSilently() throws IOException {
    Path jar = Files.copy(shadedJar(), tmp.resolve("clusterkit.jar"), StandardCopyOption.COPY_ATTRIBUTES);
    Path prefix = install(jar);
    // A rebuilt jar: the archive no longer matches it.
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

    String[] run = cjclsLoggingClasses(prefix);

    assertTrue(run[0].startsWith("SITE-NAME"), "cjcls runs and says nothing about the archive:\n" + run[0]);
    assertFalse(run[1].contains("shared objects file (top)"), "no class comes from the stale archive");
    // What clusterkit doctor (DOC014) asks the JVM, which then says why.
    String misfit = ClassArchive.misfit(launch(prefix)).orElseThrow();
    assertTrue(misfit.contains("A jar file is not the one used while building the shared archive file: " + jar), misfit);
  }

  @Test
  void noClassArchiveMeansNoArchiveAndNoOption() throws IOException {
    Path prefix = install(shadedJar(), "--no-class-archive");
    assertFalse(Files.exists(prefix.resolve(ClassArchive.FILE)));
    assertFalse(Files.readString(prefix.resolve("cluster/cjcpw")).contains("SharedArchiveFile"));
    assertTrue(cjclsLoggingClasses(prefix)[0].startsWith("SITE-NAME"));
  }
}
