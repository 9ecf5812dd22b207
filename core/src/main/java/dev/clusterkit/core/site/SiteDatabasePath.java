package dev.clusterkit.core.site;

import java.util.Objects;

/**
 * Where a cluster site keeps its database: a directory on the shared or mirrored disk, absolute
 * for the site's platform (guide 2.1.2).
 */
public record SiteDatabasePath(String value, Platform.Family family) {

  public SiteDatabasePath {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(family, "family");
    PathRules.requireAbsolute("site database path", value, family);
    if (family == Platform.Family.POSIX && value.equals("/")) {
      throw new IllegalArgumentException(
          "site database path must not be the root directory: give a directory on the shared disk");
    }
    if (family == Platform.Family.WINDOWS && value.length() <= 3) {
      throw new IllegalArgumentException(
          "site database path '" + value + "' must be a folder on the shared disk, not a drive root");
    }
  }

  /** A path inside the database, {@code relative} using the family's separator. */
  public String resolve(String relative) {
    return value + (family == Platform.Family.POSIX ? "/" : "\\") + relative;
  }

  @Override
  public String toString() {
    return value;
  }
}
