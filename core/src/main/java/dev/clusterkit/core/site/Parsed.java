package dev.clusterkit.core.site;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/** A configuration file read leniently, as JobCenter reads it, with what was wrong in it. */
public record Parsed<T>(T value, List<Finding> findings) {
  public Parsed {
    findings = List.copyOf(findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
  }
}
