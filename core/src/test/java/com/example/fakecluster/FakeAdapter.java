package com.example.fakecluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.Settings;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A third-party adapter that exists only in core's tests, registered through
 * {@code META-INF/services}: it proves an adapter jar needs no change to core. It declares a
 * setting of every {@link SettingType} at both levels.
 */
public final class FakeAdapter implements ClusterAdapter {
  public static final String ID = "fake";

  public static final Rule NO_BAD =
      new Rule("FAK001", Severity.ERROR, "the word BAD appears", "remove the word BAD");

  public static final List<Setting> CLUSTER_SETTINGS =
      List.of(
          Setting.required(
              "groupName",
              new SettingType.Text("[a-z][a-z0-9-]*", "lowercase letters, digits and hyphens"),
              "the failover group"),
          Setting.optional("retries", new SettingType.Int(0, 10), 3, "restarts before a failover"),
          Setting.optional("monitor", new SettingType.Bool(), true, "whether cjcpw is monitored"),
          Setting.optional("mode", new SettingType.Choice(List.of("fast", "safe")), "safe", "how to stop"));

  public static final List<Setting> SITE_SETTINGS =
      List.of(
          Setting.required(
              "resourceName", new SettingType.Text("[A-Za-z][A-Za-z0-9_]*", "a resource name"), "the resource"),
          Setting.optional("timeout", new SettingType.Int(1, 3600), 60, "seconds to start"),
          Setting.optional("enabled", new SettingType.Bool(), false, "whether the resource is enabled"),
          Setting.optional("level", new SettingType.Choice(List.of("low", "high")), "low", "priority"));

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Fake Cluster";
  }

  @Override
  public Set<Platform> platforms() {
    return EnumSet.of(Platform.LINUX, Platform.SOLARIS);
  }

  @Override
  public List<Setting> clusterSettings() {
    return CLUSTER_SETTINGS;
  }

  @Override
  public List<Setting> siteSettings() {
    return SITE_SETTINGS;
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    List<Artifact> out = new ArrayList<>();
    List<Map<String, Object>> sites = new ArrayList<>();
    // Sites in reverse and the README last: core, not the adapter, is responsible for the order.
    List<SiteSpec> reversed = new ArrayList<>(context.spec().sites());
    java.util.Collections.reverse(reversed);
    for (SiteSpec s : reversed) {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("displayName", displayName());
      model.put("siteName", s.site().name().value());
      model.put("machineId", s.site().machineId().value());
      model.put("cjcpw", s.site().command(SiteCommand.CJCPW));
      model.put("database", s.site().database().value());
      model.put("watched", s.watched());
      model.put("stackSize", 8192);
      out.add(
          Artifact.text(
              s.site().name().shortName() + "/start.sh",
              context.templates().render("start.sh.ftl", model),
              UTF_8,
              LineEnding.LF,
              FileMode.EXECUTABLE));
      Settings ss = s.settingsFor(ID);
      Map<String, Object> site = new LinkedHashMap<>();
      site.put("name", s.site().name().value());
      site.put("resourceName", ss.text("resourceName"));
      site.put("timeout", ss.integer("timeout"));
      site.put("enabled", ss.bool("enabled"));
      site.put("level", ss.text("level"));
      sites.add(0, site);
    }
    Settings cs = context.settings();
    Map<String, Object> readme = new LinkedHashMap<>();
    readme.put("groupName", cs.text("groupName"));
    readme.put("retries", cs.integer("retries"));
    readme.put("monitor", cs.bool("monitor"));
    readme.put("mode", cs.text("mode"));
    readme.put("sites", sites);
    out.add(
        Artifact.text(
            "README.txt",
            context.templates().render("readme.txt.ftl", readme),
            UTF_8,
            LineEnding.CRLF,
            FileMode.REGULAR));
    return out;
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
        int at = lines.get(i).indexOf("BAD");
        if (at >= 0) {
          findings.add(NO_BAD.at(file.at(i + 1, at + 1), "BAD on line " + (i + 1)));
        }
      }
    }
    return findings;
  }

  @Override
  public List<Rule> rules() {
    return List.of(NO_BAD);
  }
}
