package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * The lint rules for CLUSTERPRO for Windows group scripts (start.bat, stop.bat). Codes are stable:
 * never renumber or reuse one.
 */
final class CpwRules {
  static final Rule SPLIT_ARMLOAD =
      new Rule("CPW001", Severity.ERROR,
          "an ARMLOAD command is split over two lines",
          "write ARMLOAD, its options, the program and every argument on one line, without a ^ continuation;"
              + " cmd runs the second line as a command of its own (the guide's 4.2.2 sample has this mistake"
              + " twice)");
  static final Rule MIXED_VARIABLES =
      new Rule("CPW002", Severity.ERROR,
          "the scripts mix ARMS_* and CLP_* event variables",
          "use one family for both scripts of a group: ARMS_* before Ver 8.0, CLP_* from Ver 8.0 and in"
              + " CLUSTERPRO X (the guide's start.bat reads ARMS_EVENT, its stop.bat CLP_EVENT)");
  static final Rule ARMKILL_CANCEL =
      new Rule("CPW003", Severity.ERROR,
          "ARMKILL /C cancels the watch",
          "pause the watch with 'ARMLOADC ID /W PAUSE', stop the site, then 'ARMKILL ID' without /C; with /C"
              + " CLUSTERPRO keeps Windows resources and, after some failovers, ARMLOAD cannot start cjcpw"
              + " (guide 4.2.1.2)");
  static final Rule STOP_ORDER =
      new Rule("CPW004", Severity.ERROR,
          "the stop sequence is out of order or incomplete",
          "stop with 'ARMLOADC ID /W PAUSE', then 'cjcpw -stop SITE', then 'ARMKILL ID', in that order"
              + " (guide 4.2.1.2): stopping cjcpw under an active /M watch shuts the server down");
  static final Rule DUPLICATE_WATCH_ID =
      new Rule("CPW005", Severity.ERROR,
          "two sites use the same ARMLOAD watch ID",
          "give every site its own watch ID; IDs are unique in the cluster and compared without case"
              + " (guide 4.2.1.1)");
  static final Rule INVALID_WATCH_ID =
      new Rule("CPW006", Severity.ERROR,
          "the watch ID breaks CLUSTERPRO's rules",
          "use " + WatchId.RULE);
  static final Rule MISSING_ACCOUNT =
      new Rule("CPW007", Severity.ERROR,
          "ARMLOAD starts cjcpw without /U",
          "add '/U ACCOUNT' with the JobCenter administrator chosen at install, registered in CLUSTERPRO"
              + " (guide 4.2.1.1)");
  static final Rule BAD_ACCOUNT =
      new Rule("CPW008", Severity.ERROR,
          "the /U account is not an account name",
          "give the JobCenter administrator's user name (the guide's example is Job-Admin); the sample's"
              + " 'JobCenter管理者アカウント' is a placeholder");
  static final Rule LF_ONLY =
      new Rule("CPW009", Severity.ERROR,
          "the batch file has lines ending in LF without CR",
          "save it with CRLF line ends: with LF only, cmd.exe can miss GOTO labels");
  static final Rule NOT_OEM_TEXT =
      new Rule("CPW010", Severity.ERROR,
          "the batch file is UTF-8 or starts with a byte order mark",
          "save it as ASCII, or as CP932 for Japanese text, without a BOM: cmd.exe reads batch files in the"
              + " OEM code page and takes a BOM for part of the first command");
  static final Rule MISSING_LABEL =
      new Rule("CPW011", Severity.ERROR,
          "GOTO or CALL names a label the file does not have",
          "add the label or fix the name; cmd ends the script with an error at such a GOTO");
  static final Rule UNREACHABLE =
      new Rule("CPW012", Severity.WARNING,
          "a label or command that no path reaches",
          "jump to it, remove it, or remove the GOTO or EXIT that cuts it off");
  static final Rule STOP_SKIPPED =
      new Rule("CPW013", Severity.WARNING,
          "the stop script leaves JobCenter running on some path",
          "run ARMLOADC /W PAUSE, cjcpw -stop and ARMKILL on every path, also when the disk check fails: the"
              + " guide's stop.bat jumps past them, leaving cjcpw, its daemons and the watch running");
  static final Rule WAIT_ON_RESIDENT =
      new Rule("CPW014", Severity.ERROR,
          "ARMLOAD /W waits for the resident cjcpw",
          "drop /W: cjcpw SITE DB runs as long as the site, so the start script would never return");
  static final Rule SHUTDOWN_ON_RETURN =
      new Rule("CPW015", Severity.ERROR,
          "ARMLOAD /M watches 'cjcpw -c', which returns at once",
          "drop /M for the unwatched form, or start the resident 'cjcpw SITE DB': with /M the server is shut"
              + " down as soon as the watched program ends (guide 4.2.1.1)");
  static final Rule CJCPW_ARGUMENTS =
      new Rule("CPW016", Severity.ERROR,
          "cjcpw is called without its site name or database path",
          "start with 'cjcpw [-c] SITE DBPATH' and stop with 'cjcpw -stop SITE'");
  static final Rule PAIR_MISMATCH =
      new Rule("CPW017", Severity.ERROR,
          "start.bat and stop.bat of a group name different sites or watch IDs",
          "stop the site and the watch ID that start.bat starts");
  static final Rule NO_STOP =
      new Rule("CPW018", Severity.ERROR,
          "the stop script never runs 'cjcpw -stop SITE'",
          "stop the site between ARMLOADC /W PAUSE and ARMKILL");
  static final Rule COMMAND_CASE =
      new Rule("CPW019", Severity.INFO,
          "an ARM command is not written in upper case",
          "write ARMLOAD, ARMLOADC and ARMKILL in upper case as CLUSTERPRO's reference does (cmd does not"
              + " mind, but searches for them do)");

  static final List<Rule> ALL =
      List.of(SPLIT_ARMLOAD, MIXED_VARIABLES, ARMKILL_CANCEL, STOP_ORDER, DUPLICATE_WATCH_ID, INVALID_WATCH_ID,
          MISSING_ACCOUNT, BAD_ACCOUNT, LF_ONLY, NOT_OEM_TEXT, MISSING_LABEL, UNREACHABLE, STOP_SKIPPED,
          WAIT_ON_RESIDENT, SHUTDOWN_ON_RETURN, CJCPW_ARGUMENTS, PAIR_MISMATCH, NO_STOP, COMMAND_CASE);

  private CpwRules() {}
}
