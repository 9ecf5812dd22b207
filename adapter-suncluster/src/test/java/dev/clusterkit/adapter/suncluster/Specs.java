package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;

/** Loads and renders the test specs through the public facade, as users do. */
final class Specs {
  static final ClusterKit KIT = ClusterKit.create();
  static final List<String> GOLDEN = List.of("guide", "two-sites");

  static List<String> goldenNames() {
    return GOLDEN;
  }

  private Specs() {}

  static ClusterSpec load(String name) throws Exception {
    return KIT.loadSpec(Path.of("src/test/resources/specs", name + ".yaml"));
  }

  static List<Artifact> render(String name) throws Exception {
    return KIT.render(load(name), RenderOptions.ALL);
  }

  static List<Artifact> render(ClusterSpec spec) throws Exception {
    return KIT.render(spec, RenderOptions.ALL);
  }

  static ClusterSpec parse(String text) throws Exception {
    return new SpecLoader(KIT.registry()).parse("test.yaml", text);
  }

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
