package dev.clusterkit.core.lint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A lint rule's registry entry: a stable code that is never reused, its default severity, what it
 * checks, why it matters, how to fix what it finds, and where the rule comes from (a section of the
 * JobCenter guide, or a vendor source).
 *
 * @param why the consequence of ignoring the finding; empty only while a rule is being written
 * @param source the guide section or reference the rule rests on, e.g. "guide 4.1.2.1"
 */
public record Rule(String code, Severity severity, String summary, String hint, String why, String source) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}[0-9]{3}");

  public Rule {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(hint, "hint");
    Objects.requireNonNull(why, "why");
    Objects.requireNonNull(source, "source");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "rule code '" + code + "' must be 2-5 upper-case letters and 3 digits, like CPL001");
    }
  }

  /** A rule whose why and source are not written yet; the rule catalogue test reports it. */
  public Rule(String code, Severity severity, String summary, String hint) {
    this(code, severity, summary, hint, "", "");
  }

  /** This rule with its why and source. */
  public Rule documented(String why, String source) {
    return new Rule(code, severity, summary, hint, why, source);
  }

  /** A finding of this rule with its default severity and hint. */
  public Finding at(Location location, String message) {
    return new Finding(code, severity, location, message, hint);
  }
}
