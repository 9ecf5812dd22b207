package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.FileMode;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.site.InstallLayout;
import dev.clusterkit.core.site.Platform;
import dev.clusterkit.core.site.Site;
import dev.clusterkit.core.site.SiteCommand;
import dev.clusterkit.core.site.SiteConfKey;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Pacemaker/Corosync: an OCF resource agent for JobCenter sites, and the cluster configuration that
 * puts each site in a group with its relocatable address (IPaddr2) and, optionally, its file
 * system (Filesystem), as a pcs script or a crm configure file, plus the same as CIB XML.
 */
public final class PacemakerAdapter implements ClusterAdapter {
  public static final String ID = "pacemaker";

  /** The agent's type name; its provider is a setting. */
  public static final String AGENT = "jobcenter-site";

  static final String CONFIG_TOOL = "configTool";
  static final String PROVIDER = "provider";
  static final String MONITOR_INTERVAL = "monitorInterval";
  static final String MONITOR_TIMEOUT = "monitorTimeout";
  static final String TIMEOUT_MARGIN = "timeoutMargin";
  static final String GROUP = "group";
  static final String NETMASK = "netmask";
  static final String NIC = "nic";
  static final String FS_DEVICE = "filesystemDevice";
  static final String FS_TYPE = "filesystemType";
  static final String FS_DIRECTORY = "filesystemDirectory";

  /** cjcpw -stop takes one to two minutes (guide 4.1.2.2): the stop timeout never goes below this plus the margin. */
  static final int STOP_FLOOR = 120;

  private static final String XML_ID = "[A-Za-z_][A-Za-z0-9_.-]{0,40}";
  private static final String XML_ID_RULE =
      "1 to 41 letters, digits, '_', '.' or '-', starting with a letter or '_' (a CIB id; -ip, -fs and -site are appended)";
  /** Characters that need no quoting in sh, crm or XML. */
  private static final String PLAIN = "[A-Za-z0-9_./:=@+,-]+";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Pacemaker";
  }

  @Override
  public Set<Platform> platforms() {
    return Set.of(Platform.LINUX);
  }

  @Override
  public List<Setting> clusterSettings() {
    return List.of(
        Setting.optional(CONFIG_TOOL, new SettingType.Choice(List.of("pcs", "crmsh")), "pcs",
            "which front end the configuration is written for: a pcs script (RHEL, Fedora) or a crm configure file (SUSE, Debian)"),
        Setting.optional(PROVIDER, new SettingType.Text("[a-z][a-z0-9_-]{0,30}",
                "1 to 31 lower-case letters, digits, '_' or '-', starting with a letter"), "clusterkit",
            "OCF provider of the agent: it is installed as /usr/lib/ocf/resource.d/<provider>/" + AGENT),
        Setting.optional(MONITOR_INTERVAL, new SettingType.Int(5, 3600), 30,
            "seconds between two monitor operations of a site resource; a dead daemon is noticed within about this time"),
        Setting.optional(MONITOR_TIMEOUT, new SettingType.Int(10, 3600), 60,
            "seconds a monitor of a site resource may take (it runs cjcls)"),
        Setting.optional(TIMEOUT_MARGIN, new SettingType.Int(10, 3600), 60,
            "seconds the start and stop timeouts exceed the site's BOOT_TIMEOUT and STOP_TIMEOUT"));
  }

  @Override
  public List<Setting> siteSettings() {
    return List.of(
        Setting.optional(GROUP, new SettingType.Text("|" + XML_ID, XML_ID_RULE), "",
            "resource group of the site; empty means jc-<first label of the site name>"),
        Setting.optional(NETMASK, new SettingType.Int(1, 32), 24,
            "prefix length of the relocatable address (IPaddr2 cidr_netmask)"),
        Setting.optional(NIC, new SettingType.Text("|[A-Za-z0-9_.:-]{1,15}", "an interface name such as eth0, or empty"), "",
            "interface for the relocatable address (IPaddr2 nic); empty lets IPaddr2 choose by route"),
        Setting.optional(FS_DEVICE, new SettingType.Text("|" + PLAIN, "a device such as /dev/vg/jobdb, UUID=..., host:/export, or empty"), "",
            "device of the shared file system holding the site database; empty means no Filesystem resource"),
        Setting.optional(FS_TYPE, new SettingType.Text("|[a-z0-9.]{1,20}", "a file system type such as xfs, ext4 or nfs, or empty"), "",
            "its type (Filesystem fstype); empty leaves it to mount"),
        Setting.optional(FS_DIRECTORY, new SettingType.Text("|/" + PLAIN.replace("]+", "]*"), "an absolute path without blanks, or empty"), "",
            "where it is mounted; empty means the site database folder"));
  }

  @Override
  public List<Artifact> render(RenderContext context) throws RenderException {
    ClusterSpec spec = context.spec();
    Settings settings = context.settings();
    if (spec.sites().isEmpty()) {
      throw new RenderException("the spec has no sites: there is nothing to put in the Pacemaker configuration");
    }
    String provider = settings.text(PROVIDER);
    String defaultRoot = spec.sites().get(0).site().layout().root();
    List<Map<String, Object>> sites = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < spec.sites().size(); i++) {
      SiteSpec site = spec.sites().get(i);
      Map<String, Object> model = siteModel(site, "sites[" + i + "]", settings, provider, defaultRoot);
      for (String id : List.of((String) model.get("group"), (String) model.get("ipId"), (String) model.get("siteId"))) {
        if (!ids.add(id)) {
          throw new RenderException("sites[" + i + "] (" + site.site().name() + "): the Pacemaker id '" + id
              + "' is used by another site too; give each site its own targets.pacemaker.group");
        }
      }
      sites.add(model);
    }
    Map<String, Object> model = new TreeMap<>();
    model.put("specFile", Path.of(spec.source()).getFileName().toString());
    model.put("provider", provider);
    model.put("clusterName", Values.xml(spec.name()));
    model.put("agent", "ocf:" + provider + ":" + AGENT);
    model.put("sites", sites);
    model.put("nodes", nodes(spec.nodes()));
    model.put("installRoot", defaultRoot);
    InstallLayout relative = new InstallLayout(Platform.LINUX, "/");
    model.put("cjcpwPath", relative.command(SiteCommand.CJCPW).substring(1));
    model.put("cjclsPath", relative.command(SiteCommand.CJCLS).substring(1));
    model.put("nqsportkprPath", relative.command(SiteCommand.NQSPORTKPR).substring(1));
    int margin = settings.integer(TIMEOUT_MARGIN);
    int defaultBoot = SiteConfKey.BOOT_TIMEOUT.defaultValue();
    int defaultStop = SiteConfKey.STOP_TIMEOUT.defaultValue();
    model.put("defaultBootTimeout", defaultBoot);
    model.put("defaultStopTimeout", defaultStop);
    model.put("startTimeout", defaultBoot + margin);
    model.put("stopTimeout", Math.max(defaultStop, STOP_FLOOR) + margin);
    model.put("monitorInterval", settings.integer(MONITOR_INTERVAL));
    model.put("monitorTimeout", settings.integer(MONITOR_TIMEOUT));
    model.put("configTool", settings.text(CONFIG_TOOL));
    model.put("timeoutMargin", margin);
    model.put("anyFilesystem", sites.stream().anyMatch(s -> (Boolean) s.get("filesystem")));

    List<Artifact> artifacts = new ArrayList<>();
    artifacts.add(Artifact.text("resource.d/" + provider + "/" + AGENT,
        context.templates().render("jobcenter-site.ftl", model), StandardCharsets.UTF_8, LineEnding.LF, FileMode.EXECUTABLE));
    if (settings.text(CONFIG_TOOL).equals("pcs")) {
      artifacts.add(Artifact.text("pcs-setup.sh", context.templates().render("pcs-setup.sh.ftl", model),
          StandardCharsets.UTF_8, LineEnding.LF, FileMode.EXECUTABLE));
    } else {
      artifacts.add(text("crm-setup.crm", context.templates().render("crm-setup.crm.ftl", model)));
    }
    artifacts.add(text("cib.xml", context.templates().render("cib.xml.ftl", model)));
    artifacts.add(text("INSTALL.txt", context.templates().render("install.txt.ftl", model)));
    return artifacts;
  }

  private static Artifact text(String path, String text) {
    return Artifact.text(path, text, StandardCharsets.UTF_8, LineEnding.LF, FileMode.REGULAR);
  }

  private static List<Map<String, Object>> nodes(List<NodeSpec> nodes) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      Map<String, Object> n = new TreeMap<>();
      n.put("id", Integer.toString(i + 1));
      n.put("name", Values.xml(nodes.get(i).name()));
      out.add(n);
    }
    return out;
  }

  private static Map<String, Object> siteModel(
      SiteSpec spec, String where, Settings cluster, String provider, String defaultRoot) throws RenderException {
    Site site = spec.site();
    Settings s = spec.settingsFor(ID);
    if (!spec.watched()) {
      throw new RenderException(where + ".watched is false (site " + site.name() + "): the Pacemaker agent runs the"
          + " watched form 'cjcpw SITE DBPATH', which is what lets it notice a dead daemon; remove 'watched: false'");
    }
    String group = s.text(GROUP).isEmpty() ? defaultGroup(site.name().shortName()) : s.text(GROUP);
    int margin = cluster.integer(TIMEOUT_MARGIN);
    int boot = spec.siteConf().bootTimeout();
    int stop = spec.siteConf().stopTimeout();
    Map<String, Object> m = new TreeMap<>();
    m.put("name", site.name().value());
    m.put("address", site.address().value());
    m.put("database", site.database().value());
    m.put("group", group);
    m.put("ipId", group + "-ip");
    m.put("siteId", group + "-site");
    m.put("bootTimeout", boot);
    m.put("stopTimeout", stop);

    List<Map<String, Object>> primitives = new ArrayList<>();
    List<Values.Param> ip = new ArrayList<>();
    ip.add(Values.param("ip", site.address().value()));
    ip.add(Values.param("cidr_netmask", Integer.toString(s.integer(NETMASK))));
    if (!s.text(NIC).isEmpty()) {
      ip.add(Values.param("nic", s.text(NIC)));
    }
    primitives.add(primitive(group + "-ip", "ocf", "heartbeat", "IPaddr2", ip,
        List.of(op("start", 0, 20), op("stop", 0, 20), op("monitor", 10, 20))));
    boolean filesystem = !s.text(FS_DEVICE).isEmpty();
    m.put("filesystem", filesystem);
    if (filesystem) {
      List<Values.Param> fs = new ArrayList<>();
      fs.add(Values.param("device", s.text(FS_DEVICE)));
      fs.add(Values.param("directory", s.text(FS_DIRECTORY).isEmpty() ? site.database().value() : s.text(FS_DIRECTORY)));
      if (!s.text(FS_TYPE).isEmpty()) {
        fs.add(Values.param("fstype", s.text(FS_TYPE)));
      }
      primitives.add(primitive(group + "-fs", "ocf", "heartbeat", "Filesystem", fs,
          List.of(op("start", 0, 60), op("stop", 0, 60), op("monitor", 20, 40))));
    }
    List<Values.Param> params = new ArrayList<>();
    params.add(Values.param("site_name", site.name().value()));
    params.add(Values.param("database", site.database().value()));
    if (!site.layout().root().equals(defaultRoot)) {
      params.add(Values.param("install_root", site.layout().root()));
    }
    params.add(Values.param("boot_timeout", Integer.toString(boot)));
    params.add(Values.param("stop_timeout", Integer.toString(stop)));
    if (spec.portKeeper()) {
      params.add(Values.param("port_keeper", "1"));
    }
    primitives.add(primitive(group + "-site", "ocf", provider, AGENT, params,
        // In long: BOOT_TIMEOUT and STOP_TIMEOUT may be as large as an int, and the margin adds to it.
        List.of(op("start", 0, (long) boot + margin), op("stop", 0, (long) Math.max(stop, STOP_FLOOR) + margin),
            op("monitor", cluster.integer(MONITOR_INTERVAL), cluster.integer(MONITOR_TIMEOUT)))));
    m.put("primitives", primitives);
    m.put("members", primitives.stream().map(p -> (String) p.get("id")).toList());
    return m;
  }

  private static Map<String, Object> primitive(
      String id, String cls, String provider, String type, List<Values.Param> params, List<Map<String, Object>> ops) {
    Map<String, Object> p = new TreeMap<>();
    p.put("id", id);
    p.put("cls", cls);
    p.put("provider", provider);
    p.put("type", type);
    p.put("agent", cls + ":" + provider + ":" + type);
    p.put("params", params.stream().map(Values.Param::model).toList());
    p.put("ops", ops);
    return p;
  }

  private static Map<String, Object> op(String name, int interval, long timeout) {
    Map<String, Object> o = new TreeMap<>();
    o.put("name", name);
    o.put("interval", interval + "s");
    o.put("timeout", timeout + "s");
    return o;
  }

  static String defaultGroup(String shortName) {
    String group = "jc-" + shortName;
    return group.length() > 41 ? group.substring(0, 41) : group;
  }

  @Override
  public boolean recognizes(SourceFile file) {
    return PacemakerLinter.recognizes(file);
  }

  @Override
  public List<Finding> lint(List<SourceFile> files) {
    return PacemakerLinter.lint(files);
  }

  @Override
  public List<Rule> rules() {
    return PcmkRules.ALL;
  }
}
