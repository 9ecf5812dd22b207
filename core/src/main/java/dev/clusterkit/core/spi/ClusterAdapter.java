package dev.clusterkit.core.spi;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.Setting;
import java.util.List;
import java.util.Set;

/**
 * One cluster product: renders its artifacts for a spec and lints files of its kinds. Found with
 * {@link java.util.ServiceLoader}; an adapter jar on the class path is all it takes to add one.
 *
 * <p>Implementations are stateless and thread-safe. Their templates live in the folder named by
 * {@link #id()} under {@code clusterkit/templates/} on the class path.
 */
public interface ClusterAdapter {

  /** The stable lowercase id used in specs and on the command line, e.g. {@code clusterpro-linux}. */
  String id();

  /** The product's name as people write it, e.g. "CLUSTERPRO for Linux". */
  String displayName();

  /** The JobCenter platforms this product can run a site on. */
  Set<Platform> platforms();

  /** Settings read from {@code targets.<id>} in the spec. */
  default List<Setting> clusterSettings() {
    return List.of();
  }

  /** Settings read from {@code sites[].targets.<id>} in the spec. */
  default List<Setting> siteSettings() {
    return List.of();
  }

  /**
   * Renders every artifact for the spec's sites. Paths are relative to this target's folder and use
   * {@code /}.
   */
  List<Artifact> render(RenderContext context) throws RenderException;

  /** Whether a file is of a kind this adapter lints (decided by name and content). */
  boolean recognizes(SourceFile file);

  /**
   * Lints the files this adapter recognises, all at once so that rules can compare files (a
   * site's start and stop scripts, say).
   */
  List<Finding> lint(List<SourceFile> files);

  /** The registry entries of every rule {@link #lint} can report. */
  List<Rule> rules();
}
