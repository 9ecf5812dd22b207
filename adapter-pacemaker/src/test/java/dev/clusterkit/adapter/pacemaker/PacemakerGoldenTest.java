package dev.clusterkit.adapter.pacemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.testkit.Golden;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacemakerGoldenTest {

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
  void theAgentAndThePcsScriptAreExecutableLfTextAndTheRestIsNot(String spec) throws Exception {
    List<Artifact> artifacts = Specs.render(spec);
    assertEquals(4, artifacts.size(), artifacts.toString());
    for (Artifact a : artifacts) {
      assertEquals(LineEnding.LF, a.lineEnding(), a.path());
      boolean executable = a.path().endsWith("/jobcenter-site") || a.path().endsWith(".sh");
      assertEquals(executable ? FileMode.EXECUTABLE : FileMode.REGULAR, a.mode(), a.path());
      assertTrue(a.path().startsWith("pacemaker/"), a.path());
    }
  }
}
