package dev.clusterkit.core.drift;

import java.util.ArrayList;
import java.util.List;

/** A line diff (Myers' O((N+M)D) algorithm) printed in unified format with three lines of context. */
public final class UnifiedDiff {
  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** One line of the edit script: kept, removed from the old side, or added on the new side. */
  enum Op {
    KEEP,
    DELETE,
    INSERT
  }

  record Edit(Op op, String line, int oldLine, int newLine) {}

  /** The unified diff of two line lists; empty when they are equal. */
  public static String diff(String oldName, List<String> oldLines, String newName, List<String> newLines) {
    List<Edit> script = edits(oldLines, newLines);
    if (script.stream().allMatch(e -> e.op() == Op.KEEP)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(oldName).append('\n');
    out.append("+++ ").append(newName).append('\n');
    int i = 0;
    while (i < script.size()) {
      if (script.get(i).op() == Op.KEEP) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      // Extend the hunk while the next change is within twice the context.
      while (true) {
        int next = end;
        while (next < script.size() && script.get(next).op() != Op.KEEP) {
          next++;
        }
        int keep = next;
        while (keep < script.size() && script.get(keep).op() == Op.KEEP && keep - next < 2 * CONTEXT + 1) {
          keep++;
        }
        if (keep < script.size() && script.get(keep).op() != Op.KEEP) {
          end = keep;
          continue;
        }
        end = Math.min(script.size(), next + CONTEXT);
        break;
      }
      hunk(script.subList(start, end), out);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(List<Edit> edits, StringBuilder out) {
    int oldStart = -1;
    int newStart = -1;
    int oldCount = 0;
    int newCount = 0;
    for (Edit e : edits) {
      if (e.op() != Op.INSERT) {
        oldCount++;
        if (oldStart < 0) {
          oldStart = e.oldLine();
        }
      }
      if (e.op() != Op.DELETE) {
        newCount++;
        if (newStart < 0) {
          newStart = e.newLine();
        }
      }
    }
    // An empty side is written as the line it follows, with count 0 (GNU diff's convention); an
    // insertion or deletion records exactly that line number on its empty side.
    out.append("@@ -").append(range(oldStart < 0 ? edits.get(0).oldLine() : oldStart, oldCount))
        .append(" +").append(range(newStart < 0 ? edits.get(0).newLine() : newStart, newCount)).append(" @@\n");
    for (Edit e : edits) {
      out.append(switch (e.op()) {
        case KEEP -> ' ';
        case DELETE -> '-';
        case INSERT -> '+';
      }).append(e.line()).append('\n');
    }
  }

  private static String range(int start, int count) {
    if (count == 0) {
      return start + ",0";
    }
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  /** The shortest edit script from {@code a} to {@code b}; line numbers are 1-based. */
  static List<Edit> edits(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    int offset = max + 1;
    int[] v = new int[2 * max + 3];
    List<int[]> trace = new ArrayList<>();
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x;
        if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
          x = v[offset + k + 1];
        } else {
          x = v[offset + k - 1] + 1;
        }
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[offset + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    List<Edit> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] vd = trace.get(d);
      int k = x - y;
      int prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
      int prevX = vd[offset + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        reversed.add(new Edit(Op.KEEP, a.get(x - 1), x, y));
        x--;
        y--;
      }
      if (x == prevX) {
        reversed.add(new Edit(Op.INSERT, b.get(y - 1), x, y));
        y--;
      } else {
        reversed.add(new Edit(Op.DELETE, a.get(x - 1), x, y));
        x--;
      }
    }
    while (x > 0 && y > 0) {
      reversed.add(new Edit(Op.KEEP, a.get(x - 1), x, y));
      x--;
      y--;
    }
    List<Edit> edits = new ArrayList<>(reversed.size());
    for (int i = reversed.size() - 1; i >= 0; i--) {
      edits.add(reversed.get(i));
    }
    return edits;
  }
}
