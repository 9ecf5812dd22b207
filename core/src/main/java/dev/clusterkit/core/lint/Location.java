package dev.clusterkit.core.lint;

import java.util.Comparator;
import java.util.Objects;

/** A place in a file: 1-based line and column; 0 means the whole file or the whole line. */
public record Location(String file, int line, int column) implements Comparable<Location> {
  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::file)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must not be negative");
    }
  }

  public static Location of(String file) {
    return new Location(file, 0, 0);
  }

  public static Location at(String file, int line) {
    return new Location(file, line, 0);
  }

  public static Location at(String file, int line, int column) {
    return new Location(file, line, column);
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }

  /** {@code file:line:col}, leaving out the parts that are 0. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file);
    if (line > 0) {
      s.append(':').append(line);
      if (column > 0) {
        s.append(':').append(column);
      }
    }
    return s.toString();
  }
}
