package dev.clusterkit.core.doctor;

import java.util.List;
import java.util.Objects;

/**
 * The results of a doctor run, in check order.
 *
 * @param spec the spec file the run checked against, as given
 */
public record DoctorReport(String spec, List<CheckResult> results) {
  public DoctorReport {
    Objects.requireNonNull(spec, "spec");
    results = List.copyOf(results);
  }

  public long count(CheckStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  public boolean failed() {
    return count(CheckStatus.FAILED) > 0;
  }
}
