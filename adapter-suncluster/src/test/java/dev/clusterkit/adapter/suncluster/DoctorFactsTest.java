package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the adapter tells `clusterkit doctor` about a node: the mount and the extra ports. */
class DoctorFactsTest {
  private final ClusterAdapter adapter = Specs.KIT.registry().find("suncluster").orElseThrow();

  @Test
  void mountPointAndTcpPortsComeFromTheSiteSettings() throws Exception {
    ClusterSpec spec = Specs.load("two-sites");
    assertEquals(Optional.of("/shared/east"), adapter.databaseMountPoint(spec.sites().get(0)));
    assertEquals(List.of(611, 10012), adapter.tcpPorts(spec.sites().get(0)));
    // No mountPoint: HAStoragePlus mounts the database path itself; no extraPorts: none.
    assertEquals(Optional.of("/shared/west/jobdb"), adapter.databaseMountPoint(spec.sites().get(1)));
    assertEquals(List.of(), adapter.tcpPorts(spec.sites().get(1)));
    assertEquals(Optional.empty(), adapter.stackLimitKb(spec));
  }
}
