package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a file so that readers see the old content or the new one, never half of it. */
final class AtomicFile {
  /**
   * Temporary names are the PID and a counter, unique on this machine, rather than {@link
   * Files#createTempFile}'s random ones: seeding its SecureRandom costs cjcpw 10-20 ms of start.
   */
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFile() {}

  static void write(Path file, String text) throws IOException {
    Path tmp =
        file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "." + COUNTER.incrementAndGet() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
