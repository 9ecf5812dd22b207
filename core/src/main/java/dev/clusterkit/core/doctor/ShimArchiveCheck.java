package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.runtime.ShimLaunch;
import dev.clusterkit.core.site.InstallLayout;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The class archive the shims start from fits their java and jars. It belongs to one build of each:
 * after an update of clusterkit or of the JDK the JVM ignores it without a word, and every
 * {@code cjcpw} (each start and failover of the site) starts about a third slower.
 */
final class ShimArchiveCheck implements ShimCheck {
  static final Rule RULE =
      new Rule("DOC014", Severity.WARNING,
          "the embedded runtime's shims start without their class archive, which no longer fits their java or jars",
          "make the archive again after each update of clusterkit or of the JDK: clusterkit site install-shims --prefix"
              + " INSTALL_ROOT")
          .documented("the JVM ignores an archive made for another build silently, so cjcpw, which the cluster software"
              + " starts on every start and failover, starts about a third slower", "JDK class data sharing; README, The site runtime");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, InstallLayout layout, String subject, ShimLaunch launch) throws IOException {
    if (launch.classArchive().isEmpty()) {
      return CheckResult.notApplicable(RULE, subject,
          "the shims under " + layout.root() + " start without a class archive (installed with --no-class-archive, or its"
              + " training run failed)", List.of());
    }
    String archive = launch.classArchive().get();
    Optional<FileSystemView.FileInfo> java = context.machine().files().stat(launch.java());
    if (java.isEmpty() || !java.get().executable()) {
      return CheckResult.notApplicable(RULE, subject, "the shims' java " + launch.java() + " is not there (DOC013)", List.of());
    }
    if (context.machine().files().stat(archive).isEmpty()) {
      return CheckResult.failed(RULE, subject, "the shims' class archive " + archive + " is missing", List.of(archive + ": missing"),
          fix(layout));
    }
    Optional<String> misfit = context.machine().jvm().classArchiveMisfit(launch);
    if (misfit.isPresent()) {
      return CheckResult.failed(RULE, subject,
          "the shims under " + layout.root() + " start without their class archive: it does not fit their java and jars",
          List.of(launch.java() + " -Xshare:on with " + archive + ": " + misfit.get()), fix(layout));
    }
    return CheckResult.passed(RULE, subject, "the shims under " + layout.root() + " start from their class archive",
        List.of(launch.java() + " -Xshare:on with " + archive + ": maps it"));
  }

  private static String fix(InstallLayout layout) {
    return "make the archive again, as after each update of clusterkit or of the JDK: clusterkit site install-shims --prefix "
        + layout.root();
  }
}
