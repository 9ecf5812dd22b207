package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.testkit.Golden;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterproWindowsGoldenTest {

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
  void everyFileIsCrlfWithoutBomOrBareLf(String spec) throws Exception {
    List<Artifact> artifacts = Specs.render(spec);
    assertEquals(Specs.load(spec).sites().size() * 4, artifacts.size());
    for (Artifact a : artifacts) {
      byte[] b = a.bytes();
      assertEquals(LineEnding.CRLF, a.lineEnding(), a.path());
      assertFalse(b.length >= 3 && (b[0] & 0xFF) == 0xEF, a.path() + " starts with a BOM");
      for (int i = 0; i < b.length; i++) {
        if (b[i] == '\n') {
          assertTrue(i > 0 && b[i - 1] == '\r', a.path() + ": bare LF at byte " + i);
        }
      }
      if (a.path().endsWith(".bat")) {
        assertTrue(List.of("US-ASCII", "windows-31j").contains(a.charset().name()), a.path());
      }
      if (a.path().endsWith("site.conf")) {
        assertEquals(StandardCharsets.US_ASCII, a.charset());
      }
    }
  }
}
