package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.testkit.LintCases;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Core's rules (site.conf, daemon.conf, specs, deployments) tested by data, as the adapters' are:
 * each folder under lint/cases is linted as a whole, with core's test adapter (*.fake files) on
 * the class path, and must give exactly the findings its EXPECT markers name.
 */
class CoreLintCasesTest {
  private static final Path CASES = Path.of("src/test/resources/lint/cases");

  static Stream<Path> cases() throws Exception {
    return LintCases.cases(CASES).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyWhatTheCaseExpects(Path caseDir) throws Exception {
    LintReport report = ClusterKit.create().lint(List.of(caseDir));
    assertEquals(List.of(), report.skipped(), "every case file is recognised");
    assertEquals(LintCases.expected(caseDir), LintCases.actual(caseDir, report.findings()),
        "findings of " + caseDir + ": " + report.findings());
  }

  @Test
  void everyCoreRuleHasACaseAndEveryCaseIsNamedAfterACodeItExpects() throws Exception {
    Set<String> codes = new TreeSet<>(RuleCatalogue.coreRules().stream().map(Rule::code).toList());
    assertEquals(codes, LintCases.covered(CASES));
    for (Path c : LintCases.cases(CASES)) {
      String code = c.getFileName().toString().split("-")[0];
      assertTrue(codes.contains(code), c + " is not named after a core code");
      assertTrue(LintCases.expected(c).stream().anyMatch(e -> e.endsWith(" " + code)), c + " does not expect " + code);
    }
  }
}
