package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.clusterkit.core.site.Platform.Family;
import org.junit.jupiter.api.Test;

class SiteTest {
  private static final SiteName NAME = new SiteName("testsite.example.com");
  private static final MachineId ID = new MachineId(200);
  private static final RelocatableAddress ADDRESS = new RelocatableAddress("10.192.18.10");

  @Test
  void unixSiteOfTheGuide() {
    Site site =
        new Site(NAME, ID, new SiteDatabasePath("/mnt/jobdb", Family.POSIX), ADDRESS, Platform.LINUX.defaultLayout());
    assertEquals(Platform.LINUX, site.platform());
    assertEquals("/usr/lib/nqs/cluster/cjcpw", site.command(SiteCommand.CJCPW));
  }

  @Test
  void windowsSiteOfTheGuide() {
    Site site =
        new Site(
            NAME,
            ID,
            new SiteDatabasePath("X:\\Jobdb", Family.WINDOWS),
            ADDRESS,
            new InstallLayout(Platform.WINDOWS, "D:\\JobCenter\\SV"));
    assertEquals(Platform.WINDOWS, site.platform());
    assertEquals("D:\\JobCenter\\SV\\bin\\cluster\\cjcpw", site.command(SiteCommand.CJCPW));
  }

  @Test
  void databaseFamilyMustMatchThePlatform() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Site(
                    NAME, ID, new SiteDatabasePath("X:\\Jobdb", Family.WINDOWS), ADDRESS, Platform.LINUX.defaultLayout()));
    assertEquals("site database path 'X:\\Jobdb' is not a posix path, as platform linux needs", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Site(
                    NAME, ID, new SiteDatabasePath("/mnt/jobdb", Family.POSIX), ADDRESS, Platform.WINDOWS.defaultLayout()));
    assertEquals("site database path '/mnt/jobdb' is not a windows path, as platform windows needs", e.getMessage());
  }

  @Test
  void refusesNulls() {
    SiteDatabasePath db = new SiteDatabasePath("/mnt/jobdb", Family.POSIX);
    InstallLayout layout = Platform.LINUX.defaultLayout();
    assertThrows(NullPointerException.class, () -> new Site(null, ID, db, ADDRESS, layout));
    assertThrows(NullPointerException.class, () -> new Site(NAME, null, db, ADDRESS, layout));
    assertThrows(NullPointerException.class, () -> new Site(NAME, ID, null, ADDRESS, layout));
    assertThrows(NullPointerException.class, () -> new Site(NAME, ID, db, null, layout));
    assertThrows(NullPointerException.class, () -> new Site(NAME, ID, db, ADDRESS, null));
  }
}
