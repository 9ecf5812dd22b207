package dev.clusterkit.adapter.serviceguard;

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

  /** The text of the one rendered artifact whose path ends with {@code suffix}. */
  static Artifact artifact(List<Artifact> artifacts, String suffix) {
    List<Artifact> found = artifacts.stream().filter(a -> a.path().endsWith(suffix)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one artifact ending " + suffix + ", found " + found);
    }
    return found.get(0);
  }
}
