package dev.clusterkit.adapter.clusterpro.linux;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * The lint rules for CLUSTERPRO for Linux exec resource scripts. Codes are stable: never renumber
 * or reuse one.
 */
final class CplRules {
  static final Rule SYNTAX =
      new Rule("CPL001", Severity.ERROR,
          "the script does not parse: an empty if/else branch or an unclosed block",
          "put a command in every branch (':' is the no-op; a comment is not a command) and close every block;"
              + " the guide's sample has this mistake in its 'else #NO_CLP' branch")
          .documented("dash, bash and ksh refuse the whole script, so cjcpw never starts and the group fails to come up",
              "guide 4.1.2.1-4.1.2.2 samples; reference B1");
  static final Rule NO_STACK_LIMIT =
      new Rule("CPL002", Severity.ERROR,
          "no 'ulimit -s' before cjcpw",
          "raise the stack limit first thing in start.sh: 'ulimit -s unlimited' (JobCenter needs 8 MB,"
              + " exec resources get 2 MB; guide 4.1.2.1)")
          .documented("JobCenter for Linux needs 8 MB of stack; with the 2 MB CLUSTERPRO X gives exec resources its daemons can crash",
              "guide 4.1.2.1");
  static final Rule STACK_TOO_SMALL =
      new Rule("CPL003", Severity.ERROR,
          "'ulimit -s' sets less than 8192 KB",
          "give 'unlimited' or 8192 or more")
          .documented("below 8 MB the JobCenter daemons can overflow their stack",
              "guide 4.1.2.1");
  static final Rule STACK_HARD_LIMIT =
      new Rule("CPL004", Severity.WARNING,
          "'ulimit -s N' without -S also lowers the hard limit",
          "write 'ulimit -s unlimited', or 'ulimit -S -s N' so cjcpw and its daemons can still raise it")
          .documented("without -S the hard limit is lowered too, so nothing started from the script can ever get more stack",
              "reference B5");
  static final Rule OTHER_APPLICATION =
      new Rule("CPL005", Severity.WARNING,
          "the start script starts something besides JobCenter",
          "give every application its own exec resource: the PID monitor watches the start script as a whole"
              + " (guide 4.1.2.1)")
          .documented("the PID monitor watches the start script as a whole, so another application there is neither watched alone nor failed over alone",
              "guide 4.1.2.1");
  static final Rule CJCPW_BACKGROUND =
      new Rule("CPL006", Severity.ERROR,
          "cjcpw is put in the background",
          "run cjcpw in the foreground ('exec cjcpw SITE DB'): the PID monitor watches the start script, which"
              + " must live exactly as long as cjcpw")
          .documented("the start script ends at once, the PID monitor reports a failure, and the site is not watched",
              "guide 4.1.1.2-4.1.1.3");
  static final Rule CJCPW_ARGUMENTS =
      new Rule("CPL007", Severity.ERROR,
          "cjcpw is called without its site name or database path",
          "start with 'cjcpw [-c] SITE DBPATH', stop with 'cjcpw -stop SITE'")
          .documented("cjcpw cannot start or stop the site it is not told about",
              "guide 2.3.7");
  static final Rule PORTKEEPER_NAME =
      new Rule("CPL008", Severity.ERROR,
          "nqsportkpr is misspelt",
          "the command is /usr/lib/nqs/nqsportkpr, all lower case (the guide's 4.1.3 writes nqSPORTkpr,"
              + " which does not exist)")
          .documented("paths are case-sensitive: the command is not found and port 607 is not held",
              "guide 3.1.3, 4.1.3; reference B4");
  static final Rule PORTKEEPER_ORDER =
      new Rule("CPL009", Severity.ERROR,
          "nqsportkpr runs after cjcpw or names another site",
          "run 'nqsportkpr SITE' before cjcpw, with cjcpw's first argument (guide 3.1.3, 4.1.3)")
          .documented("the port keeper only helps if it holds the site address port before the daemons bind it",
              "guide 3.1.3, 4.1.3");
  static final Rule SITE_MISMATCH =
      new Rule("CPL010", Severity.ERROR,
          "start and stop scripts name different sites",
          "use the same site name in both scripts of the exec resource")
          .documented("the stop script would stop another site, leaving this one running on the shared disk",
              "reference CP-9");
  static final Rule NO_STOP =
      new Rule("CPL011", Severity.ERROR,
          "the stop script never runs 'cjcpw -stop SITE'",
          "call 'cjcpw -stop SITE' in stop.sh")
          .documented("the daemons outlive the group, keep the shared disk busy and block failover",
              "guide 4.1.2.2");
  static final Rule STOP_CONDITIONAL =
      new Rule("CPL012", Severity.WARNING,
          "the stop script stops the site only on some paths",
          "call 'cjcpw -stop SITE' unconditionally: daemons left running keep the shared disk busy")
          .documented("on the other paths the daemons keep running and the disk cannot be released",
              "guide 4.1.2.2 sample; reference B3");
  static final Rule FAILURE_EXITS_ZERO =
      new Rule("CPL013", Severity.ERROR,
          "no failure path of the start script exits non-zero",
          "end the disk-failure and unknown-event branches with 'exit 1', so CLUSTERPRO sees the failure")
          .documented("CLUSTERPRO takes the activation as successful while nothing runs",
              "guide 4.1.2.1 sample; reference B2");
  static final Rule STATUS_HIDDEN =
      new Rule("CPL014", Severity.WARNING,
          "the start script exits 0 whatever cjcpw returned",
          "end with 'exec cjcpw SITE DB', or exit with cjcpw's status")
          .documented("a failed start looks like a successful one to CLUSTERPRO",
              "reference CP-3");

  static final List<Rule> ALL =
      List.of(SYNTAX, NO_STACK_LIMIT, STACK_TOO_SMALL, STACK_HARD_LIMIT, OTHER_APPLICATION, CJCPW_BACKGROUND,
          CJCPW_ARGUMENTS, PORTKEEPER_NAME, PORTKEEPER_ORDER, SITE_MISMATCH, NO_STOP, STOP_CONDITIONAL,
          FAILURE_EXITS_ZERO, STATUS_HIDDEN);

  private CplRules() {}
}
