package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clusterkit diff SPEC DIR} on the examples rendered with the real adapters. */
class DiffCommandTest {
  @TempDir Path tmp;

  private final Path spec = TestSetup.repoRoot().resolve("examples/two-sites.yaml");

  private Path deployed() {
    Path dir = tmp.resolve("deployed");
    Cli.Result r = Cli.run("render", spec.toString(), "-o", dir.toString());
    assertEquals(0, r.exit(), r.describe());
    return dir;
  }

  @Test
  void anUntouchedRenderHasNoDrift() {
    Path dir = deployed();
    Cli.Result r = Cli.run("diff", spec.toString(), dir.toString());
    assertEquals(0, r.exit(), r.describe());
    assertEquals("6 files match the spec, 0 differ\n", r.out());
  }

  @Test
  void aChangedLineIsAUnifiedDiffThatPatchAppliesAndExit1() throws Exception {
    Path dir = deployed();
    Path start = dir.resolve("clusterpro-linux/jcsite1.example.com/start.sh");
    String rendered = Files.readString(start);
    String edited = rendered.replace("ulimit -s unlimited", "ulimit -s 8192");
    assertTrue(!edited.equals(rendered));
    Files.writeString(start, edited);

    Cli.Result r = Cli.run("diff", spec.toString(), dir.toString());
    assertEquals(1, r.exit(), r.describe());
    List<String> lines = r.outLines();
    assertEquals("changed: " + start, lines.get(0));
    assertEquals("--- rendered/clusterpro-linux/jcsite1.example.com/start.sh", lines.get(1));
    assertEquals("+++ deployed/clusterpro-linux/jcsite1.example.com/start.sh", lines.get(2));
    assertTrue(lines.contains("-ulimit -s unlimited || {") && lines.contains("+ulimit -s 8192 || {"), r.out());
    assertEquals("5 files match the spec, 1 differ", lines.get(lines.size() - 1));

    // The diff is a real unified diff: patch turns the rendered file into the deployed one.
    Path original = Files.writeString(tmp.resolve("start.sh"), rendered);
    Path patchFile = Files.writeString(tmp.resolve("p.diff"), String.join("\n", lines.subList(1, lines.size() - 1)) + "\n");
    Process patch = new ProcessBuilder("patch", "-s", original.toString(), patchFile.toString())
        .redirectErrorStream(true).start();
    String output = new String(patch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(patch.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, patch.exitValue(), output);
    assertEquals(edited, Files.readString(original));
  }

  @Test
  void linesBetweenLocalEditMarkersAreLeftOut() throws IOException {
    Path dir = deployed();
    Path stop = dir.resolve("clusterpro-linux/jcsite2.example.com/stop.sh");
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(stop));
    lines.addAll(2, List.of("# clusterkit:local-begin", "logger -t jobs 'stopping the site (local addition)'",
        "# clusterkit:local-end"));
    Files.write(stop, lines);
    Cli.Result r = Cli.run("diff", spec.toString(), dir.toString());
    assertEquals(0, r.exit(), r.describe());

    // Marked lines may only add: a rendered line changed inside the block is still drift.
    String text = Files.readString(stop).replace("# clusterkit:local-end\n", "# clusterkit:local-end\n# changed\n");
    Files.writeString(stop, text);
    assertEquals(1, Cli.run("diff", spec.toString(), dir.toString()).exit());

    Files.writeString(stop, Files.readString(stop).replace("# clusterkit:local-end\n", ""));
    Cli.Result open = Cli.run("diff", spec.toString(), dir.toString());
    assertEquals(1, open.exit());
    assertTrue(open.outLines().contains("  line 3: clusterkit:local-begin is never closed with clusterkit:local-end"),
        open.out());
  }

  @Test
  void missingAndExtraFilesAreDriftUnlessExtraIsIgnored() throws IOException {
    Path dir = deployed();
    Files.delete(dir.resolve("clusterpro-linux/jcsite2.example.com/stop.sh"));
    Files.writeString(dir.resolve("clusterpro-linux/notes.txt"), "ours\n");
    Cli.Result r = Cli.run("diff", spec.toString(), dir.toString());
    assertEquals(1, r.exit(), r.describe());
    assertEquals(List.of(
            "missing: " + dir.resolve("clusterpro-linux/jcsite2.example.com/stop.sh"),
            "  rendered from the spec but not in " + dir,
            "extra: " + dir.resolve("clusterpro-linux/notes.txt"),
            "  in " + dir + " but not rendered from the spec",
            "5 files match the spec, 2 differ"),
        r.outLines());
    Cli.Result ignoring = Cli.run("diff", "--ignore-extra", spec.toString(), dir.toString());
    assertEquals("5 files match the spec, 1 differ (1 extra ignored)", ignoring.outLines().get(ignoring.outLines().size() - 1));
  }

  @Test
  void lineEndsAndCharsetAreDriftTooWithLocalEditsInBatchSyntax() throws IOException {
    Path windowsSpec = TestSetup.repoRoot().resolve("adapter-clusterpro-windows/src/test/resources/specs/two-sites.yaml");
    Path dir = tmp.resolve("win");
    assertEquals(0, Cli.run("render", windowsSpec.toString(), "-o", dir.toString()).exit());
    Path start;
    try (var walk = Files.walk(dir)) {
      start = walk.filter(p -> p.getFileName().toString().equals("start.bat")).sorted().findFirst().orElseThrow();
    }
    byte[] crlf = Files.readAllBytes(start);
    String text = new String(crlf, "windows-31j");
    Files.write(start, ("rem clusterkit:local-begin\r\nSET EXTRA=1\r\nrem clusterkit:local-end\r\n" + text)
        .getBytes("windows-31j"));
    assertEquals(0, Cli.run("diff", windowsSpec.toString(), dir.toString()).exit(), "batch markers are rem comments");

    Files.write(start, text.replace("\r\n", "\n").getBytes("windows-31j"));
    Cli.Result r = Cli.run("diff", windowsSpec.toString(), dir.toString());
    assertEquals(1, r.exit(), r.describe());
    assertTrue(r.out().matches("(?s).*  \\d+ lines \\(first: line 1\\) end in LF where the spec renders CRLF\n.*"), r.out());
  }

  @Test
  void aDirThatIsNoFolderIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("f"), "x");
    Cli.Result r = Cli.run("diff", spec.toString(), file.toString());
    assertEquals(2, r.exit());
    assertEquals("clusterkit diff: " + file + " is not a folder\n", r.err());
  }
}
