package dev.clusterkit.adapter.clusterpro.linux;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.ScriptChecks;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generated script parses in every shell CLUSTERPRO might run it with, and shellcheck is silent. */
class GeneratedScriptShellTest {
  @TempDir Path dir;

  static Stream<Arguments> scripts() throws Exception {
    return ScriptChecks.scripts(List.of("guide", "two-sites"), Specs::render, a -> a.path().endsWith(".sh"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void parsesInEveryShell(String name, Artifact script) throws Exception {
    ScriptChecks.assertParses(name, script, dir, ScriptChecks.POSIX_SHELLS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void shellcheckFindsNothing(String name, Artifact script) throws Exception {
    ScriptChecks.assertShellcheckClean(name, script, dir, "sh");
  }
}
