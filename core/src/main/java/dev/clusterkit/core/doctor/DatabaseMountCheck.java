package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The site database lies on a mounted file system other than the root one, and on the mount the
 * spec's targets name for it (Serviceguard's fs_directory, Sun Cluster's mount point) when they do.
 */
final class DatabaseMountCheck implements DatabaseCheck {
  static final Rule RULE =
      new Rule("DOC004", Severity.ERROR,
          "the site database is not on the shared disk's mount",
          "mount the shared (or mirrored) disk and put the site database on it (guide 2.2.3)")
          .documented("a database on the root file system (or on another mount than the one the cluster moves)"
              + " stays behind at failover, and the other node starts the site without its jobs", "guide 2.1.2, 2.2.3");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, SiteSpec spec, String db, FileSystemView.FileInfo info, String subject)
      throws IOException, NotSupportedException {
    String real = info.realPath();
    Optional<Mount> mount = MountTable.containing(context.machine().mounts().mounts(), real);
    List<String> evidence = new ArrayList<>();
    evidence.add(db + (real.equals(db) ? "" : " -> " + real) + " is on " + mount.map(Mount::describe).orElse("no mount"));
    if (mount.isEmpty() || mount.get().isRoot()) {
      return CheckResult.failed(RULE, subject, db + " is on the root file system, not on a mounted shared disk", evidence);
    }
    for (ClusterAdapter target : context.targets()) {
      Optional<String> named = target.databaseMountPoint(spec);
      if (named.isEmpty()) {
        continue;
      }
      evidence.add(target.id() + " mounts " + named.get() + " for the site");
      if (!named.get().equals(mount.get().mountPoint())) {
        return CheckResult.failed(RULE, subject,
            db + " is on the mount " + mount.get().mountPoint() + ", not on " + named.get() + " that " + target.id() + " mounts",
            evidence,
            "mount the shared disk at " + named.get() + ", or correct the mount point in the spec's "
                + target.id() + " settings so the cluster mounts the disk that holds " + db);
      }
      return CheckResult.passed(RULE, subject, db + " is on " + named.get() + ", the mount " + target.id() + " names", evidence);
    }
    return CheckResult.passed(RULE, subject,
        db + " is on the mount " + mount.get().mountPoint() + " (the spec names no mount; make sure the cluster moves this one)",
        evidence);
  }
}
