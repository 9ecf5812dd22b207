package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the bundled examples with the real clusterpro-linux adapter, as the README's first
 * command does. Skipped while that adapter is not on the class path (its module is still empty).
 */
class ExamplesRenderTest {
  @TempDir Path tmp;

  @BeforeEach
  void needsTheRealAdapter() {
    Assumptions.assumeTrue(TestSetup.hasRealClusterproLinux(),
        "the clusterpro-linux adapter is not on the class path yet");
  }

  @Test
  void testsiteRendersAndIsDeterministic() throws IOException {
    Map<String, String> files = render("testsite.yaml", tmp.resolve("a"));
    assertTrue(String.join("\n", files.values()).contains("/mnt/jobdb"), files.keySet().toString());
    assertEquals(files, render("testsite.yaml", tmp.resolve("b")));
  }

  @Test
  void twoSitesRenderBothSites() throws IOException {
    String all = String.join("\n", render("two-sites.yaml", tmp.resolve("out")).values());
    assertTrue(all.contains("/mnt/jobdb1") && all.contains("/mnt/jobdb2"), all);
  }

  private Map<String, String> render(String example, Path out) throws IOException {
    Path spec = TestSetup.repoRoot().resolve("examples").resolve(example);
    Cli.Result r = Cli.run("render", spec.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.describe());
    Map<String, String> files = RenderCommandTest.tree(out);
    assertFalse(files.isEmpty());
    assertTrue(files.keySet().stream().allMatch(f -> f.startsWith(TestSetup.CLUSTERPRO_LINUX + "/")), files.keySet().toString());
    List<String> printed = files.keySet().stream().map(f -> out.resolve(f).toString()).toList();
    assertEquals(printed, r.outLines());
    return files;
  }
}
