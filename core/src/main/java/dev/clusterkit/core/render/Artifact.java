package dev.clusterkit.core.render;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Objects;

/**
 * A rendered file: where it goes (relative, {@code /}-separated), its exact bytes, and how those
 * bytes were made (charset, line ending) and must be installed (mode).
 */
public record Artifact(
    String path, byte[] bytes, Charset charset, LineEnding lineEnding, FileMode mode) {

  public Artifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(lineEnding, "lineEnding");
    Objects.requireNonNull(mode, "mode");
    if (path.isEmpty()
        || path.startsWith("/")
        || path.endsWith("/")
        || path.contains("\\")
        || path.contains("//")) {
      throw new IllegalArgumentException("artifact path '" + path + "' must be relative and use /");
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new IllegalArgumentException("artifact path '" + path + "' must not contain . or ..");
      }
    }
    bytes = bytes.clone();
    EncodingPolicy.check(path, bytes, charset, lineEnding);
  }

  /**
   * Encodes LF text with the given line ending and charset.
   *
   * @throws IllegalArgumentException when the text has characters the charset cannot encode, or
   *     the result breaks the rules of its file kind ({@link EncodingPolicy})
   */
  public static Artifact text(
      String path, String lfText, Charset charset, LineEnding lineEnding, FileMode mode) {
    return new Artifact(path, encode(path, lineEnding.apply(lfText), charset), charset, lineEnding, mode);
  }

  /** Like {@link #text}, with a byte order mark first (PowerShell's UTF-8, VBScript's UTF-16LE). */
  public static Artifact textWithBom(
      String path, String lfText, Charset charset, LineEnding lineEnding, FileMode mode) {
    return new Artifact(
        path, encode(path, "\uFEFF" + lineEnding.apply(lfText), charset), charset, lineEnding, mode);
  }

  private static byte[] encode(String path, String text, Charset charset) {
    var encoder = charset.newEncoder();
    try {
      var buffer = encoder
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .encode(java.nio.CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(path + ": holds characters that " + charset.name() + " cannot encode", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content decoded, without a BOM and with line ends back to LF, as linters read it. */
  public String text() {
    String text = new String(bytes, charset).replace("\r\n", "\n");
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** A copy of this artifact at another path (used to place it under its target's folder). */
  public Artifact under(String folder) {
    return new Artifact(folder + "/" + path, bytes, charset, lineEnding, mode);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Artifact a
        && path.equals(a.path)
        && Arrays.equals(bytes, a.bytes)
        && charset.equals(a.charset)
        && lineEnding == a.lineEnding
        && mode == a.mode;
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, Arrays.hashCode(bytes), charset, lineEnding, mode);
  }

  @Override
  public String toString() {
    return path + " (" + bytes.length + " bytes, " + charset + ", " + lineEnding + ", " + mode + ")";
  }
}
