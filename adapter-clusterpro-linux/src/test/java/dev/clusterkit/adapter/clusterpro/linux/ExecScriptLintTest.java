package dev.clusterkit.adapter.clusterpro.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Rule;
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
 * Lint rules tested by data: each folder under lint/cases holds scripts whose lines carry
 * {@code # EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (a finding for the
 * whole file); the linter must report exactly those.
 */
class ExecScriptLintTest {
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
    assertEquals(expected(caseDir), actual(report.findings()), "findings of " + caseDir);
  }

  @Test
  void everyRuleHasACase() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (Path c : cases().toList()) {
      covered.addAll(expected(c).stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList());
    }
    Set<String> codes = new TreeSet<>(CplRules.ALL.stream().map(Rule::code).toList());
    assertEquals(codes, covered);
  }

  @Test
  void rulesHaveUniqueCodesAndHints() {
    Set<String> seen = new HashSet<>();
    for (Rule r : new ClusterproLinuxAdapter().rules()) {
      assertTrue(seen.add(r.code()), "code reused: " + r.code());
      assertTrue(r.code().startsWith("CPL"), r.code());
      assertTrue(!r.hint().isBlank() && !r.summary().isBlank(), r.code());
    }
  }

  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    Set<String> found = actual(report.findings());
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
