package dev.clusterkit.adapter.serviceguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Rule;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint rules tested by data: each folder under lint/cases holds package files whose lines carry
 * {@code # EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (for the whole
 * file); the linter must report exactly those, and nothing else may claim the files.
 */
class PackageLintTest {
  private static final Path CASES = Path.of("src/test/resources/lint/cases");
  private static final Pattern EXPECT = Pattern.compile("# EXPECT(-FILE)?: ([A-Z0-9 ]+)");

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
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(caseDir)) {
      for (Path f : list.sorted().toList()) {
        SourceFile file = new SourceFile(f.toString(), Files.readString(f));
        assertTrue(new ServiceguardAdapter().recognizes(file), f + " is a Serviceguard file");
        files.add(file);
      }
    }
    assertEquals(expected(caseDir), actual(report.findings()), "findings of " + caseDir);
    assertEquals(report.findings().size(), new ServiceguardAdapter().lint(files).size(),
        "only this adapter reports on " + caseDir);
  }

  @Test
  void everyRuleHasACase() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (Path c : cases().toList()) {
      covered.addAll(expected(c).stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList());
    }
    Set<String> codes = new TreeSet<>(SgRules.ALL.stream().map(Rule::code).toList());
    assertEquals(codes, covered);
  }

  @Test
  void rulesHaveUniqueCodesAndHints() {
    Set<String> seen = new HashSet<>();
    for (Rule r : new ServiceguardAdapter().rules()) {
      assertTrue(seen.add(r.code()), "code reused: " + r.code());
      assertTrue(r.code().matches("SG0[0-9]{2}"), r.code());
      assertTrue(!r.hint().isBlank() && !r.summary().isBlank(), r.code());
    }
    assertEquals(14, seen.size());
  }

  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    assertEquals(List.of(), report.skipped());
    Set<String> found = actual(report.findings());
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

  private static Set<String> expected(Path caseDir) throws Exception {
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Files.list(caseDir)) {
      for (Path f : files.sorted().toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
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
