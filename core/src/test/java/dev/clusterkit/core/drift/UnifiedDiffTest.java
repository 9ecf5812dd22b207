package dev.clusterkit.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unified diff is what GNU diff prints, hunk for hunk, and patch applies it. */
class UnifiedDiffTest {
  @TempDir Path tmp;

  private String gnuDiff(List<String> a, List<String> b) throws Exception {
    Path fa = Files.write(tmp.resolve("a"), a);
    Path fb = Files.write(tmp.resolve("b"), b);
    Process p = new ProcessBuilder("diff", "-u", "--label", "old", "--label", "new", fa.toString(), fb.toString())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return out;
  }

  @Test
  void equalListsGiveNoDiff() {
    assertEquals("", UnifiedDiff.diff("old", List.of("a", "b"), "new", List.of("a", "b")));
    assertEquals("", UnifiedDiff.diff("old", List.of(), "new", List.of()));
  }

  @Test
  void edgeCasesMatchGnuDiff() throws Exception {
    List<List<List<String>>> cases = List.of(
        List.of(List.of(), List.of("x", "y")),
        List.of(List.of("x", "y"), List.of()),
        List.of(List.of("a", "b", "c"), List.of("z", "a", "b", "c")),
        List.of(List.of("a", "b", "c"), List.of("a", "b", "c", "z")),
        List.of(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"),
            List.of("1", "2", "x", "4", "5", "6", "7", "8", "9", "10", "11", "12", "y", "14", "15")),
        List.of(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of("1", "2", "x", "4", "5", "6", "y", "8", "9")));
    for (List<List<String>> c : cases) {
      assertEquals(gnuDiff(c.get(0), c.get(1)), UnifiedDiff.diff("old", c.get(0), "new", c.get(1)), c.toString());
    }
  }

  @Test
  void randomEditsAreShortestAndPatchApplies() throws Exception {
    Random random = new Random(42);
    for (int round = 0; round < 40; round++) {
      List<String> a = new ArrayList<>();
      for (int i = 0; i < random.nextInt(30); i++) {
        a.add("line " + random.nextInt(8));
      }
      List<String> b = new ArrayList<>(a);
      for (int e = 0; e < random.nextInt(6); e++) {
        int op = random.nextInt(3);
        if (op == 0 || b.isEmpty()) {
          b.add(b.isEmpty() ? 0 : random.nextInt(b.size() + 1), "new " + random.nextInt(5));
        } else if (op == 1) {
          b.remove(random.nextInt(b.size()));
        } else {
          b.set(random.nextInt(b.size()), "changed " + random.nextInt(5));
        }
      }
      String ours = UnifiedDiff.diff("old", a, "new", b);
      // Same number of changed lines as GNU diff (both find a shortest edit script).
      assertEquals(count(gnuDiff(a, b)), count(ours), a + " -> " + b);
      if (ours.isEmpty()) {
        continue;
      }
      Path target = Files.write(tmp.resolve("t"), a);
      Path patch = Files.writeString(tmp.resolve("p"), ours);
      Process p = new ProcessBuilder("patch", "-s", target.toString(), patch.toString()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out + "\n" + ours);
      assertEquals(b, Files.readAllLines(target), ours);
    }
  }

  private static long count(String diff) {
    return diff.lines().filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
        .count();
  }
}
