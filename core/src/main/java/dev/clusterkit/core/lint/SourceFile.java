package dev.clusterkit.core.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A text file handed to the linters: its display path, its content with line endings already
 * normalised to {@code \n} (rules never see CR), the {@link Form} its text had before that, and,
 * when it was read from disk, its bytes — for the few rules that are about the bytes themselves
 * (line ends, code page, byte order mark).
 */
public record SourceFile(String path, String text, Form form, Optional<Raw> raw) {

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(raw, "raw");
    text = text.replace("\r\n", "\n");
  }

  /** A file given as a string: its form is read from the string, its charset and bytes unknown. */
  public SourceFile(String path, String text) {
    this(path, text, Form.of(Objects.requireNonNull(text, "text"), Optional.empty()), Optional.empty());
  }

  /** A file decoded with {@code charset}; {@code text} is exactly what was decoded. */
  public static SourceFile decoded(String path, String text, String charset) {
    return new SourceFile(path, text, Form.of(text, Optional.of(charset)), Optional.empty());
  }

  /** A file read from disk: its bytes, and the text {@code charset} decoded from them. */
  public static SourceFile read(String path, String text, String charset, byte[] bytes) {
    return new SourceFile(path, text, Form.of(text, Optional.of(charset)), Optional.of(new Raw(bytes)));
  }

  /** A file whose bytes are known, with the text its reader decoded from them. */
  public static SourceFile withBytes(String path, String text, byte[] bytes) {
    return new SourceFile(path, text, Form.of(text, Optional.empty()), Optional.of(new Raw(bytes)));
  }

  /** The bytes the file had, if known; a copy. */
  public Optional<byte[]> bytes() {
    return raw.map(Raw::bytes);
  }

  /**
   * How the text looked before line ends were normalised.
   *
   * @param charset the charset the bytes were decoded with; empty when the file was given as a string
   * @param byteOrderMark whether the text starts with U+FEFF (a BOM)
   * @param bareLfLines the 1-based numbers of the lines that end in LF without CR, in order
   */
  public record Form(Optional<String> charset, boolean byteOrderMark, List<Integer> bareLfLines) {
    public Form {
      Objects.requireNonNull(charset, "charset");
      bareLfLines = List.copyOf(bareLfLines);
    }

    static Form of(String rawText, Optional<String> charset) {
      List<Integer> bare = new ArrayList<>();
      int line = 1;
      for (int i = 0; i < rawText.length(); i++) {
        if (rawText.charAt(i) == '\n') {
          if (i == 0 || rawText.charAt(i - 1) != '\r') {
            bare.add(line);
          }
          line++;
        }
      }
      return new Form(charset, rawText.startsWith("\uFEFF"), bare);
    }
  }

  /** The file name without folders. */
  public String fileName() {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  /**
   * The folder of the file, lower-cased: the key that groups the files of one site's folder
   * (Windows paths ignore case).
   */
  public String folderKey() {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? "" : path.substring(0, slash).toLowerCase(Locale.ROOT);
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
