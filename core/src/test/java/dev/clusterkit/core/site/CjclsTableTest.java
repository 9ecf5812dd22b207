package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CjclsTableTest {
  static final SiteStatus TESTSITE = new SiteStatus("testsite", Optional.of(1320L), "/mnt/jobdb", "/usr/spool/nqs/0AC0120A", true);
  static final SiteStatus OTHERSITE =
      new SiteStatus("othersite", Optional.empty(), "/mnt/other-jobdb", "/usr/spool/nqs/0AC0120B", false);

  @Test
  void readsTheGuidesSampleWithTabs() throws Exception {
    String guide =
        "SITE-NAME\tDAEMON-PID\tDB-PATH(LINK)\tCJCPW\n"
            + "testsite\t1320\t/mnt/jobdb (/usr/spool/nqs/0AC0120A)\tON\n"
            + "othersite\tSHUT\t/mnt/other-jobdb (/usr/spool/nqs/0AC0120B)\tOFF\n";
    assertEquals(List.of(TESTSITE, OTHERSITE), CjclsTable.parse(guide, "cjcls"));
  }

  @Test
  void writesAlignedColumnsInNameOrderAndReadsThemBack() throws Exception {
    String table = CjclsTable.format(List.of(TESTSITE, OTHERSITE));
    assertEquals(
        "SITE-NAME  DAEMON-PID  DB-PATH(LINK)                               CJCPW\n"
            + "othersite  SHUT        /mnt/other-jobdb (/usr/spool/nqs/0AC0120B)  OFF\n"
            + "testsite   1320        /mnt/jobdb (/usr/spool/nqs/0AC0120A)        ON\n",
        table);
    assertEquals(List.of(OTHERSITE, TESTSITE), CjclsTable.parse(table, "cjcls"));
  }

  @Test
  void anEmptyListIsTheHeaderAlone() throws Exception {
    assertEquals(List.of(), CjclsTable.parse(CjclsTable.format(List.of()), "cjcls"));
    assertEquals("[]\n", CjclsTable.toJson(List.of()));
  }

  @Test
  void jsonHasFixedKeysAndNullForShut() {
    assertEquals(
        "[\n"
            + "  {\"site\": \"othersite\", \"daemonPid\": null, \"database\": \"/mnt/other-jobdb\", \"link\": \"/usr/spool/nqs/0AC0120B\", \"cjcpw\": \"OFF\"},\n"
            + "  {\"site\": \"testsite\", \"daemonPid\": 1320, \"database\": \"/mnt/jobdb\", \"link\": \"/usr/spool/nqs/0AC0120A\", \"cjcpw\": \"ON\"}\n"
            + "]\n",
        CjclsTable.toJson(List.of(TESTSITE, OTHERSITE)));
  }

  @Test
  void malformedOutputNamesTheLineAndTheProblem() {
    SiteControlException.BadOutput noHeader =
        assertThrows(SiteControlException.BadOutput.class, () -> CjclsTable.parse("testsite 1320 /a (/b) ON\n", "/x/cjcls"));
    assertTrue(noHeader.getMessage().startsWith("/x/cjcls: line 1: expected the header"), noHeader.getMessage());

    SiteControlException.BadOutput badRow =
        assertThrows(
            SiteControlException.BadOutput.class,
            () -> CjclsTable.parse("SITE-NAME DAEMON-PID DB-PATH(LINK) CJCPW\n\ntestsite RUNNING /a (/b) ON\n", "/x/cjcls"));
    assertEquals(
        "/x/cjcls: line 3: 'testsite RUNNING /a (/b) ON' is not 'SITE-NAME PID|SHUT DB-PATH (LINK) ON|OFF'",
        badRow.getMessage());

    assertThrows(
        SiteControlException.BadOutput.class,
        () -> CjclsTable.parse("SITE-NAME DAEMON-PID DB-PATH(LINK) CJCPW\ntestsite 0 /a (/b) ON\n", "cjcls"));
    SiteControlException.BadOutput empty = assertThrows(SiteControlException.BadOutput.class, () -> CjclsTable.parse("", "cjcls"));
    assertTrue(empty.getMessage().contains("no 'SITE-NAME"), empty.getMessage());
  }
}
