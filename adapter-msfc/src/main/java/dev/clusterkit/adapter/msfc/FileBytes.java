package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.lint.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a file's bytes say about its encoding and line ends, when the bytes are known. */
record FileBytes(boolean utf8Bom, boolean utf16Bom, boolean nonAscii, boolean validUtf8, int firstBareLfLine) {

  static Optional<FileBytes> of(SourceFile file) {
    return file.bytes().map(FileBytes::of);
  }

  static FileBytes of(byte[] b) {
    boolean utf8Bom = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    boolean utf16Bom = b.length >= 2
        && (((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) || ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF));
    boolean nonAscii = false;
    for (byte x : b) {
      nonAscii |= x < 0;
    }
    boolean validUtf8;
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      validUtf8 = true;
    } catch (CharacterCodingException e) {
      validUtf8 = false;
    }
    // Decoding byte for byte keeps CR and LF where they are in any ASCII-compatible encoding.
    String chars = utf16Bom && (b[0] & 0xFF) == 0xFF
        ? new String(b, StandardCharsets.UTF_16LE)
        : utf16Bom ? new String(b, StandardCharsets.UTF_16BE) : new String(b, StandardCharsets.ISO_8859_1);
    int line = 1;
    int bareLf = 0;
    for (int i = 0; i < chars.length(); i++) {
      if (chars.charAt(i) == '\n') {
        if (i == 0 || chars.charAt(i - 1) != '\r') {
          bareLf = line;
          break;
        }
        line++;
      }
    }
    return new FileBytes(utf8Bom, utf16Bom, nonAscii, validUtf8, bareLf);
  }

  /** UTF-8 text that is not plain ASCII: a UTF-8 BOM, or multi-byte sequences that decode as UTF-8. */
  boolean utf8() {
    return utf8Bom || (!utf16Bom && nonAscii && validUtf8);
  }

  boolean anyBom() {
    return utf8Bom || utf16Bom;
  }
}
