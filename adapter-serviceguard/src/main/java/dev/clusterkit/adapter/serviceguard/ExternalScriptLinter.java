package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints a modular package's external_script: its start, stop and validate entry points (the arms of
 * the {@code case} on the first argument, following the functions they call) and its exit codes.
 */
final class ExternalScriptLinter {
  static final List<String> ENTRIES = List.of("start", "stop", "validate");
  private static final Pattern ARM = Pattern.compile("^\\s*\\(?\\s*([A-Za-z_\"'|*]+)\\)");
  private static final Pattern RUN_TIME_ONLY = Pattern.compile("\\$\\{?SG_(PACKAGE|NODE)(?![A-Za-z0-9_])");

  /**
   * The nqsportkpr calls of the script and the site its cjcpw calls name, for the checks against the
   * package that names it.
   */
  record Summary(SourceFile file, List<ShellCommand> portKeepers, Optional<String> site) {}

  private ExternalScriptLinter() {}

  static boolean recognizes(SourceFile f) {
    boolean shell = f.fileName().endsWith(".sh") || ShellScript.shebang(f).contains("sh");
    if (!shell) {
      return false;
    }
    String t = f.text();
    if (t.contains("SG_PACKAGE") || t.contains("sg_source_pkg_env") || t.contains("mscripts/utils.sh")) {
      return true;
    }
    // An OCF resource agent (Pacemaker) has a validate-all action too, but is not a Serviceguard script.
    boolean ocfAgent = t.contains("OCF_RESKEY_") || t.contains("ocf-shellfuncs");
    return t.contains("validate") && (t.contains("cjcpw") || t.contains("nqsportkpr")) && !ocfAgent;
  }

  static Summary lint(SourceFile file, List<Finding> out) {
    ShellScript script = ShellScript.parse(file);
    script.problems().forEach(p -> out.add(SgRules.SYNTAX.at(file.at(p.line(), p.column()), p.message())));
    Map<String, List<ShellCommand>> entries = entries(file, script);
    List<ShellCommand> all = script.commands();
    List<ShellCommand> start = entries.getOrDefault("start", entries.isEmpty() ? all : List.of());
    List<ShellCommand> stop = entries.getOrDefault("stop", entries.isEmpty() ? all : List.of());
    exits(file, all, out);
    for (ShellCommand c : entries.getOrDefault("validate", List.of())) {
      Matcher m = RUN_TIME_ONLY.matcher(c.rawText());
      if (m.find()) {
        out.add(SgRules.EXIT_CODES.at(file.at(c.line(), c.column()),
            "validate uses SG_" + m.group(1) + ", which is set only at start and stop; use SG_PACKAGE_NAME"));
      }
    }
    Optional<String> site = all.stream().filter(JobCenterCalls::isCjcpw).findFirst().flatMap(JobCenterCalls::site);
    boolean cjcpwSeen = false;
    List<ShellCommand> portKeepers = new ArrayList<>();
    for (ShellCommand c : start) {
      Location at = file.at(c.line(), c.column());
      if (JobCenterCalls.isPortKeeperAnyCase(c)) {
        ControlScriptLinter.portKeeper(c, at, cjcpwSeen, site, out);
        portKeepers.add(c);
      } else if (JobCenterCalls.isCjcpw(c)) {
        cjcpwSeen = true;
        if (JobCenterCalls.isWatchedStart(c)) {
          out.add(SgRules.SERVICE_FOREGROUND.at(at, c.background()
              ? "'" + JobCenterCalls.shown(c) + "' starts cjcpw in the background where nobody watches it; make it the service_cmd"
              : "'" + JobCenterCalls.shown(c) + "' stays in the foreground, so start never returns; make it the service_cmd,"
                  + " or use 'cjcpw -c' for an unwatched site"));
        }
      }
    }
    ControlScriptLinter.paths(file, all, out);
    boolean jobCenter = all.stream().anyMatch(JobCenterCalls::isJobCenter);
    List<ShellCommand> stops = stop.stream().filter(JobCenterCalls::isStop).toList();
    if (jobCenter && stops.isEmpty()) {
      out.add(SgRules.NO_STOP.at(Location.of(file.path()),
          "the script's stop never runs 'cjcpw -stop'; on halt cjcpw only gets SIGTERM and then SIGKILL"));
    }
    for (ShellCommand s : stops) {
      Optional<String> stopped = JobCenterCalls.site(s);
      if (stopped.isEmpty() || site.isPresent() && !JobCenterCalls.sameSite(stopped.get(), site.get())) {
        out.add(SgRules.NO_STOP.at(file.at(s.line(), s.column()),
            "'" + JobCenterCalls.shown(s) + "' does not stop site " + site.orElse("?")));
      }
    }
    return new Summary(file, portKeepers, site);
  }

  /** SG-11: 0, 1 and 2 are the only codes Serviceguard understands. */
  private static void exits(SourceFile file, List<ShellCommand> all, List<Finding> out) {
    for (ShellCommand c : all) {
      if (!c.name().equals("exit") || c.args().isEmpty()) {
        continue;
      }
      String code = c.args().get(0);
      Location at = file.at(c.line(), c.column());
      if (code.matches("[0-9]+")) {
        if (!code.matches("[012]")) {
          out.add(SgRules.EXIT_CODES.at(at, "'exit " + code + "': Serviceguard knows 0 (success), 1 (halt) and 2 (fail over)"));
        }
      } else {
        out.add(ConfigLinter.warning(SgRules.EXIT_CODES, at,
            "'exit " + code + "' passes on a status that may be neither 0, 1 nor 2"));
      }
    }
  }

  /**
   * The commands of each entry point: the lines of its case arm, and the bodies of the script's
   * functions the arm calls (and the functions they call).
   */
  static Map<String, List<ShellCommand>> entries(SourceFile file, ShellScript script) {
    List<String> lines = file.lines();
    Map<String, List<ShellCommand>> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = ARM.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      Set<String> labels = new LinkedHashSet<>();
      for (String label : m.group(1).replace("\"", "").replace("'", "").split("\\|")) {
        if (ENTRIES.contains(label)) {
          labels.add(label);
        }
      }
      if (labels.isEmpty()) {
        continue;
      }
      int from = i + 1;
      int to = from;
      while (to <= lines.size() && !lines.get(to - 1).contains(";;") && !(to > from && ARM.matcher(lines.get(to - 1)).find())) {
        to++;
      }
      int last = Math.min(to, lines.size());
      List<ShellCommand> body = new ArrayList<>();
      for (ShellCommand c : script.commands()) {
        if (c.line() >= from && c.line() <= last) {
          body.add(c);
        }
      }
      List<ShellCommand> expanded = expand(script, body, new LinkedHashSet<>());
      labels.forEach(l -> entries.put(l, expanded));
    }
    return entries;
  }

  private static List<ShellCommand> expand(ShellScript script, List<ShellCommand> body, Set<String> seen) {
    List<ShellCommand> all = new ArrayList<>();
    for (ShellCommand c : body) {
      all.add(c);
      String name = c.name();
      boolean function = script.functions().stream().anyMatch(f -> f.name().equals(name));
      if (function && seen.add(name)) {
        all.addAll(expand(script, script.commandsOf(name), seen));
      }
    }
    return all;
  }
}
