package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.testkit.TestSpecs;
import java.util.List;

/** This adapter's test specs and spec builders; loading and rendering come from {@link TestSpecs}. */
final class Specs extends TestSpecs {
  static final List<String> NAMES = List.of("guide", "two-sites");

  private Specs() {}

  /**
   * A one-site spec with the given YAML fragments: {@code site} lines go under the site (indented 4),
   * {@code target} lines under targets.clusterpro-windows (indented 4).
   */
  static String oneSite(String installRoot, String database, String site, String target) {
    return """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: test
        platform: windows
        installRoot: '%s'
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: testsite.example.com
            machineId: 200
            database: '%s'
            address: 192.168.10.50
        %s
        targets:
          clusterpro-windows:
            product: x
            adminAccount: Job-Admin
        %s
        """.formatted(installRoot.replace("'", "''"), database.replace("'", "''"), indent(site), indent(target));
  }

  private static String indent(String lines) {
    return lines.isEmpty() ? "" : lines.lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
  }
}
