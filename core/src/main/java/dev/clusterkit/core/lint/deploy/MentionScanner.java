package dev.clusterkit.core.lint.deploy;

import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.deploy.SiteMention.Fact;
import dev.clusterkit.core.lint.deploy.SiteMention.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a file says about its site without knowing the cluster product: JobCenter's own
 * {@code cjcpw} command lines (guide 2.3.7: {@code cjcpw [-c] SITE DBPATH}, {@code cjcpw -stop
 * SITE}), in whatever language quotes them, and the identity clusterkit writes into what it
 * generates (the header {@code SITE (machine ID N, database PATH)} and the Site table of
 * SETTINGS.txt). Only literal values count: a {@code $VAR} or {@code %VAR%} is not a site name.
 */
public final class MentionScanner {
  private static final Pattern HEADER =
      Pattern.compile("([A-Za-z0-9][A-Za-z0-9.-]*)\\s+\\(machine ID ([0-9]{1,10}), database (.+)\\)\\.?\\s*$");
  private static final Pattern TABLE =
      Pattern.compile("^  (name|machine ID|database|relocatable IP) {2,}(\\S.*?)\\s*$");
  /** A remark after a value, "(file system /dev/vg/lv on /shared)"; not "(east)" inside a path. */
  private static final Pattern REMARK = Pattern.compile("\\s+\\([a-z][^()]* [^()]*\\)$");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
  private static final Pattern ASSIGNMENT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_\\[\\]]*=");
  /** Commands whose arguments are text for people, not commands. */
  private static final Set<String> MESSAGES =
      Set.of("echo", "@echo", "print", "printf", "logger", "log", "clplogcmd", "armbcast", "write-host",
          "write-output", "write-verbose", "write-warning", "write-error", "wscript.echo", "msgbox");
  /** Only the first lines hold clusterkit's header. */
  private static final int HEADER_LINES = 20;

  private MentionScanner() {}

  public static List<SiteMention> scan(SourceFile file) {
    List<SiteMention> found = new ArrayList<>();
    List<String> lines = file.lines();
    for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
      Matcher m = HEADER.matcher(lines.get(i));
      if (m.find()) {
        int line = i + 1;
        found.add(new SiteMention(file.at(line, m.start(1) + 1), Fact.SITE, m.group(1), Role.NOTE));
        found.add(new SiteMention(file.at(line, m.start(2) + 1), Fact.MACHINE_ID, m.group(2), Role.NOTE));
        found.add(new SiteMention(file.at(line, m.start(3) + 1), Fact.DATABASE, m.group(3).strip(), Role.NOTE));
        break;
      }
    }
    String name = file.fileName();
    if (name.equals("SETTINGS.txt")) {
      table(file, lines, found);
    } else if (!name.endsWith(".txt") && !name.endsWith(".md")) {
      // Notes for people quote command lines loosely ("cjcpw -stop may take..."): only scripts count.
      commands(file, lines, found);
    }
    return found;
  }

  /** The "Site" block of a SETTINGS.txt: two-space indented, label, two or more spaces, value. */
  private static void table(SourceFile file, List<String> lines, List<SiteMention> found) {
    boolean inSite = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.equals("Site")) {
        inSite = true;
        continue;
      }
      if (!inSite) {
        continue;
      }
      if (line.isBlank()) {
        break;
      }
      Matcher m = TABLE.matcher(line);
      if (m.find()) {
        Fact fact = switch (m.group(1)) {
          case "name" -> Fact.SITE;
          case "machine ID" -> Fact.MACHINE_ID;
          case "database" -> Fact.DATABASE;
          default -> Fact.ADDRESS;
        };
        String value = fact == Fact.DATABASE ? REMARK.matcher(m.group(2)).replaceFirst("") : m.group(2);
        found.add(new SiteMention(file.at(i + 1, m.start(2) + 1), fact, value, Role.NOTE));
      }
    }
  }

  private static void commands(SourceFile file, List<String> lines, List<SiteMention> found) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.toLowerCase(Locale.ROOT).contains("cjcpw") || isComment(line)) {
        continue;
      }
      List<Word> words = words(line);
      if (words.isEmpty() || MESSAGES.contains(words.get(0).text().toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (int w = 0; w < words.size(); w++) {
        Word word = words.get(w);
        if (isCjcpw(word.text())) {
          arguments(file, i + 1, words.subList(w + 1, words.size()), found);
          break;
        }
        // A whole command line in one quoted word: service_cmd "/usr/lib/nqs/cluster/cjcpw SITE DB",
        // Start_command="...". Only an absolute path counts here, so that a message such as
        // "cjcpw -stop SITE failed" is not taken for a command.
        String text = word.text();
        Matcher assignment = ASSIGNMENT.matcher(text);
        String command = assignment.find() ? text.substring(assignment.end()) : text;
        String[] parts = command.strip().split("\\s+");
        if (parts.length > 1 && isAbsolute(parts[0]) && isCjcpw(parts[0])) {
          List<Word> inner = new ArrayList<>();
          int offset = word.column() + text.indexOf(command);
          for (int p = 1; p < parts.length; p++) {
            int at = command.indexOf(parts[p]);
            inner.add(new Word(parts[p], offset + Math.max(at, 0)));
          }
          arguments(file, i + 1, inner, found);
          break;
        }
      }
    }
  }

  private static void arguments(SourceFile file, int line, List<Word> args, List<SiteMention> found) {
    boolean stop = false;
    int i = 0;
    while (i < args.size() && args.get(i).text().startsWith("-")) {
      stop |= args.get(i).text().equalsIgnoreCase("-stop");
      i++;
    }
    if (i >= args.size() || !literal(args.get(i).text()) || !HOST.matcher(args.get(i).text()).matches()) {
      return;
    }
    Word site = args.get(i);
    Role role = stop ? Role.STOP : Role.START;
    found.add(new SiteMention(file.at(line, site.column()), Fact.SITE, site.text(), role));
    if (!stop && i + 1 < args.size() && literal(args.get(i + 1).text())) {
      Word db = args.get(i + 1);
      found.add(new SiteMention(file.at(line, db.column()), Fact.DATABASE, db.text(), role));
    }
  }

  private static boolean literal(String value) {
    return !value.isEmpty() && value.chars().noneMatch(c -> c == '$' || c == '%' || c == '&' || c == '`' || c == '"'
        || c == '\'' || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']');
  }

  private static boolean isComment(String line) {
    String s = line.stripLeading().toLowerCase(Locale.ROOT);
    return s.startsWith("#") || s.startsWith("'") || s.startsWith("::") || s.equals("rem") || s.startsWith("rem ")
        || s.startsWith("@rem ") || s.startsWith("//");
  }

  private static boolean isAbsolute(String path) {
    return path.startsWith("/") || path.matches("(?i)[a-z]:\\\\.*") || path.startsWith("%") || path.startsWith("\\\\");
  }

  private static boolean isCjcpw(String word) {
    String base = word.substring(Math.max(word.lastIndexOf('/'), word.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
    return base.equals("cjcpw") || base.equals("cjcpw.exe");
  }

  /** A word with its quotes removed and the 1-based column where it starts. */
  record Word(String text, int column) {}

  /**
   * Splits a line into shell- and cmd-like words: quotes group, adjacent parts join; an unquoted
   * {@code ; | & #} (the last at a word's start) ends the command.
   */
  static List<Word> words(String line) {
    List<Word> words = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = -1;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"' || c == '\'') {
        int end = line.indexOf(c, i + 1);
        if (end < 0) {
          end = line.length();
        }
        if (start < 0) {
          start = i;
        }
        current.append(line, i + 1, end);
        i = end + 1;
        continue;
      }
      if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&' || (c == '#' && start < 0)) {
        if (start >= 0) {
          words.add(new Word(current.toString(), start + 1));
          current.setLength(0);
          start = -1;
        }
        if (!Character.isWhitespace(c)) {
          break;
        }
        i++;
        continue;
      }
      if (start < 0) {
        start = i;
      }
      current.append(c);
      i++;
    }
    if (start >= 0) {
      words.add(new Word(current.toString(), start + 1));
    }
    return words;
  }
}
