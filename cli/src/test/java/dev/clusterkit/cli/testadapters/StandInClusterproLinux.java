package dev.clusterkit.cli.testadapters;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.util.List;
import java.util.Set;

/**
 * Takes the place of the clusterpro-linux adapter while it is not on the class path, so the
 * examples can be loaded and checked against the schema. Deliberately not registered as a service
 * (the real adapter would then clash with it); tests add it to a registry only when the real one is
 * missing. It declares no settings, as the examples give none.
 */
public final class StandInClusterproLinux implements ClusterAdapter {
  @Override
  public String id() {
    return "clusterpro-linux";
  }

  @Override
  public String displayName() {
    return "CLUSTERPRO for Linux (stand-in for tests)";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.LINUX);
  }

  @Override
  public List<Artifact> render(RenderContext context) {
    throw new UnsupportedOperationException("the stand-in only lets tests load the examples");
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
}
