package dev.clusterkit.maven;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.io.ArtifactWriter;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import java.io.File;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Renders the spec's cluster artifacts into a folder (replacing what an earlier build left there). */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class RenderMojo extends SpecMojo {
  @Parameter(property = "clusterkit.outputDirectory", defaultValue = "${project.build.directory}/cluster",
      required = true)
  File outputDirectory;

  @Parameter(property = "clusterkit.render.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("clusterkit render skipped");
      return;
    }
    ClusterKit kit = kit();
    try {
      List<Artifact> artifacts = kit.render(loadSpec(kit), renderOptions());
      ArtifactWriter.write(outputDirectory.toPath(), artifacts, true);
      getLog().info("clusterkit rendered " + artifacts.size() + " file(s) into " + outputDirectory);
    } catch (RenderException | IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("clusterkit render failed: " + e.getMessage(), e);
    }
  }
}
