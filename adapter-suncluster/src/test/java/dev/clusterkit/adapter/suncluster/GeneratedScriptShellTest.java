package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.ScriptChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated script parses in the shells Solaris might run it with (/bin/sh is the Bourne
 * shell on Solaris 10 and ksh93 on Solaris 11), shellcheck is silent, and no construct the Bourne
 * shell lacks is used.
 */
class GeneratedScriptShellTest {
  /** POSIX-only constructs that Solaris 10's /bin/sh (a Bourne shell) does not have. */
  private static final Pattern NOT_BOURNE =
      Pattern.compile("\\$\\(|\\[\\[|\\(\\(|(^|[;&|]\\s*|\\b(if|then|else|do|while|until)\\s+)!\\s|^\\s*local\\s|\\bfunction\\s");

  @TempDir Path dir;

  static Stream<Arguments> scripts() throws Exception {
    return ScriptChecks.scripts(Specs.GOLDEN, Specs::render, a -> a.path().endsWith(".sh"));
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void usesNothingTheBourneShellLacks(String name, Artifact script) {
    List<String> hits = new ArrayList<>();
    String[] lines = script.text().split("\n");
    for (int i = 0; i < lines.length; i++) {
      String code = lines[i].startsWith("#") ? "" : lines[i];
      Matcher m = NOT_BOURNE.matcher(code);
      if (m.find()) {
        hits.add((i + 1) + ": " + lines[i]);
      }
    }
    assertEquals(List.of(), hits, name);
  }
}
