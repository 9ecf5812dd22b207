package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Rule;
import java.util.List;
import java.util.Objects;

/**
 * What one check found about one subject (a site, a target, the node): the status, a one-line
 * message, the evidence it saw, and for a failure how to fix it.
 *
 * @param subject what was checked, e.g. {@code site testsite.example.com} or {@code node}
 * @param fix how to fix a failure; empty unless the status is {@link CheckStatus#FAILED}
 */
public record CheckResult(
    Rule rule, CheckStatus status, String subject, String message, List<String> evidence, String fix) {

  public CheckResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    evidence = List.copyOf(evidence);
    if (status == CheckStatus.FAILED && fix.isBlank()) {
      throw new IllegalArgumentException(rule.code() + ": a failed check must say how to fix it");
    }
    if (status != CheckStatus.FAILED && !fix.isEmpty()) {
      throw new IllegalArgumentException(rule.code() + ": only a failed check has a fix");
    }
  }

  public static CheckResult passed(Rule rule, String subject, String message, List<String> evidence) {
    return new CheckResult(rule, CheckStatus.PASSED, subject, message, evidence, "");
  }

  /** A failure whose fix is the rule's hint. */
  public static CheckResult failed(Rule rule, String subject, String message, List<String> evidence) {
    return failed(rule, subject, message, evidence, rule.hint());
  }

  public static CheckResult failed(Rule rule, String subject, String message, List<String> evidence, String fix) {
    return new CheckResult(rule, CheckStatus.FAILED, subject, message, evidence, fix);
  }

  public static CheckResult notApplicable(Rule rule, String subject, String message, List<String> evidence) {
    return new CheckResult(rule, CheckStatus.NOT_APPLICABLE, subject, message, evidence, "");
  }

  public String code() {
    return rule.code();
  }

  /** A failure as a finding located at {@code file} (the spec), for reports that list findings. */
  public Finding toFinding(String file) {
    return new Finding(code(), rule.severity(), Location.of(file), subject + ": " + message, fix.isEmpty() ? rule.hint() : fix);
  }
}
