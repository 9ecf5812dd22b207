package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** The site database folder exists, on the shared disk, on the node that runs the site. */
final class DatabaseFolderCheck implements SiteCheck {
  static final Rule RULE =
      new Rule("DOC003", Severity.ERROR,
          "the site database folder does not exist",
          "mount the shared (or mirrored) disk and create the site database folder on it (guide 2.2.3)")
          .documented("cjcmksite and cjcpw need the folder on the shared disk; without it the site cannot be"
              + " created or started", "guide 2.2.3, 2.3.5");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec) throws IOException {
    String db = spec.site().database().value();
    String subject = DoctorContext.subject(spec);
    Optional<FileSystemView.FileInfo> info = context.machine().files().stat(db);
    if (info.isEmpty()) {
      if (context.expect().equals(Optional.of(Role.STANDBY))) {
        return CheckResult.notApplicable(RULE, subject,
            db + " does not exist here, as on a standby node: the active node has the shared disk", List.of());
      }
      return CheckResult.failed(RULE, subject, db + " does not exist", List.of("nothing at " + db),
          "mount the shared disk that holds " + db + " (or create the folder on it) before cjcmksite (guide 2.2.3, 2.3.5)");
    }
    List<String> evidence = List.of(db + " -> " + info.get().realPath() + (info.get().directory() ? " (folder)" : " (not a folder)"));
    if (!info.get().directory()) {
      return CheckResult.failed(RULE, subject, db + " is not a folder", evidence,
          "remove or rename the file at " + db + " and create the site database folder there");
    }
    return CheckResult.passed(RULE, subject, db + " exists", evidence);
  }
}
