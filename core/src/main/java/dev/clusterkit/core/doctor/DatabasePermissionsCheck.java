package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The umask lets cjcmksite give the database 755, and the folders that exist already have it. */
final class DatabasePermissionsCheck implements SiteCheck {
  static final Rule RULE =
      new Rule("DOC006", Severity.ERROR,
          "the site database cannot get (or does not have) permissions 755",
          "run 'umask 022' in the shell that runs cjcmksite, and chmod 755 the database folders (guide 2.6.3)")
          .documented("the site database needs 755; a umask that masks it makes cjcmksite create folders the"
              + " JobCenter daemons and job users cannot read", "guide 2.6.3");

  private static final int NEEDED = 0755;

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec) throws IOException, NotSupportedException {
    String subject = DoctorContext.subject(spec);
    int umask = context.machine().limits().umask();
    List<String> evidence = new ArrayList<>();
    evidence.add(String.format("umask %04o", umask));
    if ((umask & NEEDED) != 0) {
      return CheckResult.failed(RULE, subject,
          String.format("umask %04o masks bits of the 755 the site database needs", umask), evidence,
          "run 'umask 022' before cjcmksite (and in the cluster's start script) (guide 2.6.3)");
    }
    List<String> lacking = new ArrayList<>();
    for (String folder : List.of(spec.site().database().value(), spec.site().database().resolve("nqs"))) {
      Optional<FileSystemView.FileInfo> info = context.machine().files().stat(folder);
      if (info.isEmpty() || info.get().mode().isEmpty()) {
        continue;
      }
      int mode = info.get().mode().getAsInt();
      evidence.add(String.format("%s has mode %04o", folder, mode));
      if ((mode & NEEDED) != NEEDED) {
        lacking.add(folder);
      }
    }
    if (!lacking.isEmpty()) {
      return CheckResult.failed(RULE, subject, String.join(" and ", lacking) + " lack permissions of 755", evidence,
          "chmod 755 " + String.join(" ", lacking) + " (guide 2.6.3)");
    }
    return CheckResult.passed(RULE, subject, "the umask leaves 755 possible", evidence);
  }
}
