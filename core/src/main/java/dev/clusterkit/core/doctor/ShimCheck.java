package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.ShimLaunch;
import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.SiteCommand;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A check of the embedded runtime's shims under an install root, read from its cjcpw; not
 * applicable where there is none or it is an installed JobCenter's.
 */
interface ShimCheck extends InstallCheck {

  CheckResult check(DoctorContext context, InstallLayout layout, String subject, ShimLaunch launch)
      throws IOException, NotSupportedException;

  @Override
  default CheckResult check(DoctorContext context, InstallLayout layout, String subject) throws IOException, NotSupportedException {
    String cjcpw = layout.command(SiteCommand.CJCPW);
    Optional<String> text = context.machine().files().read(cjcpw);
    Optional<ShimLaunch> launch = text.flatMap(ShimLaunch::read);
    if (launch.isEmpty()) {
      return CheckResult.notApplicable(rule(), subject,
          text.isPresent() ? cjcpw + " is not a shim of the embedded runtime (an installed JobCenter's command)" : "no cjcpw under " + layout.root(),
          List.of());
    }
    return check(context, layout, subject, launch.get());
  }
}
