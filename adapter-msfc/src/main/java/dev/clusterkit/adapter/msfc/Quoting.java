package dev.clusterkit.adapter.msfc;

/**
 * Writes a value as a literal of the language that reads it, so that it reaches the command
 * intact, or refuses it naming the field and the rule. Each method returns the literal with its
 * quotes.
 */
final class Quoting {
  private Quoting() {}

  /**
   * A cmd.exe argument in double quotes. Inside quotes {@code & | < > ^} and spaces are literal;
   * {@code %} is expanded before quotes are looked at, so it is doubled; {@code !} is literal
   * because the scripts disable delayed expansion. A double quote cannot be escaped inside a
   * quoted argument, and a trailing backslash would escape the closing quote for the program's
   * argument parser, so both are refused, as is anything outside printable ASCII (the files are
   * ASCII).
   */
  static String cmd(String field, String value) {
    requirePrintableAscii(field, value, "a cmd.exe command");
    if (value.indexOf('"') >= 0) {
      throw new IllegalArgumentException(
          field + " '" + value + "' holds a double quote, which cmd.exe cannot pass inside a quoted argument");
    }
    if (value.endsWith("\\")) {
      throw new IllegalArgumentException(
          field + " '" + value + "' ends with a backslash, which would escape the closing quote");
    }
    return "\"" + value.replace("%", "%%") + "\"";
  }

  /**
   * A PowerShell single-quoted string: verbatim, with each quote doubled (about_Quoting_Rules).
   * PowerShell also takes the typographic quotes U+2018-U+201B as single quotes, so those are
   * doubled the same way.
   */
  static String powershell(String field, String value) {
    requireNoControl(field, value);
    StringBuilder s = new StringBuilder("'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isPowerShellSingleQuote(c)) {
        s.append(c);
      }
      s.append(c);
    }
    return s.append('\'').toString();
  }

  static boolean isPowerShellSingleQuote(char c) {
    return c == '\'' || (c >= '\u2018' && c <= '\u201B');
  }

  /** A VBScript string literal: {@code "} doubled; ASCII only, as the file is. */
  static String vbscript(String field, String value) {
    requirePrintableAscii(field, value, "the VBScript file");
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** Text safe in a {@code rem} line: anything but letters, digits and {@code . _ -} becomes '_'. */
  static String remText(String value) {
    return value.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static void requirePrintableAscii(String field, String value, String where) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalArgumentException(
            field + " '" + value + "' holds " + describe(c) + " at position " + (i + 1)
                + "; " + where + " is ASCII text: use printable ASCII characters only");
      }
    }
  }

  private static void requireNoControl(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            field + " '" + value + "' holds " + describe(c) + " at position " + (i + 1)
                + "; control characters cannot be written in a script");
      }
    }
  }

  private static String describe(char c) {
    return String.format(java.util.Locale.ROOT, "the character U+%04X", (int) c);
  }
}
