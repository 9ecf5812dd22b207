package dev.clusterkit.adapter.pacemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The agent and the pcs script parse in every shell /bin/sh may be (Pacemaker runs agents with
 * their #! line), and shellcheck in POSIX sh mode finds nothing, at any severity.
 */
class GeneratedScriptShellTest {
  @TempDir Path dir;

  static Stream<Arguments> scripts() throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (String spec : Specs.ALL) {
      for (Artifact a : Specs.render(spec)) {
        if (a.text().startsWith("#!/bin/sh")) {
          all.add(Arguments.of(spec + ":" + a.path(), a));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void parsesInEveryShell(String name, Artifact script) throws Exception {
    Path file = write(script);
    for (String shell : List.of("sh", "dash", "bash", "ksh")) {
      Shell.requireTool(shell, shell.equals("sh") ? "dash" : shell);
      Shell.Result r = Shell.run(List.of(shell, "-n", file.toString()));
      assertEquals(0, r.exitCode(), shell + " -n " + name + "\n" + r.describe());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void shellcheckFindsNothing(String name, Artifact script) throws Exception {
    Shell.requireTool("shellcheck", "shellcheck");
    Path file = write(script);
    Shell.Result r = Shell.run(List.of("shellcheck", "-s", "sh", "-S", "style", "-f", "gcc", file.toString()));
    assertEquals("", r.stdout(), "shellcheck -s sh " + name);
    assertEquals(0, r.exitCode(), r.describe());
  }

  private Path write(Artifact script) throws Exception {
    Path file = dir.resolve(script.path().replace('/', '_'));
    Files.write(file, script.bytes());
    return file;
  }
}
