package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.ScriptChecks;
import dev.clusterkit.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell artifact parses in the shells that will run it and shellcheck, in that dialect, is
 * silent: the external scripts are POSIX sh (HP-UX's /usr/bin/sh, Linux's /bin/sh); the legacy
 * fragments are ksh on HP-UX and bash on Linux, like the control script they are pasted into.
 */
class GeneratedScriptShellTest {
  @TempDir Path dir;

  /** The shells that parse a file, and shellcheck's dialect for it. */
  private record Dialect(List<String> shells, String shellcheck) {}

  private static Dialect dialect(String path) {
    if (path.endsWith(".ksh")) {
      return new Dialect(List.of("ksh"), "ksh");
    }
    if (path.endsWith(".bash")) {
      return new Dialect(List.of("bash"), "bash");
    }
    return new Dialect(ScriptChecks.POSIX_SHELLS, "sh");
  }

  static Stream<Arguments> scripts() throws Exception {
    return ScriptChecks.scripts(List.of("guide", "two-sites"), Specs::render,
        a -> a.path().endsWith(".sh") || a.path().endsWith(".ksh") || a.path().endsWith(".bash"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void parsesInTheShellsThatRunIt(String name, Artifact script) throws Exception {
    ScriptChecks.assertParses(name, script, dir, dialect(script.path()).shells());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void shellcheckFindsNothing(String name, Artifact script) throws Exception {
    ScriptChecks.assertShellcheckClean(name, script, dir, dialect(script.path()).shellcheck());
  }

  @Test
  void fragmentsKeepKshOnlySyntaxThatTheCheckWouldCatch() throws Exception {
    // The fragments use ksh/bash syntax (arrays, 'function f'): a broken one must fail ksh -n, which
    // proves the check above reads them as ksh and is not vacuous.
    Shell.requireTool("ksh", "ksh");
    Artifact fragments = Specs.artifact(Specs.render("guide"), ".cntl-fragments.ksh");
    Path broken = dir.resolve("broken.ksh");
    String text = fragments.text().replace("        test_return 52\n    fi\n}", "        test_return 52\n    fi\n");
    assertNotEquals(fragments.text(), text, "the halt function's closing brace was removed");
    Files.writeString(broken, text);
    assertNotEquals(0, Shell.run(List.of("ksh", "-n", broken.toString())).exitCode());
  }
}
