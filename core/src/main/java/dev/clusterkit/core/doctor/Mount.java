package dev.clusterkit.core.doctor;

import java.util.List;
import java.util.Objects;

/**
 * One line of {@code /proc/self/mountinfo}.
 *
 * @param mountPoint where it is mounted, unescaped
 * @param source the device or server (the "mount source" field)
 * @param type the file system type
 * @param options the per-mount options followed by the super block options
 */
public record Mount(String mountPoint, String source, String type, List<String> options) {
  public Mount {
    Objects.requireNonNull(mountPoint, "mountPoint");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(type, "type");
    options = List.copyOf(options);
  }

  public boolean readOnly() {
    return options.contains("ro");
  }

  public boolean isRoot() {
    return mountPoint.equals("/");
  }

  /** {@code /mnt/jobdb (tmpfs from tmpfs, rw)}. */
  public String describe() {
    return mountPoint + " (" + type + " from " + source + ", " + (readOnly() ? "read-only" : "rw") + ")";
  }
}
