package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteConfParserTest {
  private static final String PATH = "X/etc/site.conf";

  private static Parsed<SiteConf> parse(String text) {
    return SiteConfParser.parse(new SourceFile(PATH, text));
  }

  /** code@line:column of each finding, in report order. */
  private static List<String> where(Parsed<?> parsed) {
    return parsed.findings().stream()
        .map(f -> f.code() + "@" + f.location().line() + ":" + f.location().column())
        .toList();
  }

  private static Finding only(Parsed<?> parsed) {
    assertEquals(1, parsed.findings().size(), parsed.findings().toString());
    return parsed.findings().get(0);
  }

  @Test
  void noFileMeansDefaults() {
    Parsed<SiteConf> p = parse("");
    assertEquals(SiteConf.DEFAULTS, p.value());
    assertEquals(List.of(), p.findings());
  }

  /** The example of guide 2.4.6. */
  @Test
  void theGuidesExampleIsClean() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=200\nSTOP_TIMEOUT=300\nFORCEKILL_TIME=5\n");
    assertEquals(new SiteConf(200, 300, 5), p.value());
    assertEquals(List.of(), p.findings());
    assertFalse(p.hasErrors());
  }

  @Test
  void missingKeysTakeTheirDefaults() {
    Parsed<SiteConf> p = parse("STOP_TIMEOUT=600\n");
    assertEquals(new SiteConf(180, 600, 10), p.value());
    assertEquals(List.of(), p.findings());
  }

  @Test
  void crlfInputIsReadLikeLf() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=200\r\nSTOP_TIMEOUT=300\r\nFORCEKILL_TIME=5\r\n");
    assertEquals(new SiteConf(200, 300, 5), p.value());
    assertEquals(List.of(), p.findings());
  }

  @Test
  void lastLineNeedsNoNewline() {
    assertEquals(new SiteConf(200, 180, 10), parse("BOOT_TIMEOUT=200").value());
  }

  @Test
  void commentsAndEmptyLinesAreSkipped() {
    Parsed<SiteConf> p = parse("# timing\n\nBOOT_TIMEOUT=200\n\n# end\n");
    assertEquals(new SiteConf(200, 180, 10), p.value());
    assertEquals(List.of(), p.findings());
  }

  @ParameterizedTest
  @CsvSource({
    "'BOOT_TIMEOUT=-5', 30, 14",
    "'BOOT_TIMEOUT=abc', 30, 14",
    "'BOOT_TIMEOUT=10', 30, 14",
    "'BOOT_TIMEOUT=', 30, 14",
    "'BOOT_TIMEOUT=2147483648', 2147483647, 14",
    "'BOOT_TIMEOUT=99999999999999999999', 2147483647, 14"
  })
  void invalidValuesAreRoundedAndReportedAtTheValue(String line, int value, int column) {
    Parsed<SiteConf> p = parse(line + "\n");
    assertEquals(value, p.value().bootTimeout());
    Finding f = only(p);
    assertEquals("SCF003", f.code());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(Location.at(PATH, 1, column), f.location());
    assertTrue(f.message().endsWith("; JobCenter uses " + value), f.message());
    assertTrue(f.message().contains("is not a number from 30 to 2147483647"), f.message());
  }

  @Test
  void negativeForceKillTimeBecomesOne() {
    Parsed<SiteConf> p = parse("FORCEKILL_TIME=-1\n");
    assertEquals(1, p.value().forceKillTime());
    Finding f = only(p);
    assertEquals("SCF003", f.code());
    assertEquals(Location.at(PATH, 1, 16), f.location());
    assertEquals("FORCEKILL_TIME=-1 is not a number from 1 to 2147483647; JobCenter uses 1", f.message());
  }

  @Test
  void boundsThemselvesAreClean() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=30\nSTOP_TIMEOUT=2147483647\nFORCEKILL_TIME=1\n");
    assertEquals(new SiteConf(30, Integer.MAX_VALUE, 1), p.value());
    assertEquals(List.of(), p.findings());
  }

  /** Guide 2.1.5: no blanks or tabs at line start or around '='. Columns point at the first blank. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' BOOT_TIMEOUT=200'|1",
        "'\tBOOT_TIMEOUT=200'|1",
        "'BOOT_TIMEOUT =200'|13",
        "'BOOT_TIMEOUT\t=200'|13",
        "'BOOT_TIMEOUT= 200'|14",
        "'BOOT_TIMEOUT=\t200'|14",
        "'BOOT_TIMEOUT = 200'|13",
        "'BOOT_TIMEOUT=200 '|17"
      })
  void blanksAreReportedAndTheValueStillRead(String line, int column) {
    Parsed<SiteConf> p = parse(line + "\n");
    assertEquals(200, p.value().bootTimeout());
    Finding f = only(p);
    assertEquals("SCF002", f.code());
    assertEquals(Severity.WARNING, f.severity());
    assertEquals(Location.at(PATH, 1, column), f.location());
    assertTrue(f.message().contains("BOOT_TIMEOUT"), f.message());
  }

  @Test
  void unknownKeysAreReported() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=200\nBOOT_TIME=300\nboot_timeout=400\n");
    assertEquals(new SiteConf(200, 180, 10), p.value());
    assertEquals(List.of("SCF004@2:1", "SCF004@3:1"), where(p));
    assertEquals("unknown key 'BOOT_TIME'", p.findings().get(0).message());
    assertEquals(Severity.WARNING, p.findings().get(0).severity());
  }

  @Test
  void duplicateKeysAreReportedAndTheLastWins() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=100\nSTOP_TIMEOUT=300\nBOOT_TIMEOUT=200\n");
    assertEquals(200, p.value().bootTimeout());
    Finding f = only(p);
    assertEquals("SCF006", f.code());
    assertEquals(Location.at(PATH, 3, 1), f.location());
    assertEquals("BOOT_TIMEOUT is also set on line 1; this line wins", f.message());
  }

  @Test
  void linesWithoutEqualsAreSyntaxErrors() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT 200\n=200\n");
    assertEquals(List.of("SCF001@1:1", "SCF001@2:1"), where(p));
    assertTrue(p.hasErrors());
    assertEquals(Severity.ERROR, p.findings().get(0).severity());
    assertEquals("'BOOT_TIMEOUT 200' has no '='", p.findings().get(0).message());
  }

  @Test
  void stopTimeoutEqualToForceKillTimeIsAnError() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=200\nSTOP_TIMEOUT=30\nFORCEKILL_TIME=30\n");
    assertEquals(new SiteConf(200, 30, 30), p.value());
    Finding f = only(p);
    assertEquals("SCF005", f.code());
    assertEquals(Severity.ERROR, f.severity());
    assertEquals(Location.at(PATH, 2), f.location());
    assertEquals(
        "STOP_TIMEOUT 30 is not greater than FORCEKILL_TIME 30: the site is always stopped by force",
        f.message());
  }

  @Test
  void forceKillTimeAboveDefaultStopTimeoutIsReportedAtItsLine() {
    Parsed<SiteConf> p = parse("BOOT_TIMEOUT=200\nFORCEKILL_TIME=500\n");
    assertEquals(List.of("SCF005@2:0"), where(p));
  }

  @Test
  void stopTimeoutRoundedToItsMinimumCanFallBelowForceKillTime() {
    Parsed<SiteConf> p = parse("STOP_TIMEOUT=-1\nFORCEKILL_TIME=60\n");
    assertEquals(new SiteConf(180, 30, 60), p.value());
    assertEquals(List.of("SCF005@1:0", "SCF003@1:14"), where(p));
  }

  @Test
  void severalFindingsComeInLineOrder() {
    Parsed<SiteConf> p =
        parse("FOO=1\n BOOT_TIMEOUT=abc\nSTOP_TIMEOUT=300\nSTOP_TIMEOUT=300\nnonsense\n");
    assertEquals(List.of("SCF004@1:1", "SCF002@2:1", "SCF003@2:15", "SCF006@4:1", "SCF001@5:1"), where(p));
  }

  @Test
  void writeThenParseRoundTrips() {
    for (SiteConf conf :
        List.of(SiteConf.DEFAULTS, new SiteConf(200, 300, 5), new SiteConf(30, 31, 1),
            new SiteConf(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE - 1))) {
      Parsed<SiteConf> p = parse(conf.write());
      assertEquals(conf, p.value());
      assertEquals(List.of(), p.findings());
    }
  }

  @Test
  void everyRuleHasAStableCodeAndIsListed() {
    assertEquals(
        List.of("SCF001", "SCF002", "SCF003", "SCF004", "SCF005", "SCF006"),
        SiteConfParser.RULES.stream().map(r -> r.code()).toList());
  }
}
