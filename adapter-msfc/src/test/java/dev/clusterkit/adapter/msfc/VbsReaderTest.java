package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VbsReaderTest {

  @Test
  void joinsContinuationsSplitsColonsAndDropsComments() {
    VbsReader r = VbsReader.read(List.of(
        "x = \"it's ' not a comment\" ' but this is",
        "y = 1 : z = \"a:b\"",
        "Shell.Run cmd, _",
        "    0, True",
        "Rem all of this"));
    assertEquals(List.of(
            new VbsReader.Statement("x = \"it's ' not a comment\"", 1),
            new VbsReader.Statement("y = 1", 2),
            new VbsReader.Statement("z = \"a:b\"", 2),
            new VbsReader.Statement("Shell.Run cmd,      0, True", 3)),
        r.statements());
  }

  @Test
  void procedureMethodsInsideClassesAreNotEntryPoints() {
    VbsReader r = VbsReader.read(List.of(
        "Class Helper", "Function IsAlive()", "End Function", "End Class",
        "Public Function LooksAlive()", "End Function", "Sub Log(m)", "End Sub"));
    assertEquals(Map.of("looksalive", 5, "log", 7), r.procedures());
    assertEquals(List.of(), r.problems());
  }

  @Test
  void reportsUnclosedAndMismatchedBlocks() {
    VbsReader r = VbsReader.read(List.of("Function A()", "Function B()", "End Function", "End Sub"));
    assertEquals(List.of(
            new VbsReader.Problem(2, "Function B starts inside the Function opened on line 1, which has no End Function"),
            new VbsReader.Problem(4, "End Sub without a Sub to close")),
        r.problems());
  }

  @Test
  void splitsCallArgumentsAtTopLevelCommas() {
    assertEquals(List.of("Quote(a, b) & \",\"", "0", "True"),
        VbsReader.arguments("(Quote(a, b) & \",\", 0, True) ' rest"));
    assertEquals(List.of("cmd", "0", "False"), VbsReader.arguments(" cmd, 0, False"));
  }
}
