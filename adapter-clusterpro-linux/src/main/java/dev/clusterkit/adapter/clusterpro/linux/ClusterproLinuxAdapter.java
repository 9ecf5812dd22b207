package dev.clusterkit.adapter.clusterpro.linux;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.spec.ClusterSpec;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * CLUSTERPRO for Linux (guide 4.1): per site, the exec resource's start.sh and stop.sh and the
 * settings the integrator makes by hand.
 */
public final class ClusterproLinuxAdapter implements ClusterAdapter {
  public static final String ID = "clusterpro-linux";

  static final String STACK_LIMIT = "stackLimit";
  static final long CLUSTERPRO_X_STACK_KB = 2048;
  static final String GROUP = "group";
  static final String EXEC_RESOURCE = "execResource";
  static final String PID_MONITOR = "pidMonitor";

  private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,30}";
  private static final String NAME_RULE = "1 to 31 letters, digits, '-' or '_', starting with a letter or digit";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "CLUSTERPRO for Linux";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.LINUX);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.optional(STACK_LIMIT,
            new SettingType.Text("unlimited|0*(819[2-9]|8[2-9][0-9]{2}|9[0-9]{3}|[1-9][0-9]{4,9})",
                "'unlimited' or a number of KB from 8192 up, written in quotes"),
            "unlimited",
            "stack limit start.sh sets before cjcpw (ulimit -s, KB); JobCenter needs 8 MB (guide 4.1.2.1)"));
  }

  @Override
  public List<Setting> siteSettings() {
    return List.of(
        Setting.optional(GROUP, new SettingType.Text("|" + NAME_PATTERN, NAME_RULE), "",
            "failover group of the site; empty means jc-<first label of the site name>"),
        Setting.optional(EXEC_RESOURCE, new SettingType.Text(NAME_PATTERN, NAME_RULE), "exec-jobcenter",
            "exec resource that runs start.sh and stop.sh"),
        Setting.optional(PID_MONITOR, new SettingType.Text(NAME_PATTERN, NAME_RULE), "pidw-jobcenter",
            "PID monitor watching the exec resource (watched sites only)"));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    List<Artifact> artifacts = new ArrayList<>();
    String stackLimit = context.settings().text(STACK_LIMIT);
    for (SiteSpec site : context.spec().sites()) {
      Map<String, Object> model = model(context, site, stackLimit);
      String folder = site.site().name().value() + "/";
      artifacts.add(script(folder + "start.sh", context.templates().render("start.sh.ftl", model)));
      artifacts.add(script(folder + "stop.sh", context.templates().render("stop.sh.ftl", model)));
      artifacts.add(Artifact.text(folder + "SETTINGS.txt", context.templates().render("settings.txt.ftl", model),
          StandardCharsets.UTF_8, LineEnding.LF, FileMode.REGULAR));
    }
    return artifacts;
  }

  private static Map<String, Object> model(RenderContext context, SiteSpec spec, String stackLimit) {
    var site = spec.site();
    var settings = spec.settingsFor(ID);
    String group = settings.text(GROUP).isEmpty() ? defaultGroup(site.name().shortName()) : settings.text(GROUP);
    Map<String, Object> model = new TreeMap<>();
    model.put("site", site.name().value());
    model.put("machineId", site.machineId().value());
    model.put("database", site.database().value());
    model.put("address", site.address().value());
    model.put("cjcpw", site.command(SiteCommand.CJCPW));
    model.put("nqsportkpr", site.command(SiteCommand.NQSPORTKPR));
    model.put("cjcls", site.command(SiteCommand.CJCLS));
    model.put("commonDaemonConf", site.layout().commonDaemonConf());
    model.put("siteDaemonConf", site.layout().siteDaemonConf(site.database()));
    model.put("watched", spec.watched());
    model.put("portKeeper", spec.portKeeper());
    model.put("stackCommand", stackLimit.equals("unlimited")
        ? "ulimit -s unlimited"
        : "ulimit -S -s " + Long.parseLong(stackLimit));
    model.put("group", group);
    model.put("execResource", settings.text(EXEC_RESOURCE));
    model.put("pidMonitor", settings.text(PID_MONITOR));
    model.put("stopTimeout", spec.siteConf().stopTimeout());
    // cjcpw -stop takes one to two minutes (guide 4.1.2.2): leave a minute above the larger of that
    // and the site's own STOP_TIMEOUT.
    model.put("stopTimeoutFloor", Math.max(spec.siteConf().stopTimeout(), 120) + 60);
    model.put("specFile", Path.of(context.spec().source()).getFileName().toString());
    return model;
  }

  static String defaultGroup(String shortName) {
    String group = "jc-" + shortName;
    return group.length() > 31 ? group.substring(0, 31) : group;
  }

  private static Artifact script(String path, String text) {
    return Artifact.text(path, text, StandardCharsets.UTF_8, LineEnding.LF, FileMode.EXECUTABLE);
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return ExecScriptLinter.recognizes(file);
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return ExecScriptLinter.lint(files);
  }

  /** CLUSTERPRO X (X1.1.0-1 and later) runs exec resources with a 2 MB stack (guide 4.1.2.1). */
  @Override
  public Optional<Long> stackLimitKb(ClusterSpec spec) {
    return Optional.of(CLUSTERPRO_X_STACK_KB);
  }

  /** start.sh sets stackLimit first thing (see {@link #render}). */
  @Override
  public Optional<Long> startScriptStackLimitKb(ClusterSpec spec) {
    String limit = spec.settingsFor(ID).text(STACK_LIMIT);
    return Optional.of(limit.equals("unlimited") ? UNLIMITED_STACK : Long.parseLong(limit));
  }

  @Override
  public List<Rule> rules() {
    return CplRules.ALL;
  }
}
