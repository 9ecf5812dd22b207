package dev.clusterkit.adapter.pacemaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.AdapterLintContract;
import dev.clusterkit.testkit.LintCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint rules tested by data: each folder under lint/cases holds files whose lines carry {@code #
 * EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (for the whole file); the
 * linter must report exactly those. Folders named clean-* expect nothing.
 */
class PacemakerLintTest extends AdapterLintContract {
  PacemakerLintTest() {
    super(new PacemakerAdapter(), "PCMK");
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void renderedFilesLintClean(String spec) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (Artifact a : Specs.render(spec)) {
      files.add(new SourceFile(a.path(), a.text()));
    }
    LintReport report = Specs.KIT.lintSources(files);
    assertEquals(List.of(), report.findings());
    assertEquals(4, report.linted().size(), "agent, configuration, CIB and INSTALL.txt; skipped: " + report.skipped());
  }

  @Test
  void findingsNameTheResourceTheValueAndWhereTheSitesTimingCameFrom() throws Exception {
    List<Finding> findings = Specs.KIT.lint(List.of(LintCases.CASES.resolve("PCMK001-cib-site-conf"))).findings();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("src/test/resources/lint/cases/PCMK001-cib-site-conf/cib.xml:18 PCMK001 error site resource 'jc-site':"
        + " the start timeout, 240 s, is not above the site's BOOT_TIMEOUT of 300 s (site.conf beside this file)",
        findings.get(0).toString());
    List<Finding> anything = Specs.KIT.lint(List.of(LintCases.CASES.resolve("anything-agent"))).findings();
    assertTrue(anything.stream().anyMatch(f -> f.message().equals(
        "site resource 'jobcenter': the start timeout, Pacemaker's default of 20 s (neither the op nor op_defaults"
            + " gives one), is not above the site's BOOT_TIMEOUT of 180 s (JobCenter's default)")), anything.toString());
  }

  @ParameterizedTest
  @CsvSource({"240, 240000", "240s, 240000", "4min, 240000", "4m, 240000", "PT4M, 240000", "PT1H2M3S, 3723000",
      "500ms, 500", "1h, 3600000", "2 sec, 2000"})
  void durationsAreReadAsPacemakerReadsThem(String text, long millis) {
    assertEquals(Optional.of(millis), Durations.millis(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "4 minutes", "-5s", "PT", "forever", "99999999999999s"})
  void nonDurationsAreRefused(String text) {
    assertEquals(Optional.empty(), Durations.millis(text));
  }

}
