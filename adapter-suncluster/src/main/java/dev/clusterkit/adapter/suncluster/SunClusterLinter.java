package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteConfParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lints Sun Cluster scripts: cl* command scripts that build a JobCenter resource group, and pmfadm
 * method scripts. A site.conf in the same folder supplies the site's start and stop times for the
 * timeout rule; without one, JobCenter's defaults apply.
 */
final class SunClusterLinter {
  private SunClusterLinter() {}

  static boolean recognizes(SourceFile file) {
    if (file.fileName().equals("site.conf")) {
      return true;
    }
    boolean shell = file.fileName().endsWith(".sh") || ShellScript.shebang(file).contains("sh");
    return shell && (file.text().contains("pmfadm") || ClusterCommands.mentions(file.text()));
  }

  static List<Finding> lint(List<SourceFile> files) {
    Map<String, SiteConf> confs = SiteConfParser.byFolder(files);
    List<Finding> findings = new ArrayList<>();
    for (SourceFile file : files) {
      if (file.fileName().equals("site.conf")) {
        continue; // core's site.conf rules report on it; here it only lends its timing
      }
      ShellScript script = ShellScript.parse(file);
      List<ShellCommand> commands = ScriptWords.commands(script);
      if (ClusterCommands.mentions(file.text())) {
        SiteConf conf = confs.getOrDefault(file.folderKey(), SiteConf.DEFAULTS);
        CommandScriptRules.lint(file, ClusterCommands.read(file, commands), conf, findings);
      }
      if (file.text().contains("pmfadm")) {
        MethodScriptRules.lint(file, commands, findings);
      }
    }
    return findings;
  }
}
