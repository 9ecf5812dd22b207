package dev.clusterkit.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Windows programs (cmd, cscript, what tests build with MinGW) under Wine, in a private prefix
 * made on first use (about 5 s) and without a display. Output goes to a file, never a pipe: the
 * wineserver Wine leaves running would hold a pipe open for seconds.
 */
public final class Wine implements AutoCloseable {
  private final Path prefix;
  private final Map<String, String> environment;

  private Wine(Path prefix, Map<String, String> environment) {
    this.prefix = prefix;
    this.environment = Map.copyOf(environment);
  }

  /**
   * A Wine prefix under {@code dir}, with {@code environment} for every program (a locale, say).
   * Fails (or skips) unless wine is installed.
   */
  public static Wine create(Path dir, Map<String, String> environment) throws IOException, InterruptedException {
    Shell.requireTool("wine", "wine");
    Wine wine = new Wine(dir.resolve("prefix"), environment);
    Path log = dir.resolve("wine-init.log");
    Process init = wine.run(List.of("cmd", "/c", "exit", "0"), Map.of(), dir, log);
    if (init.exitValue() != 0) {
      throw new IllegalStateException("wine could not make its prefix:\n" + Files.readString(log));
    }
    return wine;
  }

  public Path prefix() {
    return prefix;
  }

  /** Maps drive {@code letter} to {@code folder}. */
  public void mapDrive(char letter, Path folder) throws IOException {
    Files.createSymbolicLink(prefix.resolve("dosdevices").resolve(Character.toLowerCase(letter) + ":"), folder);
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

  /** Stops the prefix's wineserver. */
  @Override
  public void close() throws IOException {
    ProcessBuilder pb = new ProcessBuilder("wineserver", "-k").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("WINEPREFIX", prefix.toString());
    try {
      pb.start().waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
