package dev.clusterkit.adapter.serviceguard;

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
import dev.clusterkit.core.spec.NodeSpec;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.Settings;
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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HP Serviceguard on HP-UX and Serviceguard for Linux (guide chapter 3): per site, a modular
 * package (configuration file and external script), the legacy control-script fragments the guide
 * shows with their package ASCII file, and the settings and commands to apply them.
 */
public final class ServiceguardAdapter implements ClusterAdapter {
  public static final String ID = "serviceguard";

  static final String STYLE = "packageStyle";
  static final String SGCONF = "sgconf";
  static final String DISTRIBUTION = "linuxDistribution";

  static final String PACKAGE_NAME = "packageName";
  static final String SERVICE_NAME = "serviceName";
  static final String IP_SUBNET = "ipSubnet";
  static final String VG = "vg";
  static final String FS_NAME = "fsName";
  static final String FS_DIRECTORY = "fsDirectory";
  static final String FS_TYPE = "fsType";
  static final String FS_MOUNT_OPT = "fsMountOpt";
  static final String SERVICE_RESTART = "serviceRestart";
  static final String SERVICE_FAIL_FAST = "serviceFailFast";
  static final String SERVICE_HALT_TIMEOUT = "serviceHaltTimeout";

  private static final String NAME_OR_EMPTY = "|" + SgNames.PATTERN;
  private static final String IPV4 = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}";
  private static final String ABSOLUTE = "/[A-Za-z0-9._/-]*";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "HP Serviceguard";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.HPUX, Platform.LINUX);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.optional(STYLE, new SettingType.Choice(List.of("both", "modular", "legacy")), "both",
            "which package forms to render: the modular package (A.11.18 and later), the legacy"
                + " control-script fragments of the guide (3.1), or both"),
        Setting.optional(SGCONF, new SettingType.Text("|" + ABSOLUTE, "empty, or an absolute path"), "",
            "Serviceguard's configuration folder ($SGCONF); empty means /etc/cmcluster on HP-UX and the"
                + " distribution's folder on Linux"),
        Setting.optional(DISTRIBUTION, new SettingType.Choice(List.of("redhat", "suse")), "redhat",
            "Linux only: where Serviceguard for Linux keeps $SGCONF (/usr/local/cmcluster/conf on Red Hat,"
                + " /opt/cmcluster/conf on SUSE)"));
  }

  @Override
  public List<Setting> siteSettings() {
    return List.of(
        Setting.optional(PACKAGE_NAME, new SettingType.Text(NAME_OR_EMPTY, SgNames.RULE), "",
            "the package of the site; empty means jc_<first label of the site name>"),
        Setting.optional(SERVICE_NAME, new SettingType.Text(NAME_OR_EMPTY, SgNames.RULE), "",
            "the service that runs cjcpw; empty means cjcpw_<first label of the site name>"),
        Setting.required(IP_SUBNET, new SettingType.Text(IPV4, "a dotted IPv4 subnet address such as 192.168.10.0"),
            "ip_subnet: the subnet of the site's relocatable address"),
        Setting.required(VG, new SettingType.Text("[A-Za-z0-9._/-]+", "a volume group name such as vgjob"),
            "vg: the volume group holding the site database's file system"),
        Setting.required(FS_NAME, new SettingType.Text(ABSOLUTE, "an absolute block device path"),
            "fs_name: the logical volume of that file system, e.g. /dev/vgjob/lvol1"),
        Setting.optional(FS_DIRECTORY, new SettingType.Text("|" + ABSOLUTE, "empty, or an absolute path"), "",
            "fs_directory: its mount point; empty means the site database path, which must lie in it"),
        Setting.optional(FS_TYPE, new SettingType.Text("|[a-z0-9]+", "a file system type such as vxfs or ext4"), "",
            "fs_type; empty means vxfs on HP-UX (Linux has no default: name it)"),
        Setting.optional(FS_MOUNT_OPT, new SettingType.Text("-o [A-Za-z0-9,=_-]+", "'-o' and mount options"),
            "-o rw", "fs_mount_opt"),
        Setting.optional(SERVICE_RESTART, new SettingType.Text("none|unlimited|[1-9][0-9]{0,5}",
                "none, unlimited or a positive number"), "none",
            "service_restart: restarts of cjcpw on the same node before the package fails over"),
        Setting.optional(SERVICE_FAIL_FAST, new SettingType.Bool(), false,
            "service_fail_fast_enabled: reboot the node when cjcpw fails"),
        Setting.optional(SERVICE_HALT_TIMEOUT, new SettingType.Int(0, ConfigLinter.MAX_HALT_TIMEOUT), 0,
            "service_halt_timeout in seconds; 0 means the site's stop budget (its STOP_TIMEOUT, at least"
                + " 180 s) plus 60 s"));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    ClusterSpec spec = context.spec();
    Platform platform = commonPlatform(spec);
    Settings cluster = context.settings();
    String style = cluster.text(STYLE);
    String sgconf = sgconf(platform, cluster);
    List<Map<String, Object>> models = new ArrayList<>();
    for (int i = 0; i < spec.sites().size(); i++) {
      models.add(model(context, i, platform, sgconf));
    }
    unique(models, "package", PACKAGE_NAME);
    unique(models, "service", SERVICE_NAME);
    List<Artifact> artifacts = new ArrayList<>();
    for (Map<String, Object> model : models) {
      String folder = model.get("site") + "/";
      String pkg = (String) model.get("package");
      if (!style.equals("legacy")) {
        artifacts.add(text(folder + "modular/" + pkg + ".conf", context.templates().render("package.conf.ftl", model),
            FileMode.REGULAR));
        artifacts.add(text(folder + "modular/" + model.get("externalScriptName"),
            context.templates().render("external.sh.ftl", model), FileMode.EXECUTABLE));
      }
      if (!style.equals("modular")) {
        artifacts.add(text(folder + "legacy/" + pkg + ".ascii", context.templates().render("legacy.ascii.ftl", model),
            FileMode.REGULAR));
        artifacts.add(text(folder + "legacy/" + model.get("fragmentsName"),
            context.templates().render("control-fragments.ftl", model), FileMode.REGULAR));
      }
      Map<String, Object> withStyle = new TreeMap<>(model);
      withStyle.put("modular", !style.equals("legacy"));
      withStyle.put("legacy", !style.equals("modular"));
      artifacts.add(text(folder + "SETTINGS.txt", context.templates().render("settings.txt.ftl", withStyle),
          FileMode.REGULAR));
    }
    return artifacts;
  }

  /** One cluster runs one operating system: every site must be on the same platform. */
  private static Platform commonPlatform(ClusterSpec spec) throws RenderException {
    Platform first = spec.sites().get(0).site().platform();
    for (int i = 1; i < spec.sites().size(); i++) {
      Platform p = spec.sites().get(i).site().platform();
      if (p != first) {
        throw new RenderException(spec.source() + ": sites[" + i + "].platform is " + p.id() + " but sites[0] is on "
            + first.id() + "; the nodes of one Serviceguard cluster run one operating system");
      }
    }
    return first;
  }

  static String sgconf(Platform platform, Settings cluster) {
    if (!cluster.text(SGCONF).isEmpty()) {
      return cluster.text(SGCONF);
    }
    if (platform == Platform.HPUX) {
      return "/etc/cmcluster";
    }
    return cluster.text(DISTRIBUTION).equals("suse") ? "/opt/cmcluster/conf" : "/usr/local/cmcluster/conf";
  }

  private static Map<String, Object> model(RenderContext context, int index, Platform platform, String sgconf)
      throws RenderException {
    ClusterSpec spec = context.spec();
    SiteSpec siteSpec = spec.sites().get(index);
    var site = siteSpec.site();
    Settings s = siteSpec.settingsFor(ID);
    String where = spec.source() + ": sites[" + index + "].targets." + ID + ".";
    String shortName = site.name().shortName();
    String pkg = s.text(PACKAGE_NAME).isEmpty() ? SgNames.derive("jc_", shortName) : s.text(PACKAGE_NAME);
    String service = s.text(SERVICE_NAME).isEmpty() ? SgNames.derive("cjcpw_", shortName) : s.text(SERVICE_NAME);
    String database = site.database().value();
    String fsDirectory = s.text(FS_DIRECTORY).isEmpty() ? database : s.text(FS_DIRECTORY);
    if (!database.equals(fsDirectory) && !database.startsWith(fsDirectory.endsWith("/") ? fsDirectory : fsDirectory + "/")) {
      throw new RenderException(where + FS_DIRECTORY + ": '" + fsDirectory + "' does not hold the site database "
          + database + "; give the mount point of the file system the database lies on");
    }
    String fsType = s.text(FS_TYPE);
    if (fsType.isEmpty()) {
      if (platform == Platform.LINUX) {
        throw new RenderException(where + FS_TYPE + ": name the file system type of " + s.text(FS_NAME)
            + " (ext3, ext4, xfs, ...); Serviceguard for Linux mounts it with that type");
      }
      fsType = "vxfs";
    }
    String restart = s.text(SERVICE_RESTART);
    boolean failFast = s.bool(SERVICE_FAIL_FAST);
    if (failFast && restart.equals("unlimited")) {
      throw new RenderException(where + SERVICE_FAIL_FAST + ": true means nothing with " + SERVICE_RESTART
          + " unlimited, because the service never fails for good");
    }
    int stopTimeout = siteSpec.siteConf().stopTimeout();
    int budget = Math.max(stopTimeout, ConfigLinter.SITE_STOP_BUDGET);
    if (budget > ConfigLinter.MAX_HALT_TIMEOUT) {
      throw new RenderException(spec.source() + ": sites[" + index + "].siteConf.stopTimeout " + stopTimeout
          + " is longer than Serviceguard can wait between SIGTERM and SIGKILL (" + ConfigLinter.MAX_HALT_TIMEOUT
          + " s)");
    }
    int halt = s.integer(SERVICE_HALT_TIMEOUT);
    if (halt == 0) {
      halt = Math.min(budget + 60, ConfigLinter.MAX_HALT_TIMEOUT);
    } else if (halt < budget) {
      throw new RenderException(where + SERVICE_HALT_TIMEOUT + ": " + halt + " s is shorter than the site's stop ("
          + budget + " s: STOP_TIMEOUT " + stopTimeout + ", and cjcpw -stop takes up to 180 s); cjcpw would get"
          + " SIGKILL before the daemons are down");
    }
    String pkgDir = sgconf + "/" + pkg;
    Map<String, Object> model = new TreeMap<>();
    model.put("site", site.name().value());
    model.put("machineId", site.machineId().value());
    model.put("database", database);
    model.put("address", site.address().value());
    model.put("cjcpw", site.command(SiteCommand.CJCPW));
    model.put("nqsportkpr", site.command(SiteCommand.NQSPORTKPR));
    model.put("cjcls", site.command(SiteCommand.CJCLS));
    model.put("commonDaemonConf", site.layout().commonDaemonConf());
    model.put("siteDaemonConf", site.layout().siteDaemonConf(site.database()));
    model.put("watched", siteSpec.watched());
    model.put("portKeeper", siteSpec.portKeeper());
    model.put("hpux", platform == Platform.HPUX);
    model.put("platformName", platform == Platform.HPUX ? "HP-UX" : "Linux");
    model.put("controlShell", platform == Platform.HPUX ? "ksh" : "bash");
    model.put("sgconf", sgconf);
    model.put("package", pkg);
    model.put("service", service);
    model.put("serviceIsJcservice", service.equals("jcservice"));
    model.put("nodes", spec.nodes().stream().map(NodeSpec::name).toList());
    model.put("ipSubnet", s.text(IP_SUBNET));
    model.put("vg", s.text(VG));
    model.put("fsName", s.text(FS_NAME));
    model.put("fsDirectory", fsDirectory);
    model.put("fsType", fsType);
    model.put("fsMountOpt", s.text(FS_MOUNT_OPT));
    model.put("serviceRestart", restart);
    model.put("legacyRestart", switch (restart) {
      case "none" -> "";
      case "unlimited" -> "-R";
      default -> "-r " + restart;
    });
    model.put("failFast", failFast);
    model.put("haltTimeout", halt);
    model.put("stopTimeout", stopTimeout);
    model.put("stopBudget", budget);
    model.put("packageDir", pkgDir);
    model.put("configPath", pkgDir + "/" + pkg + ".conf");
    model.put("externalScriptName", pkg + "_ext.sh");
    model.put("externalScriptPath", pkgDir + "/" + pkg + "_ext.sh");
    model.put("controlScriptPath", pkgDir + "/" + pkg + ".cntl");
    model.put("asciiPath", pkgDir + "/" + pkg + ".ascii");
    model.put("fragmentsName", pkg + ".cntl-fragments." + (platform == Platform.HPUX ? "ksh" : "bash"));
    model.put("specFile", Path.of(spec.source()).getFileName().toString());
    return model;
  }

  /** Package and service names are unique in the cluster (SG-4). */
  private static void unique(List<Map<String, Object>> models, String key, String setting) throws RenderException {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < models.size(); i++) {
      String name = ((String) models.get(i).get(key)).toLowerCase(Locale.ROOT);
      Integer previous = seen.putIfAbsent(name, i);
      if (previous != null) {
        throw new RenderException("sites[" + i + "].targets." + ID + "." + setting + ": " + key + " name '"
            + models.get(i).get(key) + "' is already used by sites[" + previous + "]; Serviceguard names are unique"
            + " in the cluster");
      }
    }
  }

  private static Artifact text(String path, String text, FileMode mode) {
    return Artifact.text(path, text, StandardCharsets.UTF_8, LineEnding.LF, mode);
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return SgLinter.recognizes(file);
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return SgLinter.lint(files);
  }

  /** The package mounts fs_name at fs_directory, the database path when it is empty. */
  @Override
  public Optional<String> databaseMountPoint(SiteSpec site) {
    String fsDirectory = site.settingsFor(ID).text(FS_DIRECTORY);
    return Optional.of(fsDirectory.isEmpty() ? site.site().database().value() : fsDirectory);
  }

  @Override
  public List<Rule> rules() {
    return SgRules.ALL;
  }
}
