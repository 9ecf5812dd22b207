package dev.clusterkit.adapter.clusterpro.linux;

import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.TestSpecs;
import java.nio.file.Path;

/** This adapter's test specs and spec builders; loading and rendering come from {@link TestSpecs}. */
final class Specs extends TestSpecs {

  private Specs() {}

  /** A one-site spec whose JobCenter commands live under {@code installRoot}. */
  static ClusterSpec withInstallRoot(Path installRoot, boolean watched, boolean portKeeper) throws Exception {
    String text = """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: exec-test
        platform: linux
        installRoot: %s
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: testsite.example.com
            machineId: 200
            database: /mnt/jobdb
            address: 192.168.10.50
            watched: %s
            portKeeper: %s
        targets:
          clusterpro-linux: {}
        """.formatted(installRoot, watched, portKeeper);
    return new dev.clusterkit.core.spec.SpecLoader(KIT.registry()).parse("exec-test.yaml", text);
  }
}
