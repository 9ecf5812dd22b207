package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonConfEditorTest {

  private static Map<String, String> settings(String... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void emptyFileGetsJustTheSettings() {
    assertEquals(
        "local_daemon=SITE\nmaintenance=ON\n",
        DaemonConfEditor.apply("", settings("local_daemon", "SITE", "maintenance", "ON")));
  }

  @Test
  void nothingToWriteLeavesAnEmptyFileEmpty() {
    assertEquals("", DaemonConfEditor.apply("", Map.of()));
  }

  @Test
  void keepsEveryOtherLineRewritesInPlaceCommentsOutDuplicatesAndAppends() {
    String existing =
        "# daemon.conf of the cluster site\n"
            + "ipcheck=OFF\n"
            + "\n"
            + "ipaddress=10.0.0.1\n"
            + "# keep me\n"
            + "  ipaddress = 10.0.0.2\n"
            + "resolv_mode=HOSTS\n";
    String expected =
        "# daemon.conf of the cluster site\n"
            + "ipcheck=OFF\n"
            + "\n"
            + "ipaddress=192.168.1.100\n"
            + "# keep me\n"
            + "#  ipaddress = 10.0.0.2  # superseded by clusterkit\n"
            + "resolv_mode=HOSTS\n"
            + "maintenance=ON\n";
    assertEquals(
        expected,
        DaemonConfEditor.apply(existing, settings("ipaddress", "192.168.1.100", "maintenance", "ON")));
  }

  @Test
  void commentedOutKeysStayCommentsAndTheKeyIsAppended() {
    assertEquals(
        "#local_daemon=OFF\nlocal_daemon=SITE\n",
        DaemonConfEditor.apply("#local_daemon=OFF\n", settings("local_daemon", "SITE")));
  }

  @Test
  void applyingTwiceChangesNothingMore() {
    String existing = "a=1\nipaddress=10.0.0.1\nipaddress=10.0.0.2\nb=2";
    Map<String, String> s = settings("ipaddress", "192.168.1.100", "local_daemon", "SITE");
    String once = DaemonConfEditor.apply(existing, s);
    assertEquals(once, DaemonConfEditor.apply(once, s));
  }

  @Test
  void aFileWithoutFinalNewlineKeepsItsLinesAndGetsOne() {
    assertEquals("a=1\nb=2\nipaddress=192.168.1.100\n",
        DaemonConfEditor.apply("a=1\nb=2", settings("ipaddress", "192.168.1.100")));
  }

  @Test
  void trailingEmptyLinesAreKept() {
    assertEquals("a=1\n\nipaddress=192.168.1.100\n",
        DaemonConfEditor.apply("a=1\n\n", settings("ipaddress", "192.168.1.100")));
  }

  @Test
  void crlfFilesStayCrlf() {
    assertEquals(
        "rem=1\r\nipaddress=192.168.1.100\r\nother=2\r\nlocal_daemon=SITE\r\n",
        DaemonConfEditor.apply(
            "rem=1\r\nipaddress=10.0.0.1\r\nother=2\r\n",
            settings("ipaddress", "192.168.1.100", "local_daemon", "SITE")));
  }

  @Test
  void theEditedFileParsesToTheSettings() {
    String edited =
        DaemonConfEditor.apply(
            "ipaddress=10.0.0.1\nfoo=bar\nipaddress=10.0.0.2\n",
            DaemonConf.forSite(new RelocatableAddress("192.168.1.100")).settings());
    Parsed<DaemonConf> p = DaemonConfParser.parse(new dev.clusterkit.core.lint.SourceFile("daemon.conf", edited));
    assertEquals(DaemonConf.forSite(new RelocatableAddress("192.168.1.100")), p.value());
    assertEquals(java.util.List.of(), p.findings());
  }
}
