package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** The few file facts the checks read. */
public interface FileSystemView {

  /** What is at {@code path} (links followed); empty when nothing is. */
  Optional<FileInfo> stat(String path) throws IOException;

  /** The text of a file; empty when it does not exist. */
  Optional<String> read(String path) throws IOException;

  /**
   * A file or folder.
   *
   * @param realPath the path with every symbolic link resolved
   * @param writable whether this process may write it (access(2), so root usually may)
   * @param executable whether this process may execute (or, for a folder, enter) it
   * @param mode the permission bits, when the file system has them
   */
  record FileInfo(String realPath, boolean directory, boolean writable, boolean executable, OptionalInt mode) {
    public FileInfo {
      Objects.requireNonNull(realPath, "realPath");
      Objects.requireNonNull(mode, "mode");
    }
  }
}
