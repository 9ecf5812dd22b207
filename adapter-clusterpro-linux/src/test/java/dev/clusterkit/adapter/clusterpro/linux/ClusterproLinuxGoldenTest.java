package dev.clusterkit.adapter.clusterpro.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.testkit.Golden;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterproLinuxGoldenTest {

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void rendersTheGoldenFiles(String spec) throws Exception {
    Golden.assertMatches(spec, Specs.render(spec));
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void renderingIsDeterministic(String spec) throws Exception {
    assertEquals(Specs.render(spec), Specs.render(spec));
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void scriptsAreExecutableLfTextAndTheRestIsNot(String spec) throws Exception {
    List<Artifact> artifacts = Specs.render(spec);
    assertEquals(Specs.load(spec).sites().size() * 3, artifacts.size());
    for (Artifact a : artifacts) {
      assertEquals(LineEnding.LF, a.lineEnding(), a.path());
      assertEquals(a.path().endsWith(".sh") ? FileMode.EXECUTABLE : FileMode.REGULAR, a.mode(), a.path());
      assertTrue(a.path().startsWith("clusterpro-linux/"), a.path());
    }
  }
}
