package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {
  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  @Test
  void cleanFileExits0() throws IOException {
    Path conf = file("site.conf", "BOOT_TIMEOUT=180\nSTOP_TIMEOUT=180\nFORCEKILL_TIME=10\n");
    Cli.Result r = Cli.run("lint", conf.toString());
    assertEquals(0, r.exit(), r.describe());
    assertEquals("1 file linted: 0 errors, 0 warnings, 0 info; 0 skipped\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void errorFindingExits1AndPrintsPositionCodeSeverityAndHint() throws IOException {
    Path conf = file("site.conf", "STOP_TIMEOUT=30\nFORCEKILL_TIME=30\n");
    Cli.Result r = Cli.run("lint", conf.toString());

    assertEquals(1, r.exit(), r.describe());
    List<String> lines = r.outLines();
    int at = indexOfCode(lines, "SCF005");
    assertTrue(lines.get(at).matches(java.util.regex.Pattern.quote(conf.toString()) + "(:\\d+){1,2} SCF005 error .+"),
        lines.get(at));
    assertTrue(lines.get(at + 1).startsWith("  hint: raise STOP_TIMEOUT above FORCEKILL_TIME"), lines.get(at + 1));
    assertTrue(lines.get(lines.size() - 1).startsWith("1 file linted: 1 error,"), r.out());
  }

  @Test
  void warningsPassByDefaultAndFailWithFailOnWarning() throws IOException {
    Path conf = file("site.conf", " BOOT_TIMEOUT=180\n");
    Cli.Result byDefault = Cli.run("lint", conf.toString());
    assertEquals(0, byDefault.exit(), byDefault.describe());
    assertTrue(byDefault.out().contains(" SCF002 warning "), byDefault.out());

    Cli.Result strict = Cli.run("lint", "--fail-on", "warning", conf.toString());
    assertEquals(1, strict.exit(), strict.describe());
    assertEquals(byDefault.out(), strict.out());
  }

  @Test
  void infoFindingsFailOnlyWithFailOnInfo() throws IOException {
    Path notes = file("notes.fake", "fine\nINFO just so you know\n");
    assertEquals(0, Cli.run("lint", "--fail-on", "warning", notes.toString()).exit());
    Cli.Result r = Cli.run("lint", "--fail-on", "INFO", notes.toString());
    assertEquals(1, r.exit(), r.describe());
    assertTrue(r.outLines().contains(notes + ":2:1 FAK003 info INFO just so you know"), r.out());
  }

  @Test
  void foldersAreWalkedInNameOrderAndUnknownFilesListedAsSkipped() throws IOException {
    file("b/site.conf", "BOOT_TIMEOUT=180\n");
    file("a/one.fake", "WARNING first\n");
    file("a/README.txt", "nothing to lint\n");
    Cli.Result r = Cli.run("lint", tmp.toString());

    assertEquals(0, r.exit(), r.describe());
    assertEquals(
        List.of(
            tmp.resolve("a/one.fake") + ":1:1 FAK002 warning WARNING first",
            "  hint: remove the WARNING line",
            "skipped: " + tmp.resolve("a/README.txt") + " (no linter recognises this kind of file)",
            "2 files linted: 0 errors, 1 warning, 0 info; 1 skipped"),
        r.outLines());
  }

  @Test
  void jsonIsAStableDocument() throws IOException {
    file("x/one.fake", "ERROR broken\nINFO fyi\n");
    file("x/other.bin", "\u0000");
    Files.write(tmp.resolve("x/latin1.txt"), new byte[] {(byte) 0xE9});
    Cli.Result r = Cli.run("lint", "--format", "json", tmp.resolve("x").toString());

    assertEquals(1, r.exit(), r.describe());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(List.of("format", "findings", "linted", "skipped"), fieldNames(doc));
    assertEquals("clusterkit-lint/v1", doc.get("format").asText());
    JsonNode first = doc.get("findings").get(0);
    assertEquals(List.of("code", "severity", "file", "line", "column", "message", "hint"), fieldNames(first));
    assertEquals("FAK001", first.get("code").asText());
    assertEquals("error", first.get("severity").asText());
    assertEquals(tmp.resolve("x/one.fake").toString(), first.get("file").asText());
    assertEquals(1, first.get("line").asInt());
    assertEquals(1, first.get("column").asInt());
    assertEquals("ERROR broken", first.get("message").asText());
    assertEquals("remove the ERROR line", first.get("hint").asText());
    assertEquals("info", doc.get("findings").get(1).get("severity").asText());
    assertEquals(2, doc.get("findings").size());
    assertEquals(tmp.resolve("x/one.fake").toString(), doc.get("linted").get(0).asText());
    assertEquals(1, doc.get("linted").size());
    JsonNode skipped = doc.get("skipped");
    assertEquals(2, skipped.size());
    assertEquals(tmp.resolve("x/latin1.txt").toString(), skipped.get(0).get("file").asText());
    assertEquals("not UTF-8 (or UTF-16LE with a BOM) text", skipped.get(0).get("reason").asText());
    assertEquals(r.out(), Cli.run("lint", "--format", "json", tmp.resolve("x").toString()).out(), "deterministic");
  }

  @Test
  void jsonOfACleanRunHasEmptyLists() throws IOException {
    Path conf = file("site.conf", "BOOT_TIMEOUT=180\n");
    Cli.Result r = Cli.run("lint", "--format=json", conf.toString());
    assertEquals(0, r.exit(), r.describe());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertTrue(doc.get("findings").isArray() && doc.get("findings").isEmpty());
    assertTrue(doc.get("skipped").isArray() && doc.get("skipped").isEmpty());
  }

  @Test
  void missingPathIsExit2() {
    Path missing = tmp.resolve("nope");
    Cli.Result r = Cli.run("lint", missing.toString());
    assertEquals(2, r.exit(), r.describe());
    assertEquals(List.of("clusterkit lint: " + missing + ": no such file or folder"), r.errLines());
    assertEquals("", r.out());
  }

  @Test
  void usageErrorsAreExit2() {
    for (List<String> args : List.of(
        List.of("lint"),
        List.of("lint", "--format", "xml", "."),
        List.of("lint", "--fail-on", "fatal", "."))) {
      Cli.Result r = Cli.run(args.toArray(String[]::new));
      assertEquals(2, r.exit(), args + ": " + r.describe());
      assertEquals(1, r.errLines().size(), args + ": " + r.describe());
      assertTrue(r.err().startsWith("clusterkit lint: "), r.err());
    }
  }

  private static int indexOfCode(List<String> lines, String code) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(" " + code + " ")) {
        return i;
      }
    }
    throw new AssertionError(code + " not reported in " + lines);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
