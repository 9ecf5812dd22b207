package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.adapter.serviceguard.PackageConfig.Attribute;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.shell.ShellCommand;
import java.util.List;
import java.util.Optional;

/** Lints one package configuration file, modular or legacy ASCII, on its own. */
final class ConfigLinter {
  /** service_halt_timeout's maximum (Managing Serviceguard, 18th ed.). */
  static final int MAX_HALT_TIMEOUT = 4294;
  /**
   * The least time to give cjcpw between SIGTERM and SIGKILL: JobCenter's default STOP_TIMEOUT, the
   * bound of its own stop (guide 2.1.5; cjcpw -stop takes one to two minutes, 4.1.2.2).
   */
  static final int SITE_STOP_BUDGET = 180;

  private ConfigLinter() {}

  static void lint(PackageConfig config, List<Finding> out) {
    if (config.modular()) {
      modular(config, out);
    } else {
      legacy(config, out);
    }
  }

  private static void modular(PackageConfig c, List<Finding> out) {
    c.all("package_name").forEach(a -> name(c, a, "package_name", out));
    boolean hasExternal = !c.all("external_script").isEmpty();
    for (List<Attribute> service : c.services()) {
      Attribute name = service.get(0);
      name(c, name, "service_name", out);
      Optional<Attribute> cmd = PackageConfig.in(service, "service_cmd");
      boolean watchedCjcpw = cmd.isPresent() && serviceCommand(c, cmd.get(), "service_cmd", out);
      PackageConfig.in(service, "service_restart").ifPresent(r -> restart(c, r, service, out));
      Optional<Attribute> halt = PackageConfig.in(service, "service_halt_timeout");
      haltTimeout(c, name, halt, watchedCjcpw, out);
      if (watchedCjcpw && !hasExternal) {
        out.add(SgRules.NO_STOP.at(at(c, cmd.get()),
            "service " + name.value() + " runs cjcpw but the package names no external_script to run"
                + " 'cjcpw -stop' on halt; Serviceguard only sends SIGTERM, then SIGKILL"));
      }
    }
    for (String key : List.of("external_script", "external_pre_script")) {
      for (Attribute a : c.all(key)) {
        if (!a.value().startsWith("/")) {
          out.add(SgRules.ABSOLUTE_PATH.at(at(c, a), key + " '" + a.value() + "' is not an absolute path"));
        }
      }
    }
    attributes(c, out);
  }

  /** SG-12: file systems need their volume group; addresses need their subnet and a failover package. */
  private static void attributes(PackageConfig c, List<Finding> out) {
    List<Attribute> fsNames = c.all("fs_name");
    boolean allGfs = !c.all("fs_type").isEmpty() && c.all("fs_type").stream().allMatch(a -> a.value().equals("gfs"));
    if (!fsNames.isEmpty() && c.all("vg").isEmpty() && !allGfs) {
      out.add(SgRules.PACKAGE_ATTRIBUTES.at(at(c, fsNames.get(0)),
          "fs_name " + fsNames.get(0).value() + " is given but no vg: Serviceguard activates the volume group"
              + " before it mounts the file system"));
    }
    Optional<Attribute> type = c.first("package_type");
    boolean subnetSeen = false;
    for (Attribute a : c.attributes()) {
      if (a.key().equals("ip_subnet")) {
        subnetSeen = true;
      } else if (a.key().equals("ip_address")) {
        if (!subnetSeen) {
          out.add(SgRules.PACKAGE_ATTRIBUTES.at(at(c, a),
              "ip_address " + a.value() + " comes before any ip_subnet; give its subnet first"));
        }
        if (type.isPresent() && !type.get().value().equals("failover")) {
          out.add(SgRules.PACKAGE_ATTRIBUTES.at(at(c, a),
              "ip_address in a " + type.get().value() + " package: only failover packages relocate addresses"));
        }
      }
    }
  }

  private static void legacy(PackageConfig c, List<Finding> out) {
    c.all("PACKAGE_NAME").forEach(a -> name(c, a, "PACKAGE_NAME", out));
    c.all("SERVICE_NAME").forEach(a -> name(c, a, "SERVICE_NAME", out));
    for (String key : List.of("RUN_SCRIPT", "HALT_SCRIPT")) {
      for (Attribute a : c.all(key)) {
        if (!a.value().startsWith("/") || !a.value().contains("cmcluster")) {
          out.add(SgRules.SCRIPT_LOCATION.at(at(c, a),
              key + " '" + a.value() + "' must be an absolute path in a folder whose path contains 'cmcluster'"));
        }
      }
    }
    for (List<Attribute> service : c.services()) {
      PackageConfig.in(service, "SERVICE_HALT_TIMEOUT").ifPresent(t -> haltRange(c, t, out));
    }
  }

  /**
   * Checks a service command (SG-1, SG-8); returns whether it is the watched foreground cjcpw.
   */
  static boolean serviceCommand(PackageConfig c, Attribute cmd, String key, List<Finding> out) {
    return serviceCommand(at(c, cmd), cmd.value(), key, out);
  }

  static boolean serviceCommand(Location where, String text, String what, List<Finding> out) {
    List<ShellCommand> commands = JobCenterCalls.parseCommandText(text);
    if (commands.isEmpty()) {
      return false;
    }
    ShellCommand first = JobCenterCalls.unwrap(commands.get(0));
    if (!first.name().startsWith("/")) {
      out.add(SgRules.ABSOLUTE_PATH.at(where,
          what + " starts '" + first.name() + "', not an absolute path: services get no PATH"));
    }
    boolean watched = false;
    for (ShellCommand c : commands) {
      if (!JobCenterCalls.isCjcpw(c)) {
        continue;
      }
      if (JobCenterCalls.isUnwatchedStart(c)) {
        out.add(SgRules.SERVICE_FOREGROUND.at(where,
            what + " runs 'cjcpw -c', which starts the site and returns: Serviceguard takes the exit for a"
                + " failure and nobody watches the daemons"));
      } else if (JobCenterCalls.isStop(c)) {
        out.add(SgRules.SERVICE_FOREGROUND.at(where, what + " runs 'cjcpw -stop': the service must start the site"));
      } else if (c.background() || commands.size() > 1) {
        out.add(SgRules.SERVICE_FOREGROUND.at(where,
            what + " '" + text + "' does not leave cjcpw as the one foreground process Serviceguard watches"));
      } else if (JobCenterCalls.siteArgs(c).size() < 2) {
        out.add(SgRules.SERVICE_FOREGROUND.at(where,
            what + " '" + text + "' lacks the site name or the database path: 'cjcpw SITE DBPATH'"));
      } else {
        watched = true;
      }
    }
    return watched;
  }

  private static void restart(PackageConfig c, Attribute restart, List<Attribute> service, List<Finding> out) {
    String v = restart.value();
    if (!v.matches("none|unlimited|[1-9][0-9]{0,9}")) {
      out.add(SgRules.SERVICE_RESTART.at(at(c, restart),
          "service_restart '" + v + "' is not none, unlimited or a positive number"));
      return;
    }
    boolean failFast = PackageConfig.in(service, "service_fail_fast_enabled").map(a -> a.value().equals("yes")).orElse(false);
    if (failFast && v.equals("unlimited")) {
      out.add(warning(SgRules.SERVICE_RESTART, at(c, restart),
          "service_fail_fast_enabled yes never acts with service_restart unlimited"));
    }
  }

  private static void haltTimeout(PackageConfig c, Attribute name, Optional<Attribute> halt, boolean watchedCjcpw,
      List<Finding> out) {
    if (halt.isEmpty()) {
      if (watchedCjcpw) {
        out.add(warning(SgRules.HALT_TIMEOUT, at(c, name),
            "service " + name.value() + " runs cjcpw without service_halt_timeout, which defaults to 0:"
                + " SIGKILL follows SIGTERM at once"));
      }
      return;
    }
    Optional<Integer> seconds = haltRange(c, halt.get(), out);
    if (watchedCjcpw && seconds.isPresent() && seconds.get() < SITE_STOP_BUDGET) {
      out.add(budget(at(c, halt.get()), seconds.get()));
    }
  }

  static Finding budget(Location where, int seconds) {
    return warning(SgRules.HALT_TIMEOUT, where,
        "service halt timeout " + seconds + " s is shorter than a site stop (STOP_TIMEOUT " + SITE_STOP_BUDGET
            + " s by default): cjcpw gets SIGKILL before the daemons are down");
  }

  /** The timeout in seconds when it is a number in range. */
  static Optional<Integer> haltRange(PackageConfig c, Attribute halt, List<Finding> out) {
    String v = halt.value();
    if (!v.matches("[0-9]{1,10}") || Long.parseLong(v) > MAX_HALT_TIMEOUT) {
      out.add(SgRules.HALT_TIMEOUT.at(at(c, halt),
          halt.key() + " '" + v + "' is not a number of seconds from 0 to " + MAX_HALT_TIMEOUT));
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(v));
  }

  private static void name(PackageConfig c, Attribute a, String key, List<Finding> out) {
    SgNames.problem(a.value()).ifPresent(p -> out.add(SgRules.NAME.at(at(c, a), key + " " + p)));
  }

  static Location at(PackageConfig c, Attribute a) {
    return c.file().at(a.line(), a.column());
  }

  static Finding warning(Rule rule, Location where, String message) {
    return new Finding(rule.code(), Severity.WARNING, where, message, rule.hint());
  }
}
