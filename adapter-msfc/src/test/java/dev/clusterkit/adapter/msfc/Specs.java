package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.TestSpecs;
import java.util.List;

/** This adapter's test specs and spec builders; loading and rendering come from {@link TestSpecs}. */
final class Specs extends TestSpecs {
  static final List<String> ALL = List.of("jcgpkg", "jcgpkg1", "testsite", "two-sites", "two-sites-2008");

  private Specs() {}

  /** An artifact as the linters see it when it is read back from disk. */
  static SourceFile source(Artifact a) {
    return SourceFile.withBytes(a.path(), a.text(), a.bytes());
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
