package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.lint.Finding;
import dev.clusterkit.core.lint.Location;
import dev.clusterkit.core.lint.Severity;
import dev.clusterkit.core.lint.SourceFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonConfParserTest {
  private static final String PATH = "/mnt/jobdb/nqs/daemon.conf";
  private static final RelocatableAddress SITE_ADDRESS = new RelocatableAddress("192.168.1.100");

  private static SourceFile file(String text) {
    return new SourceFile(PATH, text);
  }

  private static Parsed<DaemonConf> parse(String text) {
    return DaemonConfParser.parse(file(text));
  }

  private static List<String> where(List<Finding> findings) {
    return findings.stream()
        .map(f -> f.code() + "@" + f.location().line() + ":" + f.location().column())
        .toList();
  }

  @Test
  void emptyFileHasNoSettings() {
    Parsed<DaemonConf> p = parse("");
    assertEquals(DaemonConf.EMPTY, p.value());
    assertEquals(List.of(), p.findings());
  }

  /** Guide 2.3.6. */
  @Test
  void readsLocalDaemon() {
    assertEquals(Optional.of(DaemonConf.LocalDaemon.SITE), parse("local_daemon=SITE\n").value().localDaemon());
    assertEquals(Optional.of(DaemonConf.LocalDaemon.OFF), parse("local_daemon=OFF\n").value().localDaemon());
    assertEquals(List.of(), parse("local_daemon=SITE\n").findings());
  }

  /** The example of guide 2.3.6. */
  @Test
  void readsIpAddress() {
    Parsed<DaemonConf> p = parse("ipaddress=192.168.1.100\n");
    assertEquals(Optional.of(SITE_ADDRESS), p.value().ipAddress());
    assertEquals(List.of(), p.findings());
  }

  /** Guide 2.5.5. */
  @Test
  void maintenanceOnIsReadAndWarned() {
    Parsed<DaemonConf> p = parse("maintenance=ON\n");
    assertTrue(p.value().maintenance());
    assertEquals(List.of("DCF004@1:1"), where(p.findings()));
    assertEquals(Severity.WARNING, p.findings().get(0).severity());
    assertFalse(p.hasErrors());
  }

  @Test
  void maintenanceOffIsQuiet() {
    Parsed<DaemonConf> p = parse("maintenance=OFF\n");
    assertFalse(p.value().maintenance());
    assertEquals(List.of(), p.findings());
  }

  @Test
  void badValuesAreErrorsAtTheValue() {
    Parsed<DaemonConf> p = parse("local_daemon=site\nipaddress=192.168.1\nmaintenance=yes\n");
    assertEquals(List.of("DCF002@1:14", "DCF003@2:11", "DCF009@3:13"), where(p.findings()));
    assertTrue(p.hasErrors());
    assertEquals("local_daemon=site is not SITE or OFF", p.findings().get(0).message());
    assertTrue(p.findings().get(1).message().contains("'192.168.1' is not a dotted IPv4 address"));
    assertEquals("maintenance=yes is not ON or OFF", p.findings().get(2).message());
    assertEquals(DaemonConf.EMPTY, p.value());
  }

  @Test
  void columnsCountTheLinesLeadingBlanks() {
    Parsed<DaemonConf> p = parse("  ipaddress=bad\n\tlocal_daemon = ON\n");
    assertEquals(List.of("DCF003@1:13", "DCF002@2:17"), where(p.findings()));
  }

  @Test
  void blanksAroundKeysAndValuesAreTolerated() {
    Parsed<DaemonConf> p = parse("  ipaddress = 192.168.1.100  \n");
    assertEquals(Optional.of(SITE_ADDRESS), p.value().ipAddress());
    assertEquals(List.of(), p.findings());
  }

  @Test
  void otherSettingsCommentsAndBlankLinesAreLeftAlone() {
    Parsed<DaemonConf> p =
        parse("# JobCenter daemon.conf\n\nipcheck=OFF\nresolv_mode=HOSTS\nipaddress=192.168.1.100\n");
    assertEquals(new DaemonConf(Optional.empty(), Optional.of(SITE_ADDRESS), false), p.value());
    assertEquals(List.of(), p.findings());
  }

  @Test
  void linesThatAreNotKeyValueAreSyntaxErrors() {
    Parsed<DaemonConf> p = parse("ipaddress 192.168.1.100\n=SITE\n");
    assertEquals(List.of("DCF001@1:1", "DCF001@2:1"), where(p.findings()));
    assertEquals("'ipaddress 192.168.1.100' has no key=value form", p.findings().get(0).message());
  }

  @Test
  void duplicatesOfOurKeysAreWarnedAndTheLastWins() {
    Parsed<DaemonConf> p = parse("ipaddress=10.0.0.1\nfoo=1\nfoo=2\nipaddress=192.168.1.100\n");
    assertEquals(Optional.of(SITE_ADDRESS), p.value().ipAddress());
    assertEquals(List.of("DCF008@4:1"), where(p.findings()));
    assertEquals("ipaddress is also set on line 1", p.findings().get(0).message());
  }

  @Test
  void crlfInputIsReadLikeLf() {
    Parsed<DaemonConf> p = parse("local_daemon=SITE\r\nipaddress=192.168.1.100\r\n");
    assertEquals(
        new DaemonConf(Optional.of(DaemonConf.LocalDaemon.SITE), Optional.of(SITE_ADDRESS), false), p.value());
    assertEquals(List.of(), p.findings());
  }

  @Test
  void siteFileWithTheRelocatableAddressIsClean() {
    assertEquals(List.of(), DaemonConfParser.checkSiteFile(file("ipaddress=192.168.1.100\n"), SITE_ADDRESS));
  }

  @Test
  void siteFileWithAnotherAddressIsAnErrorAtItsLine() {
    List<Finding> findings =
        DaemonConfParser.checkSiteFile(file("# site\nipaddress=192.168.1.101\n"), SITE_ADDRESS);
    assertEquals(List.of("DCF005@2:0"), where(findings));
    assertEquals(Severity.ERROR, findings.get(0).severity());
    assertEquals(
        "ipaddress is 192.168.1.101 but the site's relocatable address is 192.168.1.100",
        findings.get(0).message());
  }

  @Test
  void siteFileWithoutIpAddressIsAnError() {
    List<Finding> findings = DaemonConfParser.checkSiteFile(file("ipcheck=OFF\n"), SITE_ADDRESS);
    assertEquals(List.of(DaemonConfParser.MISSING_IPADDRESS.at(Location.of(PATH), "no ipaddress= line")), findings);
  }

  @Test
  void siteFileWithAnInvalidIpAddressIsReportedOnceAsInvalid() {
    List<Finding> findings = DaemonConfParser.checkSiteFile(file("ipaddress=192.168.1.1000\n"), SITE_ADDRESS);
    assertEquals(List.of("DCF003@1:11"), where(findings));
  }

  @Test
  void siteFileLastIpAddressIsCompared() {
    List<Finding> findings =
        DaemonConfParser.checkSiteFile(file("ipaddress=192.168.1.100\nipaddress=192.168.1.7\n"), SITE_ADDRESS);
    assertEquals(List.of("DCF005@2:0", "DCF008@2:1"), where(findings));
  }

  @Test
  void commonFileWithLocalDaemonIsClean() {
    assertEquals(List.of(), DaemonConfParser.checkCommonFile(file("local_daemon=SITE\n")));
    assertEquals(List.of(), DaemonConfParser.checkCommonFile(file("local_daemon=OFF\n")));
  }

  @Test
  void commonFileWithoutLocalDaemonIsWarned() {
    List<Finding> findings = DaemonConfParser.checkCommonFile(file("maintenance=OFF\n"));
    assertEquals(List.of("DCF007@0:0"), where(findings));
    assertEquals(Severity.WARNING, findings.get(0).severity());
  }

  @Test
  void commonFileWithABadLocalDaemonIsReportedOnce() {
    assertEquals(List.of("DCF002@1:14"), where(DaemonConfParser.checkCommonFile(file("local_daemon=ON\n"))));
  }

  @Test
  void everyRuleHasAStableCodeAndIsListed() {
    assertEquals(
        List.of("DCF001", "DCF002", "DCF003", "DCF004", "DCF005", "DCF006", "DCF007", "DCF008", "DCF009"),
        DaemonConfParser.RULES.stream().map(r -> r.code()).toList());
  }
}
