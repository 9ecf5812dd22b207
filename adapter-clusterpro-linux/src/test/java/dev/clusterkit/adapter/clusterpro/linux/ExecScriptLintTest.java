package dev.clusterkit.adapter.clusterpro.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.AdapterLintContract;
import dev.clusterkit.testkit.LintCases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint rules tested by data: each folder under lint/cases holds scripts whose lines carry
 * {@code # EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (a finding for the
 * whole file); the linter must report exactly those.
 */
class ExecScriptLintTest extends AdapterLintContract {
  private static final Path GUIDE_DIR = Path.of("src/test/resources/lint/guide");

  ExecScriptLintTest() {
    super(new ClusterproLinuxAdapter(), "CPL");
  }

  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    Set<String> found = LintCases.actual(GUIDE_DIR, report.findings());
    // B1: the empty 'else #NO_CLP' branch in both scripts.
    assertTrue(found.contains("start.sh:19 CPL001"), found.toString());
    assertTrue(found.contains("stop.sh:17 CPL001"), found.toString());
    // B5: ulimit -s 8192 also sets the hard limit.
    assertTrue(found.contains("start.sh:3 CPL004"), found.toString());
    // B2: no failure branch exits non-zero; and exit 0 hides cjcpw's status.
    assertTrue(found.contains("start.sh:10 CPL013"), found.toString());
    assertTrue(found.contains("start.sh:24 CPL014"), found.toString());
    // B3: the stop script stops the site only when CLP_DISK=SUCCESS and the event is known.
    assertTrue(found.contains("stop.sh:8 CPL012"), found.toString());
    assertEquals(6, found.size(), found.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void renderedScriptsLintClean(String spec) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (Artifact a : Specs.render(spec)) {
      files.add(new SourceFile(a.path(), a.text()));
    }
    LintReport report = Specs.KIT.lintSources(files);
    assertEquals(List.of(), report.findings());
    // start.sh and stop.sh of each site, and SETTINGS.txt, which core reads for the cross-file rules.
    assertEquals(Specs.load(spec).sites().size() * 3, report.linted().size(), report.skipped().toString());
  }

  @Test
  void misspeltPortKeeperFromTheGuideIsCaught() {
    SourceFile start = new SourceFile("x/start.sh", """
        #!/bin/sh
        ulimit -s unlimited
        [ "$CLP_DISK" = SUCCESS ] || exit 1
        /usr/lib/nqs/nqSPORTkpr testsite.example.com
        exec /usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb
        """);
    List<Finding> findings = new ClusterproLinuxAdapter().lint(List.of(start));
    assertEquals(List.of("x/start.sh:4:1 CPL008 error '/usr/lib/nqs/nqSPORTkpr' is not nqsportkpr: file names are case-sensitive"),
        findings.stream().map(Finding::toString).toList());
  }

}
