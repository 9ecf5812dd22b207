package dev.clusterkit.adapter.pacemaker;

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
  static final List<String> ALL = List.of("guide", "two-sites");

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

  /** The artifact whose path ends with {@code suffix}. */
  static Artifact artifact(List<Artifact> artifacts, String suffix) {
    return artifacts.stream().filter(a -> a.path().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError(suffix + " not rendered; rendered: " + artifacts));
  }

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
