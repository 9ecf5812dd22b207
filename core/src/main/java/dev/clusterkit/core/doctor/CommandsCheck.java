package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.SiteCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JobCenter commands the cluster scripts call exist under the install root and are
 * executable: an installed JobCenter's, or the embedded runtime's shims. Where none is there,
 * JobCenter is not installed and the check does not apply.
 */
final class CommandsCheck implements InstallCheck {
  static final Rule RULE =
      new Rule("DOC012", Severity.ERROR,
          "JobCenter commands the cluster scripts call are missing or not executable",
          "reinstall JobCenter (or the embedded runtime's shims) under the install root the spec names, and make"
              + " the commands executable")
          .documented("the cluster software's start and stop scripts fail on the first missing command, and the"
              + " site never starts or stops", "guide 2.3.2, 2.3.7");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, InstallLayout layout, String subject) throws IOException {
    List<String> evidence = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    int present = 0;
    for (SiteCommand command : SiteCommand.values()) {
      if (!command.availableOn(layout.platform().family())) {
        continue;
      }
      String path = layout.command(command);
      Optional<FileSystemView.FileInfo> info = context.machine().files().stat(path);
      if (info.isEmpty()) {
        evidence.add(path + ": missing");
        bad.add(command.commandName());
      } else if (info.get().directory() || !info.get().executable()) {
        present++;
        evidence.add(path + ": not executable");
        bad.add(command.commandName());
      } else {
        present++;
        evidence.add(path + ": executable");
      }
    }
    if (present == 0) {
      return CheckResult.notApplicable(RULE, subject,
          "JobCenter is not installed under " + layout.root() + " (none of its cluster commands is there)", evidence);
    }
    if (!bad.isEmpty()) {
      return CheckResult.failed(RULE, subject, String.join(", ", bad) + " missing or not executable under " + layout.root(),
          evidence);
    }
    return CheckResult.passed(RULE, subject, "the JobCenter commands under " + layout.root() + " are executable", evidence);
  }
}
