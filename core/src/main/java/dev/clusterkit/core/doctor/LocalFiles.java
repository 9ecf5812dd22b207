package dev.clusterkit.core.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The local file system through java.nio. */
final class LocalFiles implements FileSystemView {

  @Override
  public Optional<FileInfo> stat(String path) throws IOException {
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    OptionalInt mode = OptionalInt.empty();
    try {
      mode = OptionalInt.of(bits(Files.getPosixFilePermissions(p)));
    } catch (UnsupportedOperationException noPosix) {
      // Not a POSIX file system: no mode to report.
    }
    return Optional.of(new FileInfo(
        p.toRealPath().toString(), Files.isDirectory(p), Files.isWritable(p), Files.isExecutable(p), mode));
  }

  @Override
  public Optional<String> read(String path) throws IOException {
    try {
      return Optional.of(Files.readString(Path.of(path)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  static int bits(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= switch (p) {
        case OWNER_READ -> 0400;
        case OWNER_WRITE -> 0200;
        case OWNER_EXECUTE -> 0100;
        case GROUP_READ -> 040;
        case GROUP_WRITE -> 020;
        case GROUP_EXECUTE -> 010;
        case OTHERS_READ -> 04;
        case OTHERS_WRITE -> 02;
        case OTHERS_EXECUTE -> 01;
      };
    }
    return mode;
  }
}
