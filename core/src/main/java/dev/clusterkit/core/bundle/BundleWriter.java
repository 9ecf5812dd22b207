package dev.clusterkit.core.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes a bundle as a zip, atomically: a temporary file beside the target, then a rename. */
public final class BundleWriter {
  private BundleWriter() {}

  public static void write(Bundle bundle, Path zip) throws IOException {
    Path target = zip.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new IOException(zip + " is a folder; give the bundle's file name");
    }
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        write(bundle, out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The zip's bytes, to a stream. */
  public static void write(Bundle bundle, OutputStream out) throws IOException {
    List<ZipWriter.Entry> entries = bundle.files().stream()
        .map(f -> new ZipWriter.Entry(f.path(), f.mode().octal(), f.bytes()))
        .toList();
    ZipWriter.write(entries, out);
  }
}
