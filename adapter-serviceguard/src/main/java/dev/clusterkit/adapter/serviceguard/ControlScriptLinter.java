package dev.clusterkit.adapter.serviceguard;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints a legacy package control script, whole or as the fragments the guide shows (3.1.1-3.1.3):
 * the SERVICE_* arrays and the customer_defined_run_cmds / customer_defined_halt_cmds functions.
 */
final class ControlScriptLinter {
  static final String RUN = "customer_defined_run_cmds";
  static final String HALT = "customer_defined_halt_cmds";
  private static final Pattern ARRAY = Pattern.compile("(SERVICE_NAME|SERVICE_CMD|SERVICE_RESTART)\\[([0-9]+)\\]=(.*)", Pattern.DOTALL);
  private static final List<String> ARRAYS = List.of("SERVICE_NAME", "SERVICE_CMD", "SERVICE_RESTART");

  /** One {@code NAME[i]=value} assignment. */
  record Entry(String array, int index, String value, Location where) {}

  /** What the script says about its services, for the checks against the package configuration. */
  record Summary(SourceFile file, List<Entry> names, Map<Integer, Boolean> watchedCjcpwByIndex) {}

  private ControlScriptLinter() {}

  static boolean recognizes(SourceFile f) {
    String t = f.text();
    return t.contains("SERVICE_NAME[") || t.contains("SERVICE_CMD[") || t.contains(RUN) || t.contains(HALT);
  }

  static Summary lint(SourceFile file, List<Finding> out) {
    ShellScript script = ShellScript.parse(file);
    script.problems().forEach(p -> out.add(SgRules.SYNTAX.at(file.at(p.line(), p.column()), p.message())));
    Map<String, Map<Integer, Entry>> arrays = arrays(file, script, out);
    Map<Integer, Boolean> watchedByIndex = new TreeMap<>();
    Optional<String> watchedSite = Optional.empty();
    Location startedAt = null;
    for (Entry name : arrays.get("SERVICE_NAME").values()) {
      SgNames.problem(name.value()).ifPresent(p -> out.add(SgRules.NAME.at(name.where(), "SERVICE_NAME[" + name.index() + "] " + p)));
    }
    for (Entry cmd : arrays.get("SERVICE_CMD").values()) {
      boolean watched = ConfigLinter.serviceCommand(cmd.where(), cmd.value(), "SERVICE_CMD[" + cmd.index() + "]", out);
      watchedByIndex.put(cmd.index(), watched);
      if (watched && watchedSite.isEmpty()) {
        watchedSite = JobCenterCalls.parseCommandText(cmd.value()).stream().filter(JobCenterCalls::isCjcpw)
            .findFirst().flatMap(JobCenterCalls::site);
        startedAt = cmd.where();
      }
    }
    for (Entry restart : arrays.get("SERVICE_RESTART").values()) {
      if (!restart.value().matches("|-r [0-9]+|-R")) {
        out.add(SgRules.SERVICE_ARRAYS.at(restart.where(),
            "SERVICE_RESTART[" + restart.index() + "]=\"" + restart.value() + "\" is not \"\", \"-r N\" or \"-R\""));
      }
    }

    List<ShellCommand> run = script.commandsOf(RUN);
    List<ShellCommand> halt = script.commandsOf(HALT);
    Optional<String> site = watchedSite;
    for (ShellCommand c : run) {
      if (JobCenterCalls.isUnwatchedStart(c) && site.isEmpty()) {
        site = JobCenterCalls.site(c);
        startedAt = file.at(c.line(), c.column());
      }
    }
    runCommands(file, run, site, out);
    checkStatus(file, run, 51, out);
    checkStatus(file, halt, 52, out);
    paths(file, run, out);
    paths(file, halt, out);
    haltCommands(file, script, halt, site, startedAt, out);
    return new Summary(file, List.copyOf(arrays.get("SERVICE_NAME").values()), watchedByIndex);
  }

  /** SG-2: the triples, numbered from 0 without gaps, with the same indexes in all three arrays. */
  private static Map<String, Map<Integer, Entry>> arrays(SourceFile file, ShellScript script, List<Finding> out) {
    Map<String, Map<Integer, Entry>> arrays = new TreeMap<>();
    ARRAYS.forEach(a -> arrays.put(a, new TreeMap<>()));
    for (ShellCommand c : script.commands()) {
      if (c.words().size() != 1) {
        continue;
      }
      Matcher m = ARRAY.matcher(c.name());
      if (!m.matches()) {
        continue;
      }
      int index = Integer.parseInt(m.group(2).length() > 6 ? "999999" : m.group(2));
      Entry e = new Entry(m.group(1), index, m.group(3), file.at(c.line(), c.column()));
      Entry previous = arrays.get(e.array()).putIfAbsent(index, e);
      if (previous != null) {
        out.add(SgRules.SERVICE_ARRAYS.at(e.where(),
            e.array() + "[" + index + "] is set again (first at line " + previous.where().line() + ")"));
      }
    }
    TreeSet<Integer> all = new TreeSet<>();
    arrays.values().forEach(m -> all.addAll(m.keySet()));
    int expected = 0;
    for (int index : all) {
      if (index != expected) {
        Entry first = arrays.values().stream().map(m -> m.get(index)).filter(java.util.Objects::nonNull)
            .min(java.util.Comparator.comparing(Entry::where)).orElseThrow();
        out.add(SgRules.SERVICE_ARRAYS.at(first.where(),
            first.array() + "[" + index + "] leaves a gap: the template reads the arrays from [0] up to the"
                + " first missing index, so [" + expected + "] must come next"));
        break;
      }
      expected++;
    }
    for (int index : all) {
      for (String array : ARRAYS) {
        if (!arrays.get(array).containsKey(index)) {
          Entry present = ARRAYS.stream().map(a -> arrays.get(a).get(index)).filter(java.util.Objects::nonNull)
              .min(java.util.Comparator.comparing(Entry::where)).orElseThrow();
          out.add(SgRules.SERVICE_ARRAYS.at(present.where(),
              present.array() + "[" + index + "] has no " + array + "[" + index + "]"));
        }
      }
    }
    return arrays;
  }

  /** SG-1 and SG-6 in the run commands. */
  private static void runCommands(SourceFile file, List<ShellCommand> run, Optional<String> site, List<Finding> out) {
    boolean cjcpwSeen = false;
    boolean otherSeen = false;
    for (ShellCommand c : run) {
      Location at = file.at(c.line(), c.column());
      if (JobCenterCalls.isPortKeeperAnyCase(c)) {
        portKeeper(c, at, cjcpwSeen, site, out);
        if (otherSeen && !cjcpwSeen) {
          out.add(SgRules.PORT_KEEPER.at(at,
              "nqsportkpr is not the first command of " + RUN + " (guide 3.1.3: it must run first)"));
        }
        otherSeen = true;
        continue;
      }
      if (JobCenterCalls.isCjcpw(c)) {
        cjcpwSeen = true;
        if (JobCenterCalls.isWatchedStart(c)) {
          out.add(SgRules.SERVICE_FOREGROUND.at(at, c.background()
              ? "'" + JobCenterCalls.shown(c) + "' starts cjcpw in the background where nobody watches it; make it SERVICE_CMD"
              : "'" + JobCenterCalls.shown(c) + "' stays in the foreground, so the package start never ends; make it"
                  + " SERVICE_CMD, or use 'cjcpw -c' for an unwatched site"));
        }
      }
      if (!c.name().equals(":") && !c.name().equals("test_return")) {
        otherSeen = true;
      }
    }
  }

  /** SG-6 for one nqsportkpr call. */
  static void portKeeper(ShellCommand c, Location at, boolean afterCjcpw, Optional<String> site, List<Finding> out) {
    ShellCommand target = JobCenterCalls.unwrap(c);
    if (!target.baseName().equals("nqsportkpr")) {
      out.add(SgRules.PORT_KEEPER.at(at, "'" + target.name() + "' is not nqsportkpr: file names are case-sensitive"));
    }
    if (afterCjcpw) {
      out.add(SgRules.PORT_KEEPER.at(at, "nqsportkpr runs after cjcpw; it must hold port 607 before the daemons start"));
    }
    Optional<String> arg = JobCenterCalls.site(c);
    if (arg.isEmpty()) {
      out.add(SgRules.PORT_KEEPER.at(at, "nqsportkpr is given no address; give it the site name cjcpw gets"));
    } else if (site.isPresent() && !JobCenterCalls.sameSite(arg.get(), site.get())) {
      out.add(SgRules.PORT_KEEPER.at(at,
          "nqsportkpr is given '" + arg.get() + "' but cjcpw runs site '" + site.get() + "'; give both the same"));
    }
  }

  /** SG-7: each JobCenter command is followed directly by test_return with a code above 50. */
  private static void checkStatus(SourceFile file, List<ShellCommand> body, int code, List<Finding> out) {
    int bodyDepth = body.stream().mapToInt(ShellCommand::depth).min().orElse(0);
    for (int i = 0; i < body.size(); i++) {
      ShellCommand c = body.get(i);
      if (c.name().equals("test_return") && !c.args().isEmpty() && c.args().get(0).matches("[0-9]+")
          && Integer.parseInt(c.args().get(0).length() > 6 ? "0" : c.args().get(0)) <= 50) {
        out.add(SgRules.TEST_RETURN.at(file.at(c.line(), c.column()),
            "'test_return " + c.args().get(0) + "' uses a code Serviceguard keeps for itself (0-50); use " + code));
      }
      if (!JobCenterCalls.isJobCenter(c) || c.background() || c.depth() != bodyDepth) {
        continue;
      }
      ShellCommand next = i + 1 < body.size() ? body.get(i + 1) : null;
      if (next != null && (next.name().equals("test_return") || next.line() == c.line() && c.depth() == next.depth()
          && !next.name().equals(":"))) {
        continue;
      }
      if (next != null && next.name().equals(":")) {
        out.add(SgRules.TEST_RETURN.at(file.at(next.line(), next.column()),
            "':' after '" + JobCenterCalls.shown(c) + "' sets $? to 0, so test_return cannot see it fail (the guide's ':'"
                + " lines stand for the rest of the template)"));
      } else {
        out.add(SgRules.TEST_RETURN.at(file.at(c.line(), c.column()),
            "'" + JobCenterCalls.shown(c) + "' is not followed by 'test_return " + code + "': its failure goes unnoticed"));
      }
    }
  }

  static void paths(SourceFile file, List<ShellCommand> body, List<Finding> out) {
    for (ShellCommand c : body) {
      ShellCommand target = JobCenterCalls.unwrap(c);
      if (JobCenterCalls.isJobCenter(c) && !target.name().startsWith("/")) {
        out.add(SgRules.ABSOLUTE_PATH.at(file.at(c.line(), c.column()),
            "'" + target.name() + "' is called without its absolute path; the package scripts get no PATH to find it"));
      }
    }
  }

  /** B13: a package that starts the site stops it in its halt commands, and the same site. */
  private static void haltCommands(SourceFile file, ShellScript script, List<ShellCommand> halt, Optional<String> site,
      Location startedAt, List<Finding> out) {
    if (startedAt == null) {
      return;
    }
    List<ShellCommand> stops = halt.stream().filter(JobCenterCalls::isStop).toList();
    if (stops.isEmpty()) {
      Location where = script.functions().stream().filter(f -> f.name().equals(HALT)).findFirst()
          .map(f -> file.at(f.line())).orElse(startedAt);
      out.add(SgRules.NO_STOP.at(where,
          "the package starts site " + site.orElse("?") + " but " + HALT + " never runs 'cjcpw -stop'; on halt"
              + " cjcpw only gets SIGTERM and then SIGKILL"));
      return;
    }
    for (ShellCommand stop : stops) {
      Optional<String> stopped = JobCenterCalls.site(stop);
      if (stopped.isEmpty() || site.isPresent() && !JobCenterCalls.sameSite(stopped.get(), site.get())) {
        out.add(SgRules.NO_STOP.at(file.at(stop.line(), stop.column()),
            "'" + JobCenterCalls.shown(stop) + "' does not stop site " + site.orElse("?") + ", which this package starts"));
      }
    }
  }
}
