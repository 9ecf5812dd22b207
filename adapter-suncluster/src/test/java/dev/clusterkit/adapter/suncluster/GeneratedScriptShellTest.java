package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import java.nio.file.Files;
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
    List<Arguments> all = new ArrayList<>();
    for (String spec : Specs.GOLDEN) {
      for (Artifact a : Specs.render(spec)) {
        if (a.path().endsWith(".sh")) {
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
    Shell.Result r = Shell.run(List.of("shellcheck", "-s", "sh", "-f", "gcc", file.toString()));
    assertEquals("", r.stdout(), "shellcheck -s sh " + name);
    assertEquals(0, r.exitCode(), r.describe());
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

  private Path write(Artifact script) throws Exception {
    Path file = dir.resolve(script.path().replace('/', '_'));
    Files.write(file, script.bytes());
    return file;
  }
}
