package dev.clusterkit.core.doctor;

import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A check made once per site. A probe this machine cannot answer makes the result not applicable;
 * one that fails makes it failed, since a pre-flight check must not pass what it could not see.
 */
interface SiteCheck extends Check {

  CheckResult check(DoctorContext context, SiteSpec site) throws IOException, NotSupportedException;

  /** Whether the check is about a UNIX node (paths, mounts, ports); Windows sites then get "not applicable". */
  default boolean unixOnly() {
    return true;
  }

  @Override
  default List<CheckResult> run(DoctorContext context) {
    List<CheckResult> results = new ArrayList<>();
    for (SiteSpec site : context.sites()) {
      results.add(guarded(this, DoctorContext.subject(site), () -> {
        if (unixOnly() && site.site().platform().family() != Platform.Family.POSIX) {
          return CheckResult.notApplicable(rule(), DoctorContext.subject(site),
              "the site runs on " + site.site().platform().id() + "; this check covers UNIX nodes", List.of());
        }
        return check(context, site);
      }));
    }
    return results;
  }

  /** A probe that may fail. */
  interface Probe {
    CheckResult get() throws IOException, NotSupportedException;
  }

  static CheckResult guarded(Check check, String subject, Probe probe) {
    try {
      return probe.get();
    } catch (NotSupportedException e) {
      return CheckResult.notApplicable(check.rule(), subject, "not supported on this machine: " + e.getMessage(), List.of());
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      return CheckResult.failed(check.rule(), subject, "could not be checked: " + e.getMessage(), List.of(String.valueOf(e)),
          "make what the message names readable (run clusterkit doctor as root), then run it again");
    }
  }
}
