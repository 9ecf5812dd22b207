package dev.clusterkit.core.doctor;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.runtime.ShimLaunch;
import dev.clusterkit.core.site.InstallLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The embedded runtime's shims can start: the java and the jars they name are there. The shims
 * hold absolute paths, often into a build's output, which a clean or a move removes; every
 * command then fails at once.
 */
final class ShimLaunchCheck implements ShimCheck {
  static final Rule RULE =
      new Rule("DOC013", Severity.ERROR,
          "the embedded runtime's shims name a java or a jar that is not there",
          "install the shims again from where clusterkit now is: clusterkit site install-shims --prefix INSTALL_ROOT (with"
              + " --java or --jar to name them)")
          .documented("every JobCenter command the cluster scripts call fails before it starts, so the site never starts"
              + " or stops", "guide 2.3.2, 2.3.7");

  @Override
  public Rule rule() {
    return RULE;
  }

  @Override
  public CheckResult check(DoctorContext context, InstallLayout layout, String subject, ShimLaunch launch) throws IOException {
    List<String> evidence = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Optional<FileSystemView.FileInfo> java = context.machine().files().stat(launch.java());
    if (java.isEmpty() || java.get().directory() || !java.get().executable()) {
      evidence.add("java " + launch.java() + ": " + (java.isEmpty() ? "missing" : "not executable"));
      missing.add("java " + launch.java());
    } else {
      evidence.add("java " + launch.java() + ": executable");
    }
    for (String entry : launch.classPath()) {
      Optional<FileSystemView.FileInfo> jar = context.machine().files().stat(entry);
      evidence.add("class path " + entry + ": " + (jar.isPresent() ? "present" : "missing"));
      if (jar.isEmpty()) {
        missing.add(entry);
      }
    }
    if (!missing.isEmpty()) {
      return CheckResult.failed(RULE, subject, "the shims under " + layout.root() + " cannot start: " + String.join(", ", missing)
          + (missing.size() == 1 ? " is" : " are") + " not there", evidence,
          "install the shims again from where clusterkit now is: clusterkit site install-shims --prefix " + layout.root()
              + " (with --java or --jar to name them)");
    }
    return CheckResult.passed(RULE, subject, "the java and the jars the shims under " + layout.root() + " run are there", evidence);
  }
}
