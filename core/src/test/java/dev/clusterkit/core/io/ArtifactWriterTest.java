package dev.clusterkit.core.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactWriterTest {
  private static final Artifact SCRIPT =
      Artifact.text("site-a/start.sh", "#!/bin/sh\nexit 0\n", UTF_8, LineEnding.LF, FileMode.EXECUTABLE);
  private static final Artifact README =
      Artifact.text("README.txt", "read me\n", UTF_8, LineEnding.CRLF, FileMode.REGULAR);

  @TempDir Path tmp;

  /** Every file and folder below {@code root} with its content ("<dir>" for folders). */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(p -> !p.equals(root)).toList()) {
        m.put(root.relativize(p).toString(), Files.isDirectory(p) ? "<dir>" : Files.readString(p, UTF_8));
      }
    }
    return m;
  }

  private static List<String> siblings(Path dir) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Path existingOutput() throws IOException {
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("old"));
    Files.writeString(out.resolve("old/keep.txt"), "precious\n");
    Files.writeString(out.resolve("notes.txt"), "mine\n");
    return out;
  }

  @Test
  void writesFilesWithModesAndFixedTimes() throws Exception {
    Path out = tmp.resolve("out");
    ArtifactWriter.write(out, List.of(SCRIPT, README), false);
    assertArrayEquals(SCRIPT.bytes(), Files.readAllBytes(out.resolve("site-a/start.sh")));
    assertArrayEquals("read me\r\n".getBytes(UTF_8), Files.readAllBytes(out.resolve("README.txt")));
    assertEquals(
        PosixFilePermissions.fromString("rwxr-xr-x"), Files.getPosixFilePermissions(out.resolve("site-a/start.sh")));
    assertEquals(
        PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(out.resolve("README.txt")));
    assertEquals(ArtifactWriter.FIXED_TIME, Files.getLastModifiedTime(out.resolve("site-a/start.sh")));
    assertEquals(ArtifactWriter.FIXED_TIME, Files.getLastModifiedTime(out.resolve("README.txt")));
    assertEquals(List.of("out"), siblings(tmp), "no temporary folder is left behind");
  }

  @Test
  void theOutputFolderIsReadableByOthers() throws Exception {
    Path out = tmp.resolve("out");
    ArtifactWriter.write(out, List.of(SCRIPT), false);
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(out);
    assertTrue(perms.contains(PosixFilePermission.OTHERS_READ), perms.toString());
    assertTrue(perms.contains(PosixFilePermission.OTHERS_EXECUTE), perms.toString());
  }

  @Test
  void createsMissingParents() throws Exception {
    Path out = tmp.resolve("a/b/out");
    ArtifactWriter.write(out, List.of(README), false);
    assertEquals("read me\r\n", Files.readString(out.resolve("README.txt")));
  }

  @Test
  void anEmptyTargetFolderIsFilledWithoutForce() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    ArtifactWriter.write(out, List.of(README), false);
    assertEquals(Map.of("README.txt", "read me\r\n"), tree(out));
  }

  @Test
  void refusesANonEmptyTargetWithoutForceAndLeavesItUntouched() throws Exception {
    Path out = existingOutput();
    Map<String, String> before = tree(out);
    FileAlreadyExistsException e =
        assertThrows(FileAlreadyExistsException.class, () -> ArtifactWriter.write(out, List.of(SCRIPT), false));
    assertTrue(e.getMessage().contains("is not empty; use --force"), e.getMessage());
    assertEquals(before, tree(out));
    assertEquals(List.of("out"), siblings(tmp));
  }

  @Test
  void refusesATargetThatIsAFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "a file\n");
    assertThrows(FileAlreadyExistsException.class, () -> ArtifactWriter.write(file, List.of(SCRIPT), true));
    assertEquals("a file\n", Files.readString(file));
    assertEquals(List.of("out"), siblings(tmp));
  }

  @Test
  void forceReplacesTheWholeContent() throws Exception {
    Path out = existingOutput();
    ArtifactWriter.write(out, List.of(SCRIPT, README), true);
    assertEquals(
        Map.of("README.txt", "read me\r\n", "site-a", "<dir>", "site-a/start.sh", "#!/bin/sh\nexit 0\n"),
        tree(out));
    assertEquals(List.of("out"), siblings(tmp), "neither the staging nor the backup folder is left");
  }

  @Test
  void aPathConflictMidwayLeavesThePreviousContentAndNoTemporaryFolder() throws Exception {
    Path out = existingOutput();
    Map<String, String> before = tree(out);
    Artifact file = Artifact.text("site-a", "I am a file\n", UTF_8, LineEnding.LF, FileMode.REGULAR);
    // site-a is written as a file first, so site-a/start.sh cannot be created.
    assertThrows(IOException.class, () -> ArtifactWriter.write(out, List.of(README, file, SCRIPT), true));
    assertEquals(before, tree(out));
    assertEquals(List.of("out"), siblings(tmp));
  }

  @Test
  void twoArtifactsWithOnePathFailAndLeaveThePreviousContent() throws Exception {
    Path out = existingOutput();
    Map<String, String> before = tree(out);
    Artifact other = Artifact.text("README.txt", "other\n", UTF_8, LineEnding.LF, FileMode.REGULAR);
    IOException e = assertThrows(IOException.class, () -> ArtifactWriter.write(out, List.of(README, other), true));
    assertTrue(e.getMessage().contains("README.txt"), e.getMessage());
    assertEquals(before, tree(out));
    assertEquals(List.of("out"), siblings(tmp));
  }

  @Test
  void aFailureWithoutPreviousContentLeavesNothing() throws Exception {
    Path out = tmp.resolve("out");
    Artifact file = Artifact.text("site-a", "I am a file\n", UTF_8, LineEnding.LF, FileMode.REGULAR);
    assertThrows(IOException.class, () -> ArtifactWriter.write(out, List.of(file, SCRIPT), false));
    assertFalse(Files.exists(out));
    assertEquals(List.of(), siblings(tmp));
  }

  @Test
  void aReadOnlyParentFailsBeforeTouchingAnything() throws Exception {
    Path parent = Files.createDirectories(tmp.resolve("ro"));
    Path out = parent.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "precious\n");
    Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(
          Files.isWritable(parent), "permissions are not enforced for this user (root): nothing to test");
      assertThrows(IOException.class, () -> ArtifactWriter.write(out, List.of(SCRIPT), true));
      assertEquals(Map.of("keep.txt", "precious\n"), tree(out));
      assertEquals(List.of("out"), siblings(parent));
    } finally {
      Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void writingTwiceGivesIdenticalFiles() throws Exception {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    ArtifactWriter.write(a, List.of(SCRIPT, README), false);
    ArtifactWriter.write(b, List.of(README, SCRIPT), false);
    assertEquals(tree(a), tree(b));
    assertEquals(Files.getLastModifiedTime(a.resolve("README.txt")), Files.getLastModifiedTime(b.resolve("README.txt")));
  }
}
