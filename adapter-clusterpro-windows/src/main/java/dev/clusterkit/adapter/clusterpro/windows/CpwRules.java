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
              + " twice)")
          .documented("cmd runs the continuation as a command of its own: ARMLOAD gets no program or cjcpw"
              + " starts without its site and database, and with /M the server is shut down when it exits",
              "guide 4.2.2 sample; reference vendors-windows CP4, bug 2");
  static final Rule MIXED_VARIABLES =
      new Rule("CPW002", Severity.ERROR,
          "the scripts mix ARMS_* and CLP_* event variables",
          "use one family for both scripts of a group: ARMS_* before Ver 8.0, CLP_* from Ver 8.0 and in"
              + " CLUSTERPRO X (the guide's start.bat reads ARMS_EVENT, its stop.bat CLP_EVENT)")
          .documented("the scripts test variables CLUSTERPRO does not set, so every event falls to the 'no"
              + " cluster' branch and the site is neither started nor stopped",
              "guide 4.2.2 sample; reference vendors-windows CP1, bug 1");
  static final Rule ARMKILL_CANCEL =
      new Rule("CPW003", Severity.ERROR,
          "ARMKILL /C cancels the watch",
          "pause the watch with 'ARMLOADC ID /W PAUSE', stop the site, then 'ARMKILL ID' without /C; with /C"
              + " CLUSTERPRO keeps Windows resources and, after some failovers, ARMLOAD cannot start cjcpw"
              + " (guide 4.2.1.2)")
          .documented("CLUSTERPRO keeps the Windows resources of the cancelled watch; after some failovers"
              + " ARMLOAD can no longer start cjcpw",
              "guide 4.2.1.2; reference vendors-windows CP8");
  static final Rule STOP_ORDER =
      new Rule("CPW004", Severity.ERROR,
          "the stop sequence is out of order or incomplete",
          "stop with 'ARMLOADC ID /W PAUSE', then 'cjcpw -stop SITE', then 'ARMKILL ID', in that order"
              + " (guide 4.2.1.2): stopping cjcpw under an active /M watch shuts the server down")
          .documented("stopping cjcpw while its /M watch is active is taken for a failure and shuts the server"
              + " down; ending the watch first leaves the site unwatched while it stops",
              "guide 4.2.1.2; reference vendors-windows CP7");
  static final Rule DUPLICATE_WATCH_ID =
      new Rule("CPW005", Severity.ERROR,
          "two sites use the same ARMLOAD watch ID",
          "give every site its own watch ID; IDs are unique in the cluster and compared without case"
              + " (guide 4.2.1.1)")
          .documented("ARMLOAD refuses a watch ID already in use, so the second site does not start, and"
              + " ARMKILL of one site ends the other's watch",
              "guide 4.2.1.1; reference vendors-windows CP9");
  static final Rule INVALID_WATCH_ID =
      new Rule("CPW006", Severity.ERROR,
          "the watch ID breaks CLUSTERPRO's rules",
          "use " + WatchId.RULE)
          .documented("CLUSTERPRO rejects the ID or takes it for one of its own (NEC_ prefix), so the watch,"
              + " and with it the site, does not start",
              "guide 4.2.1.1; reference vendors-windows CP9");
  static final Rule MISSING_ACCOUNT =
      new Rule("CPW007", Severity.ERROR,
          "ARMLOAD starts cjcpw without /U",
          "add '/U ACCOUNT' with the JobCenter administrator chosen at install, registered in CLUSTERPRO"
              + " (guide 4.2.1.1)")
          .documented("without /U cjcpw runs as CLUSTERPRO's service account instead of the JobCenter"
              + " administrator, and the site cannot start its daemons as it must",
              "guide 4.2.1.1; reference vendors-windows CP10");
  static final Rule BAD_ACCOUNT =
      new Rule("CPW008", Severity.ERROR,
          "the /U account is not an account name",
          "give the JobCenter administrator's user name (the guide's example is Job-Admin); the sample's"
              + " 'JobCenter管理者アカウント' is a placeholder")
          .documented("ARMLOAD cannot log on as a placeholder, so cjcpw never starts",
              "guide 4.2.1.1, 4.2.2 sample; reference vendors-windows CP10, bug 4");
  static final Rule LF_ONLY =
      new Rule("CPW009", Severity.ERROR,
          "the batch file has lines ending in LF without CR",
          "save it with CRLF line ends: with LF only, cmd.exe can miss GOTO labels")
          .documented("cmd.exe reads batch files by byte offset and with LF-only lines can miss a GOTO label,"
              + " ending the script with an error at failover",
              "reference vendors-windows section 3 (cmd.exe .bat)");
  static final Rule NOT_OEM_TEXT =
      new Rule("CPW010", Severity.ERROR,
          "the batch file is UTF-8 or starts with a byte order mark",
          "save it as ASCII, or as CP932 for Japanese text, without a BOM: cmd.exe reads batch files in the"
              + " OEM code page and takes a BOM for part of the first command")
          .documented("cmd.exe reads the file in the OEM code page: a BOM becomes part of the first command and"
              + " UTF-8 text turns into garbage, so the first line fails",
              "reference vendors-windows section 3 (cmd.exe .bat)");
  static final Rule MISSING_LABEL =
      new Rule("CPW011", Severity.ERROR,
          "GOTO or CALL names a label the file does not have",
          "add the label or fix the name; cmd ends the script with an error at such a GOTO")
          .documented("cmd ends the whole script with an error at such a jump, so the site is not started or"
              + " stopped on that path",
              "reference vendors-windows CP3");
  static final Rule UNREACHABLE =
      new Rule("CPW012", Severity.WARNING,
          "a label or command that no path reaches",
          "jump to it, remove it, or remove the GOTO or EXIT that cuts it off")
          .documented("commands nobody reaches were meant to run; often a start or stop step is silently"
              + " skipped",
              "reference vendors-windows CP3, CP15");
  static final Rule STOP_SKIPPED =
      new Rule("CPW013", Severity.WARNING,
          "the stop script leaves JobCenter running on some path",
          "run ARMLOADC /W PAUSE, cjcpw -stop and ARMKILL on every path, also when the disk check fails: the"
              + " guide's stop.bat jumps past them, leaving cjcpw, its daemons and the watch running")
          .documented("on that path cjcpw, its daemons and the watch keep running, the shared disk stays busy"
              + " and the failover cannot release it",
              "guide 4.2.2 sample; reference vendors-windows CP15, bug 6");
  static final Rule WAIT_ON_RESIDENT =
      new Rule("CPW014", Severity.ERROR,
          "ARMLOAD /W waits for the resident cjcpw",
          "drop /W: cjcpw SITE DB runs as long as the site, so the start script would never return")
          .documented("start.bat never returns, so the group never comes up and CLUSTERPRO times the start out",
              "reference vendors-windows CP5");
  static final Rule SHUTDOWN_ON_RETURN =
      new Rule("CPW015", Severity.ERROR,
          "ARMLOAD /M watches 'cjcpw -c', which returns at once",
          "drop /M for the unwatched form, or start the resident 'cjcpw SITE DB': with /M the server is shut"
              + " down as soon as the watched program ends (guide 4.2.1.1)")
          .documented("'cjcpw -c' ends at once, and /M shuts the server down as soon as the watched program"
              + " ends",
              "guide 4.2.1.1; reference vendors-windows CP6, bug 7");
  static final Rule CJCPW_ARGUMENTS =
      new Rule("CPW016", Severity.ERROR,
          "cjcpw is called without its site name or database path",
          "start with 'cjcpw [-c] SITE DBPATH' and stop with 'cjcpw -stop SITE'")
          .documented("cjcpw cannot start or stop a site it is not told about",
              "guide 2.4.7, 4.2.1; reference vendors-windows CP12");
  static final Rule PAIR_MISMATCH =
      new Rule("CPW017", Severity.ERROR,
          "start.bat and stop.bat of a group name different sites or watch IDs",
          "stop the site and the watch ID that start.bat starts")
          .documented("the stop script stops another site or ends another watch, leaving this site running on"
              + " the shared disk",
              "reference vendors-windows CP9, CP11");
  static final Rule NO_STOP =
      new Rule("CPW018", Severity.ERROR,
          "the stop script never runs 'cjcpw -stop SITE'",
          "stop the site between ARMLOADC /W PAUSE and ARMKILL")
          .documented("the daemons outlive the group and keep the shared disk busy, so the failover cannot"
              + " release it",
              "guide 4.2.1.2");
  static final Rule COMMAND_CASE =
      new Rule("CPW019", Severity.INFO,
          "an ARM command is not written in upper case",
          "write ARMLOAD, ARMLOADC and ARMKILL in upper case as CLUSTERPRO's reference does (cmd does not"
              + " mind, but searches for them do)")
          .documented("nothing breaks (command lookup ignores case), but mixed spellings hide ARM commands from"
              + " searches and reviews",
              "guide 4.2.2 sample; reference vendors-windows CP14, bug 3");

  static final List<Rule> ALL =
      List.of(SPLIT_ARMLOAD, MIXED_VARIABLES, ARMKILL_CANCEL, STOP_ORDER, DUPLICATE_WATCH_ID, INVALID_WATCH_ID,
          MISSING_ACCOUNT, BAD_ACCOUNT, LF_ONLY, NOT_OEM_TEXT, MISSING_LABEL, UNREACHABLE, STOP_SKIPPED,
          WAIT_ON_RESIDENT, SHUTDOWN_ON_RETURN, CJCPW_ARGUMENTS, PAIR_MISMATCH, NO_STOP, COMMAND_CASE);

  private CpwRules() {}
}
