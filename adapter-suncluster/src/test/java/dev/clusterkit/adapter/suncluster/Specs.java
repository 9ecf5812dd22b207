package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.testkit.TestSpecs;
import java.nio.file.Path;
import java.util.List;

/** This adapter's test specs and spec builders; loading and rendering come from {@link TestSpecs}. */
final class Specs extends TestSpecs {
  static final List<String> GOLDEN = List.of("guide", "two-sites");

  static List<String> goldenNames() {
    return GOLDEN;
  }

  private Specs() {}

  /**
   * A one-site spec whose JobCenter commands live under {@code installRoot}; {@code siteExtra}
   * and {@code settings} are YAML lines added to the site and to its suncluster settings.
   */
  static ClusterSpec oneSite(Path installRoot, String release, boolean watched, boolean portKeeper, String siteExtra,
      String settings) throws Exception {
    String text = """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: exec-test
        platform: solaris
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
        %s
            targets:
              suncluster:
                service: jcservice
        %s
        targets:
          suncluster:
            release: "%s"
        """.formatted(installRoot, watched, portKeeper, indent(siteExtra, "    "), indent(settings, "        "), release);
    return parse(text);
  }

  private static String indent(String lines, String prefix) {
    if (lines.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (String line : lines.split("\n")) {
      s.append(prefix).append(line).append('\n');
    }
    return s.toString().stripTrailing();
  }
}
