package dev.clusterkit.core.render;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The permissions an artifact gets on disk and in bundles. */
public enum FileMode {
  REGULAR(0644, "rw-r--r--"),
  EXECUTABLE(0755, "rwxr-xr-x");

  private final int octal;
  private final String symbolic;

  FileMode(int octal, String symbolic) {
    this.octal = octal;
    this.symbolic = symbolic;
  }

  public int octal() {
    return octal;
  }

  public Set<PosixFilePermission> permissions() {
    return PosixFilePermissions.fromString(symbolic);
  }
}
