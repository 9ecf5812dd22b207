package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.TestSpecs;
import java.nio.file.Path;
import java.util.List;

/** This adapter's test specs and spec builders; loading and rendering come from {@link TestSpecs}. */
final class Specs extends TestSpecs {
  static final List<String> ALL = List.of("guide", "two-sites");

  private Specs() {}

  /**
   * A one-site spec: the site's commands under {@code installRoot}, its database {@code database},
   * its address {@code address}, and extra cluster-level pacemaker settings (YAML flow map body).
   */
  static ClusterSpec oneSite(Path installRoot, String site, Path database, String address, int boot, int stop,
      String settings) throws Exception {
    return parse("""
        apiVersion: clusterkit/v1
        kind: Cluster
        name: exec-test
        platform: linux
        installRoot: %s
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: %s
            machineId: 200
            database: %s
            address: %s
            siteConf:
              bootTimeout: %d
              stopTimeout: %d
              forceKillTime: 10
        targets:
          pacemaker: {%s}
        """.formatted(installRoot, site, database, address, boot, stop, settings));
  }
}
