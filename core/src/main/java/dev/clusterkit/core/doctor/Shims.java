package dev.clusterkit.core.doctor;

import dev.clusterkit.core.runtime.ShimLaunch;
import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.SiteCommand;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The embedded runtime's shims under an install root, as the shim checks read them. */
final class Shims {
  private Shims() {}

  /** What the install's cjcpw runs, when it is a clusterkit shim; empty for none or JobCenter's own. */
  static Optional<ShimLaunch> launch(DoctorContext context, InstallLayout layout) throws IOException {
    return context.machine().files().read(layout.command(SiteCommand.CJCPW)).flatMap(ShimLaunch::read);
  }

  /** Why the shim checks do not apply to {@code layout}. */
  static CheckResult notShims(Check check, DoctorContext context, InstallLayout layout, String subject) throws IOException {
    String cjcpw = layout.command(SiteCommand.CJCPW);
    return CheckResult.notApplicable(check.rule(), subject,
        context.machine().files().read(cjcpw).isPresent()
            ? cjcpw + " is not a shim of the embedded runtime (an installed JobCenter's command)"
            : "no cjcpw under " + layout.root(),
        List.of());
  }
}
