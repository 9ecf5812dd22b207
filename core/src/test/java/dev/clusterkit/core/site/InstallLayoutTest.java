package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.Platform.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstallLayoutTest {
  private static final InstallLayout LINUX = Platform.LINUX.defaultLayout();
  private static final InstallLayout WINDOWS_D = new InstallLayout(Platform.WINDOWS, "D:\\JobCenter\\SV");

  /** Command paths of guide 2.3.5, 2.3.7, 2.5.3, 2.5.5 and 3.1.3. */
  @ParameterizedTest
  @CsvSource({
    "CJCPW, /usr/lib/nqs/cluster/cjcpw",
    "CJCMKSITE, /usr/lib/nqs/cluster/cjcmksite",
    "CJCLS, /usr/lib/nqs/cluster/cjcls",
    "NQSSTART, /usr/lib/nqs/nqsstart",
    "NQSSTOP, /usr/lib/nqs/nqsstop",
    "NQSPORTKPR, /usr/lib/nqs/nqsportkpr"
  })
  void unixCommandPaths(SiteCommand command, String path) {
    for (Platform p : new Platform[] {Platform.HPUX, Platform.SOLARIS, Platform.LINUX, Platform.AIX}) {
      assertEquals(path, p.defaultLayout().command(command), p.id());
    }
  }

  /** Guide 4.2: {@code d:\JobCenter\SV\bin\cluster\cjcpw}. */
  @Test
  void windowsCommandPathsUnderTheInstallDirectory() {
    assertEquals("D:\\JobCenter\\SV\\bin\\cluster\\cjcpw", WINDOWS_D.command(SiteCommand.CJCPW));
    assertEquals("D:\\JobCenter\\SV\\bin\\cluster\\cjcmksite", WINDOWS_D.command(SiteCommand.CJCMKSITE));
    assertEquals("D:\\JobCenter\\SV\\bin\\cluster\\cjcls", WINDOWS_D.command(SiteCommand.CJCLS));
    assertEquals(
        "C:\\JobCenter\\SV\\bin\\cluster\\cjcpw", Platform.WINDOWS.defaultLayout().command(SiteCommand.CJCPW));
  }

  @ParameterizedTest
  @EnumSource(value = SiteCommand.class, names = {"NQSSTART", "NQSSTOP", "NQSPORTKPR"})
  void unixOnlyCommandsAreRefusedOnWindows(SiteCommand command) {
    assertFalse(command.availableOn(Family.WINDOWS));
    assertTrue(command.availableOn(Family.POSIX));
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> WINDOWS_D.command(command));
    assertEquals(command.commandName() + " exists only on UNIX platforms, not on Windows", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(value = SiteCommand.class, names = {"CJCPW", "CJCMKSITE", "CJCLS"})
  void clusterCommandsExistOnBothFamilies(SiteCommand command) {
    assertTrue(command.availableOn(Family.WINDOWS));
    assertTrue(command.availableOn(Family.POSIX));
  }

  @Test
  void commandNamesAreWhatIsTyped() {
    assertEquals("cjcpw", SiteCommand.CJCPW.commandName());
    assertEquals("nqsportkpr", SiteCommand.NQSPORTKPR.commandName());
    assertEquals("nqsstart", SiteCommand.NQSSTART.commandName());
  }

  @Test
  void rootsCanBeOverridden() {
    InstallLayout opt = new InstallLayout(Platform.LINUX, "/opt/jobcenter");
    assertEquals("/opt/jobcenter/cluster/cjcpw", opt.command(SiteCommand.CJCPW));
    assertEquals("/opt/jobcenter/nqsportkpr", opt.command(SiteCommand.NQSPORTKPR));
    assertEquals("/opt/jobcenter/rc/daemon.conf", opt.commonDaemonConf());
    InstallLayout e = new InstallLayout(Platform.WINDOWS, "E:\\Program Files\\JobCenter\\SV");
    assertEquals("E:\\Program Files\\JobCenter\\SV\\bin\\cluster\\cjcpw", e.command(SiteCommand.CJCPW));
  }

  @Test
  void rootDirectoryAsRootDoesNotDoubleTheSeparator() {
    assertEquals("/cluster/cjcpw", new InstallLayout(Platform.LINUX, "/").command(SiteCommand.CJCPW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"usr/lib/nqs", "C:\\JobCenter\\SV", "/usr/lib/../nqs", "/usr/lib/nqs/", "/usr/lib nqs", "/opt/a=b/nqs"})
  void refusesBadUnixRoots(String root) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new InstallLayout(Platform.LINUX, root));
    assertTrue(e.getMessage().startsWith("install root '" + root + "'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/lib/nqs", "JobCenter\\SV", "D:\\JobCenter\\SV\\", "D:\\JobCenter\\..\\SV", "D:\\"})
  void refusesBadWindowsRoots(String root) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new InstallLayout(Platform.WINDOWS, root));
    assertTrue(e.getMessage().startsWith("install root '" + root + "'"), e.getMessage());
  }

  @Test
  void aUnixRootMayNotHoldAnEqualsSignWindowsOneMay() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new InstallLayout(Platform.HPUX, "/opt/x=y"));
    assertTrue(e.getMessage().contains("reads as a variable assignment"), e.getMessage());
    assertEquals("C:\\a=b\\bin\\cluster\\cjcpw", new InstallLayout(Platform.WINDOWS, "C:\\a=b").command(SiteCommand.CJCPW));
  }

  @Test
  void commonDaemonConfIsUnixOnly() {
    assertEquals("/usr/lib/nqs/rc/daemon.conf", LINUX.commonDaemonConf());
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, WINDOWS_D::commonDaemonConf);
    assertTrue(e.getMessage().contains("only on UNIX"), e.getMessage());
  }

  /** Guide 2.3.6 (UNIX) and 2.4.6 (Windows). */
  @Test
  void siteDaemonConfInsideTheDatabase() {
    assertEquals(
        "/mnt/jobdb/nqs/daemon.conf", LINUX.siteDaemonConf(new SiteDatabasePath("/mnt/jobdb", Family.POSIX)));
    assertEquals(
        "X:\\Jobdb\\etc\\daemon.conf",
        WINDOWS_D.siteDaemonConf(new SiteDatabasePath("X:\\Jobdb", Family.WINDOWS)));
  }

  /** Guide 2.1.5: site.conf exists on Windows only. */
  @Test
  void siteConfIsWindowsOnly() {
    assertEquals(
        "X:\\Jobdb\\etc\\site.conf", WINDOWS_D.siteConf(new SiteDatabasePath("X:\\Jobdb", Family.WINDOWS)));
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> LINUX.siteConf(new SiteDatabasePath("/mnt/jobdb", Family.POSIX)));
    assertTrue(e.getMessage().contains("site.conf"), e.getMessage());
  }

  /** Guide 2.5.3: /usr/spool/nqs/0AC0120A for 10.192.18.10. */
  @Test
  void siteLinkInTheSpoolDirectory() {
    assertEquals("/usr/spool/nqs/0AC0120A", LINUX.siteLink(new RelocatableAddress("10.192.18.10")));
    assertEquals("/usr/spool/nqs/0AC0120B", LINUX.siteLink(new RelocatableAddress("10.192.18.11")));
    assertThrows(
        UnsupportedOperationException.class, () -> WINDOWS_D.siteLink(new RelocatableAddress("10.192.18.10")));
  }

  @Test
  void refusesNulls() {
    assertThrows(NullPointerException.class, () -> new InstallLayout(null, "/usr/lib/nqs"));
    assertThrows(NullPointerException.class, () -> new InstallLayout(Platform.LINUX, null));
  }
}
