package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes POSIX sh launchers for the JobCenter commands under an install prefix, where a JobCenter
 * install has them ({@code DIR/cluster/cjcpw}, {@code DIR/cluster/cjcmksite}, {@code
 * DIR/cluster/cjcls}, {@code DIR/nqsstart}, {@code DIR/nqsstop}, {@code DIR/nqsportkpr}), so a
 * generated vendor script whose install prefix is DIR runs against the embedded runtime unchanged.
 * Each launcher execs java on {@link JobCenterCommands}; the {@code CLUSTERKIT_*} variables of the
 * calling environment reach it.
 */
public final class ShimInstaller {
  private ShimInstaller() {}

  /** The shim paths under the prefix, with the command each runs. */
  public static Map<String, String> layout() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cluster/cjcpw", "cjcpw");
    m.put("cluster/cjcmksite", "cjcmksite");
    m.put("cluster/cjcls", "cjcls");
    m.put("nqsstart", "nqsstart");
    m.put("nqsstop", "nqsstop");
    m.put("nqsportkpr", "nqsportkpr");
    return m;
  }

  /** Installs shims that run this JVM's java with this JVM's class path. */
  public static List<Path> install(Path prefix) throws IOException {
    return install(prefix, Jvm.java(), Jvm.classPath());
  }

  /** Installs shims that run {@code java} with {@code classPath}; returns the files written. */
  public static List<Path> install(Path prefix, String java, String classPath) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> e : layout().entrySet()) {
      Path file = prefix.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, script(e.getValue(), java, classPath));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      written.add(file);
    }
    return written;
  }

  static String script(String command, String java, String classPath) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n");
    s.append("# ").append(command).append(" of the clusterkit embedded JobCenter runtime (generated; do not edit)\n");
    s.append("exec ").append(quote(java));
    for (String option : Jvm.options()) {
      s.append(' ').append(quote(option));
    }
    s.append(" -cp ").append(quote(classPath)).append(' ').append(JobCenterCommands.class.getName());
    s.append(' ').append(command).append(" \"$@\"\n");
    return s.toString();
  }

  /** Single-quotes a word for sh. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
