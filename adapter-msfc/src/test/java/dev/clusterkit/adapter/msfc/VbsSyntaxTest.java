package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Wine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Generic Script VBScript parses in a real VBScript engine (Wine's, run by cscript). The script
 * only defines what the cluster calls and needs the cluster's Resource object, so it is parsed,
 * not run: {@code WScript.Quit 0} goes first, and the engine's parser errors, which Wine reports
 * only in its debug channel, fail the test.
 */
@EnabledOnOs(OS.LINUX)
class VbsSyntaxTest {
  @RegisterExtension static final Wine WINE = Wine.withEnvironment(Map.of());

  static Stream<Arguments> scripts() throws Exception {
    List<Arguments> all = new ArrayList<>();
    for (String spec : Specs.ALL) {
      for (Artifact a : Specs.render(spec)) {
        if (a.path().endsWith(".vbs")) {
          all.add(Arguments.of(spec + ":" + a.path(), a.text()));
        }
      }
    }
    return all.stream();
  }

  /** What Wine's VBScript parser said about {@code text}: its parser_error lines. */
  private static List<String> parserErrors(String name, String text, Path dir) throws Exception {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int at = lines.stream().anyMatch(l -> l.strip().equalsIgnoreCase("Option Explicit"))
        ? lines.indexOf(lines.stream().filter(l -> l.strip().equalsIgnoreCase("Option Explicit")).findFirst().orElseThrow()) + 1
        : 0;
    lines.add(at, "WScript.Quit 0");
    Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9.]", "_"));
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
    Path out = dir.resolve(file.getFileName() + ".out");
    WINE.run(List.of("cscript", "//nologo", file.getFileName().toString()), Map.of("WINEDEBUG", "-all,fixme+vbscript"), dir, out);
    return Files.readAllLines(out, StandardCharsets.ISO_8859_1).stream().filter(l -> l.contains("parser_error")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void parses(String name, String text, @TempDir Path dir) throws Exception {
    assertEquals(List.of(), parserErrors(name, text, dir));
  }

  @Test
  void aBrokenScriptIsCaught(@TempDir Path dir) throws Exception {
    String text = (String) scripts().findFirst().orElseThrow().get()[1];
    String broken = text.replaceFirst("End Function", "");
    assertFalse(broken.equals(text), "an End Function was removed");
    assertTrue(!parserErrors("broken.vbs", broken, dir).isEmpty(), "the parser reports the missing End Function");
  }
}
