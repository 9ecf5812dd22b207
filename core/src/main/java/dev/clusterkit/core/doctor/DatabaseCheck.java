package dev.clusterkit.core.doctor;

import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A check of a site database folder that exists here; where it does not, DOC003 says so. */
interface DatabaseCheck extends SiteCheck {

  CheckResult check(DoctorContext context, SiteSpec spec, String db, FileSystemView.FileInfo info, String subject)
      throws IOException, NotSupportedException;

  @Override
  default CheckResult check(DoctorContext context, SiteSpec spec) throws IOException, NotSupportedException {
    String db = spec.site().database().value();
    String subject = DoctorContext.subject(spec);
    Optional<FileSystemView.FileInfo> info = context.machine().files().stat(db);
    if (info.isEmpty()) {
      return CheckResult.notApplicable(rule(), subject, db + " does not exist here (see DOC003)", List.of());
    }
    return check(context, spec, db, info.get(), subject);
  }
}
