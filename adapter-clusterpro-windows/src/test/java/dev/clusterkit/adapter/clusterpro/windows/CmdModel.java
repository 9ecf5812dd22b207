package dev.clusterkit.adapter.clusterpro.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model of how one line of a batch file reaches a program, for tests: cmd's percent expansion
 * (phase 1), its special characters, quotes and carets (phase 2), then the C runtime's split of the
 * command line into arguments (Microsoft's "Parsing C command-line arguments"). It covers one simple
 * command; a line that would be cut by an unquoted {@code & | < >} is reported as such.
 */
final class CmdModel {
  private CmdModel() {}

  /** Phase 1 in a batch file: {@code %%} gives {@code %}, {@code %NAME%} its value or nothing. */
  static String expand(String line, Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < line.length() && line.charAt(i + 1) == '%') {
        out.append('%');
        i += 2;
        continue;
      }
      if (i + 1 < line.length() && (Character.isDigit(line.charAt(i + 1)) || line.charAt(i + 1) == '*')) {
        i += 2; // a batch argument; none are given
        continue;
      }
      int close = line.indexOf('%', i + 1);
      if (close < 0) {
        i++; // a lone % is dropped
        continue;
      }
      String name = line.substring(i + 1, close);
      out.append(env.getOrDefault(name.toUpperCase(java.util.Locale.ROOT), ""));
      i = close + 1;
    }
    return out.toString();
  }

  /** A line cut or redirected by an unquoted special character. */
  static final class Cut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cut(String message) {
      super(message);
    }
  }

  /** Phase 2 for a simple command: the command line the program gets (carets outside quotes removed). */
  static String commandLine(String expanded) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < expanded.length(); i++) {
      char c = expanded.charAt(i);
      if (c == '"') {
        quoted = !quoted;
        out.append(c);
      } else if (quoted) {
        out.append(c);
      } else if (c == '^') {
        if (i + 1 < expanded.length()) {
          out.append(expanded.charAt(++i));
        }
      } else if ("&|<>".indexOf(c) >= 0) {
        throw new Cut("unquoted '" + c + "' at " + i + " in: " + expanded);
      } else if (c == '\n' || c == '\r') {
        throw new Cut("line break at " + i);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The C runtime's split of a command line into arguments. */
  static List<String> argv(String commandLine) {
    List<String> args = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inArg = false;
    boolean quoted = false;
    int i = 0;
    while (i < commandLine.length()) {
      char c = commandLine.charAt(i);
      if (!quoted && (c == ' ' || c == '\t')) {
        if (inArg) {
          args.add(cur.toString());
          cur.setLength(0);
          inArg = false;
        }
        i++;
        continue;
      }
      inArg = true;
      if (c == '\\') {
        int n = 0;
        while (i < commandLine.length() && commandLine.charAt(i) == '\\') {
          n++;
          i++;
        }
        if (i < commandLine.length() && commandLine.charAt(i) == '"') {
          cur.append("\\".repeat(n / 2));
          if (n % 2 == 1) {
            cur.append('"');
            i++;
          }
        } else {
          cur.append("\\".repeat(n));
        }
        continue;
      }
      if (c == '"') {
        if (quoted && i + 1 < commandLine.length() && commandLine.charAt(i + 1) == '"') {
          cur.append('"');
          i += 2;
          continue;
        }
        quoted = !quoted;
        i++;
        continue;
      }
      cur.append(c);
      i++;
    }
    if (inArg) {
      args.add(cur.toString());
    }
    return args;
  }

  /** A whole line, as the program it runs receives its arguments. */
  static List<String> run(String line, Map<String, String> env) {
    return argv(commandLine(expand(line, env)));
  }
}
