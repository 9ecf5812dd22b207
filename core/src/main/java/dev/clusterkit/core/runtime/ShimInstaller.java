package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes POSIX sh launchers for the JobCenter commands under an install prefix, where a JobCenter
 * install has them ({@code DIR/cluster/cjcpw}, {@code DIR/cluster/cjcmksite}, {@code
 * DIR/cluster/cjcls}, {@code DIR/nqsstart}, {@code DIR/nqsstop}, {@code DIR/nqsportkpr}), so a
 * generated vendor script whose install prefix is DIR runs against the embedded runtime unchanged.
 * Each launcher execs java on {@link JobCenterCommands}; the {@code CLUSTERKIT_*} variables of the
 * calling environment reach it. Where perl is found, the launchers of the commands the {@link
 * RuntimeAgent} runs first hand their command to the agent when one serves the prefix ({@code
 * DIR/clusterkit-agent} starts it), and the agent's client is written beside them.
 */
public final class ShimInstaller {
  /** The end of each shim's second line, by which {@link #install} knows its own files. */
  static final String MARK = " of the clusterkit embedded JobCenter runtime (generated; do not edit)";

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
    m.put("clusterkit-agent", "agent");
    return m;
  }

  /**
   * What {@link #install(Path, String, String, boolean)} wrote.
   *
   * @param agentClient the runtime agent's client; empty when no perl was found, and the launchers
   *     then always start a JVM
   */
  public record Installation(
      List<Path> shims, Optional<Path> classArchive, Optional<String> classArchiveProblem, Optional<Path> agentClient) {}

  /** How a launcher reaches the runtime agent of its prefix: the perl that runs the client. */
  record AgentRoute(String perl, Path prefix) {
    Path client() {
      return prefix.resolve(RuntimeAgent.CLIENT);
    }
  }

  /** Installs shims that run this JVM's java with this JVM's class path. */
  public static List<Path> install(Path prefix) throws IOException {
    return install(prefix, Jvm.java(), Jvm.classPath());
  }

  /**
   * Installs shims that run this JVM's java with this JVM's class path, and the class archive
   * they start from when {@code classArchive}.
   */
  public static Installation install(Path prefix, boolean classArchive) throws IOException {
    return install(prefix, Jvm.java(), Jvm.classPath(), classArchive);
  }

  /**
   * Installs shims that run {@code java} with {@code classPath}, after a class archive for them
   * when {@code classArchive} (see {@link ClassArchive}; about 2 s). A failed training run does
   * not fail the installation: the shims then start without the archive, and {@link
   * Installation#classArchiveProblem} says why.
   *
   * @throws FileAlreadyExistsException before writing anything, when one of the paths holds a file
   *     that is not a shim
   */
  public static Installation install(Path prefix, String java, String classPath, boolean classArchive) throws IOException {
    refuseForeignFiles(prefix);
    Path archive = prefix.resolve(ClassArchive.FILE);
    Optional<String> problem = Optional.empty();
    if (classArchive) {
      Files.createDirectories(prefix);
      problem = ClassArchive.create(archive, java, classPath);
    }
    Optional<Path> made = classArchive && problem.isEmpty() ? Optional.of(archive) : Optional.empty();
    Optional<AgentRoute> agent = perl().map(p -> new AgentRoute(p, prefix));
    List<Path> shims = write(prefix, java, classPath, made, agent);
    return new Installation(shims, made, problem, agent.map(AgentRoute::client));
  }

  /**
   * Installs shims that run {@code java} with {@code classPath}; returns the files written.
   *
   * @throws FileAlreadyExistsException before writing anything, when one of the paths holds a file
   *     that is not a shim (a real JobCenter command under its install root, say)
   */
  public static List<Path> install(Path prefix, String java, String classPath) throws IOException {
    refuseForeignFiles(prefix);
    return write(prefix, java, classPath, Optional.empty(), perl().map(p -> new AgentRoute(p, prefix)));
  }

  private static void refuseForeignFiles(Path prefix) throws IOException {
    for (String relative : layout().keySet()) {
      Path file = prefix.resolve(relative);
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !isShim(file)) {
        throw new FileAlreadyExistsException(
            file.toString(), null,
            "exists and is not a clusterkit shim (a JobCenter command?); nothing was written: remove it or install the shims under another prefix");
      }
    }
  }

  private static List<Path> write(
      Path prefix, String java, String classPath, Optional<Path> archive, Optional<AgentRoute> agent) throws IOException {
    if (agent.isPresent()) {
      // The client first: a launcher that routes to it must never find it missing.
      Files.createDirectories(prefix);
      AtomicFile.write(agent.get().client(), agentClient());
      Files.setPosixFilePermissions(agent.get().client(), PosixFilePermissions.fromString("rw-r--r--"));
    }
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> e : layout().entrySet()) {
      Path file = prefix.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, script(e.getValue(), java, classPath, archive, agent, file));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
      written.add(file);
    }
    return written;
  }

  /** The text of the agent's client (a resource of this package). */
  static String agentClient() throws IOException {
    try (var in = ShimInstaller.class.getResourceAsStream("agent-client.pl")) {
      if (in == null) {
        throw new IOException("agent-client.pl is missing from the clusterkit jar");
      }
      return "#!/usr/bin/perl\n" + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The first perl on the PATH, by absolute path. */
  static Optional<String> perl() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
    for (String dir : path.split(":")) {
      if (dir.startsWith("/")) {
        Path candidate = Path.of(dir, "perl");
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  /** Whether {@code file} is a regular file written by {@link #install}. */
  static boolean isShim(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 64 * 1024) {
      return false;
    }
    List<String> lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.ISO_8859_1);
    return lines.size() > 1 && lines.get(0).equals("#!/bin/sh") && lines.get(1).endsWith(MARK);
  }

  static String script(String command, String java, String classPath, Optional<Path> archive) {
    return script(command, java, classPath, archive, Optional.empty(), Path.of("/"));
  }

  /** The launcher of {@code command} at {@code self}, through {@code agent} where it runs the command. */
  static String script(
      String command, String java, String classPath, Optional<Path> archive, Optional<AgentRoute> agent, Path self) {
    StringBuilder s = new StringBuilder("#!/bin/sh\n");
    s.append("# ").append(command).append(MARK).append('\n');
    if (agent.isPresent() && AgentSession.SERVED.contains(command)) {
      Path socket = RuntimeAgent.socket(agent.get().prefix());
      s.append("if [ \"${CLUSTERKIT_AGENT:-}\" != off ] && [ -S ").append(quote(socket.toString()))
          .append(" ] && [ -r ").append(quote(agent.get().client().toString())).append(" ]; then\n");
      s.append("  exec ").append(quote(agent.get().perl())).append(' ').append(quote(agent.get().client().toString()))
          .append(' ').append(quote(socket.toString())).append(' ').append(quote(self.toString()))
          .append(' ').append(command).append(" \"$@\"\n");
      s.append("fi\n");
    }
    s.append("exec ").append(quote(java));
    List<String> options = new ArrayList<>(Jvm.options(java));
    archive.ifPresent(a -> options.addAll(ClassArchive.options(a)));
    for (String option : options) {
      s.append(' ').append(quote(option));
    }
    s.append(" -cp ").append(quote(classPath)).append(' ').append(JobCenterCommands.class.getName());
    if (command.equals("agent")) {
      s.append(" agent ").append(quote(self.getParent().toString())).append('\n');
    } else {
      s.append(' ').append(command).append(" \"$@\"\n");
    }
    return s.toString();
  }

  /** Single-quotes a word for sh. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
