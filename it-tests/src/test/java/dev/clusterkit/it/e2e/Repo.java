package dev.clusterkit.it.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout the tests run in: failsafe passes its root as {@code clusterkit.repoRoot}. */
final class Repo {
  private Repo() {}

  static Path root() {
    Path root = Path.of(System.getProperty("clusterkit.repoRoot", "..")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("DEVELOPERS.md"))) {
      throw new IllegalStateException(root + " is not the clusterkit checkout (no DEVELOPERS.md): set -Dclusterkit.repoRoot");
    }
    return root;
  }
}
