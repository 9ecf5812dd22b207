package dev.clusterkit.core.lint;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A text file handed to the linters: its display path, its content with line endings already
 * normalised to {@code \n} (rules never see CR), and, when it was read from disk or rendered, the
 * bytes it came from (for the few rules about encodings, byte order marks and line ends).
 */
public record SourceFile(String path, String text, Optional<SourceFile.Raw> raw) {

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(raw, "raw");
    text = text.replace("\r\n", "\n");
  }

  /** Text built in memory, with no bytes behind it. */
  public SourceFile(String path, String text) {
    this(path, text, Optional.empty());
  }

  /** A file whose bytes are known, with the text its reader decoded from them. */
  public static SourceFile withBytes(String path, String text, byte[] bytes) {
    return new SourceFile(path, text, Optional.of(new Raw(bytes)));
  }

  /** The bytes the file had, if known; a copy. */
  public Optional<byte[]> bytes() {
    return raw.map(Raw::bytes);
  }

  /** The file name without folders. */
  public String fileName() {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /** The lines, without their terminators; a final newline does not add an empty line. */
  public List<String> lines() {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  public Location at(int line) {
    return Location.at(path, line);
  }

  public Location at(int line, int column) {
    return Location.at(path, line, column);
  }

  /** Bytes compared by content; never shared with the caller. */
  public record Raw(byte[] bytes) {
    public Raw {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Raw r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return bytes.length + " bytes";
    }
  }
}
