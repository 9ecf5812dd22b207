package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.clusterkit.core.lint.RuleCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint --format sarif}: a SARIF 2.1.0 log with the rule catalogue and one result per finding. */
class SarifOutputTest {
  @TempDir Path tmp;

  private static JsonSchema sarifSchema() throws IOException {
    try (InputStream in = SarifOutputTest.class.getResourceAsStream("/sarif/sarif-2.1.0-subset.schema.json")) {
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    }
  }

  private Path tree() throws IOException {
    Path conf = tmp.resolve("jobdb dir/etc/site.conf");
    Files.createDirectories(conf.getParent());
    Files.writeString(conf, "STOP_TIMEOUT=30\nFORCEKILL_TIME=30\n BOOT_TIMEOUT=180\n");
    Files.writeString(tmp.resolve("notes.fake"), "fine\nINFO just so you know\n");
    Files.write(tmp.resolve("blob.bin"), new byte[] {0, 1, 2, 3});
    return tmp;
  }

  @Test
  void theLogIsValidSarifWithRulesResultsAndNotifications() throws IOException {
    Cli.Result r = Cli.run("lint", "--format", "sarif", tree().toString());
    assertEquals(1, r.exit(), r.describe());
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertEquals(Set.of(), sarifSchema().validate(log), r.out());

    JsonNode run = log.get("runs").get(0);
    JsonNode rules = run.at("/tool/driver/rules");
    RuleCatalogue catalogue = RuleCatalogue.of(TestSetup.classPath());
    assertEquals(catalogue.entries().stream().map(e -> e.rule().code()).distinct().count(), rules.size());
    JsonNode scf005 = rules.get(indexOf(rules, "SCF005"));
    assertEquals("STOP_TIMEOUT is not greater than FORCEKILL_TIME", scf005.at("/shortDescription/text").asText());
    assertEquals("every stop becomes a forced kill, so the site is never stopped cleanly",
        scf005.at("/fullDescription/text").asText());
    assertEquals("error", scf005.at("/defaultConfiguration/level").asText());
    assertEquals("guide 2.1.5", scf005.at("/properties/source").asText());
    assertEquals("core", scf005.at("/properties/tags/0").asText());

    JsonNode results = run.get("results");
    assertEquals(List.of("SCF005", "SCF002", "FAK003"), codes(results));
    Set<String> levels = new HashSet<>();
    for (JsonNode result : results) {
      // ruleIndex points at the rule with the same id.
      assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
      levels.add(result.get("level").asText());
    }
    assertEquals(Set.of("error", "warning", "note"), levels);
    JsonNode first = results.get(0).at("/locations/0/physicalLocation");
    assertTrue(first.at("/artifactLocation/uri").asText().startsWith("file:///"), first.toString());
    assertTrue(first.at("/artifactLocation/uri").asText().endsWith("/jobdb%20dir/etc/site.conf"), first.toString());
    assertEquals(1, first.at("/region/startLine").asInt());
    assertFalse(first.get("region").has("startColumn"), "a column of 0 (the whole line) is left out");
    assertEquals(3, results.get(1).at("/locations/0/physicalLocation/region/startLine").asInt());
    assertEquals(1, results.get(1).at("/locations/0/physicalLocation/region/startColumn").asInt());

    JsonNode notes = run.at("/invocations/0/toolExecutionNotifications");
    assertEquals(1, notes.size());
    assertEquals("skipped: a binary file (it holds NUL bytes)", notes.get(0).at("/message/text").asText());
    assertEquals(r.out(), Cli.run("lint", "--format", "sarif", tmp.toString()).out(), "deterministic");
  }

  @Test
  void relativePathsStayRelativeUris() {
    assertEquals("deploy/a%20b/start.bat", Sarif.uri("deploy/a b/start.bat"));
    assertEquals("deploy/x/stop.bat", Sarif.uri("deploy\\x\\stop.bat"));
    assertEquals("file:///tmp/x/site.conf", Sarif.uri("/tmp/x/site.conf"));
    assertEquals("file:///C:/jobs/start.bat", Sarif.uri("C:\\jobs\\start.bat"));
  }

  @Test
  void aCleanRunIsAValidLogWithNoResults() throws IOException {
    Path conf = Files.writeString(tmp.resolve("site.conf"), "BOOT_TIMEOUT=180\n");
    Cli.Result r = Cli.run("lint", "--format=sarif", conf.toString());
    assertEquals(0, r.exit(), r.describe());
    JsonNode log = new ObjectMapper().readTree(r.out());
    assertEquals(Set.of(), sarifSchema().validate(log));
    assertEquals(0, log.at("/runs/0/results").size());
  }

  @Test
  void theSubsetSchemaRejectsWhatSarifForbids() throws IOException {
    JsonSchema schema = sarifSchema();
    ObjectMapper json = new ObjectMapper();
    assertFalse(schema.validate(json.readTree("{\"version\":\"2.0.0\",\"runs\":[]}")).isEmpty());
    assertFalse(schema.validate(json.readTree(
        "{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"ruleId\":\"A\","
            + "\"ruleIndex\":0,\"level\":\"info\",\"message\":{\"text\":\"m\"},\"locations\":[]}]}]}")).isEmpty(),
        "'info' is not a SARIF level, and a result needs a location");
  }

  private static int indexOf(JsonNode rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).get("id").asText().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id + " is not among the rules");
  }

  private static List<String> codes(JsonNode results) {
    List<String> codes = new java.util.ArrayList<>();
    results.forEach(r -> codes.add(r.get("ruleId").asText()));
    return codes;
  }
}
