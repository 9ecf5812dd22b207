package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.testkit.Golden;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceguardGoldenTest {

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
  void onlyTheExternalScriptIsExecutableAndAllIsLfText(String spec) throws Exception {
    List<Artifact> artifacts = Specs.render(spec);
    assertEquals(Specs.load(spec).sites().size() * 5, artifacts.size());
    for (Artifact a : artifacts) {
      assertEquals(LineEnding.LF, a.lineEnding(), a.path());
      assertEquals(a.path().endsWith("_ext.sh") ? FileMode.EXECUTABLE : FileMode.REGULAR, a.mode(), a.path());
      assertTrue(a.path().startsWith("serviceguard/"), a.path());
    }
  }
}
