package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** How to start another JVM running our classes (the port holder, the default site daemon). */
final class Jvm {
  private static final int NATIVE_ACCESS_WARNING_SINCE = 24;

  private Jvm() {}

  /** The java launcher of this JVM. */
  static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static String classPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * Options that make a small helper JVM start fast and stay small: one GC thread, the quick
   * compiler only, no perf-data file. (The VFORK launch mechanism would save 0.5 ms per daemon but
   * is deprecated from JDK 23 on, which then prints a warning.)
   */
  static List<String> options(OptionalInt featureRelease) {
    List<String> options =
        new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Xmx64m"));
    // JDK 24 and later warn on stderr, at every start, that JNA loads a native library. Only
    // there: on older JDKs the option turns off the JDK's archived module graph, costing 5-10 ms.
    if (featureRelease.orElse(0) >= NATIVE_ACCESS_WARNING_SINCE) {
      options.add("--enable-native-access=ALL-UNNAMED");
    }
    return options;
  }

  /** {@link #options(OptionalInt)} for the JDK whose launcher is {@code java}. */
  static List<String> options(String java) {
    return options(java.equals(java()) ? OptionalInt.of(Runtime.version().feature()) : featureRelease(Path.of(java)));
  }

  /**
   * The feature release (17, 21, 25...) of the JDK whose launcher is {@code java}, from the
   * {@code release} file of its home (JAVA_VERSION="17.0.15"); empty when there is none.
   */
  static OptionalInt featureRelease(Path java) {
    try {
      Path home = java.toRealPath().getParent().getParent();
      for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
          String[] parts = version.split("[.+_-]");
          int feature = Integer.parseInt(parts[0].equals("1") && parts.length > 1 ? parts[1] : parts[0]);
          return OptionalInt.of(feature);
        }
      }
    } catch (IOException | RuntimeException unknown) {
      // No release file (or no JDK layout): the options every JDK takes.
    }
    return OptionalInt.empty();
  }

  static List<String> command(Class<?> main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(options(OptionalInt.of(Runtime.version().feature())));
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(main.getName());
    cmd.addAll(args);
    return cmd;
  }
}
