package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optional: parses the rendered PowerShell with tree-sitter-powershell (there is no PowerShell on
 * Linux here). Runs only when CLUSTERKIT_TREE_SITTER_POWERSHELL names a folder where
 * {@code npm install tree-sitter@0.25 tree-sitter-powershell@0.26.4} was run, and node is on the
 * PATH; skipped otherwise. A grammar check, not PSScriptAnalyzer: syntax only.
 */
class PowerShellSyntaxTest {
  private static final Path SCRIPT = Path.of("src/test/resources/tools/ps-syntax.mjs").toAbsolutePath();
  private static Path modules;

  @TempDir Path dir;

  @BeforeAll
  static void findTheParser() {
    Optional<Path> found = Optional.ofNullable(System.getenv("CLUSTERKIT_TREE_SITTER_POWERSHELL"))
        .map(Path::of)
        .filter(p -> Files.isDirectory(p.resolve("node_modules/tree-sitter-powershell")));
    Assumptions.assumeTrue(found.isPresent(),
        "set CLUSTERKIT_TREE_SITTER_POWERSHELL to a folder with tree-sitter and tree-sitter-powershell installed");
    Shell.requireTool("node", "nodejs");
    modules = found.get();
  }

  @Test
  void theParserFindsASyntaxError() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.ps1"), "if ($a {\r\n");
    Shell.Result r = Shell.run(List.of("node", SCRIPT.toString(), modules.toString(), bad.toString()));
    assertEquals(1, r.exitCode(), r.describe());
  }

  @Test
  void everyRenderedScriptParses() throws Exception {
    List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), modules.toString()));
    for (String spec : Specs.ALL) {
      for (Artifact a : Specs.render(spec)) {
        if (a.path().endsWith(".ps1")) {
          Path f = dir.resolve(spec + "-" + a.path().replace('/', '_'));
          Files.write(f, a.bytes());
          command.add(f.toString());
        }
      }
    }
    Shell.Result r = Shell.run(command);
    assertEquals(0, r.exitCode(), r.describe());
    assertEquals("", r.stdout());
  }
}
