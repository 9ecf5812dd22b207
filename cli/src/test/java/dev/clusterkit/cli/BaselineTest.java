package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --write-baseline} and {@code --baseline}: known findings accepted by code and file. */
class BaselineTest {
  @TempDir Path tmp;

  @Test
  void aWrittenBaselineAcceptsTodaysFindingsButNotNewOnes() throws IOException {
    Path conf = Files.writeString(tmp.resolve("site.conf"), "STOP_TIMEOUT=30\nFORCEKILL_TIME=30\n");
    Path baseline = tmp.resolve("lint-baseline.json");

    Cli.Result write = Cli.run("lint", "--write-baseline", baseline.toString(), conf.toString());
    assertEquals(0, write.exit(), write.describe());
    assertEquals("""
        {
          "format": "clusterkit-baseline/v1",
          "accepted": [
            {
              "code": "SCF005",
              "file": "%s"
            }
          ]
        }
        """.formatted(conf), Files.readString(baseline));

    Cli.Result accepted = Cli.run("lint", "--baseline", baseline.toString(), conf.toString());
    assertEquals(0, accepted.exit(), accepted.describe());
    assertEquals("1 file linted: 0 errors, 0 warnings, 0 info; 0 skipped\n"
        + baseline + ": 1 known finding accepted\n", accepted.out());

    // A new kind of finding in the same file is not accepted.
    Files.writeString(conf, "STOP_TIMEOUT=30\nFORCEKILL_TIME=30\nSTOP_TIMEOUT=30\n");
    Cli.Result added = Cli.run("lint", "--baseline", baseline.toString(), conf.toString());
    assertEquals(0, added.exit(), "SCF006 is a warning: " + added.describe());
    assertTrue(added.out().contains(" SCF006 warning "), added.out());
    assertEquals(1, Cli.run("lint", "--fail-on", "warning", "--baseline", baseline.toString(), conf.toString()).exit());

    // Fixed: the entry is reported as stale.
    Files.writeString(conf, "STOP_TIMEOUT=180\n");
    Cli.Result fixed = Cli.run("lint", "--baseline", baseline.toString(), conf.toString());
    assertEquals(0, fixed.exit());
    assertTrue(fixed.outLines().contains(baseline + ": SCF005 in " + conf + " is no longer found; remove it from the baseline"),
        fixed.out());
  }

  @Test
  void withJsonOutputTheBaselineNotesGoToStderr() throws IOException {
    Path conf = Files.writeString(tmp.resolve("site.conf"), "STOP_TIMEOUT=30\nFORCEKILL_TIME=30\n");
    Path baseline = tmp.resolve("b.json");
    Cli.run("lint", "--write-baseline", baseline.toString(), conf.toString());
    Cli.Result r = Cli.run("lint", "--format", "json", "--baseline", baseline.toString(), conf.toString());
    assertEquals(0, r.exit(), r.describe());
    assertTrue(r.out().contains("\"findings\": []"), r.out());
    assertEquals(baseline + ": 1 known finding accepted\n", r.err());
  }

  @Test
  void aBrokenBaselineIsAUsageErrorNamingTheFile() throws IOException {
    Path conf = Files.writeString(tmp.resolve("site.conf"), "BOOT_TIMEOUT=180\n");
    Path bad = Files.writeString(tmp.resolve("b.json"), "{\"format\": \"clusterkit-baseline/v1\", \"accepted\": [{\"code\": 1}]}");
    Cli.Result r = Cli.run("lint", "--baseline", bad.toString(), conf.toString());
    assertEquals(2, r.exit(), r.describe());
    assertEquals("clusterkit lint: " + bad + ": accepted[0] must have a text \"code\" and a text \"file\"\n", r.err());

    Files.writeString(bad, "not json");
    Cli.Result notJson = Cli.run("lint", "--baseline", bad.toString(), conf.toString());
    assertEquals(2, notJson.exit());
    assertTrue(notJson.err().startsWith("clusterkit lint: " + bad + ": not a baseline: not valid JSON"), notJson.err());
  }
}
