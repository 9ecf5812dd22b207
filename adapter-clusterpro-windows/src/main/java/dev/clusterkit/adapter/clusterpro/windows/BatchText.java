package dev.clusterkit.adapter.clusterpro.windows;

import java.util.regex.Pattern;

/**
 * Puts values into cmd.exe batch lines so that each reaches its command unchanged, or refuses the
 * value with a message naming it.
 *
 * <p>cmd expands {@code %...%} before it looks at quotes, so a literal {@code %} is written {@code %%}
 * everywhere. Inside double quotes {@code & | < > ^ ( )} are literal; a double quote itself cannot be
 * written inside a quoted argument in a way every program reads back, so it is refused. The program
 * then splits its command line with the C runtime's rules, in which backslashes matter only before a
 * double quote: a value ending in a backslash would swallow the closing quote, so it is refused
 * too. {@code !} is refused because a machine with delayed expansion switched on in the registry
 * would eat it. Control characters (line breaks above all) cannot be part of one command line.
 */
final class BatchText {
  /** cmd.exe's longest command line. */
  static final int MAX_LINE = 8191;

  /** Characters a bare (unquoted) word may hold: none of them is special to cmd or the C runtime. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.:@\\\\/+-]+");

  private BatchText() {}

  /** {@code "value"} with {@code %} doubled. */
  static String quoted(String value, String what) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        throw refuse(what, value, "a double quote cannot be passed inside a quoted batch argument");
      }
      if (c == '!') {
        throw refuse(what, value, "'!' is eaten by cmd.exe where delayed expansion is enabled");
      }
      if (Character.isISOControl(c)) {
        throw refuse(what, value, "control characters (line breaks, tabs) cannot be part of one command line");
      }
    }
    if (value.endsWith("\\")) {
      throw refuse(what, value, "a trailing backslash would escape the closing quote for the program");
    }
    return "\"" + value.replace("%", "%%") + "\"";
  }

  /** A word written without quotes: an option value, a watch ID, an account. */
  static String word(String value, String what) {
    if (!WORD.matcher(value).matches()) {
      throw refuse(what, value, "it must be one word of letters, digits and _ . : @ \\ / + -");
    }
    return value;
  }

  /** Text for a {@code rem} line: cmd expands {@code %} even there. */
  static String comment(String value, String what) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw refuse(what, value, "control characters (line breaks, tabs) cannot be part of a comment line");
      }
    }
    return value.replace("%", "%%");
  }

  /** One command line of words already made safe, checked against cmd's line length. */
  static String line(String what, String... parts) {
    String line = String.join(" ", parts);
    if (line.length() > MAX_LINE) {
      throw new IllegalArgumentException(
          what + " would be " + line.length() + " characters long; cmd.exe reads at most " + MAX_LINE
              + " characters per line: shorten the install directory or database path");
    }
    return line;
  }

  private static IllegalArgumentException refuse(String what, String value, String why) {
    return new IllegalArgumentException(what + " '" + printable(value) + "' cannot be written into a batch file: " + why);
  }

  private static String printable(String value) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      s.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return s.toString();
  }
}
