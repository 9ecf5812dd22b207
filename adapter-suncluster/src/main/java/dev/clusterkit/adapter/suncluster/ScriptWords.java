package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A script's simple commands with the plain variables it sets ({@code RG=jc-rg}) substituted into
 * later words, so that {@code clresource create -g "$RG"} reads as the group it names. Only
 * assignments of literal text are followed; anything else is left as written.
 */
final class ScriptWords {
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");

  private ScriptWords() {}

  static List<ShellCommand> commands(ShellScript script) {
    Map<String, String> vars = new HashMap<>();
    List<ShellCommand> out = new ArrayList<>();
    for (ShellCommand c : script.commands()) {
      List<String> words = new ArrayList<>();
      for (String w : c.words()) {
        words.add(substitute(w, vars));
      }
      ShellCommand resolved = new ShellCommand(c.line(), c.column(), words, c.background(), c.depth(), c.rawText());
      if (words.size() == 1) {
        Matcher m = ASSIGNMENT.matcher(words.get(0));
        if (m.matches() && !m.group(2).contains("$") && !m.group(2).contains("`")) {
          vars.put(m.group(1), m.group(2));
        }
      }
      out.add(resolved);
    }
    return out;
  }

  private static String substitute(String word, Map<String, String> vars) {
    if (!word.contains("$")) {
      return word;
    }
    Matcher m = REFERENCE.matcher(word);
    StringBuilder s = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = vars.get(name);
      m.appendReplacement(s, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(s);
    return s.toString();
  }

  /**
   * Where {@code needle} is written in a command that may run over several lines joined by
   * backslashes; the command's start when it cannot be found (a substituted variable, say).
   */
  static Location locate(SourceFile file, ShellCommand c, String needle) {
    List<String> lines = file.lines();
    for (int i = c.line() - 1; i >= 0 && i < lines.size(); i++) {
      String line = lines.get(i);
      int at = line.indexOf(needle);
      if (at >= 0) {
        return file.at(i + 1, at + 1);
      }
      if (!line.endsWith("\\")) {
        break;
      }
    }
    return file.at(c.line(), c.column());
  }

  /** The command's file name without its folder. */
  static String baseName(String word) {
    return word.substring(word.lastIndexOf('/') + 1);
  }
}
