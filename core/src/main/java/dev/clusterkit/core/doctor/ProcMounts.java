package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The mounts Linux lists in {@code /proc/self/mountinfo}. */
final class ProcMounts implements MountTable {
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

  @Override
  public List<Mount> mounts() throws IOException, NotSupportedException {
    if (!Files.isReadable(MOUNTINFO)) {
      throw new NotSupportedException(MOUNTINFO + " does not exist: the mount table is read on Linux only");
    }
    return MountTable.parseMountInfo(Files.readString(MOUNTINFO), MOUNTINFO.toString());
  }
}
