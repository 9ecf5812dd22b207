package dev.clusterkit.adapter.clusterpro.linux;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Lints CLUSTERPRO for Linux exec resource scripts (start.sh and stop.sh), alone and in pairs. */
final class ExecScriptLinter {
  /** Commands a start script may run besides JobCenter's without starting "another application". */
  private static final Set<String> HARMLESS =
      Set.of("echo", "printf", "ulimit", "exit", "[", "test", ":", "true", "false", "export", "unset",
          "exec", "return", "sleep", "logger", "clplogcmd", "status", "set", "umask", "cd", "readonly", "local");

  enum Role {
    START,
    STOP
  }

  private ExecScriptLinter() {}

  static boolean recognizes(SourceFile file) {
    String text = file.text();
    boolean shell = file.fileName().endsWith(".sh") || ShellScript.shebang(file).contains("sh");
    if (!shell) {
      return false;
    }
    if (text.contains("CLP_EVENT") || text.contains("CLP_DISK")) {
      return true;
    }
    boolean pairName = file.fileName().equals("start.sh") || file.fileName().equals("stop.sh");
    return pairName && text.contains("cjcpw") && !text.contains("pmfadm") && !text.contains("cmrunserv");
  }

  static Role roleOf(SourceFile file, ShellScript script) {
    if (file.fileName().equals("start.sh")) {
      return Role.START;
    }
    if (file.fileName().equals("stop.sh")) {
      return Role.STOP;
    }
    return script.commands().stream().anyMatch(c -> isCjcpw(c) && c.args().contains("-stop")) ? Role.STOP : Role.START;
  }

  static List<Finding> lint(List<SourceFile> files) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<Named>> sitesByFolder = new LinkedHashMap<>();
    for (SourceFile file : files) {
      ShellScript script = ShellScript.parse(file);
      for (ShellScript.Problem p : script.problems()) {
        findings.add(CplRules.SYNTAX.at(file.at(p.line(), p.column()), p.message()));
      }
      Role role = roleOf(file, script);
      Optional<Named> site = role == Role.START ? lintStart(file, script, findings) : lintStop(file, script, findings);
      site.ifPresent(s -> sitesByFolder.computeIfAbsent(file.folderKey(), k -> new ArrayList<>()).add(s));
    }
    for (List<Named> pair : sitesByFolder.values()) {
      Named first = pair.get(0);
      for (Named other : pair.subList(1, pair.size())) {
        if (!other.site().equalsIgnoreCase(first.site())) {
          findings.add(CplRules.SITE_MISMATCH.at(other.where(),
              "this script names site '" + other.site() + "' but " + first.where().file() + " names '"
                  + first.site() + "'"));
        }
      }
    }
    return findings;
  }

  /** The site a script names, and where. */
  private record Named(String site, Location where) {}

  private static Optional<Named> lintStart(SourceFile file, ShellScript script, List<Finding> findings) {
    List<ShellCommand> commands = script.commands();
    Optional<ShellCommand> firstCjcpw = commands.stream().filter(ExecScriptLinter::isCjcpw).findFirst();
    Optional<Named> named = Optional.empty();
    boolean stackSet = false;
    boolean cjcpwSeen = false;
    String cjcpwSite = null;
    boolean nonZeroExit = false;
    for (int i = 0; i < commands.size(); i++) {
      ShellCommand c = commands.get(i);
      ShellCommand target = unwrap(c);
      String base = target.baseName();
      if (base.equals("ulimit") && isStackLimit(target)) {
        stackSet = stackSet || !cjcpwSeen;
        checkStackValue(file, target, findings);
      }
      if (c.name().equals("exit") && (c.args().isEmpty() || !c.args().get(0).equals("0"))) {
        nonZeroExit = true;
      }
      if (base.equalsIgnoreCase("nqsportkpr")) {
        if (!base.equals("nqsportkpr")) {
          findings.add(CplRules.PORTKEEPER_NAME.at(file.at(c.line(), c.column()),
              "'" + target.name() + "' is not nqsportkpr: file names are case-sensitive"));
        }
        if (cjcpwSeen) {
          findings.add(CplRules.PORTKEEPER_ORDER.at(file.at(c.line(), c.column()),
              "nqsportkpr runs after cjcpw; it must hold the port before the daemons start"));
        } else if (firstCjcpw.isPresent()) {
          List<String> cjArgs = siteArgs(unwrap(firstCjcpw.get()));
          if (!cjArgs.isEmpty() && (target.args().isEmpty() || !target.args().get(0).equalsIgnoreCase(cjArgs.get(0)))) {
            findings.add(CplRules.PORTKEEPER_ORDER.at(file.at(c.line(), c.column()),
                "nqsportkpr is given '" + String.join(" ", target.args()) + "' but cjcpw starts site '" + cjArgs.get(0)
                    + "'; give both the same site name or address"));
          }
        }
        continue;
      }
      if (isCjcpw(c)) {
        if (!stackSet && !cjcpwSeen) {
          findings.add(CplRules.NO_STACK_LIMIT.at(file.at(c.line(), c.column()),
              "cjcpw starts with the stack limit CLUSTERPRO gives (2 MB from X1.1.0-1); JobCenter needs 8 MB"));
        }
        cjcpwSeen = true;
        if (c.background() || !c.name().equals(target.name()) && !c.name().equals("exec")) {
          findings.add(CplRules.CJCPW_BACKGROUND.at(file.at(c.line(), c.column()),
              "'" + c.rawText() + "' does not keep cjcpw in the foreground of the start script"));
        }
        List<String> args = siteArgs(target);
        boolean unwatched = target.args().contains("-c");
        if (args.size() < 2) {
          findings.add(CplRules.CJCPW_ARGUMENTS.at(file.at(c.line(), c.column()),
              "'" + c.rawText() + "' lacks the " + (args.isEmpty() ? "site name and database path" : "database path")));
        }
        if (!args.isEmpty()) {
          if (cjcpwSite != null && !cjcpwSite.equalsIgnoreCase(args.get(0))) {
            findings.add(CplRules.OTHER_APPLICATION.at(file.at(c.line(), c.column()),
                "a second site '" + args.get(0) + "' is started from the same start script as '" + cjcpwSite + "'"));
          }
          if (cjcpwSite == null) {
            cjcpwSite = args.get(0);
            named = Optional.of(new Named(cjcpwSite, file.at(c.line(), c.column())));
          }
        }
        if (!unwatched && !c.name().equals("exec")) {
          statusCheck(file, commands.subList(i + 1, commands.size()), findings);
        }
        continue;
      }
      if (!HARMLESS.contains(base) && !base.isEmpty() && !isAssignmentOnly(c) && target.name().startsWith("/")) {
        findings.add(CplRules.OTHER_APPLICATION.at(file.at(c.line(), c.column()),
            "'" + target.name() + "' is started from the JobCenter start script"));
      }
    }
    if (!nonZeroExit && firstCjcpw.isPresent()) {
      findings.add(CplRules.FAILURE_EXITS_ZERO.at(Location.at(file.path(), firstCjcpw.get().line()),
          "nothing in this script exits non-zero: a disk failure or an unknown CLP_EVENT is reported to CLUSTERPRO"
              + " as a successful start"));
    }
    if (firstCjcpw.isEmpty()) {
      findings.add(CplRules.CJCPW_ARGUMENTS.at(Location.of(file.path()), "the start script never runs cjcpw"));
    }
    return named;
  }

  /** After a watched cjcpw that is not exec'd, the script must end with cjcpw's status. */
  private static void statusCheck(SourceFile file, List<ShellCommand> after, List<Finding> findings) {
    for (ShellCommand c : after) {
      if (c.name().equals("exit") && !c.args().isEmpty() && c.args().get(0).equals("0")) {
        findings.add(CplRules.STATUS_HIDDEN.at(file.at(c.line(), c.column()),
            "'exit 0' after cjcpw reports success to CLUSTERPRO whatever cjcpw returned"));
        return;
      }
    }
  }

  private static Optional<Named> lintStop(SourceFile file, ShellScript script, List<Finding> findings) {
    Optional<Named> named = Optional.empty();
    boolean unconditional = false;
    ShellCommand conditional = null;
    for (ShellCommand c : script.commands()) {
      ShellCommand target = unwrap(c);
      if (target.baseName().equalsIgnoreCase("nqsportkpr") && !target.baseName().equals("nqsportkpr")) {
        findings.add(CplRules.PORTKEEPER_NAME.at(file.at(c.line(), c.column()),
            "'" + target.name() + "' is not nqsportkpr: file names are case-sensitive"));
      }
      if (!isCjcpw(c) || !target.args().contains("-stop")) {
        continue;
      }
      List<String> args = siteArgs(target);
      if (args.isEmpty()) {
        findings.add(CplRules.CJCPW_ARGUMENTS.at(file.at(c.line(), c.column()),
            "'" + c.rawText() + "' does not name the site to stop"));
        continue;
      }
      if (named.isEmpty()) {
        named = Optional.of(new Named(args.get(0), file.at(c.line(), c.column())));
      }
      if (c.onEveryPath()) {
        unconditional = true;
      } else if (conditional == null) {
        conditional = c;
      }
    }
    if (named.isEmpty()) {
      findings.add(CplRules.NO_STOP.at(Location.of(file.path()),
          "the stop script never stops the site, so its daemons outlive the group"));
    } else if (!unconditional && conditional != null) {
      findings.add(CplRules.STOP_CONDITIONAL.at(file.at(conditional.line(), conditional.column()),
          "cjcpw -stop runs only inside a condition; on the other paths the site keeps running"));
    }
    return named;
  }

  private static void checkStackValue(SourceFile file, ShellCommand ulimit, List<Finding> findings) {
    List<String> args = ulimit.args();
    String value = args.isEmpty() ? "" : args.get(args.size() - 1);
    if (value.equals("unlimited")) {
      return;
    }
    if (value.matches("[0-9]+")) {
      long kb = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
      if (kb < 8192) {
        findings.add(CplRules.STACK_TOO_SMALL.at(file.at(ulimit.line(), ulimit.column()),
            "'ulimit -s " + value + "' gives " + value + " KB; JobCenter for Linux needs 8192 KB or more"));
      }
      if (!args.contains("-S") && args.stream().noneMatch(a -> a.matches("-[A-Za-z]*S[A-Za-z]*"))) {
        findings.add(CplRules.STACK_HARD_LIMIT.at(file.at(ulimit.line(), ulimit.column()),
            "'ulimit -s " + value + "' sets the hard limit to " + value + " KB too, capping every daemon at it"));
      }
    }
  }

  private static boolean isStackLimit(ShellCommand ulimit) {
    return ulimit.args().stream().anyMatch(a -> a.startsWith("-") && a.contains("s"));
  }

  /** {@code exec cmd}, {@code nohup cmd}, {@code setsid cmd} → {@code cmd}. */
  private static ShellCommand unwrap(ShellCommand c) {
    List<String> words = c.words();
    int skip = 0;
    while (skip < words.size() - 1 && Set.of("exec", "nohup", "setsid", "nice").contains(words.get(skip))) {
      skip++;
    }
    return skip == 0 ? c : new ShellCommand(c.line(), c.column(), words.subList(skip, words.size()),
        c.background(), c.depth(), c.rawText());
  }

  private static boolean isCjcpw(ShellCommand c) {
    return unwrap(c).baseName().equals("cjcpw");
  }

  /** cjcpw's arguments without its options. */
  private static List<String> siteArgs(ShellCommand cjcpw) {
    return cjcpw.args().stream().filter(a -> !a.startsWith("-")).toList();
  }

  private static boolean isAssignmentOnly(ShellCommand c) {
    return c.words().size() == 1 && c.name().contains("=");
  }
}
