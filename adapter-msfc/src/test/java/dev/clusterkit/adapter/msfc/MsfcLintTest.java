package dev.clusterkit.adapter.msfc;

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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lint rules tested by data: each folder under lint/cases holds files whose lines carry
 * {@code EXPECT: CODE} (a finding on that line) or {@code EXPECT-FILE: CODE} (a finding for the
 * whole file) in a comment; the linter must report exactly those. Folders named clean-* expect
 * nothing. The files' bytes matter (line ends, byte order marks, encodings), so they are compared
 * as stored (.gitattributes keeps git from converting them).
 */
class MsfcLintTest extends AdapterLintContract {
  private static final Path GUIDE_DIR = Path.of("src/test/resources/lint/guide");

  MsfcLintTest() {
    super(new MsfcAdapter(), "MSFC");
  }

  /** The guide's own chapter 6 command samples, typed in as printed (reference §5 items 9 and 11). */
  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    assertEquals(List.of(), report.skipped());
    Set<String> expected = new TreeSet<>(List.of(
        // Item 9: 'cluster restype ... /create' wrapped before /dll: (6.1.1.1 and 6.4.2.8).
        "6.1.1.1-register-type.cmd:3 MSFC010",
        "6.4.2.8-register.cmd:3 MSFC010",
        // Item 9: regsvr32 given JobCenterClusterEx without .dll, every time.
        "6.1.1.2-register-extension.cmd:2 MSFC012",
        "6.1.4-unregister.cmd:1 MSFC012",
        "6.4.1.2-unregister.cmd:2 MSFC012",
        "6.4.1.6-register.cmd:2 MSFC012",
        "6.4.2.5-unregister.cmd:2 MSFC012",
        "6.4.2.8-register.cmd:4 MSFC012",
        // Item 11: each Get-ClusterParameter / Set-ClusterParameter pipeline of 6.2.8 wrapped without '|'.
        "6.2.8-parameters.ps1:2 MSFC011",
        "6.2.8-parameters.ps1:4 MSFC011",
        "6.2.8-parameters.ps1:6 MSFC011"));
    assertEquals(expected, LintCases.actual(GUIDE_DIR, report.findings()));
    // The property names of the guide are right for each release (reference item 10 is a caution).
    assertTrue(report.findings().stream().noneMatch(f -> f.code().equals(MsfcRules.PROPERTY_VERSION.code())));
  }

  @ParameterizedTest
  @MethodSource("dev.clusterkit.adapter.msfc.MsfcGoldenTest#specs")
  void renderedFilesLintClean(String spec) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (Artifact a : Specs.render(spec)) {
      files.add(Specs.source(a));
    }
    LintReport report = Specs.KIT.lintSources(files);
    assertEquals(List.of(), report.findings());
    long scripts = files.stream().filter(f -> f.path().matches(".*\\.(cmd|ps1|vbs)")).count();
    assertEquals(files.size(), report.linted().size() + report.skipped().size());
    assertTrue(report.linted().size() >= scripts, report.skipped().toString());
  }

  @Test
  void aPendingTimeoutIsCheckedAgainstTheSiteConfBesideIt() {
    SourceFile setup = new SourceFile("east/setup.ps1",
        "Add-ClusterResource -Name 'JC' -ResourceType 'Generic Script' -Group 'g'\n"
            + "(Get-ClusterResource -Name 'JC').PendingTimeout = 300000\n");
    SourceFile conf = new SourceFile("east/site.conf", "BOOT_TIMEOUT=200\nSTOP_TIMEOUT=300\nFORCEKILL_TIME=5\n");
    List<Finding> findings = new MsfcAdapter().lint(List.of(setup, conf));
    assertEquals(List.of("east/setup.ps1:2:34 MSFC006 error PendingTimeout 300000 ms is not longer than STOP_TIMEOUT"
        + " 300 s of site.conf beside it"), findings.stream().map(Finding::toString).toList());
    SourceFile elsewhere = new SourceFile("west/site.conf", "BOOT_TIMEOUT=200\nSTOP_TIMEOUT=300\n");
    assertEquals(List.of(), new MsfcAdapter().lint(List.of(setup, elsewhere)), "a site.conf in another folder");
  }

  @Test
  void textWithoutBytesIsCheckedForWhatTheTextShows() {
    SourceFile noBom = new SourceFile("setup.ps1", "# \u30b8\u30e7\u30d6\nGet-ClusterResource\n");
    SourceFile bom = new SourceFile("setup.ps1", "\uFEFF# \u30b8\u30e7\u30d6\nGet-ClusterResource\n");
    assertEquals(List.of("MSFC002"), new MsfcAdapter().lint(List.of(noBom)).stream().map(Finding::code).toList());
    assertEquals(List.of(), new MsfcAdapter().lint(List.of(bom)));
  }

  @Test
  void filesOfOtherProductsAreNotClaimed() {
    MsfcAdapter msfc = new MsfcAdapter();
    assertTrue(!msfc.recognizes(new SourceFile("start.bat",
        "ARMLOAD JOBSTART /U Job-Admin \"C:\\JobCenter\\SV\\bin\\cluster\\cjcpw\" \"testsite\" \"X:\\Jobdb\"\r\n")));
    assertTrue(!msfc.recognizes(new SourceFile("tool.vbs", "WScript.Echo \"hello\"\r\n")));
    assertTrue(!msfc.recognizes(new SourceFile("build.ps1", "Write-Host 'hello'\r\n")));
    assertTrue(msfc.recognizes(new SourceFile("x.cmd", "cluster res \"JC\" /online\r\n")));
  }

}
