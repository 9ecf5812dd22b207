package dev.clusterkit.adapter.clusterpro.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.RenderException;
import dev.clusterkit.core.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the spec and rendering refuse, and with which message. */
class RenderValidationTest {

  private static String twoSites(String eastTarget, String westTarget) {
    return """
        apiVersion: clusterkit/v1
        kind: Cluster
        name: test
        platform: windows
        nodes:
          - name: node1.example.com
          - name: node2.example.com
        sites:
          - name: east.example.com
            machineId: 201
            database: 'X:\\east'
            address: 192.168.10.51
            targets:
              clusterpro-windows: {%s}
          - name: west.example.com
            machineId: 202
            database: 'Y:\\west'
            address: 192.168.10.52
            targets:
              clusterpro-windows: {%s}
        targets:
          clusterpro-windows:
            product: x
            adminAccount: Job-Admin
        """.formatted(eastTarget, westTarget);
  }

  @Test
  void watchIdsMustDifferIgnoringCase() throws Exception {
    RenderException e = assertThrows(RenderException.class,
        () -> Specs.render(Specs.parse(twoSites("watchId: JOBSTART", "watchId: JobStart"))));
    assertEquals("sites[1].targets.clusterpro-windows.watchId: site west.example.com gets watch ID 'JobStart', which"
        + " sites[0] (east.example.com) already uses; watch IDs are compared without case and must differ for every"
        + " site of the cluster (guide 4.2.1.1): set watchId for one of them", e.getMessage());
  }

  @Test
  void derivedWatchIdsThatCollideAreNamedAsDerived() throws Exception {
    String text = twoSites("", "").replace("west.example.com", "east.example.org");
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(Specs.parse(text)));
    assertTrue(e.getMessage().contains("gets watch ID 'JC_EAST' (derived from its name)"), e.getMessage());
  }

  @Test
  void derivedWatchIdsAreUpperCaseWithUnderscores() throws Exception {
    List<Artifact> a = Specs.render(Specs.parse(twoSites("", "watchId: W2").replace("east.example.com",
        "jc-east-1.example.com")));
    assertTrue(Specs.artifact(a, "jc-east-1.example.com/start.bat").text()
        .contains("ARMLOAD JC_JC_EAST_1 /M /U Job-Admin"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"NEC_JOB", "nec_job", "JOB-START", "JOB START", "ジョブ"})
  void invalidWatchIdsAreRefusedWhereTheSpecSaysThem(String id) {
    SpecException e = assertThrows(SpecException.class,
        () -> Specs.parse(twoSites("watchId: '" + id + "'", "")));
    assertTrue(e.getMessage().contains("sites[0].targets.clusterpro-windows.watchId"), e.getMessage());
    assertTrue(e.getMessage().contains("NEC_"), e.getMessage());
  }

  @Test
  void aWatchIdOf256CharactersIsRefused() {
    assertThrows(SpecException.class, () -> Specs.parse(twoSites("watchId: " + "W".repeat(256), "")));
    assertEquals(255, new WatchId("W".repeat(255)).value().length());
    assertThrows(IllegalArgumentException.class, () -> new WatchId("nec_x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"JobCenter管理者アカウント", "Job Admin", "a&b", "%USER%", "admin.", "x\\y\\z", ""})
  void invalidAccountsAreRefused(String account) {
    String text = twoSites("", "").replace("adminAccount: Job-Admin", "adminAccount: '" + account + "'");
    SpecException e = assertThrows(SpecException.class, () -> Specs.parse(text));
    assertTrue(e.getMessage().contains("adminAccount"), e.getMessage());
  }

  @Test
  void theAccountIsRequired() {
    SpecException e = assertThrows(SpecException.class,
        () -> Specs.parse(twoSites("", "").replace("    adminAccount: Job-Admin\n", "")));
    assertTrue(e.getMessage().contains("missing required key 'adminAccount'"), e.getMessage());
  }

  @Test
  void theProductIsRequiredAndClosed() {
    SpecException missing = assertThrows(SpecException.class,
        () -> Specs.parse(twoSites("", "").replace("    product: x\n", "")));
    assertTrue(missing.getMessage().contains("missing required key 'product'"), missing.getMessage());
    SpecException wrong = assertThrows(SpecException.class,
        () -> Specs.parse(twoSites("", "").replace("product: x", "product: X4")));
    assertTrue(wrong.getMessage().contains("'X4' is not one of arm, x"), wrong.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"say \\\"hi\\\"", "wow!", "ends in \\\\"})
  void messagesCmdCannotPassAreRefused(String message) {
    String text = twoSites("", "").replace("adminAccount: Job-Admin",
        "adminAccount: Job-Admin\n    diskFailureMessage: \"" + message + "\"");
    SpecException e = assertThrows(SpecException.class, () -> Specs.parse(text));
    assertTrue(e.getMessage().contains("diskFailureMessage"), e.getMessage());
  }

  @Test
  void japaneseMessagesNeedCp932() throws Exception {
    String text = twoSites("", "").replace("adminAccount: Job-Admin",
        "adminAccount: Job-Admin\n    diskFailureMessage: '切替パーティションの接続に失敗しました'");
    RenderException e = assertThrows(RenderException.class, () -> Specs.render(Specs.parse(text)));
    assertTrue(e.getMessage().contains("targets.clusterpro-windows.diskFailureMessage")
        && e.getMessage().contains("set encoding: cp932"), e.getMessage());
    List<Artifact> a = Specs.render(Specs.parse(text.replace("product: x", "product: x\n    encoding: cp932")));
    Artifact start = Specs.artifact(a, "east.example.com/start.bat");
    assertEquals("windows-31j", start.charset().name());
    assertTrue(start.text().contains("ARMBCAST /MSG \"切替パーティションの接続に失敗しました\" /A"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"arm", "x"})
  void oneFamilyOfEventVariablesPerProduct(String product) throws Exception {
    List<Artifact> a = Specs.render(Specs.parse(twoSites("", "").replace("product: x", "product: " + product)));
    String own = product.equals("arm") ? "%ARMS_" : "%CLP_";
    String other = product.equals("arm") ? "%CLP_" : "%ARMS_";
    for (Artifact artifact : a) {
      if (artifact.path().endsWith(".bat")) {
        assertTrue(artifact.text().contains(own + "EVENT%") && artifact.text().contains(own + "DISK%"), artifact.path());
        assertFalse(artifact.text().contains(other), artifact.path());
        assertTrue(artifact.text().contains(product.equals("arm") ? "ARMBroadcast /MSG" : "ARMBCAST /MSG"));
      }
    }
  }

  @Test
  void hideWindowAndUnwatchedForms() throws Exception {
    String text = twoSites("", "").replace("product: x", "product: x\n    hideWindow: true")
        .replace("    address: 192.168.10.52\n", "    address: 192.168.10.52\n    watched: false\n");
    List<Artifact> a = Specs.render(Specs.parse(text));
    assertTrue(Specs.artifact(a, "east.example.com/start.bat").text().contains(
        "ARMLOAD JC_EAST /M /U Job-Admin /WINDOW hide \"C:\\JobCenter\\SV\\bin\\cluster\\cjcpw\" \"east.example.com\""
            + " \"X:\\east\"\n"));
    assertTrue(Specs.artifact(a, "west.example.com/start.bat").text().contains(
        "ARMLOAD JC_WEST /U Job-Admin /WINDOW hide \"C:\\JobCenter\\SV\\bin\\cluster\\cjcpw\" \"-c\""
            + " \"west.example.com\" \"Y:\\west\"\n"));
  }

  @Test
  void siteConfHoldsTheSpecsValues() throws Exception {
    List<Artifact> a = Specs.render("two-sites");
    assertEquals("BOOT_TIMEOUT=240\r\nSTOP_TIMEOUT=600\r\nFORCEKILL_TIME=20\r\n",
        new String(Specs.artifact(a, "jobs-west.batch.example.org/site.conf").bytes(), java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("BOOT_TIMEOUT=180\r\nSTOP_TIMEOUT=180\r\nFORCEKILL_TIME=10\r\n",
        new String(Specs.artifact(a, "jobs-east.batch.example.org/site.conf").bytes(), java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void tooLongLinesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchText.line("the ARMLOAD line", "ARMLOAD", "x".repeat(BatchText.MAX_LINE)));
    assertTrue(e.getMessage().startsWith("the ARMLOAD line would be 8199 characters long"), e.getMessage());
  }
}
