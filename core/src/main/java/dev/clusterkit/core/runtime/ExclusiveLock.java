package dev.clusterkit.core.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusive lock on a file, against other processes and within this JVM. Java's file locks are
 * POSIX record locks, which belong to the process: closing any channel on a file drops every lock
 * the process holds on it. So a second attempt in the same JVM (the runtime agent runs many
 * commands) must never open a channel on a file this JVM has locked: the files locked here are
 * remembered, and such an attempt fails without touching the file.
 */
final class ExclusiveLock implements AutoCloseable {
  private static final Set<Path> HELD = new HashSet<>();

  private final Path file;
  private final FileLock lock;

  private ExclusiveLock(Path file, FileLock lock) {
    this.file = file;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code file} (created when missing).
   *
   * @return empty when another process or this JVM holds it
   */
  static Optional<ExclusiveLock> tryTake(Path file) throws IOException {
    Path key = file.toAbsolutePath().getParent().toRealPath().resolve(file.getFileName());
    synchronized (HELD) {
      if (HELD.contains(key)) {
        return Optional.empty();
      }
      // Opened (and created) once, under the check: any other open of a locked file drops the lock.
      FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
      if (lock == null) {
        // No lock of this JVM's on the file (checked above): closing drops nobody's.
        channel.close();
        return Optional.empty();
      }
      HELD.add(key);
      return Optional.of(new ExclusiveLock(key, lock));
    }
  }

  /** Releases the lock; closing again does nothing. */
  @Override
  public void close() {
    synchronized (HELD) {
      if (!lock.channel().isOpen()) {
        return;
      }
      try {
        lock.release();
        lock.channel().close();
      } catch (IOException ignored) {
        // The lock goes with the channel, which is closed or gone.
      } finally {
        HELD.remove(file);
      }
    }
  }
}
