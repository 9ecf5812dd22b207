package dev.clusterkit.cli;

import dev.clusterkit.core.site.SiteControl;
import dev.clusterkit.core.site.SiteControlException;
import dev.clusterkit.core.site.SiteName;
import dev.clusterkit.core.site.SiteSelection;
import java.util.Optional;

/** The site nqsstart and nqsstop work on: the one named, or the one NQS_SITE selects (guide 2.5.2). */
final class SiteDaemons {
  private SiteDaemons() {}

  static SiteName select(Optional<SiteName> given, SiteControl control, String command) throws SiteControlException {
    if (given.isPresent()) {
      return given.get();
    }
    SiteSelection selected = control.resolve(Optional.ofNullable(System.getenv("NQS_SITE")));
    if (selected instanceof SiteSelection.Cluster c) {
      return new SiteName(c.site().name());
    }
    throw new SiteControlException.Refused(
        command + " without SITE works on the site NQS_SITE names, and NQS_SITE is unset or names this machine's"
            + " local site, which the embedded runtime does not run: give a cluster site name");
  }
}
