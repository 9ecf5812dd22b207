package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.spec.NodeSpec;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Microsoft Failover Clustering (guide chapter 6). Up to Windows Server 2008 R2: scripts that
 * register NEC's resource DLL and create each site's resource with its SiteName and SiteDirectory.
 * From 2012 on: per site, a Generic Script (VBScript) that runs cjcpw, and PowerShell scripts that
 * set the role up and take it down. Both: each site's site.conf and, when asked, the upgrade runbook
 * (guide 6.3, 6.4).
 */
public final class MsfcAdapter implements ClusterAdapter {
  public static final String ID = "msfc";

  static final String WINDOWS_SERVER = "windowsServer";
  static final String UPGRADE_FROM = "upgradeFrom";
  static final String UPGRADE_TO = "upgradeTo";

  static final String ROLE = "role";
  static final String RESOURCE = "resource";
  static final String DISK = "disk";
  static final String IP_RESOURCE = "ipResource";
  static final String SUBNET_MASK = "subnetMask";
  static final String NETWORK_NAME = "networkName";
  static final String SCRIPT_PATH = "scriptPath";
  static final String PENDING_TIMEOUT = "pendingTimeout";

  /** The Generic Script file this adapter renders; not NEC's JobCenterCluster.vbs. */
  static final String SCRIPT_FILE = "JobCenterSite.vbs";
  static final int DEFAULT_PENDING_TIMEOUT = 300;

  /** The resource type NEC's DLL registers (guide 6.1.1.1). */
  static final String RESOURCE_TYPE = "JobCenterCluster";
  static final String RESOURCE_TYPE_DISPLAY = "NEC JobCenter Cluster Resource Type";

  // Printable ASCII without " [ ] \ and without blanks at either end: quoted safely in cmd.exe,
  // PowerShell and dependency expressions ("[name] and [name]").
  private static final String NAME_CHAR = "\\x21\\x23-\\x5A\\x5E-\\x7E";
  static final String NAME_PATTERN = "[" + NAME_CHAR + "]([" + NAME_CHAR + " ]{0,62}[" + NAME_CHAR + "])?";
  private static final String NAME_RULE =
      "1 to 64 printable ASCII characters without blanks at either end and without \" [ ] or \\"
          + " (cmd.exe cannot quote a double quote, and dependency expressions bracket names)";
  private static final String OCTET = "(255|254|252|248|240|224|192|128|0)";
  private static final String MASK_PATTERN = OCTET + "\\." + OCTET + "\\." + OCTET + "\\." + OCTET;
  private static final String PATH_CHAR = "[\\x20-\\x7E&&[^\\\\/:*?\"<>|]]";
  private static final String SCRIPT_PATTERN =
      "|[A-Za-z]:\\\\(" + PATH_CHAR + "+\\\\)*" + PATH_CHAR + "+\\.[Vv][Bb][Ss]";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Microsoft Failover Clustering";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.WINDOWS);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.required(WINDOWS_SERVER, new SettingType.Choice(WindowsServer.ids()),
            "Windows Server release of the cluster: up to 2008r2 JobCenter runs through NEC's resource DLL"
                + " (guide 6.1), from 2012 as a Generic Script resource (guide 6.2)"),
        Setting.optional(UPGRADE_FROM,
            new SettingType.Text("|" + JobCenterVersion.PATTERN, "empty, or a release like R12.7"), "",
            "JobCenter release installed now; when given, an upgrade runbook to upgradeTo is rendered"
                + " (guide 6.3, 6.4)"),
        Setting.optional(UPGRADE_TO,
            new SettingType.Text(JobCenterVersion.PATTERN, "a release like R13.1"), "R13.1",
            "JobCenter release to upgrade to"));
  }

  @Override
  public List<Setting> siteSettings() {
    SettingType name = new SettingType.Text(NAME_PATTERN, NAME_RULE);
    SettingType optionalName = new SettingType.Text("|" + NAME_PATTERN, "empty, or " + NAME_RULE);
    return List.of(
        Setting.optional(ROLE, optionalName, "",
            "role (group) holding the site's resources; empty means the site name's first label, as the guide"
                + " names it"),
        Setting.optional(RESOURCE, name, "JobCenterCluster", "the JobCenter resource; unique in the cluster"),
        Setting.optional(DISK, name, "Cluster Disk 1", "the cluster disk holding the site database"),
        Setting.optional(IP_RESOURCE, optionalName, "",
            "2012 and later: the IP Address resource; empty means 'IP Address <address>'"),
        Setting.optional(SUBNET_MASK, new SettingType.Text(MASK_PATTERN, "a dotted subnet mask"),
            "255.255.255.0", "2012 and later: subnet mask of the site address"),
        Setting.optional(NETWORK_NAME, optionalName, "",
            "up to 2008r2: the network name resource of the client access point; empty means the site"
                + " name's first label"),
        Setting.optional(SCRIPT_PATH,
            new SettingType.Text(SCRIPT_PATTERN, "empty, or an absolute Windows path of a .vbs file"), "",
            "2012 and later: where " + SCRIPT_FILE + " is placed (ScriptFilepath); empty means the root of"
                + " the site database's drive, as the guide places it (6.2.1)"),
        Setting.optional(PENDING_TIMEOUT, new SettingType.Int(1, Integer.MAX_VALUE / 1000),
            DEFAULT_PENDING_TIMEOUT,
            "seconds MSFC lets the resource start or stop (PendingTimeout); must be longer than the site's"
                + " BOOT_TIMEOUT and STOP_TIMEOUT"));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    WindowsServer windows = WindowsServer.fromId(context.settings().text(WINDOWS_SERVER));
    List<MsfcSite> sites = new ArrayList<>();
    List<SiteSpec> specs = context.spec().sites();
    for (int i = 0; i < specs.size(); i++) {
      sites.add(MsfcSite.of(i, specs.get(i)));
    }
    List<String> errors = new ArrayList<>();
    check(windows, sites, errors);
    if (!errors.isEmpty()) {
      throw new RenderException("msfc: " + String.join("; ", errors));
    }
    String specFile = Path.of(context.spec().source()).getFileName().toString();
    List<Artifact> artifacts = new ArrayList<>();
    try {
      for (MsfcSite site : sites) {
        Map<String, Object> model = siteModel(windows, site, specFile);
        String folder = site.spec().site().name().value() + "/";
        if (windows.genericScript()) {
          artifacts.add(vbs(folder + SCRIPT_FILE, context.templates().render("JobCenterSite.vbs.ftl", model)));
          artifacts.add(ps1(folder + "setup.ps1", context.templates().render("setup.ps1.ftl", model)));
          artifacts.add(ps1(folder + "remove.ps1", context.templates().render("remove.ps1.ftl", model)));
        } else {
          artifacts.add(cmd(folder + "resource.cmd", context.templates().render("resource.cmd.ftl", model)));
          artifacts.add(cmd(folder + "remove-resource.cmd",
              context.templates().render("remove-resource.cmd.ftl", model)));
        }
        artifacts.add(Artifact.text(folder + "site.conf", site.spec().siteConf().write(), StandardCharsets.US_ASCII,
            LineEnding.CRLF, FileMode.REGULAR));
      }
      Map<String, Object> cluster = clusterModel(context, windows, sites, specFile);
      if (!windows.genericScript()) {
        for (String name : List.of("register-type", "register-node", "unregister-node", "unregister-type")) {
          artifacts.add(cmd(name + ".cmd", context.templates().render(name + ".cmd.ftl", cluster)));
        }
      }
      if (!context.settings().text(UPGRADE_FROM).isEmpty()) {
        artifacts.add(Artifact.text("UPGRADE.txt", context.templates().render("upgrade.txt.ftl", cluster),
            StandardCharsets.UTF_8, LineEnding.CRLF, FileMode.REGULAR));
      }
    } catch (IllegalArgumentException e) {
      throw new RenderException("msfc: " + e.getMessage(), e);
    }
    return artifacts;
  }

  /** Everything that would make the rendered scripts wrong, collected so all are reported at once. */
  private static void check(WindowsServer windows, List<MsfcSite> sites, List<String> errors) {
    for (MsfcSite site : sites) {
      var conf = site.spec().siteConf();
      if (site.pendingTimeout() <= site.longestSiteTimeout()) {
        boolean boot = conf.bootTimeout() >= conf.stopTimeout();
        errors.add(site.field(PENDING_TIMEOUT) + " " + site.pendingTimeout() + " s is not longer than the site's "
            + (boot ? "BOOT_TIMEOUT" : "STOP_TIMEOUT") + " of " + site.longestSiteTimeout() + " s (siteConf."
            + (boot ? "bootTimeout" : "stopTimeout") + "): MSFC would terminate the resource while cjcpw is"
            + " still within its own limit; set pendingTimeout above " + site.longestSiteTimeout()
            + " or lower the site's timeouts");
      }
      if (!windows.genericScript() && site.spec().site().database().value().contains(",")) {
        errors.add(site.where() + ": database '" + site.spec().site().database() + "' holds a comma, which"
            + " cluster.exe reads as a separator of multi-valued properties (SiteDirectory); move the"
            + " database to a path without one");
      }
    }
    unique(sites, ROLE, MsfcSite::role, "role", errors);
    unique(sites, RESOURCE, MsfcSite::resource, "resource", errors);
    unique(sites, DISK, MsfcSite::disk, "cluster disk (a disk belongs to one role)", errors);
    if (windows.genericScript()) {
      unique(sites, IP_RESOURCE, MsfcSite::ipResource, "IP Address resource", errors);
      unique(sites, SCRIPT_PATH, s -> s.scriptPath().toLowerCase(Locale.ROOT), "script path", errors);
    } else {
      unique(sites, NETWORK_NAME, MsfcSite::networkName, "network name resource", errors);
      for (MsfcSite site : sites.subList(Math.min(1, sites.size()), sites.size())) {
        InstallLayout first = sites.get(0).spec().site().layout();
        if (!site.spec().site().layout().root().equalsIgnoreCase(first.root())) {
          errors.add(site.where() + ": installRoot '" + site.spec().site().layout().root() + "' differs from '"
              + first.root() + "' of " + sites.get(0).where() + "; the resource DLL is registered once per"
              + " node, from one JobCenter installation");
        }
      }
    }
  }

  /** MSFC names resources and groups case-insensitively, so two sites must not share one. */
  private static void unique(
      List<MsfcSite> sites, String setting, Function<MsfcSite, String> name, String what, List<String> errors) {
    Map<String, MsfcSite> seen = new HashMap<>();
    for (MsfcSite site : sites) {
      String key = name.apply(site).toLowerCase(Locale.ROOT);
      MsfcSite first = seen.putIfAbsent(key, site);
      if (first != null) {
        errors.add(site.field(setting) + ": " + what + " '" + name.apply(site) + "' is already used by "
            + first.where() + "; give each site its own");
      }
    }
  }

  private static Map<String, Object> siteModel(WindowsServer windows, MsfcSite s, String specFile) {
    var site = s.spec().site();
    String siteName = site.name().value();
    String database = site.database().value();
    Map<String, Object> model = new TreeMap<>();
    model.put("windowsServer", windows.id());
    model.put("site", siteName);
    model.put("database", database);
    model.put("address", site.address().value());
    model.put("specFile", specFile);
    model.put("remSpecFile", Quoting.remText(specFile));
    model.put("bootTimeout", s.spec().siteConf().bootTimeout());
    model.put("stopTimeout", s.spec().siteConf().stopTimeout());
    model.put("pendingTimeout", s.pendingTimeout());
    model.put("pendingTimeoutMs", s.pendingTimeout() * 1000L);
    model.put("scriptFile", SCRIPT_FILE);
    model.put("resourceType", RESOURCE_TYPE);
    model.put("role", s.role());
    model.put("resource", s.resource());
    model.put("disk", s.disk());
    model.put("ipResource", s.ipResource());
    model.put("networkName", s.networkName());
    model.put("scriptPath", s.scriptPath());
    model.put("siteConfPath", site.layout().siteConf(site.database()));
    if (windows.genericScript()) {
      Map<String, Object> ps = new TreeMap<>();
      ps.put("site", Quoting.powershell(s.where() + ": name", siteName));
      ps.put("database", Quoting.powershell(s.where() + ": database", database));
      ps.put("address", Quoting.powershell(s.where() + ": address", site.address().value()));
      ps.put("role", Quoting.powershell(s.field(ROLE), s.role()));
      ps.put("resource", Quoting.powershell(s.field(RESOURCE), s.resource()));
      ps.put("disk", Quoting.powershell(s.field(DISK), s.disk()));
      ps.put("ipResource", Quoting.powershell(s.field(IP_RESOURCE), s.ipResource()));
      ps.put("subnetMask", Quoting.powershell(s.field(SUBNET_MASK), s.subnetMask()));
      ps.put("scriptPath", Quoting.powershell(s.field(SCRIPT_PATH), s.scriptPath()));
      ps.put("dependency", Quoting.powershell(s.field(DISK),
          "[" + s.disk() + "] and [" + s.ipResource() + "]"));
      model.put("ps", ps);
      model.put("vbs", Map.of("cjcpw", Quoting.vbscript(s.where() + ": installRoot", site.command(SiteCommand.CJCPW))));
    } else {
      Map<String, Object> cmd = new TreeMap<>();
      cmd.put("site", Quoting.cmd(s.where() + ": name", siteName));
      cmd.put("database", Quoting.cmd(s.where() + ": database", database));
      cmd.put("role", Quoting.cmd(s.field(ROLE), s.role()));
      cmd.put("resource", Quoting.cmd(s.field(RESOURCE), s.resource()));
      cmd.put("disk", Quoting.cmd(s.field(DISK), s.disk()));
      cmd.put("networkName", Quoting.cmd(s.field(NETWORK_NAME), s.networkName()));
      model.put("cmd", cmd);
    }
    return model;
  }

  private static Map<String, Object> clusterModel(
      RenderContext context, WindowsServer windows, List<MsfcSite> sites, String specFile) {
    Map<String, Object> model = new TreeMap<>();
    model.put("specFile", specFile);
    model.put("remSpecFile", Quoting.remText(specFile));
    model.put("windowsServer", windows.id());
    model.put("genericScript", windows.genericScript());
    model.put("resourceType", RESOURCE_TYPE);
    model.put("resourceTypeDisplay", RESOURCE_TYPE_DISPLAY);
    InstallLayout layout = sites.get(0).spec().site().layout();
    model.put("installRoot", layout.root());
    model.put("cmdLibDll", Quoting.cmd("installRoot", layout.root() + "\\lib\\" + RESOURCE_TYPE + ".dll"));
    model.put("cmdLibExDll", Quoting.cmd("installRoot", layout.root() + "\\lib\\" + RESOURCE_TYPE + "Ex.dll"));
    model.put("nodes", context.spec().nodes().stream().map(NodeSpec::name).toList());
    List<Map<String, Object>> siteModels = new ArrayList<>();
    for (MsfcSite s : sites) {
      Map<String, Object> m = new TreeMap<>();
      m.put("site", s.spec().site().name().value());
      m.put("database", s.spec().site().database().value());
      m.put("role", s.role());
      m.put("resource", s.resource());
      m.put("disk", s.disk());
      // Typed at a prompt, not run from a file: no %% doubling for cmd.exe.
      m.put("moveCommand", windows.genericScript()
          ? "Move-ClusterGroup -Name " + Quoting.powershell(s.field(ROLE), s.role()) + " -Node "
          : "cluster group \"" + s.role() + "\" /moveto:");
      siteModels.add(m);
    }
    model.put("sites", siteModels);
    String from = context.settings().text(UPGRADE_FROM);
    String to = context.settings().text(UPGRADE_TO);
    if (!from.isEmpty()) {
      JobCenterVersion fromVersion = JobCenterVersion.parse(from);
      JobCenterVersion toVersion = JobCenterVersion.parse(to);
      if (toVersion.compareTo(fromVersion) <= 0) {
        throw new IllegalArgumentException("targets.msfc.upgradeTo " + to + " is not later than upgradeFrom " + from);
      }
      // The resource DLL changed in R12.8: crossing that release means registering it anew, which
      // stops the groups (guide 6.4). The Generic Script resource has no DLL to re-register.
      boolean rolling = windows.genericScript()
          || fromVersion.compareTo(JobCenterVersion.RESOURCE_DLL_CHANGED) >= 0
          || toVersion.compareTo(JobCenterVersion.RESOURCE_DLL_CHANGED) < 0;
      model.put("rolling", rolling);
      model.put("crossesDllChange", fromVersion.compareTo(JobCenterVersion.RESOURCE_DLL_CHANGED) < 0
          && toVersion.compareTo(JobCenterVersion.RESOURCE_DLL_CHANGED) >= 0);
    } else {
      model.put("rolling", true);
      model.put("crossesDllChange", false);
    }
    model.put("upgradeFrom", from);
    model.put("upgradeTo", to);
    return model;
  }

  private static Artifact cmd(String path, String text) {
    return Artifact.text(path, text, StandardCharsets.US_ASCII, LineEnding.CRLF, FileMode.REGULAR);
  }

  private static Artifact ps1(String path, String text) {
    return Artifact.textWithBom(path, text, StandardCharsets.UTF_8, LineEnding.CRLF, FileMode.REGULAR);
  }

  private static Artifact vbs(String path, String text) {
    return Artifact.text(path, text, StandardCharsets.US_ASCII, LineEnding.CRLF, FileMode.REGULAR);
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return MsfcLinter.recognizes(file);
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return MsfcLinter.lint(files);
  }

  @Override
  public List<Rule> rules() {
    return MsfcRules.ALL;
  }
}
