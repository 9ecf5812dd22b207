package dev.clusterkit.core.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalEditsTest {
  @Test
  void markedLinesAndTheMarkersAreLeftOutInEachFilesCommentSyntax() {
    LocalEdits.Result sh = LocalEdits.strip("start.sh", List.of("a", "  # clusterkit:local-begin (TZ)", "export TZ=x",
        "# clusterkit:local-end", "b"));
    assertEquals(List.of("a", "b"), sh.kept().orElseThrow().lines());
    assertEquals(List.of(1, 5), sh.kept().orElseThrow().numbers());
    assertEquals(List.of("x"), LocalEdits.strip("stop.BAT", List.of("REM clusterkit:local-begin\r", "SET A=1\r",
        ":: clusterkit:local-end", "x")).kept().orElseThrow().lines());
    assertEquals(List.of("x"), LocalEdits.strip("s.vbs", List.of("' clusterkit:local-begin", "y = 1",
        "' clusterkit:local-end", "x")).kept().orElseThrow().lines());
  }

  @Test
  void anotherKindsCommentIsNoMarker() {
    // In a batch file '#' is no comment, so this is an ordinary (drifting) line.
    assertEquals(List.of("# clusterkit:local-begin", "x"),
        LocalEdits.strip("a.bat", List.of("# clusterkit:local-begin", "x")).kept().orElseThrow().lines());
  }

  @Test
  void misplacedMarkersAreReportedWithTheirLine() {
    assertEquals(Optional.of(new LocalEdits.Problem(2, "clusterkit:local-end without a clusterkit:local-begin before it")),
        LocalEdits.strip("a.sh", List.of("x", "# clusterkit:local-end")).problem());
    assertEquals(Optional.of(new LocalEdits.Problem(3, "clusterkit:local-begin inside the block opened on line 1; blocks do not nest")),
        LocalEdits.strip("a.sh", List.of("# clusterkit:local-begin", "x", "# clusterkit:local-begin")).problem());
    assertEquals(Optional.of(new LocalEdits.Problem(1, "clusterkit:local-begin is never closed with clusterkit:local-end")),
        LocalEdits.strip("a.sh", List.of("# clusterkit:local-begin", "x")).problem());
  }
}
