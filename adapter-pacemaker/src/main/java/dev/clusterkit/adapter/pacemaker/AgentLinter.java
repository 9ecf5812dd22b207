package dev.clusterkit.adapter.pacemaker;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.lint.shell.ShellCommand;
import dev.clusterkit.core.lint.shell.ShellScript;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules on an OCF resource agent that runs a JobCenter site. */
final class AgentLinter {
  private static final Set<String> WRAPPERS = Set.of("exec", "nohup", "setsid", "nice", "command");

  private AgentLinter() {}

  static boolean recognizes(SourceFile file) {
    String t = file.text();
    boolean shell = file.fileName().endsWith(".sh") || ShellScript.shebang(file).contains("sh");
    boolean ocf = t.contains("OCF_RESKEY") || t.contains("OCF_ROOT") || t.contains("ocf-shellfuncs") || t.contains("OCF_SUCCESS");
    return shell && ocf && t.contains("cjcpw");
  }

  static void lint(SourceFile file, List<Finding> out) {
    ShellScript script = ShellScript.parse(file);
    for (ShellScript.Problem p : script.problems()) {
      out.add(PcmkRules.SYNTAX.at(file.at(p.line(), p.column()), p.message()));
    }
    Map<String, String> variables = new HashMap<>();
    boolean stops = false;
    for (ShellCommand c : script.commands()) {
      if (c.words().size() == 1 && c.name().matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
        int eq = c.name().indexOf('=');
        variables.put(c.name().substring(0, eq), c.name().substring(eq + 1));
        continue;
      }
      List<String> words = c.words();
      int at = 0;
      while (at < words.size() - 1 && WRAPPERS.contains(words.get(at))) {
        at++;
      }
      if (words.isEmpty() || !isCjcpw(resolve(words.get(at), variables))) {
        continue;
      }
      List<String> args = words.subList(at + 1, words.size());
      Location where = file.at(c.line(), c.column());
      if (args.contains("-stop")) {
        stops = true;
      } else if (args.contains("-c")) {
        out.add(PcmkRules.UNWATCHED.at(where,
            "'" + c.rawText() + "' starts the daemons unwatched; the agent needs the watched 'cjcpw SITE DBPATH'"));
      } else if (args.stream().anyMatch(a -> !a.startsWith("-") && !a.startsWith("<") && !a.startsWith(">") && !a.matches("[0-9]>.*"))
          && !c.background()) {
        out.add(PcmkRules.NOT_DETACHED.at(where,
            "'" + c.rawText() + "' runs the watched cjcpw in the foreground: the start action would last as long as the site"));
      }
    }
    if (!stops) {
      out.add(PcmkRules.NO_STOP.at(Location.of(file.path()),
          "nothing in this agent runs 'cjcpw -stop SITE', so stop cannot stop the site in order"));
    }
  }

  /** A command word with a {@code $NAME} or {@code ${NAME}} assigned earlier replaced by its value. */
  private static String resolve(String word, Map<String, String> variables) {
    if (word.startsWith("$")) {
      String name = word.substring(1).replace("{", "").replace("}", "");
      return variables.getOrDefault(name, word);
    }
    return word;
  }

  private static boolean isCjcpw(String word) {
    return word.equals("cjcpw") || word.endsWith("/cjcpw");
  }
}
