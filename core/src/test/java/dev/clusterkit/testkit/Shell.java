package dev.clusterkit.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs real programs from tests: shells, shellcheck and the scripts we generate. A tool that is
 * missing fails the test with the package to install; set {@code CLUSTERKIT_ALLOW_MISSING_TOOLS=1}
 * to skip instead on a machine that cannot have it (CI installs every tool, so it never skips).
 */
public final class Shell {
  private Shell() {}

  /** What a finished process did. */
  public record Result(int exitCode, String stdout, String stderr) {
    public String describe() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  /** Fails (or skips, see class comment) unless {@code tool} is on the PATH. */
  public static void requireTool(String tool, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return;
      }
    }
    missing(tool + " is not installed: apt-get install " + debianPackage);
  }

  /**
   * Fails (or skips, see class comment) unless the C library has {@code locale} (as {@code locale
   * -a} spells it, e.g. {@code ja_JP.utf8}); {@code howToMake} says how to generate it.
   */
  public static void requireLocale(String locale, String howToMake) {
    Result r = run(List.of("locale", "-a"));
    if (r.exitCode() == 0 && r.stdout().lines().anyMatch(l -> l.equalsIgnoreCase(locale))) {
      return;
    }
    missing("the locale " + locale + " is not available: " + howToMake);
  }

  /**
   * Fails (or skips, see class comment) with {@code message} unless {@code available}: for tools
   * that are not a command on the PATH (an npm package in a folder, say).
   */
  public static void require(boolean available, String message) {
    if (!available) {
      missing(message);
    }
  }

  private static void missing(String message) {
    if ("1".equals(System.getenv("CLUSTERKIT_ALLOW_MISSING_TOOLS"))) {
      Assumptions.abort(message);
    }
    fail(message + " (or set CLUSTERKIT_ALLOW_MISSING_TOOLS=1 to skip)");
  }

  public static Result run(List<String> command) {
    return run(command, Map.of(), null, 60);
  }

  /**
   * Runs a command with extra environment variables (the rest of the environment is inherited),
   * in {@code dir} when not null, killing it after {@code timeoutSeconds}.
   */
  public static Result run(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds) {
    try {
      Path out = Files.createTempFile("clusterkit-out", ".txt");
      Path err = Files.createTempFile("clusterkit-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.environment().putAll(env);
        if (dir != null) {
          pb.directory(dir.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.redirectOutput(out.toFile());
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          fail(command + " did not finish within " + timeoutSeconds + " s");
        }
        return new Result(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
