package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.LintReport;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.testkit.AdapterLintContract;
import dev.clusterkit.testkit.LintCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint rules tested by data: each folder under lint/cases holds batch files (read from disk, as
 * users lint them, so line ends and code pages are the files' own). A line {@code rem EXPECT-NEXT:
 * CODE} expects a finding on the next line, {@code rem EXPECT-HERE: CODE} on its own line, and
 * {@code rem EXPECT-FILE: CODE} one for the whole file; the linter must report exactly those.
 */
class ArmScriptLintTest extends AdapterLintContract {
  private static final Path GUIDE = Path.of("src/test/resources/lint/guide");

  ArmScriptLintTest() {
    super(new ClusterproWindowsAdapter(), "CPW");
  }

  /**
   * The guide's 4.2.2 samples, reproduced as CP932 with CRLF as they would be saved on Japanese
   * Windows, yield the mistakes vendors-windows.md lists in its section 5.
   */
  @Test
  void theGuidesSamplesYieldTheKnownMistakes() throws Exception {
    LintReport report = Specs.KIT.lint(List.of(GUIDE));
    assertEquals(List.of(), report.skipped());
    Set<String> found = LintCases.actual(GUIDE, report.findings());
    Set<String> expected = new TreeSet<>(List.of(
        // 2: ARMLOAD split after the account (NORMAL) and after the program (FAILOVER).
        "start.bat:27 CPW001", "start.bat:76 CPW001",
        // 4: the Japanese placeholder as the /U account, in both.
        "start.bat:27 CPW008", "start.bat:76 CPW008",
        // 3: ARMLoad / ARMLoadC spelling.
        "start.bat:27 CPW019", "stop.bat:26 CPW019", "stop.bat:64 CPW019",
        // 1: start.bat reads ARMS_*, stop.bat CLP_*.
        "stop.bat:9 CPW002",
        // 6: both disk checks jump past the stop; so does an unknown event (line 12 falls through to
        // GOTO no_arm).
        "stop.bat:12 CPW013", "stop.bat:23 CPW013", "stop.bat:61 CPW013"));
    assertEquals(expected, found, report.findings().toString());
  }

  @Test
  void guideFixturesAreCrlfCp932() throws Exception {
    for (String name : List.of("start.bat", "stop.bat")) {
      byte[] bytes = Files.readAllBytes(GUIDE.resolve(name));
      String text = new String(bytes, java.nio.charset.Charset.forName("windows-31j"));
      assertTrue(text.contains("\r\n") && !text.replace("\r\n", "").contains("\n"), name);
      assertTrue(text.contains("ARMLOADC") || text.contains("ARMLoad"), name);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"guide", "two-sites"})
  void renderedFilesLintCleanFromDisk(String spec, @TempDir Path dir) throws Exception {
    List<Artifact> artifacts = Specs.render(spec);
    for (Artifact a : artifacts) {
      Path file = dir.resolve(a.path());
      Files.createDirectories(file.getParent());
      Files.write(file, a.bytes());
    }
    LintReport report = Specs.KIT.lint(List.of(dir));
    assertEquals(List.of(), report.findings());
    int sites = Specs.load(spec).sites().size();
    // start.bat, stop.bat and site.conf of each site, and SETTINGS.txt, which core reads for the
    // cross-file rules.
    assertEquals(sites * 4, report.linted().size(), report.linted().toString());
  }

  @Test
  void crlfTextGivenAsAStringIsAccepted() {
    String stop = "ARMLOADC JOBSTART /W PAUSE\r\n\"D:\\JobCenter\\SV\\bin\\cluster\\cjcpw\" -stop testsite\r\n"
        + "ARMKILL JOBSTART\r\n";
    assertEquals(List.of(), new ClusterproWindowsAdapter().lint(List.of(new SourceFile("g/stop.bat", stop))));
    List<Finding> lf = new ClusterproWindowsAdapter().lint(List.of(new SourceFile("g/stop.bat", stop.replace("\r\n", "\n"))));
    assertEquals(List.of("g/stop.bat:1 CPW009 error 3 lines end in LF without CR, the first here; cmd.exe can then fail"
        + " to find GOTO labels"), lf.stream().map(Finding::toString).toList());
  }

  @Test
  void severitiesFollowTheHarm() {
    assertEquals(Severity.INFO, CpwRules.COMMAND_CASE.severity());
    assertEquals(Severity.ERROR, CpwRules.SPLIT_ARMLOAD.severity());
    assertEquals(Severity.WARNING, CpwRules.STOP_SKIPPED.severity());
  }

}
