package dev.clusterkit.core.bundle;

import dev.clusterkit.core.render.Artifact;
import java.util.Comparator;
import java.util.List;

/** The files of a cluster bundle, sorted by path, the manifest and runbook among them. */
public record Bundle(List<Artifact> files) {
  /** The manifest's path in the bundle. */
  public static final String MANIFEST = "manifest.json";

  /** The runbook's path in the bundle. */
  public static final String RUNBOOK = "RUNBOOK.md";

  public Bundle {
    files = files.stream().sorted(Comparator.comparing(Artifact::path)).toList();
    for (int i = 1; i < files.size(); i++) {
      if (files.get(i).path().equals(files.get(i - 1).path())) {
        throw new IllegalArgumentException("two bundle files share the path " + files.get(i).path());
      }
    }
  }
}
