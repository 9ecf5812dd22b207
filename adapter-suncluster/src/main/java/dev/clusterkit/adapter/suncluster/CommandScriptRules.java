package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.adapter.suncluster.ClusterCommands.Op;
import dev.clusterkit.adapter.suncluster.ClusterCommands.Property;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.site.SiteConf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for scripts of Sun Cluster 3.2+ cl* commands that set up a JobCenter resource group. */
final class CommandScriptRules {
  private static final Pattern PORT = Pattern.compile("([0-9]{1,5})/(tcp|udp)6?");
  private static final List<String> DEPENDENCY_PROPERTIES =
      List.of("resource_dependencies", "resource_dependencies_weak", "resource_dependencies_restart",
          "resource_dependencies_offline_restart");

  /** A resource the script creates, with every property it ends up with. */
  private static final class Resource {
    final String name;
    final Names.Type type;
    final Optional<String> group;
    final Op created;
    final Map<String, Property> properties = new LinkedHashMap<>();
    final List<String> hosts = new ArrayList<>();

    Resource(String name, Names.Type type, Optional<String> group, Op created) {
      this.name = name;
      this.type = type;
      this.group = group;
      this.created = created;
    }

    Optional<Property> property(String key) {
      return Optional.ofNullable(properties.get(key));
    }

    boolean sharesGroupWith(Resource other) {
      return group.isEmpty() || other.group.isEmpty() || group.get().equalsIgnoreCase(other.group.get());
    }
  }

  private final SourceFile file;
  private final List<Op> ops;
  private final SiteConf conf;
  private final List<Finding> out;
  private final Map<String, Resource> resources = new LinkedHashMap<>();

  private CommandScriptRules(SourceFile file, List<Op> ops, SiteConf conf, List<Finding> out) {
    this.file = file;
    this.ops = ops;
    this.conf = conf;
    this.out = out;
  }

  static void lint(SourceFile file, List<Op> ops, SiteConf conf, List<Finding> out) {
    new CommandScriptRules(file, ops, conf, out).run();
  }

  private void run() {
    spelling();
    collect();
    order();
    for (Resource r : resources.values()) {
      if (r.type == Names.Type.GDS) {
        gds(r);
      }
    }
  }

  private void spelling() {
    for (Op op : ops) {
      for (Names.TypeName t : op.types()) {
        if (t.misspelt()) {
          out.add(ScRules.UNKNOWN_TYPE.at(op.typeWhere(),
              "'" + t.written() + "' is not a resource type; did you mean " + t.type().canonical + "?"));
        }
      }
      for (Property p : op.properties().values()) {
        Names.misspeltProperty(p.name()).ifPresent(k -> out.add(ScRules.UNKNOWN_PROPERTY.at(p.where(),
            "'" + p.name() + "' is not a property Sun Cluster knows; did you mean "
                + Character.toUpperCase(k.charAt(0)) + k.substring(1) + "?")));
      }
    }
  }

  private void collect() {
    for (Op op : ops) {
      boolean create = op.subcommand().equals("create");
      if (create && !op.operands().isEmpty()
          && Set.of("clresource", "clreslogicalhostname", "clressharedaddress").contains(op.command())) {
        Names.Type type = switch (op.command()) {
          case "clreslogicalhostname" -> Names.Type.LOGICAL_HOST;
          case "clressharedaddress" -> Names.Type.SHARED_ADDRESS;
          default -> op.types().isEmpty() ? Names.Type.OTHER : op.types().get(0).type();
        };
        String name = op.operands().get(op.operands().size() - 1);
        Resource r = new Resource(name, type, op.group(), op);
        r.properties.putAll(op.properties());
        r.hosts.addAll(op.hosts());
        r.property("hostnamelist").ifPresent(p -> r.hosts.addAll(List.of(p.value().split(","))));
        resources.putIfAbsent(key(name), r);
      } else if (op.command().equals("clresource") && op.subcommand().equals("set")) {
        for (String operand : op.operands()) {
          Resource r = resources.get(key(operand));
          if (r != null) {
            r.properties.putAll(op.properties());
          }
        }
      }
    }
  }

  private void order() {
    Map<String, Integer> registered = new HashMap<>();
    Map<String, Integer> groups = new HashMap<>();
    for (Op op : ops) {
      if (op.command().equals("clresourcetype") && op.subcommand().equals("register")) {
        for (Names.TypeName t : op.types()) {
          registered.putIfAbsent(typeKey(t), op.line());
        }
      }
      if (op.command().equals("clresourcegroup") && op.subcommand().equals("create")) {
        for (String g : op.operands()) {
          groups.putIfAbsent(key(g), op.line());
        }
      }
    }
    for (Op op : ops) {
      if (!op.subcommand().equals("create") || op.command().equals("clresourcegroup")
          || op.command().equals("clresourcetype")) {
        continue;
      }
      for (Names.TypeName t : op.types()) {
        Integer at = registered.get(typeKey(t));
        if (at != null && at > op.line()) {
          out.add(ScRules.ORDER.at(op.typeWhere(),
              "type " + t.written() + " is used here but registered only at line " + at));
        }
      }
      op.group().ifPresent(g -> {
        Integer at = groups.get(key(g));
        if (at != null && at > op.line()) {
          out.add(ScRules.ORDER.at(op.where(file),
              "resource group " + g + " is used here but created only at line " + at));
        }
      });
    }
    for (Resource r : resources.values()) {
      for (String dep : dependencies(r)) {
        Resource target = resources.get(key(dep));
        if (target != null && target.created.line() > r.created.line()) {
          out.add(ScRules.ORDER.at(r.created.where(file),
              r.name + " depends on " + target.name + ", which is created only at line " + target.created.line()));
        }
      }
    }
    for (Op op : ops) {
      if (!op.command().equals("clresourcegroup") || !op.subcommand().equals("online")) {
        continue;
      }
      for (Resource r : resources.values()) {
        boolean inGroup = r.group.isEmpty() || op.operands().isEmpty() || op.operands().contains("+")
            || op.operands().stream().anyMatch(g -> g.equalsIgnoreCase(r.group.get()));
        if (inGroup && r.created.line() > op.line()) {
          out.add(ScRules.ORDER.at(op.where(file),
              "the group goes online before resource " + r.name + " is created (line " + r.created.line() + ")"));
          break;
        }
      }
    }
  }

  private void gds(Resource r) {
    Location at = r.created.where(file);
    String networkAware = r.property("network_aware").map(p -> p.value().toUpperCase(Locale.ROOT)).orElse("TRUE");
    Optional<Property> ports = r.property("port_list");
    if (ports.isEmpty() && !networkAware.equals("FALSE")) {
      out.add(ScRules.NO_PORT_LIST.at(at, "SUNW.gds resource " + r.name + " has no Port_list, and Network_aware is "
          + (r.property("network_aware").isPresent() ? networkAware : "TRUE by default")));
    }
    ports.ifPresent(p -> portList(r, p));

    Optional<String> site = startCommand(r, at);
    stopCommand(r, at, site);
    dependencies(r, at);
    timeouts(r, at);
    site.ifPresent(s -> siteMatches(r, s));
  }

  private void portList(Resource r, Property p) {
    boolean has607 = false;
    for (String entry : p.value().split(",", -1)) {
      var m = PORT.matcher(entry.trim());
      if (!m.matches()) {
        out.add(ScRules.BAD_PORT_LIST.at(p.where(), "Port_list entry '" + entry + "' of " + r.name
            + " is not port/protocol (like 607/tcp)"));
        return;
      }
      int port = Integer.parseInt(m.group(1));
      if (port < 1 || port > 65535) {
        out.add(ScRules.BAD_PORT_LIST.at(p.where(), "Port_list port " + port + " of " + r.name + " is not 1-65535"));
        return;
      }
      has607 |= port == 607 && m.group(2).equals("tcp");
    }
    if (!has607) {
      out.add(ScRules.BAD_PORT_LIST.at(p.where(), "Port_list '" + p.value() + "' of " + r.name
          + " lacks 607/tcp, the port JobCenter's daemons listen on"));
    }
  }

  /** Checks Start_command and returns the site it starts, when it is a cjcpw line. */
  private Optional<String> startCommand(Resource r, Location at) {
    Optional<Property> start = r.property("start_command");
    if (start.isEmpty()) {
      out.add(ScRules.BAD_START_COMMAND.at(at, "SUNW.gds resource " + r.name + " has no Start_command"));
      return Optional.empty();
    }
    Property p = start.get();
    List<String> words = List.of(p.value().trim().split("\\s+"));
    if (!ScriptWords.baseName(words.get(0)).equals("cjcpw")) {
      return Optional.empty(); // a wrapper script: its inside cannot be seen from here
    }
    if (p.value().contains("&")) {
      out.add(ScRules.BAD_START_COMMAND.at(p.where(), "Start_command '" + p.value()
          + "' puts cjcpw in the background; PMF must see cjcpw itself"));
    }
    List<String> args = words.subList(1, words.size()).stream().filter(a -> !a.startsWith("-")).toList();
    if (words.contains("-stop")) {
      out.add(ScRules.BAD_START_COMMAND.at(p.where(), "Start_command '" + p.value() + "' stops the site"));
      return Optional.empty();
    }
    if (args.size() < 2) {
      out.add(ScRules.BAD_START_COMMAND.at(p.where(), "Start_command '" + p.value() + "' lacks the "
          + (args.isEmpty() ? "site name and database path" : "database path")));
    }
    String level = r.property("child_mon_level").map(Property::value).orElse("-1").trim();
    if (words.contains("-c") && level.equals("0")) {
      out.add(ScRules.BAD_START_COMMAND.at(p.where(), "Start_command runs 'cjcpw -c', which returns at once, but"
          + " Child_mon_level=0 makes PMF watch only that process: the resource fails as soon as it starts"));
    }
    return args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
  }

  private void stopCommand(Resource r, Location at, Optional<String> site) {
    Optional<Property> stop = r.property("stop_command");
    if (stop.isEmpty()) {
      out.add(ScRules.BAD_STOP_COMMAND.at(at, "SUNW.gds resource " + r.name + " has no Stop_command: GDS would"
          + " signal cjcpw instead of stopping the site with cjcpw -stop"));
      return;
    }
    Property p = stop.get();
    List<String> words = List.of(p.value().trim().split("\\s+"));
    if (!ScriptWords.baseName(words.get(0)).equals("cjcpw")) {
      return;
    }
    List<String> args = words.subList(1, words.size()).stream().filter(a -> !a.startsWith("-")).toList();
    if (!words.contains("-stop")) {
      out.add(ScRules.BAD_STOP_COMMAND.at(p.where(), "Stop_command '" + p.value() + "' is not 'cjcpw -stop SITE'"));
    } else if (args.isEmpty()) {
      out.add(ScRules.BAD_STOP_COMMAND.at(p.where(), "Stop_command '" + p.value() + "' does not name the site"));
    } else if (site.isPresent() && !args.get(0).equalsIgnoreCase(site.get())) {
      out.add(ScRules.BAD_STOP_COMMAND.at(p.where(), "Stop_command stops site '" + args.get(0)
          + "' but Start_command starts '" + site.get() + "'"));
    }
  }

  private void dependencies(Resource r, Location at) {
    Set<String> deps = new LinkedHashSet<>();
    for (String d : dependencies(r)) {
      deps.add(key(d));
    }
    List<String> missing = new ArrayList<>();
    boolean anyNeeded = false;
    for (Resource other : resources.values()) {
      if (other != r && r.sharesGroupWith(other) && (other.type.isNetwork() || other.type == Names.Type.HASP)) {
        anyNeeded = true;
        if (!deps.contains(key(other.name))) {
          missing.add(other.name);
        }
      }
    }
    if (!missing.isEmpty()) {
      out.add(ScRules.MISSING_DEPENDENCY.at(at, r.name + " does not depend on " + String.join(" and ", missing)
          + ", so cjcpw may start before " + (missing.size() > 1 ? "they are" : "it is") + " online"));
    } else if (!anyNeeded && deps.isEmpty()) {
      out.add(ScRules.MISSING_DEPENDENCY.at(at, r.name + " has no Resource_dependencies; it must depend on the"
          + " site's LogicalHostname and HAStoragePlus resources"));
    }
    Optional<Property> used = r.property("network_resources_used");
    if (used.isPresent()) {
      for (String name : used.get().value().split(",")) {
        Resource target = resources.get(key(name.trim()));
        if (target != null && !target.type.isNetwork()) {
          out.add(ScRules.NETWORK_RESOURCES.at(used.get().where(), "Network_resources_used names " + target.name
              + ", which is not a LogicalHostname or SharedAddress resource"));
        }
      }
    } else if (networkAware(r) && deps.stream().map(resources::get).allMatch(t -> t != null && !t.type.isNetwork())) {
      // Dependencies on resources made elsewhere may be logical hosts: only a known answer counts.
      out.add(ScRules.NETWORK_RESOURCES.at(at, r.name + " names no logical host: neither Network_resources_used"
          + " nor a LogicalHostname in Resource_dependencies, so GDS has no address to probe"));
    }
  }

  private static boolean networkAware(Resource r) {
    return !r.property("network_aware").map(p -> p.value().trim().equalsIgnoreCase("FALSE")).orElse(false);
  }

  private void timeouts(Resource r, Location at) {
    Optional<Property> start = r.property("start_timeout");
    long startValue = start.map(p -> number(p.value())).orElse((long) Timeouts.GDS_DEFAULT);
    if (startValue >= 0 && !Timeouts.startFits(startValue, conf.bootTimeout())) {
      out.add(ScRules.TIMEOUT_TOO_SHORT.at(start.map(Property::where).orElse(at), "Start_timeout of " + r.name + " is "
          + startValue + " s, not above the site's BOOT_TIMEOUT of " + conf.bootTimeout() + " s"));
    }
    Optional<Property> stop = r.property("stop_timeout");
    long stopValue = stop.map(p -> number(p.value())).orElse((long) Timeouts.GDS_DEFAULT);
    if (stopValue >= 0 && !Timeouts.stopFits(stopValue, conf.stopTimeout())) {
      out.add(ScRules.TIMEOUT_TOO_SHORT.at(stop.map(Property::where).orElse(at), "Stop_timeout of " + r.name + " is "
          + stopValue + " s: its 80% for Stop_command (" + stopValue * 4 / 5 + " s) is not above the site's STOP_TIMEOUT of "
          + conf.stopTimeout() + " s"));
    }
  }

  private void siteMatches(Resource r, String site) {
    String db = r.property("start_command").map(p -> {
      List<String> args = List.of(p.value().trim().split("\\s+")).stream().skip(1).filter(a -> !a.startsWith("-")).toList();
      return args.size() > 1 ? args.get(1) : "";
    }).orElse("");
    for (Resource other : resources.values()) {
      if (!r.sharesGroupWith(other)) {
        continue;
      }
      if (other.type == Names.Type.LOGICAL_HOST && !other.hosts.isEmpty()
          && other.hosts.stream().noneMatch(h -> sameHost(h, site))) {
        out.add(ScRules.SITE_MISMATCH.at(ScriptWords.locate(file, other.created.source(), other.hosts.get(0)),
            "logical host " + String.join(",", other.hosts) + " of " + other.name + " is not the site name '" + site
                + "' that cjcpw starts"));
      }
      Optional<Property> mounts = other.property("filesystemmountpoints");
      if (other.type == Names.Type.HASP && mounts.isPresent() && !db.isEmpty()
          && List.of(mounts.get().value().split(",")).stream().noneMatch(m -> holds(m.trim(), db))) {
        out.add(ScRules.SITE_MISMATCH.at(mounts.get().where(), "FilesystemMountPoints '" + mounts.get().value()
            + "' of " + other.name + " does not hold the site database " + db));
      }
    }
  }

  private static boolean sameHost(String a, String b) {
    String x = a.toLowerCase(Locale.ROOT);
    String y = b.toLowerCase(Locale.ROOT);
    return x.equals(y) || x.split("\\.")[0].equals(y.split("\\.")[0]);
  }

  private static boolean holds(String mountPoint, String path) {
    String mp = mountPoint.endsWith("/") && mountPoint.length() > 1 ? mountPoint.substring(0, mountPoint.length() - 1) : mountPoint;
    return path.equals(mp) || path.startsWith(mp.equals("/") ? "/" : mp + "/");
  }

  private static List<String> dependencies(Resource r) {
    List<String> deps = new ArrayList<>();
    for (String key : DEPENDENCY_PROPERTIES) {
      r.property(key).ifPresent(p -> {
        for (String d : p.value().split(",")) {
          String name = d.trim();
          int brace = name.indexOf('{');
          deps.add(brace > 0 ? name.substring(0, brace) : name);
        }
      });
    }
    return deps;
  }

  private static long number(String text) {
    return text.trim().matches("[0-9]{1,9}") ? Long.parseLong(text.trim()) : -1;
  }

  private static String typeKey(Names.TypeName t) {
    return t.type() == Names.Type.OTHER ? key(t.written()) : t.type().name();
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
