package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.Settings;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CLUSTERPRO for Windows (guide 4.2): per site, the failover group's start.bat and stop.bat, which
 * start cjcpw under ARMLOAD and stop it in the order the guide requires, the site's site.conf, and
 * the settings the integrator makes by hand.
 */
public final class ClusterproWindowsAdapter implements ClusterAdapter {
  public static final String ID = "clusterpro-windows";

  static final String PRODUCT = "product";
  static final String ADMIN_ACCOUNT = "adminAccount";
  static final String HIDE_WINDOW = "hideWindow";
  static final String ENCODING = "encoding";
  static final String DISK_FAILURE_MESSAGE = "diskFailureMessage";
  static final String NOT_RUNNING_MESSAGE = "notRunningMessage";
  static final String WATCH_ID = "watchId";

  /** Text cmd passes on unchanged inside double quotes (see {@link BatchText#quoted}); empty = default. */
  private static final String MESSAGE_PATTERN = "|[^\"!\\x00-\\x1F\\x7F-\\x9F]{0,199}[^\"!\\\\\\x00-\\x1F\\x7F-\\x9F]";
  private static final String MESSAGE_RULE =
      "empty for the default, or at most 200 characters without double quotes, '!', control characters"
          + " or a trailing backslash";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "CLUSTERPRO for Windows";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.required(PRODUCT, new SettingType.Choice(Product.ids()),
            "arm: CLUSTERPRO for Windows up to 7.x (event variables ARMS_*); x: Ver 8.0 and CLUSTERPRO X with"
                + " the Ver 8.0 compatible commands (CLP_*)"),
        Setting.required(ADMIN_ACCOUNT, new SettingType.Text(AdminAccount.PATTERN, AdminAccount.RULE),
            "the JobCenter administrator chosen at install (guide: Job-Admin); ARMLOAD /U runs cjcpw as it, and it"
                + " must be registered in CLUSTERPRO"),
        Setting.optional(HIDE_WINDOW, new SettingType.Bool(), false,
            "add /WINDOW hide to ARMLOAD: without it cjcpw keeps a console window open, and closing it fails"
                + " the group over (guide 4.2.1.1)"),
        Setting.optional(ENCODING, new SettingType.Choice(List.of("ascii", "cp932")), "ascii",
            "code page of start.bat and stop.bat: ascii, or cp932 (Japanese Windows' OEM code page) for"
                + " Japanese messages"),
        Setting.optional(DISK_FAILURE_MESSAGE, new SettingType.Text(MESSAGE_PATTERN, MESSAGE_RULE), "",
            "broadcast when the shared disk is not connected; empty gives an English message naming the site"),
        Setting.optional(NOT_RUNNING_MESSAGE, new SettingType.Text(MESSAGE_PATTERN, MESSAGE_RULE), "",
            "broadcast when a script runs without a CLUSTERPRO event; empty gives an English message"));
  }

  @Override
  public List<Setting> siteSettings() {
    return List.of(
        Setting.optional(WATCH_ID, new SettingType.Text("|" + WatchId.PATTERN, "empty, or " + WatchId.RULE), "",
            "ARMLOAD watch ID of the site, unique in the cluster; empty means JC_ and the site name's first"
                + " label in upper case"));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    Settings settings = context.settings();
    Product product = Product.fromId(settings.text(PRODUCT));
    String account = settings.text(ADMIN_ACCOUNT);
    if (!AdminAccount.valid(account)) {
      throw new RenderException(
          "targets." + ID + "." + ADMIN_ACCOUNT + ": '" + account + "' is not valid: " + AdminAccount.RULE);
    }
    Charset charset = settings.text(ENCODING).equals("cp932") ? Charset.forName("windows-31j") : StandardCharsets.US_ASCII;
    List<SiteSpec> sites = context.spec().sites();
    List<WatchId> watchIds = watchIds(sites);
    List<Artifact> artifacts = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      SiteSpec spec = sites.get(i);
      Site site = spec.site();
      String where = "sites[" + i + "] (" + site.name() + ")";
      Map<String, Object> batch;
      try {
        batch = batchModel(context, spec, product, account, watchIds.get(i), charset);
      } catch (IllegalArgumentException e) {
        throw new RenderException(where + ": " + e.getMessage(), e);
      }
      String folder = site.name().value() + "/";
      try {
        artifacts.add(Artifact.text(folder + "start.bat", context.templates().render("start.bat.ftl", batch),
            charset, LineEnding.CRLF, FileMode.REGULAR));
        artifacts.add(Artifact.text(folder + "stop.bat", context.templates().render("stop.bat.ftl", batch),
            charset, LineEnding.CRLF, FileMode.REGULAR));
        artifacts.add(Artifact.text(folder + "site.conf", spec.siteConf().write(),
            StandardCharsets.US_ASCII, LineEnding.CRLF, FileMode.REGULAR));
        artifacts.add(Artifact.text(folder + "SETTINGS.txt",
            context.templates().render("settings.txt.ftl", settingsModel(context, spec, product, account,
                watchIds.get(i), charset)),
            StandardCharsets.UTF_8, LineEnding.CRLF, FileMode.REGULAR));
      } catch (IllegalArgumentException e) {
        throw new RenderException(where + ": " + e.getMessage(), e);
      }
    }
    return artifacts;
  }

  /** Each site's watch ID, checked and unique in the cluster (case-insensitively). */
  private static List<WatchId> watchIds(List<SiteSpec> sites) throws RenderException {
    List<WatchId> ids = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < sites.size(); i++) {
      Site site = sites.get(i).site();
      String setting = "sites[" + i + "].targets." + ID + "." + WATCH_ID;
      String given = sites.get(i).settingsFor(ID).values().isEmpty() ? "" : sites.get(i).settingsFor(ID).text(WATCH_ID);
      WatchId id;
      try {
        id = given.isEmpty() ? WatchId.derivedFrom(site.name()) : new WatchId(given);
      } catch (IllegalArgumentException e) {
        throw new RenderException(setting + " of site " + site.name() + ": " + e.getMessage(), e);
      }
      Integer previous = seen.putIfAbsent(id.key(), i);
      if (previous != null) {
        throw new RenderException(setting + ": site " + site.name() + " gets watch ID '" + id + "'"
            + (given.isEmpty() ? " (derived from its name)" : "") + ", which sites[" + previous + "] ("
            + sites.get(previous).site().name() + ") already uses; watch IDs are compared without case and must"
            + " differ for every site of the cluster (guide 4.2.1.1): set " + WATCH_ID + " for one of them");
      }
      ids.add(id);
    }
    return ids;
  }

  private static Map<String, Object> batchModel(
      RenderContext context, SiteSpec spec, Product product, String account, WatchId watchId, Charset charset) {
    Site site = spec.site();
    String cjcpw = site.command(SiteCommand.CJCPW);
    String id = BatchText.word(watchId.value(), "watch ID");
    List<String> armload = new ArrayList<>(List.of("ARMLOAD", id));
    if (spec.watched()) {
      armload.add("/M");
    }
    armload.add("/U");
    armload.add(BatchText.word(account, ADMIN_ACCOUNT));
    if (context.settings().bool(HIDE_WINDOW)) {
      armload.add("/WINDOW");
      armload.add("hide");
    }
    armload.add(BatchText.quoted(cjcpw, "install directory"));
    if (!spec.watched()) {
      armload.add(BatchText.quoted("-c", "option"));
    }
    armload.add(BatchText.quoted(site.name().value(), "site name"));
    armload.add(BatchText.quoted(site.database().value(), "site database path"));

    Map<String, Object> model = new TreeMap<>();
    model.put("site", BatchText.comment(site.name().value(), "site name"));
    model.put("database", BatchText.comment(site.database().value(), "site database path"));
    model.put("machineId", site.machineId().value());
    model.put("watchId", BatchText.comment(watchId.value(), "watch ID"));
    model.put("productName", product.displayName());
    model.put("prefix", product.variablePrefix());
    model.put("watched", spec.watched());
    model.put("specFile", BatchText.comment(specFile(context), "spec file name"));
    model.put("armload", BatchText.line("the ARMLOAD line", armload.toArray(String[]::new)));
    model.put("diskBroadcast", broadcast(product,
        message(context, DISK_FAILURE_MESSAGE, charset,
            "JobCenter site " + site.name() + ": the shared disk is not connected")));
    model.put("notRunningBroadcast", broadcast(product,
        message(context, NOT_RUNNING_MESSAGE, charset,
            "JobCenter site " + site.name() + ": " + (product == Product.ARM ? "ActiveRecoveryManager" : "CLUSTERPRO")
                + " is not running")));
    model.put("armloadc", BatchText.line("the ARMLOADC line", "ARMLOADC", id, "/W", "PAUSE"));
    model.put("cjcpwStop", BatchText.line("the cjcpw -stop line",
        BatchText.quoted(cjcpw, "install directory"), "-stop", BatchText.quoted(site.name().value(), "site name")));
    model.put("armkill", BatchText.line("the ARMKILL line", "ARMKILL", id));
    return model;
  }

  private static String broadcast(Product product, String quotedMessage) {
    return BatchText.line("the broadcast line", product.broadcast(), "/MSG", quotedMessage, "/A");
  }

  /** A broadcast message, quoted; the setting's own text must fit the scripts' code page. */
  private static String message(RenderContext context, String setting, Charset charset, String fallback) {
    String given = context.settings().text(setting);
    String text = given.isEmpty() ? fallback : given;
    if (!charset.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("targets." + ID + "." + setting + " '" + text + "' has characters that "
          + charset.name() + " cannot encode"
          + (charset.equals(StandardCharsets.US_ASCII) ? "; set " + ENCODING + ": cp932 for Japanese text" : ""));
    }
    return BatchText.quoted(text, "targets." + ID + "." + setting);
  }

  private static Map<String, Object> settingsModel(
      RenderContext context, SiteSpec spec, Product product, String account, WatchId watchId, Charset charset) {
    Site site = spec.site();
    Map<String, Object> model = new TreeMap<>();
    model.put("site", site.name().value());
    model.put("machineId", site.machineId().value());
    model.put("database", site.database().value());
    model.put("address", site.address().value());
    model.put("installRoot", site.layout().root());
    model.put("cjcpw", site.command(SiteCommand.CJCPW));
    model.put("product", product.id());
    model.put("productName", product.displayName());
    model.put("prefix", product.variablePrefix());
    model.put("watchId", watchId.value());
    model.put("account", account);
    model.put("watched", spec.watched());
    model.put("hideWindow", context.settings().bool(HIDE_WINDOW));
    model.put("encoding", charset.equals(StandardCharsets.US_ASCII) ? "ASCII" : "CP932 (windows-31j)");
    model.put("siteConfPath", site.layout().siteConf(site.database()));
    model.put("siteDaemonConf", site.layout().siteDaemonConf(site.database()));
    model.put("bootTimeout", spec.siteConf().bootTimeout());
    model.put("stopTimeout", spec.siteConf().stopTimeout());
    model.put("forceKillTime", spec.siteConf().forceKillTime());
    // cjcpw -stop waits up to STOP_TIMEOUT: give the stop script a minute more.
    model.put("stopTimeoutFloor", (long) spec.siteConf().stopTimeout() + 60);
    model.put("specFile", specFile(context));
    return model;
  }

  private static String specFile(RenderContext context) {
    return Path.of(context.spec().source()).getFileName().toString();
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return ArmScriptLinter.recognizes(file);
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return ArmScriptLinter.lint(files);
  }

  @Override
  public List<Rule> rules() {
    return CpwRules.ALL;
  }
}
