package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;
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
 * Lint rules tested by data: each folder under lint/cases holds package files whose lines carry
 * {@code # EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (for the whole
 * file); the linter must report exactly those, and nothing else may claim the files.
 */
class PackageLintTest extends AdapterLintContract {
  private static final Path GUIDE_DIR = Path.of("src/test/resources/lint/guide");

  PackageLintTest() {
    super(new ServiceguardAdapter(), "SG");
  }

  @Test
  void aPacemakerOcfAgentRunningCjcpwIsNotAServiceguardScript() {
    SourceFile agent = new SourceFile("jobcenter-site", """
        #!/bin/sh
        site=${OCF_RESKEY_site_name:-}
        case $1 in
        start) setsid /usr/lib/nqs/cluster/cjcpw "$site" /mnt/jobdb </dev/null >/dev/null 2>&1 & ;;
        stop) /usr/lib/nqs/cluster/cjcpw -stop "$site" ;;
        validate-all) exit 0 ;;
        esac
        """);
    assertTrue(!new ServiceguardAdapter().recognizes(agent));
    SourceFile external = new SourceFile("x_ext.sh", agent.text().replace("${OCF_RESKEY_site_name:-}", "testsite.example.com"));
    assertTrue(new ServiceguardAdapter().recognizes(external), "the same script without OCF variables still is");
  }

  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    assertEquals(List.of(), report.skipped());
    Set<String> found = LintCases.actual(GUIDE_DIR, report.findings());
    // B11: the example's service is 'jobservice', the table's 'jcservice'.
    assertTrue(found.contains("jobcenter.cntl:4 SG005"), found.toString());
    // B13: the service variant (3.1.1) stops the site nowhere.
    assertTrue(found.contains("jobcenter.cntl:5 SG013"), found.toString());
    // B12: the ':' lines after cjcpw -c, cjcpw -stop (3.1.2) and nqsportkpr (3.1.3) hide failures.
    assertTrue(found.contains("run-halt-3.1.2.cntl:4 SG007"), found.toString());
    assertTrue(found.contains("run-halt-3.1.2.cntl:11 SG007"), found.toString());
    assertTrue(found.contains("nqsportkpr-3.1.3.cntl:4 SG007"), found.toString());
    assertEquals(5, found.size(), found.toString());
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
    // Everything is read: package files, external script, fragments, and SETTINGS.txt (by core, for
    // the cross-file rules).
    assertEquals(Specs.load(spec).sites().size() * 5, report.linted().size(), report.skipped().toString());
  }

  @Test
  void budgetFindingsAreWarningsAndRangeFindingsErrors() {
    SourceFile conf = new SourceFile("p.conf", """
        package_name                jc_a
        external_script             /etc/cmcluster/jc_a/ext.sh
        service_name                svc_a
        service_cmd                 "/usr/lib/nqs/cluster/cjcpw a.example.com /db/a"
        service_halt_timeout        60
        service_name                svc_b
        service_cmd                 "/usr/lib/nqs/cluster/cjcpw b.example.com /db/b"
        service_halt_timeout        5000
        """);
    List<Finding> findings = new ServiceguardAdapter().lint(List.of(conf));
    assertEquals(List.of("p.conf:5:1 SG009 warning", "p.conf:8:1 SG009 error"),
        findings.stream().map(f -> f.location() + " " + f.code() + " " + f.severity().label()).toList());
    assertEquals(Severity.WARNING, findings.get(0).severity());
  }

}
