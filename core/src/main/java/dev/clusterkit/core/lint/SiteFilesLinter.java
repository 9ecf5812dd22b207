package dev.clusterkit.core.lint;

import dev.clusterkit.core.site.DaemonConfParser;
import dev.clusterkit.core.site.SiteConfParser;
import java.util.ArrayList;
import java.util.List;

/** Lints JobCenter's own site files, site.conf and daemon.conf, recognised by name. */
public final class SiteFilesLinter implements Linter {
  @Override
  public boolean recognizes(SourceFile file) {
    return file.fileName().equals("site.conf") || file.fileName().equals("daemon.conf");
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    List<Finding> findings = new ArrayList<>();
    for (SourceFile file : files) {
      if (file.fileName().equals("site.conf")) {
        findings.addAll(SiteConfParser.parse(file).findings());
      } else if (isCommon(file)) {
        findings.addAll(DaemonConfParser.checkCommonFile(file));
      } else {
        findings.addAll(DaemonConfParser.parse(file).findings());
      }
    }
    return findings;
  }

  /**
   * Whether a daemon.conf is a node's own ({@code <install>/rc/daemon.conf}, where local_daemon
   * belongs) rather than a site's ({@code <site database>/nqs/daemon.conf}).
   */
  static boolean isCommon(SourceFile file) {
    String parent = file.path().replace('\\', '/');
    int slash = parent.lastIndexOf('/');
    parent = slash < 0 ? "" : parent.substring(0, slash);
    return parent.equals("rc") || parent.endsWith("/rc") || file.text().contains("local_daemon");
  }

  /** Every rule this linter can report. */
  public static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(SiteConfParser.RULES);
    rules.addAll(DaemonConfParser.RULES);
    return rules;
  }
}
