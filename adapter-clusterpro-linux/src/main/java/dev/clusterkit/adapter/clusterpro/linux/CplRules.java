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
              + " the guide's sample has this mistake in its 'else #NO_CLP' branch");
  static final Rule NO_STACK_LIMIT =
      new Rule("CPL002", Severity.ERROR,
          "no 'ulimit -s' before cjcpw",
          "raise the stack limit first thing in start.sh: 'ulimit -s unlimited' (JobCenter needs 8 MB,"
              + " exec resources get 2 MB; guide 4.1.2.1)");
  static final Rule STACK_TOO_SMALL =
      new Rule("CPL003", Severity.ERROR,
          "'ulimit -s' sets less than 8192 KB",
          "give 'unlimited' or 8192 or more");
  static final Rule STACK_HARD_LIMIT =
      new Rule("CPL004", Severity.WARNING,
          "'ulimit -s N' without -S also lowers the hard limit",
          "write 'ulimit -s unlimited', or 'ulimit -S -s N' so cjcpw and its daemons can still raise it");
  static final Rule OTHER_APPLICATION =
      new Rule("CPL005", Severity.WARNING,
          "the start script starts something besides JobCenter",
          "give every application its own exec resource: the PID monitor watches the start script as a whole"
              + " (guide 4.1.2.1)");
  static final Rule CJCPW_BACKGROUND =
      new Rule("CPL006", Severity.ERROR,
          "cjcpw is put in the background",
          "run cjcpw in the foreground ('exec cjcpw SITE DB'): the PID monitor watches the start script, which"
              + " must live exactly as long as cjcpw");
  static final Rule CJCPW_ARGUMENTS =
      new Rule("CPL007", Severity.ERROR,
          "cjcpw is called without its site name or database path",
          "start with 'cjcpw [-c] SITE DBPATH', stop with 'cjcpw -stop SITE'");
  static final Rule PORTKEEPER_NAME =
      new Rule("CPL008", Severity.ERROR,
          "nqsportkpr is misspelt",
          "the command is /usr/lib/nqs/nqsportkpr, all lower case (the guide's 4.1.3 writes nqSPORTkpr,"
              + " which does not exist)");
  static final Rule PORTKEEPER_ORDER =
      new Rule("CPL009", Severity.ERROR,
          "nqsportkpr runs after cjcpw or names another site",
          "run 'nqsportkpr SITE' before cjcpw, with cjcpw's first argument (guide 3.1.3, 4.1.3)");
  static final Rule SITE_MISMATCH =
      new Rule("CPL010", Severity.ERROR,
          "start and stop scripts name different sites",
          "use the same site name in both scripts of the exec resource");
  static final Rule NO_STOP =
      new Rule("CPL011", Severity.ERROR,
          "the stop script never runs 'cjcpw -stop SITE'",
          "call 'cjcpw -stop SITE' in stop.sh");
  static final Rule STOP_CONDITIONAL =
      new Rule("CPL012", Severity.WARNING,
          "the stop script stops the site only on some paths",
          "call 'cjcpw -stop SITE' unconditionally: daemons left running keep the shared disk busy");
  static final Rule FAILURE_EXITS_ZERO =
      new Rule("CPL013", Severity.ERROR,
          "no failure path of the start script exits non-zero",
          "end the disk-failure and unknown-event branches with 'exit 1', so CLUSTERPRO sees the failure");
  static final Rule STATUS_HIDDEN =
      new Rule("CPL014", Severity.WARNING,
          "the start script exits 0 whatever cjcpw returned",
          "end with 'exec cjcpw SITE DB', or exit with cjcpw's status");

  static final List<Rule> ALL =
      List.of(SYNTAX, NO_STACK_LIMIT, STACK_TOO_SMALL, STACK_HARD_LIMIT, OTHER_APPLICATION, CJCPW_BACKGROUND,
          CJCPW_ARGUMENTS, PORTKEEPER_NAME, PORTKEEPER_ORDER, SITE_MISMATCH, NO_STOP, STOP_CONDITIONAL,
          FAILURE_EXITS_ZERO, STATUS_HIDDEN);

  private CplRules() {}
}
