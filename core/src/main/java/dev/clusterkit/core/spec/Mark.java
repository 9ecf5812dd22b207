package dev.clusterkit.core.spec;

import dev.clusterkit.core.lint.Location;

/** Where a YAML node starts: file, 1-based line and column. */
public record Mark(String file, int line, int column) {
  public Location location() {
    return Location.at(file, line, column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
