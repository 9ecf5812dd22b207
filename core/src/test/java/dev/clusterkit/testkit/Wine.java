package dev.clusterkit.testkit;

import dev.clusterkit.core.io.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs Windows programs (cmd, cscript, what tests build with MinGW) under Wine, in a private prefix
 * and without a display. A JUnit extension: register it as a static field with {@code
 * @RegisterExtension}; it makes the prefix in a temporary folder before the class's tests (about
 * 5 s; fails or skips, as {@link Shell#requireTool} does, without wine) and removes it after them.
 * Output goes to a file, never a pipe: the wineserver Wine leaves running would hold a pipe open
 * for seconds.
 */
public final class Wine implements BeforeAllCallback, AfterAllCallback {
  private final Map<String, String> environment;
  private final Map<Character, Path> drives = new HashMap<>();
  private Path work;
  private Path prefix;

  private Wine(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** A prefix whose programs all get {@code environment} (a locale, say). */
  public static Wine withEnvironment(Map<String, String> environment) {
    return new Wine(environment);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Shell.requireTool("wine", "wine");
    work = Files.createTempDirectory("clusterkit-wine");
    prefix = work.resolve("prefix");
    Path log = work.resolve("wine-init.log");
    Process init = run(List.of("cmd", "/c", "exit", "0"), Map.of(), work, log);
    if (init.exitValue() != 0) {
      throw new IllegalStateException("wine could not make its prefix:\n" + Files.readString(log));
    }
  }

  /** Stops the prefix's wineserver and removes the prefix. */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (prefix == null) {
      return;
    }
    ProcessBuilder pb = new ProcessBuilder("wineserver", "-k").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("WINEPREFIX", prefix.toString());
    pb.start().waitFor(30, TimeUnit.SECONDS);
    FileTrees.delete(work);
  }

  public Path prefix() {
    return prefix;
  }

  /** A folder of the prefix's temporary folder, for files the class's tests share. */
  public Path folder(String name) throws IOException {
    return Files.createDirectories(work.resolve(name));
  }

  /** Maps drive {@code letter} to {@code folder}. */
  public void mapDrive(char letter, Path folder) throws IOException {
    Files.createSymbolicLink(prefix.resolve("dosdevices").resolve(Character.toLowerCase(letter) + ":"), folder);
    drives.put(Character.toLowerCase(letter), folder);
  }

  /** Where {@code windowsPath} (C:\... or a drive mapped with {@link #mapDrive}) is on this machine. */
  public Path unixPath(String windowsPath) {
    char drive = Character.toLowerCase(windowsPath.charAt(0));
    Path root = drive == 'c' ? prefix.resolve("drive_c") : drives.get(drive);
    if (root == null || windowsPath.length() < 3 || !windowsPath.startsWith(":\\", 1)) {
      throw new IllegalArgumentException("not a path on drive C: or a mapped drive: " + windowsPath);
    }
    Path p = root;
    for (String part : windowsPath.substring(3).split("\\\\")) {
      if (!part.isEmpty()) {
        p = p.resolve(part);
      }
    }
    return p;
  }

  /**
   * Runs {@code wine ARGS} in {@code dir} with {@code env} on top of the prefix's environment and
   * waits for it (two minutes at most); its output and errors go to {@code output}. A variable
   * {@code env} maps to "" is removed (Windows has no empty variables).
   */
  public Process run(List<String> args, Map<String, String> env, Path dir, Path output) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wine"));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    pb.environment().remove("DISPLAY");
    pb.environment().putAll(Map.of("WINEPREFIX", prefix.toString(), "WINEDEBUG", "-all", "WINEDLLOVERRIDES", "mscoree,mshtml="));
    pb.environment().putAll(environment);
    env.forEach((name, value) -> {
      if (value.isEmpty()) {
        pb.environment().remove(name);
      } else {
        pb.environment().put(name, value);
      }
    });
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("wine " + args + " did not finish:\n" + Files.readString(output));
    }
    return p;
  }

  /**
   * Builds the stub program (with MinGW) at {@code exe}: run under any name, it appends the
   * arguments the C runtime gives it to the file STUB_LOG names (a Windows path), tab-separated
   * UTF-8, one line per run, and exits with STUB_EXIT (0 when unset) or the number in the file
   * STUB_EXIT_FILE names, when it exists. With STUB_HOLD naming a file it stays running while the
   * file exists (a daemon), except a run whose first argument is STUB_RELEASE_ARG, which deletes
   * the file (its stop command). A Windows program because Wine's cmd does not wait for a Unix one.
   */
  public static void compileStub(Path exe) throws IOException {
    Shell.requireTool("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64-win32");
    Path source = exe.resolveSibling(exe.getFileName() + ".c");
    try (var in = Wine.class.getResourceAsStream("wine-stub.c")) {
      Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
    }
    Shell.Result cc = Shell.run(List.of("x86_64-w64-mingw32-gcc", "-municode", "-O2", "-s", "-o", exe.toString(), source.toString()));
    if (cc.exitCode() != 0) {
      throw new IllegalStateException("cannot build the stub program:\n" + cc.describe());
    }
  }

  /** {@code file} as a Windows path through drive Z:, which Wine maps to /. */
  public static String windowsPath(Path file) {
    return "Z:" + file.toAbsolutePath().toString().replace('/', '\\');
  }

  /** The lines a stub wrote to {@code log}, each split into its arguments; empty when none ran. */
  public static List<List<String>> stubCalls(Path log) throws IOException {
    if (!Files.exists(log)) {
      return List.of();
    }
    return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .map(l -> List.of(l.split("\t", -1))).toList();
  }
}
