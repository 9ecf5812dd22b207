package dev.clusterkit.maven;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lints cluster artifacts (rendered or hand-written); findings at or above {@code failOn} fail the build. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractMojo {
  /** Files and folders to lint. */
  @Parameter(property = "clusterkit.lint.paths", defaultValue = "${project.build.directory}/cluster")
  List<File> paths;

  /** The least severity that fails the build: ERROR, WARNING or INFO. */
  @Parameter(property = "clusterkit.failOn", defaultValue = "ERROR")
  String failOn;

  @Parameter(property = "clusterkit.lint.skip", defaultValue = "false")
  boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("clusterkit lint skipped");
      return;
    }
    Severity threshold = threshold(failOn);
    LintReport report;
    try {
      report = ClusterKit.create(getClass().getClassLoader()).lint(paths.stream().map(File::toPath).toList());
    } catch (IOException e) {
      throw new MojoExecutionException("clusterkit lint cannot read its input: " + e.getMessage(), e);
    }
    failOnFindings(getLog(), report, threshold);
  }

  static Severity threshold(String failOn) throws MojoExecutionException {
    try {
      return Severity.valueOf(failOn.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("failOn '" + failOn + "' is not ERROR, WARNING or INFO");
    }
  }

  /** Logs every finding with its place and hint; fails when one reaches the threshold. */
  static void failOnFindings(Log log, LintReport report, Severity threshold) throws MojoFailureException {
    for (Finding f : report.findings()) {
      String text = f + " (hint: " + f.hint() + ")";
      switch (f.severity()) {
        case ERROR -> log.error(text);
        case WARNING -> log.warn(text);
        case INFO -> log.info(text);
      }
    }
    report.skipped().forEach(s -> log.debug("skipped " + s.path() + ": " + s.reason()));
    long failing = report.findings().stream().filter(f -> f.severity().atLeast(threshold)).count();
    log.info("clusterkit lint: " + report.linted().size() + " file(s) linted, " + report.findings().size()
        + " finding(s)");
    if (failing > 0) {
      throw new MojoFailureException(failing + " clusterkit finding(s) at " + threshold.label()
          + " level or above; the first: " + report.findings().stream()
              .filter(f -> f.severity().atLeast(threshold)).findFirst().orElseThrow());
    }
  }
}
