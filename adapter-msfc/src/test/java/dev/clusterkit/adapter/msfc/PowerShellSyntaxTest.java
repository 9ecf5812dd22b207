package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parses the rendered PowerShell with tree-sitter-powershell (there is no PowerShell on Linux
 * here): a grammar check, not PSScriptAnalyzer, so syntax only. The npm packages are looked for in
 * CLUSTERKIT_TREE_SITTER_POWERSHELL, else in ~/.cache/clusterkit/tree-sitter-powershell, where
 * .ci/run installs them ({@code npm install tree-sitter@0.25 tree-sitter-powershell@0.26.4}).
 */
class PowerShellSyntaxTest {
  private static final Path SCRIPT = Path.of("src/test/resources/tools/ps-syntax.mjs").toAbsolutePath();
  private static Path modules;

  @TempDir Path dir;

  @BeforeAll
  static void findTheParser() {
    Path folder = Optional.ofNullable(System.getenv("CLUSTERKIT_TREE_SITTER_POWERSHELL")).filter(s -> !s.isBlank())
        .map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".cache", "clusterkit", "tree-sitter-powershell"));
    Shell.requireTool("node", "nodejs");
    Shell.require(Files.isDirectory(folder.resolve("node_modules/tree-sitter-powershell")),
        "tree-sitter-powershell is not installed in " + folder + ": npm install --prefix " + folder
            + " tree-sitter@0.25 tree-sitter-powershell@0.26.4 (.ci/run does), or set CLUSTERKIT_TREE_SITTER_POWERSHELL");
    modules = folder;
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
