package dev.clusterkit.adapter.msfc;

import java.util.ArrayList;
import java.util.List;

/**
 * Independent models of how Windows reads the literals we write, used to prove that a value
 * reaches its command intact: cmd.exe's percent phase and quote-aware tokenising (SS64 / SO 4094699
 * "How does the Windows Command Interpreter parse scripts"), the Microsoft C runtime's argument
 * splitting (quotes and backslashes, as CommandLineToArgvW), PowerShell's single-quoted strings
 * (about_Quoting_Rules) and VBScript string literals.
 */
final class WindowsReaders {
  private WindowsReaders() {}

  /** A batch line after phase 1: {@code %%} becomes {@code %}; any other {@code %} is refused. */
  static String cmdPercentPhase(String line) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '%') {
        if (i + 1 >= line.length() || line.charAt(i + 1) != '%') {
          throw new AssertionError("a lone % would start a variable expansion in: " + line);
        }
        i++;
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * The command part of a batch line after phase 2: the text before the first operator ({@code &},
   * {@code |}, {@code <}, {@code >}) outside quotes. A caret outside quotes is refused (it would
   * escape the next character), and so is an operator other than a trailing {@code || exit /b 1}.
   */
  static String cmdCommand(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '^') {
        throw new AssertionError("a caret outside quotes in: " + line);
      } else if (!quoted && "&|<>".indexOf(c) >= 0) {
        String rest = line.substring(i);
        if (!rest.equals("|| exit /b 1")) {
          throw new AssertionError("an operator outside quotes before '" + rest + "' in: " + line);
        }
        return line.substring(0, i).stripTrailing();
      }
    }
    if (quoted) {
      throw new AssertionError("an unclosed quote in: " + line);
    }
    return line;
  }

  /** How a program built with the Microsoft C runtime splits its command line into arguments. */
  static List<String> argv(String commandLine) {
    List<String> args = new ArrayList<>();
    StringBuilder arg = new StringBuilder();
    boolean quoted = false;
    boolean inArg = false;
    int i = 0;
    while (i < commandLine.length()) {
      char c = commandLine.charAt(i);
      if (c == '\\') {
        int n = 0;
        while (i < commandLine.length() && commandLine.charAt(i) == '\\') {
          n++;
          i++;
        }
        if (i < commandLine.length() && commandLine.charAt(i) == '"') {
          arg.append("\\".repeat(n / 2));
          if (n % 2 == 1) {
            arg.append('"');
            i++;
          }
        } else {
          arg.append("\\".repeat(n));
        }
        inArg = true;
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
        inArg = true;
      } else if ((c == ' ' || c == '\t') && !quoted) {
        if (inArg) {
          args.add(arg.toString());
          arg.setLength(0);
          inArg = false;
        }
      } else {
        arg.append(c);
        inArg = true;
      }
      i++;
    }
    if (inArg) {
      args.add(arg.toString());
    }
    return args;
  }

  /**
   * The value of a PowerShell single-quoted string starting at {@code from} (the opening quote),
   * and where it ends: any of ' U+2018-U+201B closes it unless the next character is one too.
   */
  static Literal powershellSingleQuoted(String text, int from) {
    if (!Quoting.isPowerShellSingleQuote(text.charAt(from))) {
      throw new AssertionError("no single-quoted string at " + from + " in: " + text);
    }
    StringBuilder value = new StringBuilder();
    for (int i = from + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Quoting.isPowerShellSingleQuote(c)) {
        if (i + 1 < text.length() && Quoting.isPowerShellSingleQuote(text.charAt(i + 1))) {
          value.append(text.charAt(i + 1));
          i++;
          continue;
        }
        return new Literal(value.toString(), i + 1);
      }
      value.append(c);
    }
    throw new AssertionError("an unclosed single-quoted string in: " + text);
  }

  /** The value of a VBScript string literal starting at {@code from}, and where it ends. */
  static Literal vbscriptString(String text, int from) {
    if (text.charAt(from) != '"') {
      throw new AssertionError("no string literal at " + from + " in: " + text);
    }
    StringBuilder value = new StringBuilder();
    for (int i = from + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
          value.append('"');
          i++;
          continue;
        }
        return new Literal(value.toString(), i + 1);
      }
      value.append(c);
    }
    throw new AssertionError("an unclosed string literal in: " + text);
  }

  /** A literal's value and the index just after its closing quote. */
  record Literal(String value, int end) {}
}
