package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.spec.SiteSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The site database folder can be written: not a read-only mount, and writable by this user. */
final class DatabaseWritableCheck implements DatabaseCheck {
  static final Rule RULE =
      new Rule("DOC005", Severity.ERROR,
          "the site database folder is not writable",
          "mount the shared disk read-write and run cjcmksite and cjcpw as root")
          .documented("JobCenter writes its spool, job definitions and results there; a read-only folder stops"
              + " cjcmksite and every job", "guide 2.3.5");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec, String db, FileSystemView.FileInfo info, String subject)
      throws IOException, NotSupportedException {
    Optional<Mount> mount = MountTable.containing(context.machine().mounts().mounts(), info.realPath());
    List<String> evidence = new ArrayList<>();
    mount.ifPresent(m -> evidence.add("mount " + m.describe() + ", options " + String.join(",", m.options())));
    evidence.add(db + " is " + (info.writable() ? "" : "not ") + "writable by this user (access(2))");
    if (mount.isPresent() && mount.get().readOnly()) {
      return CheckResult.failed(RULE, subject, db + " is on a read-only mount", evidence,
          "remount " + mount.get().mountPoint() + " read-write (mount -o remount,rw " + mount.get().mountPoint() + ")");
    }
    if (!info.writable()) {
      return CheckResult.failed(RULE, subject, db + " is not writable by this user", evidence);
    }
    return CheckResult.passed(RULE, subject, db + " is writable", evidence);
  }
}
