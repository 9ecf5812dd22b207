package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceFileRawBytesTest {

  @Test
  void keepsTheBytesWhileTheTextIsNormalised() {
    byte[] bytes = "a\r\nb\n".getBytes(StandardCharsets.US_ASCII);
    SourceFile file = SourceFile.withBytes("x.bat", "a\r\nb\n", bytes);
    assertEquals("a\nb\n", file.text());
    assertArrayEquals(bytes, file.bytes().orElseThrow());
  }

  @Test
  void textBuiltInMemoryHasNoBytes() {
    assertEquals(Optional.empty(), new SourceFile("x.bat", "a\r\n").bytes());
  }

  @Test
  void bytesAreCopiedInAndOut() {
    byte[] bytes = {1, 2, 3};
    SourceFile file = SourceFile.withBytes("f", "", bytes);
    bytes[0] = 9;
    file.bytes().orElseThrow()[1] = 9;
    assertArrayEquals(new byte[] {1, 2, 3}, file.bytes().orElseThrow());
  }

  @Test
  void filesCompareByTheirBytesContent() {
    assertEquals(SourceFile.withBytes("f", "t", new byte[] {1}), SourceFile.withBytes("f", "t", new byte[] {1}));
    assertNotEquals(SourceFile.withBytes("f", "t", new byte[] {1}), SourceFile.withBytes("f", "t", new byte[] {2}));
    assertTrue(SourceFile.withBytes("f", "t", new byte[] {1, 2}).raw().orElseThrow().toString().contains("2 bytes"));
  }
}
