package dev.clusterkit.cli.testadapters;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An adapter that exists only in the CLI's tests, found through the test class path's
 * META-INF/services like any third-party adapter. It declares a setting of every type, renders two
 * files per site from templates, and lints {@code *.fake} files whose lines start with a severity.
 */
public final class FakeAdapter implements ClusterAdapter {
  public static final String ID = "fake-cluster";

  static final Rule ERROR = new Rule("FAK001", Severity.ERROR, "an ERROR line", "remove the ERROR line");
  static final Rule WARNING = new Rule("FAK002", Severity.WARNING, "a WARNING line", "remove the WARNING line");
  static final Rule INFO = new Rule("FAK003", Severity.INFO, "an INFO line", "nothing to do");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Fake cluster (cli tests)";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.LINUX, Platform.WINDOWS);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.required("failoverGroup", new SettingType.Text("[a-z][a-z0-9-]*", "lowercase letters, digits and hyphens"),
            "The failover group holding the sites."),
        Setting.optional("timeout", new SettingType.Int(1, 3600), 60, "Seconds to wait for a start."),
        Setting.optional("monitor", new SettingType.Bool(), true, "Whether to monitor the start script."),
        Setting.optional("mode", new SettingType.Choice(List.of("async", "sync")), "async", "How the start script runs."));
  }

  @Override
  public List<Setting> siteSettings() {
    return List.of(
        Setting.optional("resource", new SettingType.Text("[a-z][a-z0-9-]*", "lowercase letters, digits and hyphens"),
            "exec-jobcenter", "The exec resource running the site."));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    List<Artifact> artifacts = new ArrayList<>();
    for (SiteSpec site : context.spec().sites()) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("siteName", site.site().name().value());
      model.put("database", site.site().database().value());
      model.put("failoverGroup", context.settings().text("failoverGroup"));
      model.put("timeout", context.settings().integer("timeout"));
      model.put("resource", site.settingsFor(ID).text("resource"));
      String folder = site.site().name().shortName() + "/";
      artifacts.add(Artifact.text(folder + "start.sh", context.templates().render("start.sh.ftl", model),
          StandardCharsets.UTF_8, LineEnding.LF, FileMode.EXECUTABLE));
      artifacts.add(Artifact.text(folder + "notes.txt", context.templates().render("notes.txt.ftl", model),
          StandardCharsets.UTF_8, LineEnding.LF, FileMode.REGULAR));
    }
    return artifacts;
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return file.fileName().endsWith(".fake");
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    List<Finding> findings = new ArrayList<>();
    for (SourceFile file : files) {
      List<String> lines = file.lines();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        Rule rule = line.startsWith("ERROR") ? ERROR : line.startsWith("WARNING") ? WARNING
            : line.startsWith("INFO") ? INFO : null;
        if (rule != null) {
          findings.add(rule.at(file.at(i + 1, 1), line));
        }
      }
    }
    return findings;
  }

  @Override
  public List<Rule> rules() {
    return List.of(ERROR, WARNING, INFO);
  }
}
