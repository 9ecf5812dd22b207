package dev.clusterkit.core.lint;

import java.util.Comparator;
import java.util.Objects;

/** One thing a linter found: what, where, how bad, and how to fix it. */
public record Finding(String code, Severity severity, Location location, String message, String hint)
    implements Comparable<Finding> {

  /** Report order: by file and position, then by severity and code. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::severity)
          .thenComparing(Finding::code)
          .thenComparing(Finding::message);

  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  /** {@code path:line:col CODE severity message}, the text format's first line. */
  @Override
  public String toString() {
    return location + " " + code + " " + severity.label() + " " + message;
  }
}
