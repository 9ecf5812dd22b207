package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.testkit.Golden;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SunClusterGoldenTest {

  static List<String> specs() {
    return Specs.GOLDEN;
  }

  @ParameterizedTest
  @MethodSource("specs")
  void rendersTheGoldenFiles(String spec) throws Exception {
    Golden.assertMatches(spec, Specs.render(spec));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void renderingIsDeterministic(String spec) throws Exception {
    assertEquals(Specs.render(spec), Specs.render(spec));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void scriptsAreExecutableLfTextAndTheRestIsNot(String spec) throws Exception {
    List<Artifact> artifacts = Specs.render(spec);
    // release "both": two SC 3.2 scripts, two SC 2.2 methods, the hareg text and SETTINGS.txt.
    assertEquals(Specs.load(spec).sites().size() * 6, artifacts.size());
    for (Artifact a : artifacts) {
      assertEquals(LineEnding.LF, a.lineEnding(), a.path());
      assertEquals(a.path().endsWith(".sh") ? FileMode.EXECUTABLE : FileMode.REGULAR, a.mode(), a.path());
      assertTrue(a.path().startsWith("suncluster/"), a.path());
    }
  }

  @Test
  void releaseSelectsTheFiles() throws Exception {
    Path root = Path.of("/usr/lib/nqs");
    assertEquals(List.of("sc32-create.sh", "sc32-remove.sh", "SETTINGS.txt"),
        names(Specs.render(Specs.oneSite(root, "3.2", true, false, "", ""))));
    assertEquals(List.of("sc22-hareg.txt", "sc22-start.sh", "sc22-stop.sh", "SETTINGS.txt"),
        names(Specs.render(Specs.oneSite(root, "2.2", true, false, "", ""))));
  }

  private static List<String> names(List<Artifact> artifacts) {
    return artifacts.stream().map(a -> a.path().substring(a.path().lastIndexOf('/') + 1)).sorted(String.CASE_INSENSITIVE_ORDER).toList();
  }
}
