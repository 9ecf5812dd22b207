package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the adapter tells `clusterkit doctor` about a node: the mount of the site database. */
class DoctorFactsTest {
  private final ClusterAdapter adapter = Specs.KIT.registry().find("serviceguard").orElseThrow();

  @Test
  void fsDirectoryIsTheMountAndDefaultsToTheDatabasePath() throws Exception {
    ClusterSpec twoSites = Specs.load("two-sites");
    assertEquals(Optional.of("/shared/east"), adapter.databaseMountPoint(twoSites.sites().get(0)));
    ClusterSpec guide = Specs.load("guide");
    assertEquals(Optional.of("/mnt/jobdb"), adapter.databaseMountPoint(guide.sites().get(0)));
  }
}
