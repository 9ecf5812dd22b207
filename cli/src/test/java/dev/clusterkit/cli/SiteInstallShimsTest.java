package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.runtime.RuntimeAgent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterkit site install-shims} and how it finds the jar the shims run. Running a rendered
 * vendor script against the shims needs the shaded jar: {@code SiteShimsIT} does it after packaging.
 */
class SiteInstallShimsTest {
  private static final List<String> SHIMS =
      List.of("cluster/cjcpw", "cluster/cjcmksite", "cluster/cjcls", "nqsstart", "nqsstop", "nqsportkpr");

  @TempDir Path tmp;

  private static Path jar(Path file, String... entries) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        JarOutputStream jar = new JarOutputStream(out)) {
      for (String e : entries) {
        jar.putNextEntry(new ZipEntry(e));
        jar.closeEntry();
      }
    }
    return file;
  }

  @Test
  void writesTheLaunchersRunningTheGivenJarAndJavaAndTheAgentsClient() throws IOException {
    Path runtime = jar(tmp.resolve("dist/clusterkit.jar"), ShimJar.ENTRY);
    Path prefix = tmp.resolve("usr/lib/nqs");
    Cli.Result r = Cli.run("site", "install-shims", "--prefix", prefix.toString(), "--jar", runtime.toString(), "--java", "/opt/jdk/bin/java");
    assertEquals(0, r.exit(), r.describe());
    List<String> written = new java.util.ArrayList<>(List.of(prefix.resolve(RuntimeAgent.CLIENT).toString()));
    SHIMS.forEach(s -> written.add(prefix.resolve(s).toString()));
    written.add(prefix.resolve("clusterkit-agent").toString());
    assertEquals(written, r.outLines());
    assertTrue(Files.readString(prefix.resolve("clusterkit-agent"))
        .endsWith(" -cp '" + runtime + "' dev.clusterkit.core.runtime.JobCenterCommands agent '" + prefix + "'\n"));
    for (String s : SHIMS) {
      Path shim = prefix.resolve(s);
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(shim)));
      String text = Files.readString(shim);
      assertTrue(text.startsWith("#!/bin/sh\n"), text);
      String command = s.substring(s.lastIndexOf('/') + 1);
      assertTrue(text.contains("exec '/opt/jdk/bin/java' "), text);
      assertTrue(text.endsWith(" -cp '" + runtime + "' dev.clusterkit.core.runtime.JobCenterCommands " + command + " \"$@\"\n"), text);
    }
  }

  @Test
  void refusesAJarWithoutTheRuntimeAndAPrefixHoldingARealCommand() throws IOException {
    Path thin = jar(tmp.resolve("thin.jar"), "dev/clusterkit/cli/Main.class");
    Cli.Result r = Cli.run("site", "install-shims", "--prefix", tmp.resolve("p").toString(), "--jar", thin.toString());
    assertEquals(2, r.exit(), r.describe());
    assertEquals("clusterkit site install-shims: --jar " + thin + " is not a jar holding " + ShimJar.ENTRY
        + ": give the shaded cli/target/clusterkit.jar (built by ./mvnw -q -DskipTests package)\n", r.err());
    assertTrue(Files.notExists(tmp.resolve("p")));

    Path runtime = jar(tmp.resolve("clusterkit.jar"), ShimJar.ENTRY);
    Path prefix = tmp.resolve("usr/lib/nqs");
    Files.createDirectories(prefix.resolve("cluster"));
    Files.writeString(prefix.resolve("cluster/cjcpw"), "ELF of the real cjcpw");
    Cli.Result real = Cli.run("site", "install-shims", "--prefix", prefix.toString(), "--jar", runtime.toString());
    assertEquals(2, real.exit(), real.describe());
    assertTrue(real.err().startsWith("clusterkit site install-shims: " + prefix.resolve("cluster/cjcpw") + ": exists and is not a clusterkit shim"), real.describe());
    assertEquals("ELF of the real cjcpw", Files.readString(prefix.resolve("cluster/cjcpw")));
    assertTrue(Files.notExists(prefix.resolve("nqsstart")), "nothing is written");
  }

  @Test
  void theJarIsTheShadedOneClusterkitRunsFromOrTheOneNextToItsClasses() throws Exception {
    Path target = tmp.resolve("cli/target");
    Path shaded = jar(target.resolve("clusterkit.jar"), ShimJar.ENTRY, "dev/clusterkit/cli/Main.class");
    Path thin = jar(target.resolve("clusterkit-cli-0.1.0.jar"), "dev/clusterkit/cli/Main.class");
    Path classes = Files.createDirectories(target.resolve("classes"));
    Path elsewhere = jar(tmp.resolve("lib/clusterkit-cli.jar"), "dev/clusterkit/cli/Main.class");

    assertEquals(shaded, ShimJar.locate(Optional.empty(), shaded), "run with java -jar clusterkit.jar (./clusterkit)");
    assertEquals(shaded, ShimJar.locate(Optional.empty(), classes), "run from the build's classes");
    assertEquals(shaded, ShimJar.locate(Optional.empty(), thin), "run from the thin jar");
    assertEquals(shaded, ShimJar.locate(Optional.of(shaded), elsewhere), "given explicitly");
    CliException e = assertThrows(CliException.class, () -> ShimJar.locate(Optional.empty(), elsewhere));
    assertEquals("clusterkit runs from " + elsewhere + ", which is not the shaded clusterkit.jar, and there is no clusterkit.jar"
        + " holding the runtime next to it (" + tmp.resolve("lib/clusterkit.jar") + "): build it (./mvnw -q -DskipTests package) or give --jar",
        e.getMessage());
  }
}
