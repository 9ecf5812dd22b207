package dev.clusterkit.adapter.clusterpro.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the adapter tells `clusterkit doctor`: the 2 MB CLUSTERPRO X gives, and what start.sh raises it to. */
class DoctorFactsTest {
  private final ClusterAdapter adapter = Specs.KIT.registry().find(ClusterproLinuxAdapter.ID).orElseThrow();

  @Test
  void clusterproXGivesExecResources2Mb() throws Exception {
    assertEquals(Optional.of(2048L), adapter.stackLimitKb(Specs.load("guide")));
  }

  /** The fact must be what the rendered start.sh really does. */
  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void startScriptLimitIsTheUlimitOfTheRenderedStartSh(String name) throws Exception {
    ClusterSpec spec = Specs.load(name);
    long kb = adapter.startScriptStackLimitKb(spec).orElseThrow();
    Artifact start = Specs.render(name).stream().filter(a -> a.path().endsWith("/start.sh")).findFirst().orElseThrow();
    String text = start.text();
    String expected = kb == ClusterAdapter.UNLIMITED_STACK ? "ulimit -s unlimited" : "ulimit -S -s " + kb;
    assertTrue(text.lines().anyMatch(l -> l.strip().startsWith(expected + " ")), expected + " not in\n" + text);
  }
}
