package dev.clusterkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.SourceFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKitReadTest {
  @TempDir Path dir;

  @Test
  void readsUtf8AndKeepsTheBytes() throws Exception {
    byte[] bytes = "cluster res\r\n".getBytes(StandardCharsets.UTF_8);
    Path f = Files.write(dir.resolve("a.cmd"), bytes);
    SourceFile file = ClusterKit.read(f).orElseThrow();
    assertEquals("cluster res\n", file.text());
    assertArrayEquals(bytes, file.bytes().orElseThrow());
  }

  @Test
  void readsUtf16LittleEndianWithItsByteOrderMark() throws Exception {
    byte[] bytes = "\uFEFFFunction IsAlive()\r\n".getBytes(StandardCharsets.UTF_16LE);
    Path f = Files.write(dir.resolve("a.vbs"), bytes);
    SourceFile file = ClusterKit.read(f).orElseThrow();
    assertEquals("\uFEFFFunction IsAlive()\n", file.text());
    assertArrayEquals(bytes, file.bytes().orElseThrow());
  }

  @Test
  void readsShiftJisWhenTheBytesAreNotUtf8() throws Exception {
    // A VBScript saved in the ANSI code page of Japanese Windows, as the Windows Script Host reads it.
    byte[] bytes = {(byte) 0x82, (byte) 0xA0, 0x0D, 0x0A};
    Path f = Files.write(dir.resolve("a.vbs"), bytes);
    SourceFile file = ClusterKit.read(f).orElseThrow();
    assertEquals("\u3042\n", file.text());
    assertEquals(java.util.Optional.of("windows-31j"), file.form().charset());
  }

  @Test
  void skipsBytesThatAreNoText() throws Exception {
    Path f = Files.write(dir.resolve("a.vbs"), new byte[] {(byte) 0x81, 0x7F, 0x0D, 0x0A});
    assertTrue(ClusterKit.read(f).isEmpty());
  }
}
