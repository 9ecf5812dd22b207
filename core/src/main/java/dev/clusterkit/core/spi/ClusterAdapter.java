package dev.clusterkit.core.spi;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SiteSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One cluster product: renders its artifacts for a spec and lints files of its kinds. Found with
 * {@link java.util.ServiceLoader}; an adapter jar on the class path is all it takes to add one.
 *
 * <p>Implementations are stateless and thread-safe. Their templates live in the folder named by
 * {@link #id()} under {@code clusterkit/templates/} on the class path.
 */
public interface ClusterAdapter {

  /** A stack size limit of {@code unlimited}, as {@link #startScriptStackLimitKb} gives it. */
  long UNLIMITED_STACK = Long.MAX_VALUE;

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

  // What the product does on a node, for `clusterkit doctor`. The defaults say "nothing known".

  /**
   * The soft stack size limit, in KB, the product starts the site's scripts with when it sets one
   * (CLUSTERPRO X gives exec resources 2048, guide 4.1.2.1). Empty: they inherit the limit the
   * product itself runs with.
   */
  default Optional<Long> stackLimitKb(ClusterSpec spec) {
    return Optional.empty();
  }

  /**
   * The stack size limit, in KB, the rendered start script sets before cjcpw ({@link
   * #UNLIMITED_STACK} for unlimited); empty when it leaves the limit as the product gave it.
   */
  default Optional<Long> startScriptStackLimitKb(ClusterSpec spec) {
    return Optional.empty();
  }

  /** The mount point the product mounts for the site's database, when its settings name one. */
  default Optional<String> databaseMountPoint(SiteSpec site) {
    return Optional.empty();
  }

  /** The TCP ports the product's settings say the site uses besides the NQS port (607). */
  default List<Integer> tcpPorts(SiteSpec site) {
    return List.of();
  }
}
