package dev.clusterkit.core.lint;

import java.util.List;
import java.util.Objects;

/**
 * A text file handed to the linters: its display path and its content with line endings already
 * normalised to {@code \n} (rules never see CR).
 */
public record SourceFile(String path, String text) {

  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    text = text.replace("\r\n", "\n");
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
}
