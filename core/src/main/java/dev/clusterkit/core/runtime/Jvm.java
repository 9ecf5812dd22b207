package dev.clusterkit.core.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How to start another JVM running our classes (the port holder, the default site daemon). */
final class Jvm {
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
  static List<String> options() {
    return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Xmx64m");
  }

  static List<String> command(Class<?> main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(java());
    cmd.addAll(options());
    cmd.add("-cp");
    cmd.add(classPath());
    cmd.add(main.getName());
    cmd.addAll(args);
    return cmd;
  }
}
