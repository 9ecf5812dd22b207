package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {
  private static final Rule ERR = new Rule("CPL001", Severity.ERROR, "summary", "fix it");
  private static final Rule WARN = new Rule("CPL002", Severity.WARNING, "summary", "look at it");

  @Test
  void ruleMakesFindingsWithItsCodeSeverityAndHint() {
    Finding f = ERR.at(Location.at("start.sh", 4, 2), "ulimit -s is missing");
    assertEquals("CPL001", f.code());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals("fix it", f.hint());
    assertEquals("start.sh:4:2 CPL001 error ulimit -s is missing", f.toString());
  }

  @Test
  void rulesNeedStableCodeShapes() {
    for (String good : new String[] {"CP001", "SCF001", "DCF009", "ABCDE123"}) {
      assertEquals(good, new Rule(good, Severity.INFO, "s", "h").code());
    }
    for (String bad : new String[] {"cpl001", "C001", "CPL01", "CPL0001", "ABCDEF001", "CPL-001"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new Rule(bad, Severity.INFO, "s", "h"));
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void orderIsPositionThenSeverityThenCode() {
    Finding w = WARN.at(Location.at("a", 1, 1), "w");
    Finding e = ERR.at(Location.at("a", 1, 1), "e");
    Finding later = ERR.at(Location.at("a", 2, 1), "l");
    Finding otherFile = ERR.at(Location.at("b", 1, 1), "o");
    List<Finding> l = new ArrayList<>(List.of(otherFile, later, w, e));
    l.sort(null);
    assertEquals(List.of(e, w, later, otherFile), l);
  }

  @Test
  void severities() {
    assertTrue(Severity.ERROR.atLeast(Severity.WARNING));
    assertTrue(Severity.WARNING.atLeast(Severity.WARNING));
    assertFalse(Severity.INFO.atLeast(Severity.WARNING));
    assertEquals("warning", Severity.WARNING.label());
  }

  @Test
  void reportSortsFindingsAndAnswersThresholds() {
    Finding w = WARN.at(Location.at("b", 1, 1), "w");
    Finding e = ERR.at(Location.at("a", 1, 1), "e");
    LintReport r = new LintReport(List.of(w, e), List.of("a", "b"), List.of());
    assertEquals(List.of(e, w), r.findings());
    assertTrue(r.hasAtLeast(Severity.ERROR));
    LintReport warningsOnly = new LintReport(List.of(w), List.of("b"), List.of());
    assertFalse(warningsOnly.hasAtLeast(Severity.ERROR));
    assertTrue(warningsOnly.hasAtLeast(Severity.WARNING));
  }
}
