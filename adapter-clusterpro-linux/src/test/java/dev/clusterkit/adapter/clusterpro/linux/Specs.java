package dev.clusterkit.adapter.clusterpro.linux;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import java.nio.file.Path;
import java.util.List;

/** Loads and renders the test specs through the public facade, as users do. */
final class Specs {
  static final ClusterKit KIT = ClusterKit.create();

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
