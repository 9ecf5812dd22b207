package dev.clusterkit.adapter.clusterpro.windows;

import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Block;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Chain;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Command;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.If;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Label;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Loop;
import dev.clusterkit.adapter.clusterpro.windows.BatchScript.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The control flow of a batch file as a list of steps with their successors, following cmd's rules:
 * GOTO searches for its label from the next line to the end and then from the top, takes the first
 * match and ignores case; {@code GOTO :EOF} and EXIT end the script; a GOTO to a missing label ends
 * it with an error. Conditions are not evaluated: both sides of every IF are possible.
 */
final class BatchFlow {
  /** What a step does. */
  enum Kind {
    /** Runs a command and goes on. */
    RUN,
    /** A label: goes on. */
    LABEL,
    /** GOTO: goes to a label (or ends the script). */
    GOTO,
    /** IF ... GOTO: goes on, or to a label. */
    IF_GOTO,
    /** The start of an IF's or a chain's optional part: goes on into it, or past it. */
    BRANCH,
    /** Goes to another step (the end of an IF's then-part, past its ELSE). */
    SKIP,
    /** EXIT or GOTO :EOF: ends the script. */
    END
  }

  /**
   * One step.
   *
   * @param command the command run (RUN, GOTO, IF_GOTO, END)
   * @param label the label defined (LABEL) or jumped to (GOTO, IF_GOTO), as written
   * @param target the step BRANCH and SKIP go to
   * @param condition the IF condition as written (IF_GOTO, and BRANCH of an IF), else empty
   */
  record Step(int index, Kind kind, int line, Optional<Command> command, String label, int target, String condition) {}

  private final List<Step> steps;
  private final List<List<Integer>> successors;

  private BatchFlow(List<Step> steps) {
    this.steps = List.copyOf(steps);
    List<List<Integer>> next = new ArrayList<>();
    for (Step step : steps) {
      next.add(successorsOf(step));
    }
    this.successors = List.copyOf(next);
  }

  static BatchFlow of(BatchScript script) {
    Compiler c = new Compiler();
    script.statements().forEach(c::compile);
    return new BatchFlow(c.steps);
  }

  List<Step> steps() {
    return steps;
  }

  /** The index that stands for the end of the script. */
  int end() {
    return steps.size();
  }

  List<Integer> successors(int index) {
    return index >= steps.size() ? List.of() : successors.get(index);
  }

  /** Whether a label exists (case-insensitively), or is :EOF. */
  boolean hasLabel(String label) {
    return isEof(label) || resolveIn(label, -1) < steps.size();
  }

  /** The steps reachable from the first one. */
  boolean[] reachable() {
    boolean[] seen = new boolean[steps.size() + 1];
    Deque<Integer> todo = new ArrayDeque<>(List.of(0));
    seen[0] = true;
    while (!todo.isEmpty()) {
      int i = todo.pop();
      for (int n : successors(i)) {
        if (!seen[n]) {
          seen[n] = true;
          todo.push(n);
        }
      }
    }
    return seen;
  }

  /** The label a GOTO or CALL names, without its colon and anything after it. */
  static String labelName(String word) {
    String w = word.startsWith(":") ? word.substring(1) : word;
    int cut = 0;
    while (cut < w.length() && " \t+:".indexOf(w.charAt(cut)) < 0) {
      cut++;
    }
    return w.substring(0, cut);
  }

  static boolean isEof(String label) {
    return labelName(label).equalsIgnoreCase("eof");
  }

  private List<Integer> successorsOf(Step s) {
    int next = s.index() + 1;
    return switch (s.kind()) {
      case RUN, LABEL -> List.of(next);
      case GOTO -> List.of(resolveIn(s.label(), s.index()));
      case IF_GOTO -> List.of(next, resolveIn(s.label(), s.index()));
      case BRANCH -> List.of(next, s.target());
      case SKIP -> List.of(s.target());
      case END -> List.of(steps.size());
    };
  }

  /** The step a jump to {@code label} from step {@code from} lands on: the end for :EOF or a missing label. */
  int resolveIn(String label, int from) {
    if (isEof(label)) {
      return steps.size();
    }
    String name = labelName(label).toLowerCase(Locale.ROOT);
    int first = -1;
    for (Step s : steps) {
      if (s.kind() == Kind.LABEL && s.label().toLowerCase(Locale.ROOT).equals(name)) {
        if (s.index() > from) {
          return s.index();
        }
        if (first < 0) {
          first = s.index();
        }
      }
    }
    return first < 0 ? steps.size() : first;
  }

  private static final class Compiler {
    final List<Step> steps = new ArrayList<>();

    void compile(Stmt stmt) {
      if (stmt instanceof Label l) {
        add(Kind.LABEL, l.line(), Optional.empty(), l.name());
      } else if (stmt instanceof Command c) {
        command(c);
      } else if (stmt instanceof Block b) {
        b.body().forEach(this::compile);
      } else if (stmt instanceof If i) {
        ifStatement(i);
      } else if (stmt instanceof Loop l) {
        int branch = add(Kind.BRANCH, l.line(), Optional.empty(), "");
        compile(l.body());
        patch(branch);
      } else if (stmt instanceof Chain c) {
        compile(c.left());
        if (c.op() == BatchScript.Op.DEPENDING) {
          int branch = add(Kind.BRANCH, c.right().line(), Optional.empty(), "");
          compile(c.right());
          patch(branch);
        } else {
          compile(c.right());
        }
      }
    }

    private void command(Command c) {
      String name = c.baseName();
      if (name.equals("goto")) {
        String label = c.args().isEmpty() ? "" : c.args().get(0);
        add(Kind.GOTO, c.line(), Optional.of(c), label);
      } else if (name.equals("exit")) {
        add(Kind.END, c.line(), Optional.of(c), "");
      } else if (!c.words().isEmpty()) {
        add(Kind.RUN, c.line(), Optional.of(c), "");
      }
    }

    private void ifStatement(If i) {
      if (i.then() instanceof Command c && c.baseName().equals("goto") && i.otherwise().isEmpty()) {
        add(Kind.IF_GOTO, c.line(), Optional.of(c), c.args().isEmpty() ? "" : c.args().get(0), i.condition());
        return;
      }
      int branch = add(Kind.BRANCH, i.line(), Optional.empty(), "", i.condition());
      compile(i.then());
      if (i.otherwise().isPresent()) {
        int skip = add(Kind.SKIP, i.line(), Optional.empty(), "");
        patch(branch);
        compile(i.otherwise().get());
        patch(skip);
      } else {
        patch(branch);
      }
    }

    private int add(Kind kind, int line, Optional<Command> command, String label) {
      return add(kind, line, command, label, "");
    }

    private int add(Kind kind, int line, Optional<Command> command, String label, String condition) {
      steps.add(new Step(steps.size(), kind, line, command, label, -1, condition));
      return steps.size() - 1;
    }

    /** Points a BRANCH or SKIP at the next step to be added. */
    private void patch(int index) {
      Step s = steps.get(index);
      steps.set(index, new Step(s.index(), s.kind(), s.line(), s.command(), s.label(), steps.size(), s.condition()));
    }
  }
}
