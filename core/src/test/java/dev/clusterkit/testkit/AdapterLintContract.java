package dev.clusterkit.testkit;

import dev.clusterkit.core.spi.ClusterAdapter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every adapter's linter must satisfy, run by its lint test extending this class: each case
 * folder under {@code src/test/resources/lint/cases} gets exactly the findings its markers expect
 * (see {@link LintCases}), every rule has a case, and the rule registry is well formed.
 */
public abstract class AdapterLintContract {
  private final ClusterAdapter adapter;
  private final String codePrefix;

  /** For {@code adapter}, whose rule codes start with {@code codePrefix}. */
  protected AdapterLintContract(ClusterAdapter adapter, String codePrefix) {
    this.adapter = adapter;
    this.codePrefix = codePrefix;
  }

  static List<Path> cases() {
    return LintCases.caseDirs(LintCases.CASES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.clusterkit.testkit.AdapterLintContract#cases")
  void reportsExactlyWhatTheCaseExpects(Path caseDir) {
    LintCases.assertCase(TestSpecs.KIT, caseDir);
  }

  @Test
  void everyRuleHasACase() {
    LintCases.assertEveryRuleHasACase(LintCases.CASES, adapter.rules());
  }

  @Test
  void rulesHaveUniqueCodesHintsReasonsAndSources() {
    LintCases.assertRegistryEntries(adapter.rules(), codePrefix);
  }
}
