package dev.clusterkit.adapter.clusterpro.windows;

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
  static final List<String> NAMES = List.of("guide", "two-sites");

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

  /** The one artifact at {@code path} (below the target folder). */
  static Artifact artifact(List<Artifact> artifacts, String path) {
    return artifacts.stream().filter(a -> a.path().equals(ClusterproWindowsAdapter.ID + "/" + path)).findFirst()
        .orElseThrow(() -> new AssertionError("no artifact " + path + " in " + artifacts));
  }

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
