package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.ScriptChecks;
import java.nio.file.Path;
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
    return ScriptChecks.scripts(Specs.ALL, Specs::render, a -> a.text().startsWith("#!/bin/sh"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void parsesInEveryShell(String name, Artifact script) throws Exception {
    ScriptChecks.assertParses(name, script, dir, ScriptChecks.POSIX_SHELLS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void shellcheckFindsNothing(String name, Artifact script) throws Exception {
    ScriptChecks.assertShellcheckClean(name, script, dir, "sh", "-S", "style");
  }
}
