package dev.clusterkit.core.spec;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A checked cluster spec: the nodes, the cluster sites that fail over between them, and the cluster
 * products (targets) to render for, each with its settings.
 *
 * @param source the file the spec came from, as given (used in messages and the bundle manifest)
 * @param sha256 the SHA-256 of the spec file's bytes, hex
 */
public record ClusterSpec(
    String name,
    String source,
    String sha256,
    List<NodeSpec> nodes,
    List<SiteSpec> sites,
    Map<String, Settings> targets) {

  public ClusterSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sha256, "sha256");
    nodes = List.copyOf(nodes);
    sites = List.copyOf(sites);
    targets = java.util.Collections.unmodifiableMap(new TreeMap<>(targets));
  }

  /** The ids of the targets the spec names, sorted. */
  public List<String> targetIds() {
    return List.copyOf(targets.keySet());
  }

  /** The cluster-level settings of a target the spec names. */
  public Settings settingsFor(String targetId) {
    Settings s = targets.get(targetId);
    if (s == null) {
      throw new IllegalArgumentException("the spec does not name target '" + targetId + "'");
    }
    return s;
  }
}
