package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.adapter.clusterpro.windows.BatchFlow.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a batch file's control flow without cmd.exe, so that tests can assert it in detail and fast
 * ({@link WineCmdTest} holds it against Wine's cmd):
 * IF string comparisons are evaluated with the given environment, GOTO follows cmd's label search,
 * and every other command is recorded with the arguments its program would receive
 * ({@link CmdModel}). It understands the subset the rendered scripts use.
 */
final class BatchSimulator {
  /** The commands run, each as its program's argument vector, and the exit code. */
  record Run(List<List<String>> calls, int exitCode) {}

  private BatchSimulator() {}

  static Run run(String text, Map<String, String> env) {
    BatchFlow flow = BatchFlow.of(BatchScript.parse(text));
    List<List<String>> calls = new ArrayList<>();
    int i = 0;
    int exit = 0;
    for (int guard = 0; guard < 10_000 && i < flow.end(); guard++) {
      Step s = flow.steps().get(i);
      switch (s.kind()) {
        case RUN -> {
          calls.add(CmdModel.run(String.join(" ", s.command().orElseThrow().raw()), env));
          i++;
        }
        case IF_GOTO -> i = holds(s.condition(), env) ? flow.resolveIn(s.label(), i) : i + 1;
        case BRANCH -> i = s.condition().isEmpty() || holds(s.condition(), env) ? i + 1 : s.target();
        case GOTO -> i = flow.resolveIn(s.label(), i);
        case SKIP -> i = s.target();
        case LABEL -> i++;
        case END -> {
          List<String> args = s.command().orElseThrow().args();
          exit = args.size() >= 2 && args.get(0).equalsIgnoreCase("/B") ? Integer.parseInt(args.get(1)) : 0;
          i = flow.end();
        }
      }
    }
    return new Run(calls, exit);
  }

  /** {@code [/I] [NOT] left == right}, compared as cmd does: the text on both sides, quotes and all. */
  static boolean holds(String condition, Map<String, String> env) {
    String c = CmdModel.expand(condition, env).trim();
    boolean ignoreCase = false;
    boolean not = false;
    while (true) {
      String upper = c.toUpperCase(Locale.ROOT);
      if (upper.startsWith("/I ")) {
        ignoreCase = true;
        c = c.substring(3).trim();
      } else if (upper.startsWith("NOT ")) {
        not = true;
        c = c.substring(4).trim();
      } else {
        break;
      }
    }
    int eq = c.indexOf("==");
    if (eq < 0) {
      throw new IllegalArgumentException("the simulator only evaluates == comparisons: " + condition);
    }
    String left = c.substring(0, eq).trim();
    String right = c.substring(eq + 2).trim();
    boolean equal = ignoreCase ? left.equalsIgnoreCase(right) : left.equals(right);
    return equal != not;
  }
}
