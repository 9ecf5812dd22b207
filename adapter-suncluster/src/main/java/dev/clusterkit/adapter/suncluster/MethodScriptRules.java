package dev.clusterkit.adapter.suncluster;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules for scripts that drive PMF with pmfadm: Sun Cluster 2.2 methods and their like. */
final class MethodScriptRules {
  /** {@code X='pmfadm ...'} or {@code X="pmfadm ..."}: the command text is stored, never run (B6). */
  private static final Pattern QUOTED =
      Pattern.compile("(?:^|[\\s;])([A-Za-z_][A-Za-z0-9_]*)=(['\"])\\s*(?:\\S*/)?pmfadm\\b");
  /** {@code `pmfadm -q ...`} or {@code $(pmfadm -q ...)}: the output is taken, not the status (B7). */
  private static final Pattern SUBSTITUTED = Pattern.compile("(`|\\$\\()\\s*(?:\\S*/)?pmfadm\\s+-q\\b");
  private static final Pattern SIGNAL = Pattern.compile("(SIG)?[A-Z][A-Z0-9+-]*|[0-9]{1,2}");

  private MethodScriptRules() {}

  static void lint(SourceFile file, List<ShellCommand> commands, List<Finding> out) {
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher q = QUOTED.matcher(line);
      if (q.find()) {
        out.add(ScRules.QUOTED_COMMAND.at(file.at(i + 1, q.start(1) + 1),
            "'" + line.strip() + "' stores the text of the pmfadm command in " + q.group(1)
                + "; pmfadm never runs, and a test like [ $" + q.group(1) + " -ne 0 ] then fails with a syntax"
                + " error, so the script takes the wrong branch"));
        continue;
      }
      Matcher s = SUBSTITUTED.matcher(line);
      if (s.find()) {
        out.add(ScRules.QUOTED_COMMAND.at(file.at(i + 1, s.start() + 1),
            "'" + line.strip() + "' captures what pmfadm -q prints, but it answers through its exit status"));
      }
    }
    for (ShellCommand c : commands) {
      List<String> words = c.words();
      int at = -1;
      for (int i = 0; i < words.size(); i++) {
        if (ScriptWords.baseName(words.get(i)).equals("pmfadm")) {
          at = i;
          break;
        }
      }
      if (at < 0 || at + 1 >= words.size()) {
        continue;
      }
      List<String> args = words.subList(at + 1, words.size());
      String mode = args.get(0);
      if (mode.equals("-s") || mode.equals("-k")) {
        stopArguments(file, c, mode, args.subList(1, args.size()), out);
      } else if (mode.equals("-c") && !args.contains("-n")) {
        out.add(ScRules.PMFADM_NO_RETRIES.at(ScriptWords.locate(file, c, "pmfadm"),
            "'pmfadm -c' without -n: PMF will not restart the command (0 retries by default), and nothing here"
                + " fails the logical host over when it exits"));
      }
    }
  }

  /** {@code pmfadm -s|-k nametag [-w timeout] [signal]}: anything more is a mistake (B8). */
  private static void stopArguments(SourceFile file, ShellCommand c, String mode, List<String> rest, List<Finding> out) {
    if (rest.isEmpty()) {
      return;
    }
    int i = 1;
    if (i + 1 < rest.size() && rest.get(i).equals("-w")) {
      i += 2;
    }
    if (i < rest.size() && SIGNAL.matcher(rest.get(i)).matches()) {
      i++;
    }
    if (i < rest.size()) {
      List<String> extra = rest.subList(i, rest.size());
      boolean stopsSite = extra.stream().anyMatch(w -> ScriptWords.baseName(w).equals("cjcpw"));
      out.add(ScRules.PMFADM_STOP_WITH_COMMAND.at(ScriptWords.locate(file, c, "pmfadm"),
          "'pmfadm " + mode + " " + rest.get(0) + "' is followed by '" + String.join(" ", extra) + "', which pmfadm"
              + " does not run" + (stopsSite ? ": cjcpw -stop never stops the site" : "")));
    }
  }
}
