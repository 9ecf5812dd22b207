package dev.clusterkit.core.lint;

import java.util.List;

/**
 * The result of linting: the findings, the files that were linted, and the files no linter knew
 * (listed, never silently dropped).
 */
public record LintReport(List<Finding> findings, List<String> linted, List<Skipped> skipped) {
  public LintReport {
    findings = findings.stream().sorted(Finding.ORDER).toList();
    linted = List.copyOf(linted);
    skipped = List.copyOf(skipped);
  }

  /** A file that was not linted, and why. */
  public record Skipped(String path, String reason) {}

  public boolean hasAtLeast(Severity threshold) {
    return findings.stream().anyMatch(f -> f.severity().atLeast(threshold));
  }
}
