package dev.clusterkit.adapter.suncluster;

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

/**
 * Lint rules tested by data: each folder under lint/cases holds scripts whose lines carry
 * {@code # EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (a finding for the
 * whole file); the linter must report exactly those.
 */
class ScriptLintTest {
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
    assertEquals(expected(caseDir), actual(report.findings()), "findings of " + caseDir + "\n" + report.findings());
  }

  @Test
  void everyRuleHasACase() throws Exception {
    Set<String> covered = new TreeSet<>();
    for (Path c : cases().toList()) {
      covered.addAll(expected(c).stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList());
    }
    Set<String> codes = new TreeSet<>(ScRules.ALL.stream().map(Rule::code).toList());
    assertEquals(codes, covered);
  }

  @Test
  void rulesHaveUniqueCodesAndHints() {
    Set<String> seen = new HashSet<>();
    for (Rule r : new SunClusterAdapter().rules()) {
      assertTrue(seen.add(r.code()), "code reused: " + r.code());
      assertTrue(r.code().matches("SC[0-9]{3}"), r.code());
      assertTrue(!r.hint().isBlank() && !r.summary().isBlank(), r.code());
    }
  }

  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    Set<String> found = actual(report.findings());
    // B6: ServStatus='pmfadm -q JobService' in both 5.2 methods.
    assertTrue(found.contains("sc22-start.sh:8 SC010"), found.toString());
    assertTrue(found.contains("sc22-stop.sh:8 SC010"), found.toString());
    // B8: pmfadm -s JobService /usr/lib/nqs/cluster/cjcpw -stop $JobSiteName.
    assertTrue(found.contains("sc22-stop.sh:13 SC011"), found.toString());
    // B10: pmfadm -c without -n.
    assertTrue(found.contains("sc22-start.sh:15 SC012"), found.toString());
    // B14: the type names of the 5.1.1 headings.
    assertTrue(found.contains("sc32-following-5.1.sh:6 SC001"), found.toString());
    assertTrue(found.contains("sc32-following-5.1.sh:8 SC001"), found.toString());
    assertTrue(found.contains("sc32-following-5.1.sh:9 SC001"), found.toString());
    assertEquals(7, found.size(), found.toString());
    assertEquals(List.of(), report.skipped());
  }

  @Test
  void guideFindingsSayWhatHappens() throws Exception {
    List<Finding> findings = new SunClusterAdapter().lint(List.of(
        new SourceFile("g/sc22-stop.sh", Files.readString(Path.of("src/test/resources/lint/guide/sc22-stop.sh")))));
    List<String> text = findings.stream().map(Finding::toString).toList();
    assertEquals(List.of(
        "g/sc22-stop.sh:8:1 SC010 error 'ServStatus='pmfadm -q JobService'' stores the text of the pmfadm command in"
            + " ServStatus; pmfadm never runs, and a test like [ $ServStatus -ne 0 ] then fails with a syntax error,"
            + " so the script takes the wrong branch",
        "g/sc22-stop.sh:13:1 SC011 error 'pmfadm -s JobService' is followed by '/usr/lib/nqs/cluster/cjcpw -stop"
            + " sitename.domain', which pmfadm does not run: cjcpw -stop never stops the site"), text);
  }

  @Test
  void variablesAreFollowedIntoTheCommands() {
    SourceFile file = new SourceFile("v/create.sh", """
        #!/bin/sh
        RG=jc-rg
        LH=jc-lh-rs
        HASP=jc-hasp-rs
        clresourcegroup create "$RG"
        clreslogicalhostname create -g "$RG" -h testsite.example.com "$LH"
        clresource create -g "$RG" -t SUNW.HAStoragePlus -p FilesystemMountPoints=/mnt/jobdb "$HASP"
        clresource create -g "${RG}" -t SUNW.gds -p Start_command="/usr/lib/nqs/cluster/cjcpw testsite.example.com /mnt/jobdb" -p Stop_command="/usr/lib/nqs/cluster/cjcpw -stop testsite.example.com" -p Port_list=607/tcp -p Resource_dependencies="$LH" -p Network_resources_used="$LH" jcservice
        """);
    List<String> text = new SunClusterAdapter().lint(List.of(file)).stream().map(Finding::toString).toList();
    assertEquals(List.of("v/create.sh:8:12 SC007 error jcservice does not depend on jc-hasp-rs, so cjcpw may start"
        + " before it is online"), text);
  }

  @ParameterizedTest
  @MethodSource("dev.clusterkit.adapter.suncluster.Specs#goldenNames")
  void renderedScriptsLintClean(String spec) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (Artifact a : Specs.render(spec)) {
      files.add(new SourceFile(a.path(), a.text()));
    }
    LintReport report = Specs.KIT.lintSources(files);
    assertEquals(List.of(), report.findings());
    // create, remove and the two SC 2.2 methods of every site are linted, and core reads the notes
    // (SETTINGS.txt, sc22-hareg.txt) for the cross-file rules.
    assertEquals(Specs.load(spec).sites().size() * 6, report.linted().size(), report.skipped().toString());
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
