package dev.clusterkit.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing folder trees, deepest entries first. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code root} and everything below it; nothing when it does not exist. */
  public static void delete(Path root) throws IOException {
    if (Files.exists(root)) {
      deleteBelow(root, true);
    }
  }

  /** Deletes everything below {@code root} and keeps the folder itself (a mount point, say). */
  public static void deleteContents(Path root) throws IOException {
    deleteBelow(root, false);
  }

  private static void deleteBelow(Path root, boolean withRoot) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (withRoot || !p.equals(root)) {
          Files.delete(p);
        }
      }
    }
  }
}
