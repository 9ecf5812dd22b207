package dev.clusterkit.core.io;

import dev.clusterkit.core.render.Artifact;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes artifacts into a folder all at once: everything goes into a temporary sibling folder
 * first, which then takes the target's place. A failure at any point leaves the target as it was.
 */
public final class ArtifactWriter {
  /** Every file gets this modification time, so repeated renders are identical on disk too. */
  public static final FileTime FIXED_TIME = FileTime.fromMillis(0);

  private ArtifactWriter() {}

  /**
   * Writes {@code artifacts} to {@code target}.
   *
   * @param force replace a target folder that is not empty; without it such a folder is refused
   * @throws FileAlreadyExistsException when the target is a non-empty folder (or a file) and
   *     {@code force} is off
   */
  public static void write(Path target, List<Artifact> artifacts, boolean force) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new FileAlreadyExistsException(target + " exists and is not a folder");
    }
    boolean replacing = Files.isDirectory(absolute) && !isEmpty(absolute);
    if (replacing && !force) {
      throw new FileAlreadyExistsException(
          target + " is not empty; use --force to replace its content");
    }
    Path parent = absolute.getParent();
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".new-");
    Path backup = null;
    try {
      // A temporary folder is private (rwx------); the folder it becomes is an ordinary one.
      PosixFileAttributeView stagingView =
          Files.getFileAttributeView(staging, PosixFileAttributeView.class);
      if (stagingView != null) {
        stagingView.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
      }
      for (Artifact artifact : artifacts) {
        writeOne(staging, artifact);
      }
      if (Files.exists(absolute)) {
        backup = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old-");
        Files.delete(backup);
        move(absolute, backup);
      }
      move(staging, absolute);
    } catch (IOException | RuntimeException e) {
      // Put the previous content back first: a failing clean-up must not cost the user it.
      try {
        if (backup != null && Files.exists(backup) && !Files.exists(absolute)) {
          move(backup, absolute);
          backup = null;
        }
      } catch (IOException restore) {
        e.addSuppressed(restore);
      }
      try {
        FileTrees.delete(staging);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    if (backup != null) {
      FileTrees.delete(backup);
    }
  }

  private static void writeOne(Path root, Artifact artifact) throws IOException {
    Path file = root.resolve(artifact.path()).normalize();
    if (!file.startsWith(root)) {
      throw new IOException("artifact path " + artifact.path() + " leaves the output folder");
    }
    Files.createDirectories(file.getParent());
    try {
      // CREATE_NEW: two artifacts with one path must fail, not overwrite each other silently.
      Files.write(file, artifact.bytes(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(artifact.path(), null, "two artifacts have this path");
    }
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (posix != null) {
      posix.setPermissions(artifact.mode().permissions());
    }
    Files.setLastModifiedTime(file, FIXED_TIME);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
