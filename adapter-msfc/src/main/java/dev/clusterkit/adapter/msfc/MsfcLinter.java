package dev.clusterkit.adapter.msfc;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.site.SiteConf;
import dev.clusterkit.core.site.SiteConfParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints the files of an MSFC integration: cluster.exe batch files (Windows Server 2003/2008),
 * PowerShell setup scripts and Generic Script VBScript files (2012 and later). site.conf files are
 * read alongside, for the timeout rule, and left to core's own rules.
 */
final class MsfcLinter {
  enum Kind {
    BATCH,
    POWERSHELL,
    VBSCRIPT,
    SITE_CONF
  }

  /** Which JobCenter integration a file belongs to, which decides its property names. */
  enum Flavor {
    RESOURCE_DLL("SiteDirectory", "DBPath", "NEC's resource DLL (Windows Server 2003/2008)"),
    GENERIC_SCRIPT("DBPath", "SiteDirectory", "the Generic Script resource (Windows Server 2012 and later)");

    final String expected;
    final String wrong;
    final String description;

    Flavor(String expected, String wrong, String description) {
      this.expected = expected;
      this.wrong = wrong;
      this.description = description;
    }
  }

  private static final Pattern CLUSTER_EXE = Pattern.compile("(?im)^\\s*@?cluster(\\.exe)?\\s");
  private static final Pattern CLUSTER_CMDLET =
      Pattern.compile("(?i)\\b(Get|Set|Add|Remove|Move|Start|Stop|New|Test|Suspend|Resume)-Cluster\\w*");
  private static final Pattern PENDING = Pattern.compile("(?i)\\bPendingTimeout\\s*=\\s*(\\$\\w+|\\d+)");
  private static final Pattern RESTYPE_CREATE =
      Pattern.compile("(?i)^\\s*@?cluster(\\.exe)?\\s.*\\b(restype|resourcetype)\\b.*\\s/create\\b");
  private static final Pattern RUN_CALL = Pattern.compile("(?i)\\.Run\\b");
  private static final Pattern BARE_WORD_PIPE = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\|");
  private static final Pattern ENDS_WITH_CMDLET = Pattern.compile("\\b[A-Za-z]+-[A-Za-z]+\\s*$");
  private static final Set<String> PS_WORDS = Set.of(
      "if", "else", "elseif", "foreach", "for", "while", "do", "until", "function", "filter", "param", "return",
      "throw", "try", "catch", "finally", "switch", "break", "continue", "exit", "trap", "begin", "process", "end",
      "data", "class", "enum", "using", "cluster", "regsvr32", "ipconfig", "netsh", "net", "sc", "findstr",
      "whoami", "hostname", "nslookup", "ping", "more", "sort", "echo", "dir", "ls", "cat", "type", "gci", "gc");
  private static final List<String> ENTRY_POINTS = List.of("LooksAlive", "IsAlive", "Online", "Offline");

  private MsfcLinter() {}

  static Optional<Kind> kindOf(SourceFile file) {
    String name = file.fileName().toLowerCase(Locale.ROOT);
    String text = file.text();
    String lower = text.toLowerCase(Locale.ROOT);
    if (name.equals("site.conf")) {
      return Optional.of(Kind.SITE_CONF);
    }
    if (name.endsWith(".vbs")) {
      boolean generic = lower.contains("looksalive") || lower.contains("isalive") || lower.contains("resource.")
          || lower.contains("cjcpw");
      return generic ? Optional.of(Kind.VBSCRIPT) : Optional.empty();
    }
    if (name.endsWith(".ps1") || name.endsWith(".psm1")) {
      boolean cluster = CLUSTER_CMDLET.matcher(text).find() || lower.contains("jobcentercluster");
      return cluster ? Optional.of(Kind.POWERSHELL) : Optional.empty();
    }
    if (name.endsWith(".bat") || name.endsWith(".cmd")) {
      boolean cluster = CLUSTER_EXE.matcher(text).find() || lower.contains("jobcentercluster");
      return cluster ? Optional.of(Kind.BATCH) : Optional.empty();
    }
    return Optional.empty();
  }

  static boolean recognizes(SourceFile file) {
    return kindOf(file).isPresent();
  }

  static List<Finding> lint(List<SourceFile> files) {
    Map<String, SiteConf> siteConfs = SiteConfParser.byFolder(files);
    List<Finding> findings = new ArrayList<>();
    for (SourceFile f : files) {
      Kind kind = kindOf(f).orElseThrow();
      Optional<FileBytes> bytes = FileBytes.of(f);
      switch (kind) {
        case BATCH -> {
          bytes.ifPresent(b -> batchBytes(f, b, findings));
          lintBatch(f, findings);
        }
        case POWERSHELL -> {
          powershellBytes(f, bytes, findings);
          lintPowerShell(f, findings);
        }
        case VBSCRIPT -> {
          bytes.ifPresent(b -> vbscriptBytes(f, b, findings));
          lintVbscript(f, findings);
        }
        case SITE_CONF -> {
          // core's SiteFilesLinter reports on site.conf itself.
        }
      }
      if (kind != Kind.SITE_CONF) {
        checkProperties(f, kind, findings);
        checkPendingTimeout(f, kind, siteConfs.get(f.folderKey()), findings);
      }
    }
    return findings;
  }

  // ---------------------------------------------------------------- bytes

  private static void batchBytes(SourceFile f, FileBytes b, List<Finding> findings) {
    if (b.utf8()) {
      findings.add(MsfcRules.BATCH_UTF8.at(f.at(b.utf8Bom() ? 1 : firstNonAsciiLine(f)),
          b.utf8Bom() ? "the file starts with a UTF-8 byte order mark, which cmd.exe reads as part of the first"
              + " command" : "the file holds UTF-8 text, which cmd.exe misreads in the OEM code page"));
    }
    if (b.firstBareLfLine() > 0) {
      findings.add(MsfcRules.BATCH_LF.at(f.at(b.firstBareLfLine()),
          "line " + b.firstBareLfLine() + " ends with LF alone"));
    }
  }

  private static void powershellBytes(SourceFile f, Optional<FileBytes> bytes, List<Finding> findings) {
    boolean bom = bytes.map(FileBytes::anyBom).orElse(f.text().startsWith("\uFEFF"));
    boolean nonAscii = bytes.map(FileBytes::nonAscii)
        .orElse(f.text().chars().anyMatch(c -> c > 0x7F && c != 0xFEFF));
    if (nonAscii && !bom) {
      findings.add(MsfcRules.PS1_NO_BOM.at(f.at(firstNonAsciiLine(f)),
          "non-ASCII text without a byte order mark: Windows PowerShell 5.1 reads it as ANSI"));
    }
    bytes.filter(b -> b.firstBareLfLine() > 0).ifPresent(b -> findings.add(MsfcRules.SCRIPT_LF.at(
        f.at(b.firstBareLfLine()), "line " + b.firstBareLfLine() + " ends with LF alone")));
  }

  private static void vbscriptBytes(SourceFile f, FileBytes b, List<Finding> findings) {
    if (b.utf8()) {
      findings.add(MsfcRules.VBS_UTF8.at(f.at(b.utf8Bom() ? 1 : firstNonAsciiLine(f)),
          b.utf8Bom() ? "the file starts with a UTF-8 byte order mark: the Script Host stops at line 1"
              : "the file holds UTF-8 text, which the Script Host reads as ANSI"));
    }
    if (b.firstBareLfLine() > 0) {
      findings.add(MsfcRules.SCRIPT_LF.at(f.at(b.firstBareLfLine()),
          "line " + b.firstBareLfLine() + " ends with LF alone"));
    }
  }

  private static int firstNonAsciiLine(SourceFile f) {
    List<String> lines = f.lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).chars().anyMatch(c -> c > 0x7F && c != 0xFEFF)) {
        return i + 1;
      }
    }
    return 1;
  }

  // ---------------------------------------------------------------- batch

  private static void lintBatch(SourceFile f, List<Finding> findings) {
    List<String> lines = f.lines();
    int previousCode = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isBatchComment(line)) {
        continue;
      }
      String trimmed = line.strip();
      boolean continued = previousCode > 0 && lines.get(previousCode - 1).stripTrailing().endsWith("^");
      if (trimmed.startsWith("/") && previousCode > 0 && !continued) {
        findings.add(MsfcRules.SPLIT_COMMAND.at(f.at(i + 1, line.indexOf('/') + 1),
            "'" + firstWord(trimmed) + "' starts a line: it belongs to the command on line " + previousCode
                + ", but cmd.exe runs it as a command of its own"));
      } else if (RESTYPE_CREATE.matcher(line).find() && !line.toLowerCase(Locale.ROOT).contains("/dll")
          && !(i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("/")) && !line.stripTrailing().endsWith("^")) {
        findings.add(MsfcRules.SPLIT_COMMAND.at(f.at(i + 1, 1),
            "'cluster restype ... /create' has no /dll: option on its line; the command is cut short"));
      }
      checkRegsvr32(f, i, line, findings);
      if (!trimmed.isEmpty()) {
        previousCode = i + 1;
      }
    }
  }

  private static boolean isBatchComment(String line) {
    String t = line.stripLeading().toLowerCase(Locale.ROOT);
    if (t.startsWith("@")) {
      t = t.substring(1);
    }
    return t.startsWith("::") || t.equals("rem") || t.startsWith("rem ") || t.startsWith("rem\t");
  }

  private static void checkRegsvr32(SourceFile f, int index, String line, List<Finding> findings) {
    if (!line.toLowerCase(Locale.ROOT).contains("regsvr32")) {
      return;
    }
    for (String token : line.split("\\s+")) {
      String t = token.replace("\"", "");
      if (t.toLowerCase(Locale.ROOT).endsWith("jobcenterclusterex")) {
        findings.add(MsfcRules.REGSVR32_NO_DLL.at(f.at(index + 1, line.indexOf(token) + 1),
            "'" + t + "' has no .dll extension; regsvr32 loads the file by the name given"));
      }
    }
  }

  private static String firstWord(String text) {
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  // ---------------------------------------------------------------- PowerShell

  private static void lintPowerShell(SourceFile f, List<Finding> findings) {
    List<String> lines = f.lines();
    boolean inBlockComment = false;
    int previousCode = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (inBlockComment) {
        inBlockComment = !line.contains("#>");
        continue;
      }
      String trimmed = line.strip();
      if (trimmed.startsWith("<#")) {
        inBlockComment = !trimmed.contains("#>");
        continue;
      }
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Matcher bare = BARE_WORD_PIPE.matcher(line);
      if (bare.find() && !PS_WORDS.contains(bare.group(1).toLowerCase(Locale.ROOT)) && previousCode > 0
          && ENDS_WITH_CMDLET.matcher(lines.get(previousCode - 1)).find()) {
        findings.add(MsfcRules.SPLIT_PIPELINE.at(f.at(i + 1, bare.start(1) + 1),
            "'" + bare.group(1) + "' starts a pipeline of its own: it is the argument of the cmdlet that ends line "
                + previousCode + ", and PowerShell runs it as a command"));
      }
      checkRegsvr32(f, i, line, findings);
      previousCode = i + 1;
    }
  }

  // ---------------------------------------------------------------- VBScript

  private static void lintVbscript(SourceFile f, List<Finding> findings) {
    VbsReader vbs = VbsReader.read(f.lines());
    for (VbsReader.Problem p : vbs.problems()) {
      findings.add(MsfcRules.VBS_STRUCTURE.at(f.at(p.line()), p.message()));
    }
    List<String> missing = ENTRY_POINTS.stream()
        .filter(e -> !vbs.procedures().containsKey(e.toLowerCase(Locale.ROOT)))
        .toList();
    if (!missing.isEmpty()) {
      findings.add(MsfcRules.VBS_ENTRY_POINT.at(f.at(0),
          "no " + String.join(", ", missing) + " function" + (missing.size() > 1 ? "s" : "")));
    }
    if (!vbs.procedures().containsKey("terminate")) {
      findings.add(MsfcRules.VBS_NO_TERMINATE.at(f.at(0), "no Terminate function"));
    }
    List<VbsReader.Statement> statements = vbs.statements();
    for (int i = 0; i < statements.size(); i++) {
      VbsReader.Statement s = statements.get(i);
      Matcher run = RUN_CALL.matcher(s.code());
      if (!run.find()) {
        continue;
      }
      List<String> args = VbsReader.arguments(s.code().substring(run.end()));
      if (args.size() < 3 || !waits(args.get(2))) {
        continue;
      }
      String command = resolve(args.get(0), statements.subList(0, i));
      String lower = command.toLowerCase(Locale.ROOT);
      boolean resident = lower.contains("cjcpw") && !lower.contains("-stop") && !lower.matches("(?s).*[\" ]-c[\" ].*");
      if (resident) {
        findings.add(MsfcRules.VBS_WAITS_ON_CJCPW.at(f.at(s.line(), run.start() + 1),
            "Run waits (bWaitOnReturn " + args.get(2) + ") on the resident cjcpw: " + args.get(0)));
      }
    }
  }

  private static boolean waits(String arg) {
    String a = arg.strip();
    return a.equalsIgnoreCase("True") || a.matches("-?[1-9][0-9]*");
  }

  /** An argument with a plain variable or constant replaced by what it was last assigned. */
  private static String resolve(String expression, List<VbsReader.Statement> before) {
    if (!expression.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return expression;
    }
    Pattern assignment = Pattern.compile("(?i)^(?:(?:Public|Private)\\s+)?(?:Const\\s+)?(?:Set\\s+)?"
        + Pattern.quote(expression) + "\\s*=\\s*(.+)$");
    for (int i = before.size() - 1; i >= 0; i--) {
      Matcher m = assignment.matcher(before.get(i).code());
      if (m.find()) {
        return m.group(1);
      }
    }
    return expression;
  }

  // ---------------------------------------------------------------- cross-kind

  static Flavor flavorOf(SourceFile f, Kind kind) {
    if (kind == Kind.VBSCRIPT) {
      return Flavor.GENERIC_SCRIPT;
    }
    String lower = f.text().toLowerCase(Locale.ROOT);
    if (lower.contains("generic script") || lower.contains("scriptfilepath")) {
      return Flavor.GENERIC_SCRIPT;
    }
    if (lower.contains("jobcentercluster.dll") || lower.contains("/type:jobcentercluster")
        || lower.contains("nec jobcenter cluster resource type")) {
      return Flavor.RESOURCE_DLL;
    }
    return kind == Kind.POWERSHELL ? Flavor.GENERIC_SCRIPT : Flavor.RESOURCE_DLL;
  }

  private static void checkProperties(SourceFile f, Kind kind, List<Finding> findings) {
    Flavor flavor = flavorOf(f, kind);
    Pattern wrong = Pattern.compile("(?i)\\b" + flavor.wrong + "\\b");
    List<String> lines = f.lines();
    for (int i = 0; i < lines.size(); i++) {
      String code = codeOf(lines.get(i), kind);
      Matcher m = wrong.matcher(code);
      if (m.find()) {
        findings.add(MsfcRules.PROPERTY_VERSION.at(f.at(i + 1, m.start() + 1),
            "'" + m.group() + "' is not a property of " + flavor.description + ", which reads SiteName and "
                + flavor.expected));
      }
    }
  }

  private static void checkPendingTimeout(SourceFile f, Kind kind, SiteConf beside, List<Finding> findings) {
    SiteConf conf = beside == null ? SiteConf.DEFAULTS : beside;
    String source = beside == null ? "JobCenter's defaults (no site.conf beside this file)" : "site.conf beside it";
    List<String> lines = f.lines();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = PENDING.matcher(codeOf(lines.get(i), kind));
      if (!m.find()) {
        continue;
      }
      Optional<Long> ms = m.group(1).startsWith("$") ? variable(lines, m.group(1)) : parse(m.group(1));
      if (ms.isEmpty()) {
        continue;
      }
      long longest = Math.max(conf.bootTimeout(), conf.stopTimeout());
      if (ms.get() <= longest * 1000L) {
        String which = conf.bootTimeout() >= conf.stopTimeout() ? "BOOT_TIMEOUT" : "STOP_TIMEOUT";
        findings.add(MsfcRules.PENDING_TIMEOUT.at(f.at(i + 1, m.start() + 1),
            "PendingTimeout " + ms.get() + " ms is not longer than " + which + " " + longest + " s of " + source));
      }
    }
  }

  private static Optional<Long> variable(List<String> lines, String name) {
    Pattern assignment = Pattern.compile("^\\s*" + Pattern.quote(name) + "\\s*=\\s*(\\d+)\\s*(#.*)?$",
        Pattern.CASE_INSENSITIVE);
    Optional<Long> value = Optional.empty();
    for (String line : lines) {
      Matcher m = assignment.matcher(line);
      if (m.find()) {
        value = parse(m.group(1));
      }
    }
    return value;
  }

  private static Optional<Long> parse(String digits) {
    try {
      return Optional.of(Long.parseLong(digits));
    } catch (NumberFormatException tooLong) {
      return Optional.empty();
    }
  }

  /** The line without its comment, in the file's language. */
  private static String codeOf(String line, Kind kind) {
    return switch (kind) {
      case BATCH -> isBatchComment(line) ? "" : line;
      case POWERSHELL -> line.strip().startsWith("#") ? "" : line;
      case VBSCRIPT -> VbsReader.withoutComment(line);
      case SITE_CONF -> "";
    };
  }
}
