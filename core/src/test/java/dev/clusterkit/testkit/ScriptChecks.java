package dev.clusterkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The checks every adapter runs on the shell scripts it renders: each parses ({@code SHELL -n}) in
 * the shells that will run it, and shellcheck in the script's dialect finds nothing.
 */
public final class ScriptChecks {
  /** The shells /bin/sh may be on the machines we target: dash, bash and ksh, and this one's sh. */
  public static final List<String> POSIX_SHELLS = List.of("sh", "dash", "bash", "ksh");

  /** Renders one spec (by its test name) into artifacts. */
  @FunctionalInterface
  public interface Renderer {
    List<Artifact> render(String spec) throws Exception;
  }

  private ScriptChecks() {}

  /**
   * JUnit arguments {@code (String name, Artifact script)} for the artifacts of {@code specs} that
   * {@code isScript} accepts; the name is {@code spec:path}.
   */
  public static Stream<Arguments> scripts(List<String> specs, Renderer renderer, Predicate<Artifact> isScript)
      throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (String spec : specs) {
      for (Artifact a : renderer.render(spec)) {
        if (isScript.test(a)) {
          all.add(Arguments.of(spec + ":" + a.path(), a));
        }
      }
    }
    return all.stream();
  }

  /** Asserts that {@code script} parses in each of {@code shells} (written under {@code dir}). */
  public static void assertParses(String name, Artifact script, Path dir, List<String> shells) throws IOException {
    Path file = write(script, dir);
    for (String shell : shells) {
      Shell.requireTool(shell, shell.equals("sh") ? "dash" : shell);
      Shell.Result r = Shell.run(List.of(shell, "-n", file.toString()));
      assertEquals(0, r.exitCode(), shell + " -n " + name + "\n" + r.describe());
    }
  }

  /**
   * Asserts that shellcheck, as {@code dialect} and with {@code options} (e.g. {@code -S style}),
   * finds nothing in {@code script}.
   */
  public static void assertShellcheckClean(String name, Artifact script, Path dir, String dialect, String... options)
      throws IOException {
    Shell.requireTool("shellcheck", "shellcheck");
    Path file = write(script, dir);
    List<String> command = new ArrayList<>(List.of("shellcheck", "-s", dialect, "-f", "gcc"));
    command.addAll(List.of(options));
    command.add(file.toString());
    Shell.Result r = Shell.run(command);
    assertEquals("", r.stdout(), String.join(" ", command.subList(0, command.size() - 1)) + " " + name);
    assertEquals(0, r.exitCode(), r.describe());
  }

  /** Writes {@code script}'s bytes under {@code dir}, named after its path. */
  public static Path write(Artifact script, Path dir) throws IOException {
    Path file = dir.resolve(script.path().replace('/', '_'));
    Files.write(file, script.bytes());
    return file;
  }
}
