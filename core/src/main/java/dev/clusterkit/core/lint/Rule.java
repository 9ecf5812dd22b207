package dev.clusterkit.core.lint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A lint rule's registry entry: a stable code that is never reused, its default severity, what it
 * checks and how to fix what it finds.
 */
public record Rule(String code, Severity severity, String summary, String hint) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}[0-9]{3}");

  public Rule {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(hint, "hint");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "rule code '" + code + "' must be 2-5 upper-case letters and 3 digits, like CPL001");
    }
  }

  /** A finding of this rule with its default severity and hint. */
  public Finding at(Location location, String message) {
    return new Finding(code, severity, location, message, hint);
  }
}
