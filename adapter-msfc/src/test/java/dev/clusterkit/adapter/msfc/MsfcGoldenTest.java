package dev.clusterkit.adapter.msfc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.render.Artifact;
import dev.clusterkit.core.render.LineEnding;
import dev.clusterkit.testkit.Golden;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MsfcGoldenTest {
  static List<String> specs() {
    return Specs.ALL;
  }

  @ParameterizedTest
  @MethodSource("specs")
  void rendersTheGoldenFiles(String spec) throws Exception {
    Golden.assertMatches(spec, Specs.render(spec));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void renderingIsDeterministic(String spec) throws Exception {
    assertEquals(Specs.render(spec), Specs.render(spec));
  }

  @ParameterizedTest
  @MethodSource("specs")
  void everyFileHasTheBytesWindowsNeeds(String spec) throws Exception {
    for (Artifact a : Specs.render(spec)) {
      byte[] b = a.bytes();
      assertTrue(a.path().startsWith("msfc/"), a.path());
      if (!a.path().endsWith(".txt")) {
        assertEquals(LineEnding.CRLF, a.lineEnding(), a.path());
      }
      String raw = new String(b, StandardCharsets.ISO_8859_1);
      assertFalse(raw.replace("\r\n", "").contains("\n"), a.path() + " has a bare LF");
      assertFalse(raw.replace("\r\n", "").contains("\r"), a.path() + " has a bare CR");
      boolean bom = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
      assertEquals(a.path().endsWith(".ps1"), bom, a.path() + ": a BOM on .ps1 only");
      for (int i = bom ? 3 : 0; i < b.length; i++) {
        assertTrue(b[i] >= 0, a.path() + " byte " + i + " is not ASCII");
      }
    }
  }

  @Test
  void theGenericScriptReleasesRenderTheScriptsAndTheDllReleasesTheCommands() throws Exception {
    assertEquals(List.of("msfc/UPGRADE.txt", "msfc/jcgpkg.example.com/JobCenterSite.vbs",
            "msfc/jcgpkg.example.com/remove.ps1", "msfc/jcgpkg.example.com/setup.ps1",
            "msfc/jcgpkg.example.com/site.conf"),
        Specs.render("jcgpkg").stream().map(Artifact::path).toList());
    assertEquals(List.of("msfc/UPGRADE.txt", "msfc/jcgpkg1.example.com/remove-resource.cmd",
            "msfc/jcgpkg1.example.com/resource.cmd", "msfc/jcgpkg1.example.com/site.conf",
            "msfc/register-node.cmd", "msfc/register-type.cmd", "msfc/unregister-node.cmd",
            "msfc/unregister-type.cmd"),
        Specs.render("jcgpkg1").stream().map(Artifact::path).toList());
  }

  @Test
  void siteConfHoldsTheSpecsValues() throws Exception {
    List<Artifact> artifacts = Specs.render("two-sites");
    assertEquals("BOOT_TIMEOUT=200\r\nSTOP_TIMEOUT=300\r\nFORCEKILL_TIME=5\r\n",
        new String(Specs.artifact(artifacts, "jobs-east.batch.example.org/site.conf").bytes(), StandardCharsets.US_ASCII));
    assertEquals("BOOT_TIMEOUT=180\r\nSTOP_TIMEOUT=180\r\nFORCEKILL_TIME=10\r\n",
        new String(Specs.artifact(artifacts, "jobs-west.batch.example.org/site.conf").bytes(), StandardCharsets.US_ASCII));
  }

  @Test
  void noUpgradeRunbookUnlessAsked() throws Exception {
    assertTrue(Specs.render("two-sites").stream().noneMatch(a -> a.path().endsWith("UPGRADE.txt")));
  }
}
