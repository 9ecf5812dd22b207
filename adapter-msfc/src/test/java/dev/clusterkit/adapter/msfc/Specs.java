package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;

/** Loads and renders the test specs through the public facade, as users do. */
final class Specs {
  static final ClusterKit KIT = ClusterKit.create();
  static final List<String> ALL = List.of("jcgpkg", "jcgpkg1", "testsite", "two-sites", "two-sites-2008");

  private Specs() {}

  static ClusterSpec load(String name) throws Exception {
    return KIT.loadSpec(Path.of("src/test/resources/specs", name + ".yaml"));
  }

  static List<Artifact> render(String name) throws Exception {
    return KIT.render(load(name), RenderOptions.ALL);
  }

  static ClusterSpec parse(String text) throws Exception {
    return new SpecLoader(KIT.registry()).parse("test.yaml", text);
  }

  static List<Artifact> render(ClusterSpec spec) throws Exception {
    return KIT.render(spec, RenderOptions.ALL);
  }

  /** An artifact as the linters see it when it is read back from disk. */
  static SourceFile source(Artifact a) {
    return SourceFile.withBytes(a.path(), a.text(), a.bytes());
  }

  static Artifact find(List<Artifact> artifacts, String suffix) {
    return artifacts.stream().filter(a -> a.path().endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no artifact ending " + suffix + " in " + artifacts));
  }

  /**
   * A one-site spec: {@code siteExtra} goes under the site (indented 4), {@code msfcSite} under its
   * targets.msfc (indented 8), {@code msfcCluster} under targets.msfc (indented 4).
   */
  static String oneSite(String windowsServer, String siteExtra, String msfcSite, String msfcCluster) {
    return """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: one
        platform: windows
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: jcgpkg.example.com
            machineId: 200
            database: 'Y:\\Jobdb'
            address: 192.168.50.194
        %s
            targets:
              msfc:
        %s
        targets:
          msfc:
            windowsServer: "%s"
        %s
        """.formatted(indent(siteExtra, 4), msfcSite.isBlank() ? "        {}" : indent(msfcSite, 8), windowsServer,
            indent(msfcCluster, 4));
  }

  private static String indent(String text, int n) {
    if (text.isBlank()) {
      return "";
    }
    String pad = " ".repeat(n);
    return pad + text.strip().replace("\n", "\n" + pad);
  }
}
