package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.adapter.clusterpro.windows.BatchFlow.Kind;
import dev.clusterkit.adapter.clusterpro.windows.BatchFlow.Step;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Command;
import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lints CLUSTERPRO for Windows group scripts: each file alone (bytes, labels, ARMLOAD lines, the
 * stop sequence on every path) and all of them together (watch IDs across sites, the event-variable
 * family and the site of each start/stop pair).
 */
final class ArmScriptLinter {
  private static final int PAUSED = 1;
  private static final int STOPPED = 2;
  private static final int KILLED = 4;

  private ArmScriptLinter() {}

  static boolean recognizes(SourceFile file) {
    String name = file.fileName().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".bat") && !name.endsWith(".cmd")) {
      return false;
    }
    String text = file.text().toLowerCase(Locale.ROOT);
    if (text.contains("armload") || text.contains("armkill") || text.contains("%arms_") || text.contains("%clp_")) {
      return true;
    }
    return (name.equals("start.bat") || name.equals("stop.bat")) && text.contains("cjcpw");
  }

  /** An ARMLOAD command taken apart: ARMLOAD watchID [options] program [arguments]. */
  record Armload(Command command, String watchId, Set<String> flags, Optional<String> account,
      Optional<String> program, List<String> programArgs) {

    static Armload of(Command c) {
      List<String> args = c.args();
      String id = args.isEmpty() ? "" : args.get(0);
      Set<String> flags = new HashSet<>();
      Optional<String> account = Optional.empty();
      int i = 1;
      while (i < args.size() && args.get(i).startsWith("/")) {
        String option = args.get(i).toUpperCase(Locale.ROOT);
        flags.add(option);
        if (option.equals("/U")) {
          account = i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
          i += 2;
        } else if (List.of("/WINDOW", "/R", "/H", "/WAIT", "/INT").contains(option)) {
          i += 2;
        } else {
          i++;
        }
      }
      Optional<String> program = i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
      List<String> rest = i + 1 < args.size() ? args.subList(i + 1, args.size()) : List.of();
      return new Armload(c, id, flags, account, program, rest);
    }

    boolean startsCjcpw() {
      return program.map(p -> baseName(p).equals("cjcpw")).orElse(false);
    }

    /** cjcpw's site name and database path, without options. */
    List<String> siteArgs() {
      return programArgs.stream().filter(a -> !a.startsWith("-")).toList();
    }
  }

  /** What one file tells about its site, for the checks across files. */
  private record Facts(SourceFile file, String folder, List<Armload> starts, List<Site> stopSites,
      List<Use> killIds, Map<String, BatchScript.Variable> firstOfFamily) {}

  private static Facts facts(SourceFile file, List<Armload> starts, List<Site> stopSites, List<Use> killIds,
      boolean stopRole, Map<String, BatchScript.Variable> families) {
    // Only a stop script's ARMKILL ends the site's watch; a start script's ends a helper's.
    return new Facts(file, file.folderKey(), starts, stopSites, stopRole ? killIds : List.of(), families);
  }

  private record Site(String name, Location where) {}

  private record Use(String id, Location where) {}

  static List<Finding> lint(List<SourceFile> files) {
    List<Finding> findings = new ArrayList<>();
    List<Facts> all = new ArrayList<>();
    for (SourceFile file : files) {
      all.add(lintFile(file, findings));
    }
    acrossFiles(all, findings);
    return findings;
  }

  private static Facts lintFile(SourceFile file, List<Finding> findings) {
    bytes(file, findings);
    BatchScript script = BatchScript.parse(file);
    BatchFlow flow = BatchFlow.of(script);
    List<Command> commands = script.commands();
    List<Armload> starts = new ArrayList<>();
    List<Site> stopSites = new ArrayList<>();
    List<Use> killIds = new ArrayList<>();
    boolean usesArm = false;
    for (int i = 0; i < commands.size(); i++) {
      Command c = commands.get(i);
      Optional<Command> next = i + 1 < commands.size() ? Optional.of(commands.get(i + 1)) : Optional.empty();
      String base = c.baseName();
      Location at = file.at(c.line(), c.column());
      if (List.of("armload", "armloadc", "armkill").contains(base)) {
        usesArm = true;
        String written = c.words().get(0);
        if (!written.equals(written.toUpperCase(Locale.ROOT))) {
          findings.add(CpwRules.COMMAND_CASE.at(at,
              "'" + written + "' is written in mixed case; CLUSTERPRO's reference writes " + base.toUpperCase(Locale.ROOT)));
        }
        String id = c.args().isEmpty() ? "" : c.args().get(0);
        WatchId.problem(id).ifPresent(p -> findings.add(CpwRules.INVALID_WATCH_ID.at(at,
            "watch ID '" + id + "' " + p)));
      }
      if (base.equals("armkill")) {
        killIds.add(new Use(c.args().isEmpty() ? "" : c.args().get(0), at));
        if (c.args().stream().anyMatch(a -> a.equalsIgnoreCase("/C"))) {
          findings.add(CpwRules.ARMKILL_CANCEL.at(at,
              "'" + c.text() + "' cancels the watch instead of ending it (guide 4.2.1.2 forbids /C)"));
        }
      } else if (base.equals("armload")) {
        Armload a = Armload.of(c);
        armload(file, a, next, findings);
        if (a.startsCjcpw()) {
          starts.add(a);
        }
      } else if (base.equals("cjcpw") && c.args().stream().anyMatch(a -> a.equalsIgnoreCase("-stop"))) {
        List<String> sites = c.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (sites.isEmpty()) {
          findings.add(CpwRules.CJCPW_ARGUMENTS.at(at, "'" + c.text() + "' does not name the site to stop"));
        } else {
          stopSites.add(new Site(sites.get(0), at));
        }
      }
    }
    labels(file, flow, findings);
    unreachable(file, flow, findings);
    // A start script may end watches of its own helpers with ARMKILL (NEC's X templates do), so
    // only its name, or cjcpw -stop and ARMLOADC, make a file a stop script.
    boolean stopRole = file.fileName().equalsIgnoreCase("stop.bat")
        || !file.fileName().equalsIgnoreCase("start.bat")
            && (commands.stream().anyMatch(ArmScriptLinter::isStop)
                || commands.stream().anyMatch(c -> c.baseName().equals("armloadc"))
                || !killIds.isEmpty() && starts.isEmpty());
    if (stopRole) {
      stopSequence(file, flow, usesArm, findings);
    }
    Map<String, BatchScript.Variable> families = new LinkedHashMap<>();
    for (BatchScript.Variable v : script.variables()) {
      family(v.name()).ifPresent(f -> families.putIfAbsent(f, v));
    }
    if (families.size() > 1) {
      BatchScript.Variable second = families.values().stream().skip(1).findFirst().orElseThrow();
      BatchScript.Variable first = families.values().iterator().next();
      findings.add(CpwRules.MIXED_VARIABLES.at(file.at(second.line(), second.column()),
          "%" + second.name() + "% is read here, but line " + first.line() + " reads %" + first.name()
              + "%: one script reads one family of event variables"));
    }
    return facts(file, starts, stopSites, killIds, stopRole, families);
  }

  private static void bytes(SourceFile file, List<Finding> findings) {
    List<Integer> bare = file.form().bareLfLines();
    if (!bare.isEmpty()) {
      findings.add(CpwRules.LF_ONLY.at(file.at(bare.get(0)),
          bare.size() + (bare.size() == 1 ? " line ends" : " lines end") + " in LF without CR, the first here;"
              + " cmd.exe can then fail to find GOTO labels"));
    }
    if (file.form().byteOrderMark()) {
      findings.add(CpwRules.NOT_OEM_TEXT.at(file.at(1),
          "the file starts with a byte order mark, which cmd.exe reads as part of the first command"));
    } else if (file.form().charset().filter(c -> c.equals("UTF-8")).isPresent()) {
      List<String> lines = file.lines();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).chars().anyMatch(ch -> ch > 0x7F)) {
          findings.add(CpwRules.NOT_OEM_TEXT.at(file.at(i + 1),
              "the file is UTF-8 with non-ASCII text, first on this line; cmd.exe reads it in the OEM code page"
                  + " (CP932 on Japanese Windows) and garbles it"));
          break;
        }
      }
    }
  }

  private static void armload(SourceFile file, Armload a, Optional<Command> next, List<Finding> findings) {
    Command c = a.command();
    Location at = file.at(c.line(), c.column());
    // A line after ARMLOAD that starts with a quoted word is the rest of the ARMLOAD command.
    Optional<Command> rest = next.filter(n -> n.line() == c.lastLine() + 1 && !n.raw().isEmpty()
        && n.raw().get(0).startsWith("\""));
    if (c.continued()) {
      findings.add(CpwRules.SPLIT_ARMLOAD.at(at,
          "ARMLOAD continues with ^ on line " + (c.line() + 1) + "; keep the whole command on one line"));
    }
    if (a.program().isEmpty()) {
      findings.add(CpwRules.SPLIT_ARMLOAD.at(at, rest
          .map(r -> "ARMLOAD " + a.watchId() + " names no program: its program is on line " + r.line()
              + ", which cmd runs as a command of its own ('" + r.text() + "')")
          .orElse("ARMLOAD " + a.watchId() + " names no program to start")));
    }
    if (a.account().isPresent() && !AdminAccount.valid(a.account().get())) {
      findings.add(CpwRules.BAD_ACCOUNT.at(at,
          "/U '" + a.account().get() + "' is not a Windows account name (" + AdminAccount.RULE + ")"));
    }
    if (!a.startsCjcpw()) {
      return;
    }
    if (!a.flags().contains("/U")) {
      findings.add(CpwRules.MISSING_ACCOUNT.at(at,
          "cjcpw would run as CLUSTERPRO's own account, not as the JobCenter administrator"));
    }
    boolean unwatched = a.programArgs().stream().anyMatch(x -> x.equalsIgnoreCase("-c"));
    if (a.siteArgs().size() < 2) {
      if (rest.isPresent() && !c.continued()) {
        findings.add(CpwRules.SPLIT_ARMLOAD.at(at,
            "cjcpw gets no " + (a.siteArgs().isEmpty() ? "site name and database path" : "database path")
                + ": they are on line " + rest.get().line() + ", which cmd runs as a command of its own ('"
                + rest.get().text() + "')"));
      } else {
        findings.add(CpwRules.CJCPW_ARGUMENTS.at(at,
            "cjcpw is started without its " + (a.siteArgs().isEmpty() ? "site name and database path" : "database path")));
      }
    }
    if (a.flags().contains("/W") && !unwatched) {
      findings.add(CpwRules.WAIT_ON_RESIDENT.at(at, "ARMLOAD /W waits for cjcpw, which runs until the site stops"));
    }
    if (a.flags().contains("/M") && unwatched) {
      findings.add(CpwRules.SHUTDOWN_ON_RETURN.at(at,
          "cjcpw -c returns as soon as the site is up, and /M then shuts the server down"));
    }
  }

  private static void labels(SourceFile file, BatchFlow flow, List<Finding> findings) {
    for (Step s : flow.steps()) {
      if (s.kind() == Kind.GOTO || s.kind() == Kind.IF_GOTO) {
        if (s.label().isEmpty()) {
          findings.add(CpwRules.MISSING_LABEL.at(file.at(s.line()), "GOTO names no label"));
        } else if (!flow.hasLabel(s.label())) {
          findings.add(CpwRules.MISSING_LABEL.at(file.at(s.line()),
              "GOTO " + s.label() + ": the file has no label :" + BatchFlow.labelName(s.label())));
        }
      }
      if (s.kind() == Kind.RUN && s.command().isPresent()) {
        Command c = s.command().get();
        if (c.baseName().equals("call") && !c.args().isEmpty() && c.args().get(0).startsWith(":")
            && !flow.hasLabel(c.args().get(0))) {
          findings.add(CpwRules.MISSING_LABEL.at(file.at(s.line()),
              "CALL " + c.args().get(0) + ": the file has no label " + c.args().get(0)));
        }
      }
    }
  }

  private static void unreachable(SourceFile file, BatchFlow flow, List<Finding> findings) {
    boolean[] reachable = flow.reachable();
    for (Step s : flow.steps()) {
      boolean runStart = s.index() == 0 || reachable[s.index() - 1];
      if (reachable[s.index()] || !runStart) {
        continue;
      }
      findings.add(CpwRules.UNREACHABLE.at(file.at(s.line()), s.kind() == Kind.LABEL
          ? "label :" + s.label() + " is never reached: no GOTO leads to it, and the line before it jumps away"
          : "this line is never reached: the line before it jumps away and no label leads here"));
    }
  }

  /** The stop sequence on every path: ARMLOADC /W PAUSE, cjcpw -stop, ARMKILL. */
  private static void stopSequence(SourceFile file, BatchFlow flow, boolean usesArm, List<Finding> findings) {
    List<Step> steps = flow.steps();
    Optional<Step> firstStop = steps.stream().filter(ArmScriptLinter::isStop).findFirst();
    if (firstStop.isEmpty()) {
      findings.add(CpwRules.NO_STOP.at(Location.of(file.path()),
          "this stop script never runs 'cjcpw -stop SITE': cjcpw and the JobCenter daemons outlive the group"));
      return;
    }
    Set<String> reported = new LinkedHashSet<>();
    if (usesArm) {
      order(file, flow, reported, findings);
    }
    skipped(file, flow, findings);
  }

  private static void order(SourceFile file, BatchFlow flow, Set<String> reported, List<Finding> findings) {
    List<Step> steps = flow.steps();
    int end = flow.end();
    Set<Long> seen = new HashSet<>();
    Deque<long[]> todo = new ArrayDeque<>();
    todo.push(new long[] {0, 0});
    Optional<Step> firstStop = steps.stream().filter(ArmScriptLinter::isStop).findFirst();
    while (!todo.isEmpty()) {
      long[] item = todo.pop();
      int index = (int) item[0];
      int state = (int) item[1];
      if (!seen.add(((long) index << 3) | state)) {
        continue;
      }
      if (index == end) {
        if ((state & STOPPED) != 0 && (state & KILLED) == 0) {
          report(file, firstStop.orElseThrow(), "no ARMKILL follows cjcpw -stop on some path: the watch stays",
              reported, findings);
        }
        continue;
      }
      Step step = steps.get(index);
      if (step.kind() == Kind.RUN && step.command().isPresent()) {
        Command c = step.command().get();
        String base = c.baseName();
        if (base.equals("armloadc") && c.args().stream().anyMatch(a -> a.equalsIgnoreCase("PAUSE"))) {
          if ((state & STOPPED) != 0) {
            report(file, step, "ARMLOADC pauses the watch after cjcpw -stop has already run", reported, findings);
          }
          state |= PAUSED;
        } else if (isStop(step)) {
          if ((state & PAUSED) == 0) {
            report(file, step, "cjcpw -stop runs while the watch is active (no ARMLOADC ... /W PAUSE before it on"
                + " some path): with /M the server shuts down", reported, findings);
          }
          state |= STOPPED;
        } else if (base.equals("armkill")) {
          if ((state & STOPPED) == 0) {
            report(file, step, "ARMKILL ends the watch before cjcpw -stop has stopped the site on some path",
                reported, findings);
          }
          state |= KILLED;
        }
      }
      for (int n : flow.successors(index)) {
        todo.push(new long[] {n, state});
      }
    }
  }

  private static void report(SourceFile file, Step step, String message, Set<String> reported, List<Finding> findings) {
    if (reported.add(step.line() + message)) {
      findings.add(CpwRules.STOP_ORDER.at(file.at(step.line()), message));
    }
  }

  /** Jumps taken while JobCenter still runs that lead to the end without stopping it. */
  private static void skipped(SourceFile file, BatchFlow flow, List<Finding> findings) {
    List<Step> steps = flow.steps();
    int end = flow.end();
    // canStop[i]: some path from step i runs cjcpw -stop.
    boolean[] canStop = new boolean[end + 1];
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = end - 1; i >= 0; i--) {
        if (canStop[i]) {
          continue;
        }
        boolean v = isStop(steps.get(i)) || flow.successors(i).stream().anyMatch(n -> canStop[n]);
        if (v) {
          canStop[i] = true;
          changed = true;
        }
      }
    }
    // running[i]: step i is reached on a path that has not stopped JobCenter yet.
    boolean[] running = new boolean[end + 1];
    Deque<Integer> todo = new ArrayDeque<>(List.of(0));
    running[0] = true;
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (i == end || isStop(steps.get(i))) {
        continue;
      }
      for (int n : flow.successors(i)) {
        if (!running[n]) {
          running[n] = true;
          todo.push(n);
        }
      }
    }
    int stopLine = steps.stream().filter(ArmScriptLinter::isStop).findFirst().orElseThrow().line();
    // Report the branches where a path that could still stop JobCenter turns to one that cannot.
    for (Step s : steps) {
      if (!running[s.index()] || !canStop[s.index()] || (s.kind() != Kind.IF_GOTO && s.kind() != Kind.BRANCH)) {
        continue;
      }
      List<Integer> next = flow.successors(s.index());
      boolean onTrue = !canStop[next.get(s.kind() == Kind.IF_GOTO ? 1 : 0)];
      boolean onFalse = !canStop[next.get(s.kind() == Kind.IF_GOTO ? 0 : 1)];
      if (onTrue || onFalse) {
        findings.add(CpwRules.STOP_SKIPPED.at(file.at(s.line()),
            "when this condition is " + (onTrue ? "true" : "false") + ", the script ends without stopping JobCenter"
                + " (the cjcpw -stop of line " + stopLine + " is skipped)"));
      }
    }
  }

  private static boolean isStop(Step s) {
    return s.kind() == Kind.RUN && s.command().map(ArmScriptLinter::isStop).orElse(false);
  }

  private static boolean isStop(Command c) {
    return c.baseName().equals("cjcpw") && c.args().stream().anyMatch(a -> a.equalsIgnoreCase("-stop"));
  }

  private static void acrossFiles(List<Facts> all, List<Finding> findings) {
    // Watch IDs: one site each, across the whole cluster.
    Map<String, Armload> firstById = new LinkedHashMap<>();
    Map<String, Facts> fileById = new LinkedHashMap<>();
    for (Facts f : all) {
      for (Armload a : f.starts()) {
        String key = a.watchId().toUpperCase(Locale.ROOT);
        Armload first = firstById.putIfAbsent(key, a);
        if (first == null) {
          fileById.put(key, f);
          continue;
        }
        Facts firstFile = fileById.get(key);
        Optional<String> site = a.siteArgs().stream().findFirst();
        Optional<String> firstSite = first.siteArgs().stream().findFirst();
        boolean otherSite = site.isPresent() && firstSite.isPresent() && !site.get().equalsIgnoreCase(firstSite.get());
        if (otherSite || !firstFile.folder().equals(f.folder())) {
          findings.add(CpwRules.DUPLICATE_WATCH_ID.at(f.file().at(a.command().line(), a.command().column()),
              "watch ID '" + a.watchId() + "' is already used by " + firstFile.file().path() + ":"
                  + first.command().line() + firstSite.map(s -> " for site " + s).orElse("")));
        }
      }
    }
    Map<String, List<Facts>> byFolder = new LinkedHashMap<>();
    for (Facts f : all) {
      byFolder.computeIfAbsent(f.folder(), k -> new ArrayList<>()).add(f);
    }
    for (List<Facts> group : byFolder.values()) {
      pairs(group, findings);
    }
  }

  private static void pairs(List<Facts> group, List<Finding> findings) {
    // One family of event variables per group.
    Optional<Facts> firstWithFamily = group.stream().filter(f -> f.firstOfFamily().size() == 1).findFirst();
    if (firstWithFamily.isPresent()) {
      String family = firstWithFamily.get().firstOfFamily().keySet().iterator().next();
      for (Facts f : group) {
        if (f.firstOfFamily().size() == 1 && !f.firstOfFamily().containsKey(family)) {
          BatchScript.Variable v = f.firstOfFamily().values().iterator().next();
          BatchScript.Variable other = firstWithFamily.get().firstOfFamily().get(family);
          findings.add(CpwRules.MIXED_VARIABLES.at(f.file().at(v.line(), v.column()),
              "%" + v.name() + "% is read here, but " + firstWithFamily.get().file().fileName() + " of the same group"
                  + " reads %" + other.name() + "%: both scripts read one family"));
        }
      }
    }
    // The stop script stops what the start script started.
    Set<String> startedIds = new LinkedHashSet<>();
    Optional<Site> startedSite = Optional.empty();
    for (Facts f : group) {
      for (Armload a : f.starts()) {
        startedIds.add(a.watchId().toUpperCase(Locale.ROOT));
        if (startedSite.isEmpty() && !a.siteArgs().isEmpty()) {
          startedSite = Optional.of(new Site(a.siteArgs().get(0),
              f.file().at(a.command().line(), a.command().column())));
        }
      }
    }
    for (Facts f : group) {
      for (Use kill : f.killIds()) {
        if (!startedIds.isEmpty() && !startedIds.contains(kill.id().toUpperCase(Locale.ROOT))) {
          findings.add(CpwRules.PAIR_MISMATCH.at(kill.where(),
              "ARMKILL ends watch ID '" + kill.id() + "', but the start script of this group starts " + startedIds));
        }
      }
      for (Site stop : f.stopSites()) {
        if (startedSite.isPresent() && !stop.name().equalsIgnoreCase(startedSite.get().name())) {
          findings.add(CpwRules.PAIR_MISMATCH.at(stop.where(),
              "cjcpw -stop stops site '" + stop.name() + "', but " + startedSite.get().where().file() + " starts '"
                  + startedSite.get().name() + "'"));
        }
      }
    }
  }

  private static Optional<String> family(String variable) {
    String v = variable.toUpperCase(Locale.ROOT);
    if (v.startsWith("ARMS_")) {
      return Optional.of("ARMS_");
    }
    if (v.startsWith("CLP_")) {
      return Optional.of("CLP_");
    }
    return Optional.empty();
  }

  static String baseName(String word) {
    int slash = Math.max(word.lastIndexOf('\\'), word.lastIndexOf('/'));
    String base = word.substring(slash + 1).toLowerCase(Locale.ROOT);
    return base.endsWith(".exe") ? base.substring(0, base.length() - 4) : base;
  }
}
