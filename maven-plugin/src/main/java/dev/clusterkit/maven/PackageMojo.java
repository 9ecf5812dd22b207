package dev.clusterkit.maven;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.bundle.Bundle;
import dev.clusterkit.core.bundle.BundleWriter;
import dev.clusterkit.core.render.RenderException;
import java.io.File;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Packs the cluster bundle (rendered artifacts, site files, runbook, manifest) into a zip, checks
 * it, and attaches it to the project with the classifier {@code cluster-bundle}.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends SpecMojo {
  public static final String CLASSIFIER = "cluster-bundle";

  @Parameter(property = "clusterkit.bundle",
      defaultValue = "${project.build.directory}/${project.build.finalName}-cluster-bundle.zip", required = true)
  File bundle;

  /** Runbook language: en or ja. */
  @Parameter(property = "clusterkit.lang", defaultValue = "en")
  String language;

  @Parameter(property = "clusterkit.failOn", defaultValue = "ERROR")
  String failOn;

  @Parameter(property = "clusterkit.package.skip", defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  private final MavenProjectHelper projectHelper;

  @Inject
  public PackageMojo(MavenProjectHelper projectHelper) {
    this.projectHelper = projectHelper;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("clusterkit package skipped");
      return;
    }
    ClusterKit kit = kit();
    try {
      Bundle built = kit.bundle(loadSpec(kit), renderOptions(), language);
      BundleWriter.write(built, bundle.toPath());
      ClusterKit.BundleReport check = kit.verifyBundle(bundle.toPath());
      if (!check.problems().isEmpty()) {
        throw new MojoExecutionException("the bundle " + bundle + " fails its own check: " + check.problems());
      }
      LintMojo.failOnFindings(getLog(), check.lint(), LintMojo.threshold(failOn));
    } catch (RenderException | IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("clusterkit package failed: " + e.getMessage(), e);
    }
    projectHelper.attachArtifact(project, "zip", CLASSIFIER, bundle);
    getLog().info("clusterkit bundle " + bundle + " attached as " + CLASSIFIER);
  }
}
