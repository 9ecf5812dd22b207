package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedTest {

  @Test
  void errorsAreFindingsOfErrorSeverity() {
    Finding warning = SiteConfParser.BLANKS.at(Location.of("f"), "w");
    Finding error = SiteConfParser.SYNTAX.at(Location.of("f"), "e");
    assertFalse(new Parsed<>("v", List.of(warning)).hasErrors());
    assertTrue(new Parsed<>("v", List.of(warning, error)).hasErrors());
  }

  @Test
  void findingsAreCopied() {
    List<Finding> findings = new ArrayList<>();
    Parsed<String> p = new Parsed<>("v", findings);
    findings.add(SiteConfParser.SYNTAX.at(Location.of("f"), "e"));
    assertEquals(List.of(), p.findings());
    assertThrows(UnsupportedOperationException.class, () -> p.findings().clear());
  }
}
