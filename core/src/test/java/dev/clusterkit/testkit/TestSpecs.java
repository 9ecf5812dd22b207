package dev.clusterkit.testkit;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads and renders a module's test specs ({@code src/test/resources/specs/NAME.yaml}) through the
 * public facade, as users do. Each adapter's tests have a {@code Specs} class extending this one
 * with the spec names and spec builders of that adapter, so they call {@code Specs.render(...)}.
 */
public class TestSpecs {
  /** The facade with every adapter on the test class path. */
  public static final ClusterKit KIT = ClusterKit.create();

  protected TestSpecs() {}

  public static ClusterSpec load(String name) throws Exception {
    return KIT.loadSpec(Path.of("src/test/resources/specs", name + ".yaml"));
  }

  public static List<Artifact> render(String name) throws Exception {
    return render(load(name));
  }

  public static List<Artifact> render(ClusterSpec spec) throws Exception {
    return KIT.render(spec, RenderOptions.ALL);
  }

  /** A spec from YAML text, as if read from {@code test.yaml}. */
  public static ClusterSpec parse(String text) throws Exception {
    return new SpecLoader(KIT.registry()).parse("test.yaml", text);
  }

  /** The one rendered artifact whose path ends with {@code suffix}; none or several fail. */
  public static Artifact artifact(List<Artifact> artifacts, String suffix) {
    List<Artifact> found = artifacts.stream().filter(a -> a.path().endsWith(suffix)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one artifact ending " + suffix + ", found " + found.size() + " in "
          + artifacts.stream().map(Artifact::path).toList());
    }
    return found.get(0);
  }
}
