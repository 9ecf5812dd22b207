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
  void skipsBytesThatAreNeitherUtf8NorMarkedUtf16() throws Exception {
    // Valid CP932, but only batch files are read in the OEM code page.
    Path f = Files.write(dir.resolve("a.vbs"), new byte[] {(byte) 0x82, (byte) 0xA0, 0x0D, 0x0A});
    assertTrue(ClusterKit.read(f).isEmpty());
  }
}
