package dev.clusterkit.adapter.suncluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.AdapterLintContract;
import dev.clusterkit.testkit.LintCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lint rules tested by data: each folder under lint/cases holds scripts whose lines carry
 * {@code # EXPECT: CODE} (a finding on that line) or {@code # EXPECT-FILE: CODE} (a finding for the
 * whole file); the linter must report exactly those.
 */
class ScriptLintTest extends AdapterLintContract {
  private static final Path GUIDE_DIR = Path.of("src/test/resources/lint/guide");

  ScriptLintTest() {
    super(new SunClusterAdapter(), "SC");
  }

  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(Path.of("src/test/resources/lint/guide")));
    Set<String> found = LintCases.actual(GUIDE_DIR, report.findings());
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

}
