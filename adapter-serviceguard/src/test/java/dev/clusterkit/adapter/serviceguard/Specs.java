package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.TestSpecs;
import java.nio.file.Path;

/** This adapter's test specs and spec builders; loading and rendering come from {@link TestSpecs}. */
final class Specs extends TestSpecs {

  private Specs() {}

  /** A one-site spec on a platform whose JobCenter commands live under {@code installRoot}. */
  static ClusterSpec withInstallRoot(Path installRoot, String platform, boolean watched, boolean portKeeper)
      throws Exception {
    return parse("""
        apiVersion: clusterkit/v1
        kind: Cluster
        name: exec-test
        platform: %s
        installRoot: %s
        nodes:
          - name: node1
          - name: node2
        sites:
          - name: testsite.example.com
            machineId: 200
            database: /mnt/jobdb
            address: 192.168.10.50
            watched: %s
            portKeeper: %s
            targets:
              serviceguard:
                ipSubnet: 192.168.10.0
                vg: vgjob
                fsName: /dev/vgjob/lvol1
                fsType: %s
        targets:
          serviceguard: {}
        """.formatted(platform, installRoot, watched, portKeeper, platform.equals("linux") ? "ext4" : "vxfs"));
  }

}
