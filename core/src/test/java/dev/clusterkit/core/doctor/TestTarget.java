package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A cluster product whose node facts (stack, mount, ports) the test chooses. */
record TestTarget(Optional<Long> givenKb, Optional<Long> scriptKb, Optional<String> mountPoint, List<Integer> ports)
    implements ClusterAdapter {
  static final String ID = "test-product";

  static TestTarget plain() {
    return new TestTarget(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Test Product";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.LINUX, Platform.WINDOWS);
  }

  @Override
  public List<Artifact> render(RenderContext context) {
    return List.of();
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return false;
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return List.of();
  }

  @Override
  public List<Rule> rules() {
    return List.of();
  }

  @Override
  public Optional<Long> stackLimitKb(ClusterSpec spec) {
    return givenKb;
  }

  @Override
  public Optional<Long> startScriptStackLimitKb(ClusterSpec spec) {
    return scriptKb;
  }

  @Override
  public Optional<String> databaseMountPoint(SiteSpec site) {
    return mountPoint;
  }

  @Override
  public List<Integer> tcpPorts(SiteSpec site) {
    return ports;
  }
}
