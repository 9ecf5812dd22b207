package dev.clusterkit.core.runtime;

import dev.clusterkit.core.io.FileTrees;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The class-data-sharing archive the shims start from (JDK application CDS). A cluster product
 * runs {@code cjcpw} as a fresh JVM on every start and failover; mapping the classes it needs
 * from an archive, already parsed and verified, saves about a third of that JVM's start.
 *
 * <p>The archive is made by a training run ({@link ClassArchiveTraining}) of the same java and
 * class path, which makes, starts, lists and stops a throw-away site. It belongs to that java and
 * that class path: when either changes the JVM ignores it (silently, as the shims ask) and starts
 * as fast as without it, until {@code install-shims} is run again.
 */
public final class ClassArchive {
  /** The archive's name under the install prefix. */
  public static final String FILE = ".clusterkit-shims.jsa";

  private static final long TRAINING_SECONDS = 120;
  private static final long CHECK_SECONDS = 60;

  private ClassArchive() {}

  /** The JVM options that use {@code archive} if it is there and fits, and say nothing otherwise. */
  static List<String> options(Path archive) {
    return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
  }

  /**
   * Makes {@code archive} by a training run of {@code javaCommand} with {@code classPath}. The archive
   * appears whole or not at all.
   *
   * @return empty when made, else why not
   */
  static Optional<String> create(Path archive, String javaCommand, String classPath) {
    for (String entry : classPath.split(File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        return Optional.of("the class path holds the folder " + entry + "; a class archive can only be made of jars");
      }
    }
    Path work;
    try {
      work = Files.createTempDirectory("clusterkit-cds");
    } catch (IOException e) {
      return Optional.of("cannot create a folder for the training run: " + e.getMessage());
    }
    Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try {
      List<String> cmd = new ArrayList<>(List.of(javaCommand));
      cmd.addAll(Jvm.options(javaCommand));
      cmd.add("-XX:ArchiveClassesAtExit=" + partial);
      cmd.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath, ClassArchiveTraining.class.getName(), work.toString()));
      Path output = work.resolve("training.log");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
      // The training site lives in `work`; nothing of the caller's environment may point elsewhere.
      pb.environment().keySet().removeIf(k -> k.startsWith("CLUSTERKIT_"));
      Process p = pb.start();
      if (!p.waitFor(TRAINING_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return Optional.of("the training run did not finish within " + TRAINING_SECONDS + " s");
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
        return Optional.of("the training run failed (exit " + p.exitValue() + "): " + tail(output));
      }
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("the training run could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted during the training run");
    } finally {
      try {
        Files.deleteIfExists(partial);
        FileTrees.delete(work);
      } catch (IOException ignored) {
        // A temporary folder left behind costs nothing but space.
      }
    }
  }

  /**
   * Whether the class archive of {@code launch} fits its java and class path: the JVM is asked to
   * start from it or fail ({@code -Xshare:on}), with the shim's options, and to print its version.
   * A JVM started by the shim would ignore a misfit silently and start about a third slower.
   *
   * @return empty when it fits (or the launch names no archive), else what the JVM said
   * @throws IOException when the java cannot be run at all
   */
  public static Optional<String> misfit(ShimLaunch launch) throws IOException {
    if (launch.classArchive().isEmpty()) {
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>(List.of(launch.java()));
    for (String option : launch.options()) {
      if (!option.startsWith("-Xshare:") && !option.startsWith("-Xlog:cds")) {
        cmd.add(option);
      }
    }
    cmd.addAll(List.of("-Xshare:on", "-cp", String.join(File.pathSeparator, launch.classPath()), "-version"));
    Path output = Files.createTempFile("clusterkit-cds-check", ".log");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      try {
        if (!p.waitFor(CHECK_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return Optional.of("java -Xshare:on -version did not finish within " + CHECK_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while checking the class archive", e);
      }
      if (p.exitValue() == 0) {
        return Optional.empty();
      }
      List<String> said = Files.readAllLines(output, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("Error occurred during initialization of VM")).toList();
      return Optional.of(said.isEmpty() ? "java exited with " + p.exitValue() : String.join("; ", said));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "no output";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }
}
