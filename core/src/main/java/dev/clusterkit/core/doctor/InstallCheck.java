package dev.clusterkit.core.doctor;

import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A check made once per install root of the UNIX sites checked (sites often share one). */
interface InstallCheck extends Check {

  CheckResult check(DoctorContext context, InstallLayout layout, String subject) throws IOException, NotSupportedException;

  @Override
  default List<CheckResult> run(DoctorContext context) {
    Set<InstallLayout> layouts = new LinkedHashSet<>();
    for (SiteSpec s : context.sites()) {
      if (s.site().platform().family() == Platform.Family.POSIX) {
        layouts.add(s.site().layout());
      }
    }
    List<CheckResult> results = new ArrayList<>();
    for (InstallLayout layout : layouts) {
      String subject = "install " + layout.root();
      results.add(SiteCheck.guarded(this, subject, () -> check(context, layout, subject)));
    }
    if (results.isEmpty()) {
      results.add(CheckResult.notApplicable(rule(), "install", "no site checked runs on UNIX", List.of()));
    }
    return results;
  }
}
