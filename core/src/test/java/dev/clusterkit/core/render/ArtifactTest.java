package dev.clusterkit.core.render;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactTest {

  private static Artifact of(String path) {
    return new Artifact(path, new byte[] {1}, UTF_8, LineEnding.LF, FileMode.REGULAR);
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] input = {1, 2, 3};
    Artifact a = new Artifact("a.bin", input, UTF_8, LineEnding.LF, FileMode.REGULAR);
    input[0] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, a.bytes());
    a.bytes()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, a.bytes());
  }

  @Test
  void textWithLfKeepsLf() {
    Artifact a = Artifact.text("s/start.sh", "#!/bin/sh\necho hi\n", UTF_8, LineEnding.LF, FileMode.EXECUTABLE);
    assertArrayEquals("#!/bin/sh\necho hi\n".getBytes(UTF_8), a.bytes());
    assertEquals(FileMode.EXECUTABLE, a.mode());
    assertEquals(LineEnding.LF, a.lineEnding());
  }

  @Test
  void textWithCrlfConvertsEveryLineEnd() {
    Artifact a = Artifact.text("start.bat", "@echo off\nexit 0\n", java.nio.charset.StandardCharsets.US_ASCII, LineEnding.CRLF, FileMode.REGULAR);
    assertArrayEquals("@echo off\r\nexit 0\r\n".getBytes(UTF_8), a.bytes());
    assertEquals("@echo off\nexit 0\n", a.text());
  }

  @Test
  void textIsEncodedInTheGivenCharset() {
    Charset sjis = Charset.forName("windows-31j");
    Artifact a = Artifact.text("readme.txt", "ジョブ\n", sjis, LineEnding.CRLF, FileMode.REGULAR);
    assertArrayEquals("ジョブ\r\n".getBytes(sjis), a.bytes());
    assertEquals(8, a.bytes().length);
    assertEquals("ジョブ\n", a.text());
    assertEquals(sjis, a.charset());
  }

  @Test
  void textMustArriveWithLfOnly() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Artifact.text("a.bat", "x\r\n", UTF_8, LineEnding.CRLF, FileMode.REGULAR));
    assertTrue(e.getMessage().contains("LF"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"start.sh", "site-a/start.sh", "a/b/c.txt", ".hidden", "a/.b"})
  void acceptsRelativeSlashPaths(String path) {
    assertEquals(path, of(path).path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/etc/passwd", "a\\b", "a//b", "a/", "/"})
  void refusesAbsoluteBackslashAndEmptySegmentPaths(String path) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(path));
    assertEquals("artifact path '" + path + "' must be relative and use /", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "../x", "a/../../x", "./a", "a/.", "a/./b"})
  void refusesDotSegments(String path) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> of(path));
    assertEquals("artifact path '" + path + "' must not contain . or ..", e.getMessage());
  }

  @Test
  void underPrefixesTheFolder() {
    Artifact a = Artifact.text("site/start.sh", "x\n", UTF_8, LineEnding.LF, FileMode.EXECUTABLE);
    Artifact moved = a.under("clusterpro-linux");
    assertEquals("clusterpro-linux/site/start.sh", moved.path());
    assertArrayEquals(a.bytes(), moved.bytes());
    assertEquals(FileMode.EXECUTABLE, moved.mode());
  }

  @Test
  void equalityIsByContent() {
    Artifact a = Artifact.text("a", "x\n", UTF_8, LineEnding.LF, FileMode.REGULAR);
    Artifact b = Artifact.text("a", "x\n", UTF_8, LineEnding.LF, FileMode.REGULAR);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, Artifact.text("a", "y\n", UTF_8, LineEnding.LF, FileMode.REGULAR));
    assertNotEquals(a, Artifact.text("a", "x\n", UTF_8, LineEnding.LF, FileMode.EXECUTABLE));
    assertNotEquals(a, Artifact.text("a", "x\n", UTF_8, LineEnding.CRLF, FileMode.REGULAR));
    assertEquals("a (2 bytes, UTF-8, LF, REGULAR)", a.toString());
  }

  @Test
  void fileModes() {
    assertEquals(0644, FileMode.REGULAR.octal());
    assertEquals(0755, FileMode.EXECUTABLE.octal());
    assertEquals(PosixFilePermissions.fromString("rw-r--r--"), FileMode.REGULAR.permissions());
    assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), FileMode.EXECUTABLE.permissions());
  }

  @Test
  void lineEndings() {
    assertEquals("a\nb\n", LineEnding.LF.apply("a\nb\n"));
    assertEquals("a\r\nb\r\n", LineEnding.CRLF.apply("a\nb\n"));
    assertEquals("\r\n", LineEnding.CRLF.chars());
    assertThrows(IllegalArgumentException.class, () -> LineEnding.LF.apply("a\rb"));
  }
}
