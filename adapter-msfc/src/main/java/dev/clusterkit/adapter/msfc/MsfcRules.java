package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import java.util.List;

/**
 * The lint rules for Microsoft Failover Clustering files: cluster.exe batch files, PowerShell setup
 * scripts and Generic Script VBScript files. Codes are stable: never renumber or reuse one.
 */
final class MsfcRules {
  static final Rule VBS_UTF8 =
      new Rule("MSFC001", Severity.ERROR,
          "a VBScript file is UTF-8",
          "save it as ASCII (or ANSI) or as UTF-16LE with a byte order mark: the Windows Script Host cannot"
              + " read UTF-8, and a UTF-8 BOM is an invalid character at line 1")
          .documented("the Windows Script Host reads only ANSI or UTF-16: a UTF-8 BOM is an invalid character"
              + " at line 1, and UTF-8 text is misread, so the resource cannot come online",
              "reference vendors-windows section 3 (VBScript), VB4");
  static final Rule PS1_NO_BOM =
      new Rule("MSFC002", Severity.ERROR,
          "a PowerShell script holds non-ASCII characters but no byte order mark",
          "save it as UTF-8 with a BOM: Windows PowerShell 5.1 reads a BOM-less script in the ANSI code page")
          .documented("Windows PowerShell 5.1 reads the script in the ANSI code page, garbles the non-ASCII"
              + " text and may fail to parse it",
              "reference vendors-windows section 3 (PowerShell), MS9");
  static final Rule BATCH_LF =
      new Rule("MSFC003", Severity.ERROR,
          "a batch file has LF-only line ends",
          "save it with CRLF line ends: cmd.exe can miss GOTO labels in LF-only files")
          .documented("cmd.exe can miss GOTO labels in LF-only files and end the script with an error",
              "reference vendors-windows section 3 (cmd.exe .bat)");
  static final Rule SCRIPT_LF =
      new Rule("MSFC004", Severity.WARNING,
          "a PowerShell or VBScript file has LF-only line ends",
          "save it with CRLF line ends, as Windows tools expect")
          .documented("Windows tools expect CRLF; LF-only files are hard to edit there and their behaviour is"
              + " not confirmed",
              "reference vendors-windows section 3");
  static final Rule PROPERTY_VERSION =
      new Rule("MSFC005", Severity.ERROR,
          "a JobCenter resource property does not match the Windows Server release",
          "NEC's resource DLL (Windows Server 2003/2008, guide 6.1.3.5) reads SiteName and SiteDirectory; the"
              + " Generic Script resource (2012 and later, guide 6.2.8) reads SiteName and DBPath")
          .documented("the resource DLL or script reads only its own property names, so the site name or"
              + " database path stays unset and the site does not start",
              "guide 6.1.3.5, 6.2.8; reference vendors-windows M2, MS3");
  static final Rule PENDING_TIMEOUT =
      new Rule("MSFC006", Severity.ERROR,
          "the resource's PendingTimeout is not longer than the site's BOOT_TIMEOUT or STOP_TIMEOUT",
          "raise PendingTimeout (milliseconds) above the larger of BOOT_TIMEOUT and STOP_TIMEOUT (seconds, in"
              + " site.conf; 180 each when unset), or MSFC terminates JobCenter while it is still starting or"
              + " stopping")
          .documented("MSFC terminates JobCenter while it is still starting or stopping within its own"
              + " BOOT_TIMEOUT or STOP_TIMEOUT",
              "guide 2.1.5; reference vendors-windows SC6, MS7");
  static final Rule VBS_ENTRY_POINT =
      new Rule("MSFC007", Severity.ERROR,
          "the Generic Script lacks an entry point JobCenter needs",
          "define LooksAlive and IsAlive (MSFC requires them), Online (starts cjcpw) and Offline (cjcpw -stop)")
          .documented("MSFC requires LooksAlive and IsAlive; without Online or Offline the site is never"
              + " started or stopped",
              "guide 6.2; reference vendors-windows VB1 (scripting entry points)");
  static final Rule VBS_NO_TERMINATE =
      new Rule("MSFC008", Severity.WARNING,
          "the Generic Script has no Terminate",
          "define Terminate to stop the site with cjcpw -stop: MSFC calls it when the resource fails or"
              + " Offline overruns PendingTimeout, and the daemons would keep the disk busy")
          .documented("when the resource fails or Offline overruns PendingTimeout the daemons keep running and"
              + " keep the disk busy",
              "reference vendors-windows Generic Script semantics");
  static final Rule VBS_WAITS_ON_CJCPW =
      new Rule("MSFC009", Severity.ERROR,
          "the Generic Script waits on the resident cjcpw",
          "start 'cjcpw SITE DB' with Run(command, 0, False): cjcpw runs as long as the site does, so waiting"
              + " on it never returns and MSFC terminates the resource after PendingTimeout")
          .documented("Online never returns, and MSFC terminates the resource after PendingTimeout",
              "reference vendors-windows VB2");
  static final Rule SPLIT_COMMAND =
      new Rule("MSFC010", Severity.ERROR,
          "a cluster.exe command is split across lines",
          "write each command on one line (the guide wraps 'cluster restype ... /create' before '/dll:'); cmd.exe"
              + " runs a continuation line as a command of its own")
          .documented("cmd.exe runs the continuation line as a command of its own, so the resource type or"
              + " resource is created without its options",
              "guide 6.1.1; reference vendors-windows M1, bug 9");
  static final Rule SPLIT_PIPELINE =
      new Rule("MSFC011", Severity.ERROR,
          "a PowerShell pipeline is split across lines",
          "write the pipeline on one line, or end the first line with '|' (the guide wraps"
              + " 'Get-ClusterResource' and 'JobCenterCluster | Set-ClusterParameter' without one)")
          .documented("PowerShell runs the two lines as separate commands: the second has no input and the"
              + " parameter is never set",
              "guide 6.2.8; reference vendors-windows MS6, bug 11");
  static final Rule REGSVR32_NO_DLL =
      new Rule("MSFC012", Severity.WARNING,
          "regsvr32 is given the extension DLL without '.dll'",
          "name the file in full: %SystemRoot%\\cluster\\JobCenterClusterEx.dll (the guide leaves the extension out)")
          .documented("whether regsvr32 adds the extension is not confirmed; the extension DLL may not be"
              + " registered, and Failover Cluster Manager lacks the JobCenter pages",
              "guide 6.1.1; reference vendors-windows M5, bug 9");
  static final Rule VBS_STRUCTURE =
      new Rule("MSFC013", Severity.ERROR,
          "a Function or Sub of the Generic Script is not closed, or is closed twice",
          "end every Function with End Function and every Sub with End Sub, and do not nest them")
          .documented("the script does not compile, so MSFC cannot call any entry point and the resource fails",
              "reference vendors-windows VB1");
  static final Rule BATCH_UTF8 =
      new Rule("MSFC014", Severity.ERROR,
          "a batch file is UTF-8",
          "save it as ASCII (or the OEM code page, CP932 in Japan) without a BOM: cmd.exe reads batch files in the"
              + " OEM code page and a BOM breaks the first line")
          .documented("cmd.exe reads batch files in the OEM code page: a BOM breaks the first command and UTF-8"
              + " text is misread",
              "reference vendors-windows section 3 (cmd.exe .bat)");

  static final List<Rule> ALL =
      List.of(VBS_UTF8, PS1_NO_BOM, BATCH_LF, SCRIPT_LF, PROPERTY_VERSION, PENDING_TIMEOUT, VBS_ENTRY_POINT,
          VBS_NO_TERMINATE, VBS_WAITS_ON_CJCPW, SPLIT_COMMAND, SPLIT_PIPELINE, REGSVR32_NO_DLL, VBS_STRUCTURE,
          BATCH_UTF8);

  private MsfcRules() {}
}
