package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.spec.Setting;
import dev.clusterkit.core.spec.SettingType;
import dev.clusterkit.core.spec.SiteSpec;
import dev.clusterkit.core.spi.ClusterAdapter;
import dev.clusterkit.core.spi.RenderContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sun Cluster (guide chapter 5) on Solaris: per site, the cl* command scripts that create and
 * remove the SC 3.2+ resource group (LogicalHostname, HAStoragePlus, SUNW.gds), the SC 2.2 start
 * and stop methods with their hareg registration, and the settings the integrator makes by hand.
 */
public final class SunClusterAdapter implements ClusterAdapter {
  public static final String ID = "suncluster";

  static final String RELEASE = "release";
  static final String METHOD_DIR = "methodDir";
  static final String SERVICE = "service";
  static final String RESOURCE_GROUP = "resourceGroup";
  static final String LOGICAL_HOST_RESOURCE = "logicalHostResource";
  static final String STORAGE_RESOURCE = "storageResource";
  static final String MOUNT_POINT = "mountPoint";
  static final String NET_IF_LIST = "netIfList";
  static final String EXTRA_PORTS = "extraPorts";
  static final String START_TIMEOUT = "startTimeout";
  static final String STOP_TIMEOUT = "stopTimeout";
  static final String LOGICAL_HOST = "logicalHost";

  /** The port JobCenter's daemons listen on (guide 5.1.2.3, 3.1.3). */
  static final String JOBCENTER_PORT = "607/tcp";

  private static final String NAME = "[A-Za-z][A-Za-z0-9_-]{0,62}";
  private static final String NAME_RULE =
      "1 to 63 letters, digits, '-' or '_', starting with a letter (Sun Cluster object names)";
  private static final String PORT = "[0-9]{1,5}/(tcp|udp)";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Sun Cluster / Oracle Solaris Cluster";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.SOLARIS);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.optional(RELEASE, new SettingType.Choice(List.of("3.2", "2.2", "both")), "3.2",
            "what to render: '3.2' for Sun Cluster 3.2 and later (cl* commands, SUNW.gds), '2.2' for"
                + " Sun Cluster 2.2 (pmfadm methods, hareg), or 'both'"),
        Setting.optional(METHOD_DIR, new SettingType.Text("/[A-Za-z0-9._+@%,:=/-]*[^/]",
                "an absolute path without a trailing /"), "/opt/clusterkit/jobcenter",
            "Sun Cluster 2.2: where the start and stop methods are installed on every node"));
  }

  @Override
  public List<Setting> siteSettings() {
    return List.of(
        Setting.optional(SERVICE, new SettingType.Text("|" + NAME, NAME_RULE), "",
            "SUNW.gds resource, SC 2.2 data service and PMF nametag; empty means jc-<first label of the site name>"),
        Setting.optional(RESOURCE_GROUP, new SettingType.Text("|" + NAME, NAME_RULE), "",
            "resource group; empty means <service>-rg"),
        Setting.optional(LOGICAL_HOST_RESOURCE, new SettingType.Text("|" + NAME, NAME_RULE), "",
            "LogicalHostname resource for the site name; empty means <service>-lh-rs"),
        Setting.optional(STORAGE_RESOURCE, new SettingType.Text("|" + NAME, NAME_RULE), "",
            "HAStoragePlus resource for the database file system; empty means <service>-hasp-rs"),
        Setting.optional(MOUNT_POINT, new SettingType.Text("|/[A-Za-z0-9._+@%,:=/-]*",
                "empty or an absolute path"), "",
            "mount point of the file system holding the site database (HAStoragePlus"
                + " FilesystemMountPoints); empty means the database path itself"),
        Setting.optional(NET_IF_LIST, new SettingType.Text("|[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+@[A-Za-z0-9_.-]+)*",
                "empty or IPMP groups at node IDs, like ipmp0@1,ipmp0@2"), "",
            "clreslogicalhostname -N: the IPMP group on each node; empty lets Sun Cluster choose"),
        Setting.optional(EXTRA_PORTS, new SettingType.Text("|" + PORT + "(," + PORT + ")*",
                "empty or ports like 611/tcp,10012/tcp"), "",
            "ports JobCenter uses besides 607/tcp (environment setup guide), added to Port_list"),
        Setting.optional(START_TIMEOUT, new SettingType.Int(0, Timeouts.GDS_MAX), 0,
            "SUNW.gds Start_timeout in seconds; 0 derives it from the site's bootTimeout"),
        Setting.optional(STOP_TIMEOUT, new SettingType.Int(0, Timeouts.GDS_MAX), 0,
            "SUNW.gds Stop_timeout in seconds; 0 derives it from the site's stopTimeout"),
        Setting.optional(LOGICAL_HOST, new SettingType.Text("|[A-Za-z0-9][A-Za-z0-9-]{0,62}",
                "empty or a logical host name"), "",
            "Sun Cluster 2.2: the logical host the site moves with; empty means the first label of the site name"));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    String release = context.settings().text(RELEASE);
    boolean sc32 = !release.equals("2.2");
    boolean sc22 = !release.equals("3.2");
    List<String> problems = new ArrayList<>();
    List<Map<String, Object>> models = new ArrayList<>();
    List<SiteSpec> sites = context.spec().sites();
    for (int i = 0; i < sites.size(); i++) {
      models.add(model(context, sites.get(i), "sites[" + i + "]", sc32, sc22, problems));
    }
    uniqueNames(models, problems);
    if (!problems.isEmpty()) {
      throw new RenderException(context.spec().source() + ": cannot render target " + ID + ":\n  "
          + String.join("\n  ", problems));
    }
    List<Artifact> artifacts = new ArrayList<>();
    for (Map<String, Object> model : models) {
      String folder = model.get("site") + "/";
      if (sc32) {
        artifacts.add(script(folder + "sc32-create.sh", context.templates().render("sc32-create.sh.ftl", model)));
        artifacts.add(script(folder + "sc32-remove.sh", context.templates().render("sc32-remove.sh.ftl", model)));
      }
      if (sc22) {
        artifacts.add(script(folder + "sc22-start.sh", context.templates().render("sc22-start.sh.ftl", model)));
        artifacts.add(script(folder + "sc22-stop.sh", context.templates().render("sc22-stop.sh.ftl", model)));
        artifacts.add(text(folder + "sc22-hareg.txt", context.templates().render("sc22-hareg.txt.ftl", model)));
      }
      artifacts.add(text(folder + "SETTINGS.txt", context.templates().render("settings.txt.ftl", model)));
    }
    return artifacts;
  }

  private static Map<String, Object> model(
      RenderContext context, SiteSpec spec, String where, boolean sc32, boolean sc22, List<String> problems) {
    var site = spec.site();
    var settings = spec.settingsFor(ID);
    String field = where + ".targets." + ID + ".";
    String service = orDefault(settings.text(SERVICE), defaultService(site.name().shortName()));
    String database = site.database().value();
    String mountPoint = orDefault(settings.text(MOUNT_POINT), database);
    if (!(database.equals(mountPoint) || database.startsWith(mountPoint.endsWith("/") ? mountPoint : mountPoint + "/"))) {
      problems.add(field + MOUNT_POINT + ": '" + mountPoint + "' does not hold the site database " + database
          + "; give the database path or one of its parent folders (HAStoragePlus must mount it before cjcpw starts)");
    }
    List<String> ports = new ArrayList<>(List.of(JOBCENTER_PORT));
    String extra = settings.text(EXTRA_PORTS);
    if (!extra.isEmpty()) {
      for (String p : extra.split(",")) {
        int number = Integer.parseInt(p.substring(0, p.indexOf('/')));
        if (number < 1 || number > 65535) {
          problems.add(field + EXTRA_PORTS + ": port " + p + " is not between 1 and 65535");
        } else if (ports.contains(p)) {
          problems.add(field + EXTRA_PORTS + ": " + p + " is listed twice (607/tcp is always in Port_list)");
        } else {
          ports.add(p);
        }
      }
    }
    if (mountPoint.contains(",")) {
      problems.add(field + MOUNT_POINT + ": '" + mountPoint + "' holds a comma, which HAStoragePlus reads as a separator"
          + " of FilesystemMountPoints; " + (settings.text(MOUNT_POINT).isEmpty()
              ? "the database path is used when mountPoint is empty, so give the mount point, a parent folder without a comma"
              : "give a mount point without a comma"));
    }
    var conf = spec.siteConf();
    long startTimeout = settings.integer(START_TIMEOUT) == 0 ? Timeouts.gdsStart(conf.bootTimeout()) : settings.integer(START_TIMEOUT);
    long stopTimeout = settings.integer(STOP_TIMEOUT) == 0 ? Timeouts.gdsStop(conf.stopTimeout()) : settings.integer(STOP_TIMEOUT);
    if (sc32 && startTimeout > Timeouts.GDS_MAX) {
      problems.add(field + START_TIMEOUT + ": the site's bootTimeout of " + conf.bootTimeout() + " s needs a Start_timeout of "
          + startTimeout + " s, more than the " + Timeouts.GDS_MAX + " s clusterkit gives GDS; lower siteConf.bootTimeout");
    } else if (sc32 && !Timeouts.startFits(startTimeout, conf.bootTimeout())) {
      problems.add(field + START_TIMEOUT + ": " + startTimeout + " s is not above the site's bootTimeout of "
          + conf.bootTimeout() + " s; GDS would give up while cjcpw is still starting the site (0 derives "
          + Timeouts.gdsStart(conf.bootTimeout()) + ")");
    }
    if (sc32 && stopTimeout > Timeouts.GDS_MAX) {
      problems.add(field + STOP_TIMEOUT + ": the site's stopTimeout of " + conf.stopTimeout() + " s needs a Stop_timeout of "
          + stopTimeout + " s, more than the " + Timeouts.GDS_MAX + " s clusterkit gives GDS; lower siteConf.stopTimeout");
    } else if (sc32 && !Timeouts.stopFits(stopTimeout, conf.stopTimeout())) {
      problems.add(field + STOP_TIMEOUT + ": GDS gives Stop_command 80% of " + stopTimeout + " s, which is not above the"
          + " site's stopTimeout of " + conf.stopTimeout() + " s; cjcpw -stop would be killed (0 derives "
          + Timeouts.gdsStop(conf.stopTimeout()) + ")");
    }
    if (sc32 && spec.portKeeper()) {
      problems.add(where + ".portKeeper: true cannot be rendered for Sun Cluster 3.2: SUNW.gds runs Start_command"
          + " directly under PMF and has no step before it for nqsportkpr (the guide's chapter 5 does not use it);"
          + " set portKeeper: false, or release: \"2.2\" whose start method runs nqsportkpr first");
    }

    Map<String, Object> model = new TreeMap<>();
    model.put("site", site.name().value());
    model.put("machineId", site.machineId().value());
    model.put("database", database);
    model.put("address", site.address().value());
    model.put("cjcpw", site.command(SiteCommand.CJCPW));
    model.put("nqsportkpr", site.command(SiteCommand.NQSPORTKPR));
    model.put("commonDaemonConf", site.layout().commonDaemonConf());
    model.put("siteDaemonConf", site.layout().siteDaemonConf(site.database()));
    model.put("watched", spec.watched());
    model.put("portKeeper", spec.portKeeper());
    model.put("sc32", sc32);
    model.put("sc22", sc22);
    model.put("service", service);
    model.put("resourceGroup", orDefault(settings.text(RESOURCE_GROUP), service + "-rg"));
    model.put("logicalHostResource", orDefault(settings.text(LOGICAL_HOST_RESOURCE), service + "-lh-rs"));
    model.put("storageResource", orDefault(settings.text(STORAGE_RESOURCE), service + "-hasp-rs"));
    model.put("mountPoint", mountPoint);
    model.put("netIfList", settings.text(NET_IF_LIST));
    model.put("portList", String.join(",", ports));
    // Watched: PMF follows cjcpw alone, whose exit is the site's failure (scds_pmf_start(3HA): a
    // daemon gets level 0). Unwatched: cjcpw -c returns at once, so PMF must follow every
    // descendant, and the site counts as failed only when its last process is gone.
    model.put("childMonLevel", spec.watched() ? 0 : -1);
    model.put("startTimeout", startTimeout);
    model.put("stopTimeout", stopTimeout);
    model.put("bootTimeoutSite", conf.bootTimeout());
    model.put("stopTimeoutSite", conf.stopTimeout());
    model.put("logicalHost", orDefault(settings.text(LOGICAL_HOST), site.name().shortName()));
    model.put("methodDir", context.settings().text(METHOD_DIR));
    long sc22Stop = Timeouts.sc22Stop(conf.stopTimeout());
    long sc22Takeover = Timeouts.sc22Takeover(Math.max(sc22Stop, Timeouts.SC22_START));
    if (sc22 && sc22Takeover > Integer.MAX_VALUE) {
      // Assumed: Sun Cluster 2.2 keeps its timeouts in seconds in 32-bit integers.
      problems.add(where + ".siteConf.stopTimeout: " + conf.stopTimeout() + " s would need a logical host takeover"
          + " timeout of " + sc22Takeover + " s for Sun Cluster 2.2, more than a 32-bit count of seconds holds;"
          + " lower it");
    }
    model.put("sc22StartTimeout", Timeouts.SC22_START);
    model.put("sc22StopTimeout", sc22Stop);
    model.put("sc22Takeover", sc22Takeover);
    model.put("nodes", context.spec().nodes().stream().map(n -> n.name()).toList());
    model.put("specFile", Path.of(context.spec().source()).getFileName().toString());
    model.put("where", where);
    return model;
  }

  /** Sun Cluster names resources and groups cluster-wide: two sites may not share one. */
  private static void uniqueNames(List<Map<String, Object>> models, List<String> problems) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map<String, Object> m : models) {
      for (String key : List.of("service", "resourceGroup", "logicalHostResource", "storageResource")) {
        String name = (String) m.get(key);
        String owner = m.get("where") + " " + key;
        String previous = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), owner);
        if (previous != null) {
          problems.add(m.get("where") + ".targets." + ID + "." + key + ": the name '" + name + "' is already used by "
              + previous + "; Sun Cluster names must be unique in the cluster, so set it for one of the sites");
        }
      }
    }
  }

  static String defaultService(String shortName) {
    String name = "jc-" + shortName;
    return name.length() > 55 ? name.substring(0, 55) : name;
  }

  private static String orDefault(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  private static Artifact script(String path, String text) {
    return Artifact.text(path, text, StandardCharsets.UTF_8, LineEnding.LF, FileMode.EXECUTABLE);
  }

  private static Artifact text(String path, String text) {
    return Artifact.text(path, text, StandardCharsets.UTF_8, LineEnding.LF, FileMode.REGULAR);
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return SunClusterLinter.recognizes(file);
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return SunClusterLinter.lint(files);
  }

  /** HAStoragePlus mounts the file system at mountPoint, the database path when it is empty. */
  @Override
  public Optional<String> databaseMountPoint(SiteSpec site) {
    return Optional.of(orDefault(site.settingsFor(ID).text(MOUNT_POINT), site.site().database().value()));
  }

  /** The TCP ports of extraPorts (607/tcp is the NQS port, checked anyway). */
  @Override
  public List<Integer> tcpPorts(SiteSpec site) {
    String extra = site.settingsFor(ID).text(EXTRA_PORTS);
    List<Integer> ports = new ArrayList<>();
    for (String p : extra.isEmpty() ? new String[0] : extra.split(",")) {
      if (p.endsWith("/tcp")) {
        ports.add(Integer.parseInt(p.substring(0, p.indexOf('/'))));
      }
    }
    return ports;
  }

  @Override
  public List<Rule> rules() {
    return ScRules.ALL;
  }
}
