package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
class MsfcLintTest {
  private static final Path CASES = Path.of("src/test/resources/lint/cases");
  private static final Pattern EXPECT = Pattern.compile("EXPECT(-FILE)?: ([A-Z0-9 ]+)");

  static Stream<Path> cases() throws Exception {
    try (Stream<Path> list = Files.list(CASES)) {
      return list.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyWhatTheCaseExpects(Path caseDir) throws Exception {
    LintReport report = Specs.KIT.lint(List.of(caseDir));
    assertEquals(List.of(), report.skipped(), "every case file is recognised");
    assertEquals(expected(caseDir), actual(report.findings()), "findings of " + caseDir + ": " + report.findings());
  }

  @Test
  void everyRuleHasACase() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (Path c : cases().toList()) {
      covered.addAll(expected(c).stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList());
    }
    Set<String> codes = new TreeSet<>(MsfcRules.ALL.stream().map(Rule::code).toList());
    assertEquals(codes, covered);
  }

  @Test
  void rulesHaveUniqueCodesAndHints() {
    Set<String> seen = new HashSet<>();
    for (Rule r : new MsfcAdapter().rules()) {
      assertTrue(seen.add(r.code()), "code reused: " + r.code());
      assertTrue(r.code().startsWith("MSFC"), r.code());
      assertTrue(!r.hint().isBlank() && !r.summary().isBlank(), r.code());
    }
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
    assertEquals(expected, actual(report.findings()));
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

  private static Set<String> expected(Path caseDir) throws Exception {
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Files.list(caseDir)) {
      for (Path f : files.sorted().toList()) {
        byte[] b = Files.readAllBytes(f);
        boolean utf16 = b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE;
        String text = new String(b, utf16 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8);
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          Matcher m = EXPECT.matcher(lines[i]);
          if (m.find()) {
            for (String code : m.group(2).trim().split(" +")) {
              expected.add(f.getFileName() + ":" + (m.group(1) == null ? i + 1 : 0) + " " + code);
            }
          }
        }
      }
    }
    return expected;
  }

  private static Set<String> actual(List<Finding> findings) {
    Set<String> actual = new TreeSet<>();
    for (Finding f : findings) {
      String file = Path.of(f.location().file()).getFileName().toString();
      actual.add(file + ":" + f.location().line() + " " + f.code());
    }
    return actual;
  }
}
