package dev.clusterkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;

/** Finds the jar the JobCenter shims run: one that holds the embedded runtime and what it needs. */
final class ShimJar {
  /** The runtime's entry point; the thin cli jar lacks it, the shaded clusterkit.jar has it. */
  static final String ENTRY = "dev/clusterkit/core/runtime/JobCenterCommands.class";
  static final String SHADED = "clusterkit.jar";

  private ShimJar() {}

  /**
   * The jar given, else the jar {@code codeSource} is when it holds the runtime, else the {@code
   * clusterkit.jar} next to it (the build's {@code cli/target/clusterkit.jar} when clusterkit runs
   * from {@code cli/target/classes} or the thin jar).
   */
  static Path locate(Optional<Path> given, Path codeSource) throws CliException {
    if (given.isPresent()) {
      Path jar = given.get().toAbsolutePath().normalize();
      if (!holdsRuntime(jar)) {
        throw new CliException("--jar " + jar + " is not a jar holding " + ENTRY
            + ": give the shaded cli/target/clusterkit.jar (built by ./mvnw -q -DskipTests package)");
      }
      return jar;
    }
    Path source = codeSource.toAbsolutePath().normalize();
    if (Files.isRegularFile(source) && holdsRuntime(source)) {
      return source;
    }
    Path sibling = source.resolveSibling(SHADED);
    if (holdsRuntime(sibling)) {
      return sibling;
    }
    throw new CliException("clusterkit runs from " + source + ", which is not the shaded " + SHADED
        + ", and there is no " + SHADED + " holding the runtime next to it (" + sibling
        + "): build it (./mvnw -q -DskipTests package) or give --jar");
  }

  static boolean holdsRuntime(Path jar) {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.getEntry(ENTRY) != null;
    } catch (IOException notAJar) {
      return false;
    }
  }

  /** The java launcher of this JVM, by absolute path. */
  static String currentJava() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
