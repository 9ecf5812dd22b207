package dev.clusterkit.adapter.msfc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A light VBScript structure reader: statements without comments (continuation lines joined,
 * {@code :} separators split), the top-level Functions and Subs with their lines, and blocks that
 * are not closed. Enough for the rules on Generic Script files, not a parser.
 */
final class VbsReader {
  private static final Pattern OPEN =
      Pattern.compile("(?i)^(?:(?:Public|Private)\\s+)?(?:Default\\s+)?(Function|Sub)\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern CLOSE = Pattern.compile("(?i)^End\\s+(Function|Sub)\\b");
  private static final Pattern CLASS_OPEN = Pattern.compile("(?i)^Class\\s+\\w+");
  private static final Pattern CLASS_CLOSE = Pattern.compile("(?i)^End\\s+Class\\b");

  /** One statement: its code without comments, and the physical line it starts on. */
  record Statement(String code, int line) {}

  /** A structural problem. */
  record Problem(int line, String message) {}

  private final List<Statement> statements = new ArrayList<>();
  private final Map<String, Integer> procedures = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private VbsReader() {}

  static VbsReader read(List<String> lines) {
    VbsReader r = new VbsReader();
    r.split(lines);
    r.structure();
    return r;
  }

  List<Statement> statements() {
    return statements;
  }

  /** Top-level Functions and Subs by lower-case name, with the line each starts on. */
  Map<String, Integer> procedures() {
    return procedures;
  }

  List<Problem> problems() {
    return problems;
  }

  private void split(List<String> lines) {
    StringBuilder pending = new StringBuilder();
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (pending.isEmpty()) {
        start = i + 1;
      }
      String code = withoutComment(line).stripTrailing();
      if (code.endsWith(" _") || code.equals("_")) {
        pending.append(code, 0, code.length() - 1).append(' ');
        continue;
      }
      pending.append(code);
      for (String part : splitColons(pending.toString())) {
        if (!part.isBlank()) {
          statements.add(new Statement(part.strip(), start));
        }
      }
      pending.setLength(0);
    }
    if (!pending.isEmpty() && !pending.toString().isBlank()) {
      statements.add(new Statement(pending.toString().strip(), start));
    }
  }

  private void structure() {
    String openKind = null;
    int openLine = 0;
    int classDepth = 0;
    for (Statement s : statements) {
      if (CLASS_OPEN.matcher(s.code()).find()) {
        classDepth++;
        continue;
      }
      if (CLASS_CLOSE.matcher(s.code()).find()) {
        classDepth = Math.max(0, classDepth - 1);
        continue;
      }
      Matcher open = OPEN.matcher(s.code());
      if (open.find()) {
        String kind = open.group(1);
        if (openKind != null) {
          problems.add(new Problem(s.line(), kind + " " + open.group(2) + " starts inside the " + openKind
              + " opened on line " + openLine + ", which has no End " + openKind));
        }
        openKind = capitalise(kind);
        openLine = s.line();
        if (classDepth == 0) {
          procedures.putIfAbsent(open.group(2).toLowerCase(Locale.ROOT), s.line());
        }
        continue;
      }
      Matcher close = CLOSE.matcher(s.code());
      if (close.find()) {
        String kind = capitalise(close.group(1));
        if (openKind == null) {
          problems.add(new Problem(s.line(), "End " + kind + " without a " + kind + " to close"));
        } else if (!openKind.equals(kind)) {
          problems.add(new Problem(s.line(), "End " + kind + " closes the " + openKind + " opened on line "
              + openLine));
        }
        openKind = null;
      }
    }
    if (openKind != null) {
      problems.add(new Problem(openLine, "the " + openKind + " opened here has no End " + openKind));
    }
  }

  private static String capitalise(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** The line up to a {@code '} or {@code Rem} comment outside string literals. */
  static String withoutComment(String line) {
    if (line.stripLeading().regionMatches(true, 0, "Rem", 0, 3)
        && (line.strip().length() == 3 || Character.isWhitespace(line.stripLeading().charAt(3)))) {
      return "";
    }
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (c == '\'' && !inString) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static List<String> splitColons(String code) {
    List<String> parts = new ArrayList<>();
    boolean inString = false;
    int from = 0;
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (c == ':' && !inString) {
        parts.add(code.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(code.substring(from));
    return parts;
  }

  /**
   * The arguments of a call, split at top-level commas: {@code text} starts right after the
   * procedure name, with or without an opening parenthesis.
   */
  static List<String> arguments(String text) {
    String s = text.strip();
    boolean parenthesised = s.startsWith("(");
    if (parenthesised) {
      s = s.substring(1);
    }
    List<String> args = new ArrayList<>();
    int depth = 0;
    boolean inString = false;
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
      } else if (!inString && c == ')') {
        if (depth == 0 && parenthesised) {
          break;
        }
        depth--;
      } else if (!inString && c == ',' && depth == 0) {
        args.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    args.add(current.toString().strip());
    return args;
  }
}
