package dev.clusterkit.maven;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.render.RenderOptions;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.SpecError;
import dev.clusterkit.core.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters every goal that reads a spec shares, and the one way it is loaded. */
abstract class SpecMojo extends AbstractMojo {
  /** The cluster spec. */
  @Parameter(property = "clusterkit.spec", defaultValue = "${project.basedir}/src/main/cluster/cluster.yaml",
      required = true)
  File spec;

  /** Targets to render; empty renders every target the spec names. */
  @Parameter(property = "clusterkit.targets")
  List<String> targets;

  /** A folder whose templates (laid out as {@code <adapter id>/<name>.ftl}) override the bundled ones. */
  @Parameter(property = "clusterkit.templates")
  File templateDirectory;

  final ClusterKit kit() {
    return ClusterKit.create(getClass().getClassLoader());
  }

  final RenderOptions renderOptions() {
    return new RenderOptions(targets == null ? List.of() : targets,
        Optional.ofNullable(templateDirectory).map(File::toPath));
  }

  /** Loads the spec; every spec error is logged with file, line and column, then the build fails. */
  final ClusterSpec loadSpec(ClusterKit kit) throws MojoExecutionException {
    try {
      return kit.loadSpec(spec.toPath());
    } catch (SpecException e) {
      for (SpecError error : e.errors()) {
        getLog().error(error.toString());
      }
      throw new MojoExecutionException("the cluster spec " + spec + " has " + e.errors().size()
          + " error(s), the first: " + e.errors().get(0));
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the cluster spec " + spec + ": " + e.getMessage(), e);
    }
  }
}
