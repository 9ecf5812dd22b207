package dev.clusterkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.clusterkit.cli.testadapters.FakeAdapter;
import dev.clusterkit.core.ClusterKit;
import dev.clusterkit.core.spec.SpecError;
import dev.clusterkit.core.spec.SpecException;
import dev.clusterkit.core.spec.SpecLoader;
import dev.clusterkit.core.spec.SpecSchema;
import dev.clusterkit.core.spi.AdapterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaTest {
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final String REGENERATE =
      "./mvnw -q -DskipTests package && ./clusterkit schema > schema/clusterkit-spec.schema.json";

  @Test
  void committedSchemaIsWhatTheDistributionPrints() throws IOException {
    Cli.Result r = Cli.run(
        () -> ClusterKit.create(TestSetup.production(), getClass().getClassLoader()), "schema");
    assertEquals(0, r.exit(), r.describe());
    assertEquals(r.out(), Files.readString(TestSetup.committedSchema()),
        "schema/clusterkit-spec.schema.json is out of date (an adapter or the spec format changed);"
            + " regenerate it with `" + REGENERATE + "`, review and commit it");
  }

  @Test
  void schemaCommandPrintsTheSchemaOfTheClassPathsAdapters() throws IOException {
    Cli.Result r = Cli.run("schema");
    assertEquals(0, r.exit(), r.describe());
    assertEquals(SpecSchema.generate(TestSetup.classPath()), r.out());
    JsonNode schema = new ObjectMapper().readTree(r.out());
    assertEquals(SpecSchema.DIALECT, schema.get("$schema").asText());
    assertTrue(schema.at("/properties/targets/properties").has(FakeAdapter.ID), r.out());
  }

  @Test
  void schemaIsValidDraft202012() throws IOException {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012));
    JsonNode schema = new ObjectMapper().readTree(SpecSchema.generate(TestSetup.forExamples()));
    assertEquals(Set.of(), meta.validate(schema));
  }

  @Test
  void everyObjectRefusesUnknownKeys() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(SpecSchema.generate(TestSetup.forExamples()));
    List<String> open = new ArrayList<>();
    walk(schema, "", open);
    assertEquals(List.of(), open);
  }

  @Test
  void settingsMapToTypesWithDefaultsAndDescriptions() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(SpecSchema.generate(AdapterRegistry.of(List.of(new FakeAdapter()))));
    JsonNode target = schema.at("/$defs/target-fake-cluster");
    assertEquals("[\"failoverGroup\"]", target.get("required").toString());
    assertEquals(
        "{\"type\":\"string\",\"pattern\":\"^(?:[a-z][a-z0-9-]*)$\",\"description\":\"The failover group holding"
            + " the sites. (lowercase letters, digits and hyphens)\"}",
        target.at("/properties/failoverGroup").toString());
    assertEquals(
        "{\"type\":\"integer\",\"minimum\":1,\"maximum\":3600,\"description\":\"Seconds to wait for a start.\",\"default\":60}",
        target.at("/properties/timeout").toString());
    assertEquals(
        "{\"type\":\"boolean\",\"description\":\"Whether to monitor the start script.\",\"default\":true}",
        target.at("/properties/monitor").toString());
    assertEquals(
        "{\"type\":\"string\",\"enum\":[\"async\",\"sync\"],\"description\":\"How the start script runs.\",\"default\":\"async\"}",
        target.at("/properties/mode").toString());
    assertEquals("\"exec-jobcenter\"", schema.at("/$defs/site-target-fake-cluster/properties/resource/default").toString());
    assertEquals("#/$defs/target-fake-cluster", schema.at("/properties/targets/properties/fake-cluster/$ref").asText(),
        "a target with a required setting cannot be left empty");
    assertEquals("#/$defs/site-target-fake-cluster",
        schema.at("/$defs/site/properties/targets/properties/fake-cluster/anyOf/0/$ref").asText());
  }

  @Test
  void schemaIsDeterministic() {
    FakeAdapter fake = new FakeAdapter();
    var stand = new dev.clusterkit.cli.testadapters.StandInClusterproLinux();
    assertEquals(
        SpecSchema.generate(AdapterRegistry.of(List.of(fake, stand))),
        SpecSchema.generate(AdapterRegistry.of(List.of(stand, fake))));
  }

  @Test
  void everyExampleLoadsAndValidates() throws Exception {
    List<Path> examples = TestSetup.examples();
    assertTrue(examples.size() >= 2, "examples/ holds " + examples);
    AdapterRegistry registry = TestSetup.forExamples();
    JsonSchema schema = FACTORY.getSchema(SpecSchema.generate(registry));
    for (Path example : examples) {
      new SpecLoader(registry).load(example);
      assertEquals(Set.of(), schema.validate(yaml(Files.readString(example))), example.toString());
    }
  }

  @Test
  void brokenExampleIsRejectedByBoth() throws Exception {
    Path example = TestSetup.repoRoot().resolve("examples/testsite.yaml");
    String broken = Files.readString(example).replace("name: testsite.example.com", "name: testsite");
    AdapterRegistry registry = TestSetup.forExamples();
    SpecException e = assertThrows(SpecException.class, () -> new SpecLoader(registry).parse("testsite.yaml", broken));
    assertEquals("testsite.yaml:19:11", e.errors().get(0).mark().toString());
    assertFalse(FACTORY.getSchema(SpecSchema.generate(registry)).validate(yaml(broken)).isEmpty());
  }

  static Stream<Arguments> brokenSpecs() {
    return Stream.of(
        Arguments.of("unknown top-level key", Map.of("kind: Cluster\n", "kind: Cluster\ncolour: red\n")),
        Arguments.of("wrong apiVersion", Map.of("clusterkit/v1", "clusterkit/v2")),
        Arguments.of("unknown platform", Map.of("platform: linux", "platform: beos")),
        Arguments.of("one node", Map.of("  - name: node2.example.com\n", "")),
        Arguments.of("machine ID as text", Map.of("machineId: 301", "machineId: \"301\"")),
        Arguments.of("machine ID zero", Map.of("machineId: 301", "machineId: 0")),
        Arguments.of("missing address", Map.of("    address: 10.0.0.11\n", "")),
        Arguments.of("short site name", Map.of("name: alpha.example.com", "name: alpha")),
        Arguments.of("address with a leading zero", Map.of("10.0.0.11", "10.0.0.011")),
        Arguments.of("relative database", Map.of("/mnt/alpha", "mnt/alpha")),
        Arguments.of("watched as text", Map.of("    address: 10.0.0.11\n", "    address: 10.0.0.11\n    watched: \"yes\"\n")),
        Arguments.of("siteConf below minimum", Map.of("    address: 10.0.0.11\n", "    address: 10.0.0.11\n    siteConf:\n      bootTimeout: 10\n")),
        Arguments.of("unknown target", Map.of("    failoverGroup: jobs\n", "    failoverGroup: jobs\n  nosuch: {}\n")),
        Arguments.of("setting of the wrong type", Map.of("failoverGroup: jobs", "failoverGroup: jobs\n    timeout: \"60\"")),
        Arguments.of("setting out of range", Map.of("failoverGroup: jobs", "failoverGroup: jobs\n    timeout: 0")),
        Arguments.of("unknown setting", Map.of("failoverGroup: jobs", "failoverGroup: jobs\n    retries: 3")),
        Arguments.of("choice not offered", Map.of("failoverGroup: jobs", "failoverGroup: jobs\n    mode: fast")),
        Arguments.of("required setting missing", Map.of("failoverGroup: jobs", "monitor: true")),
        Arguments.of("site setting against its pattern", Map.of("resource: exec-beta", "resource: Exec_Beta")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenSpecs")
  void brokenSpecIsRejectedByLoaderAndSchema(String what, Map<String, String> edit) throws Exception {
    String text = Files.readString(TestSetup.testResource("specs/fake.yaml"));
    for (Map.Entry<String, String> e : edit.entrySet()) {
      assertTrue(text.contains(e.getKey()), e.getKey());
      text = text.replaceFirst(java.util.regex.Pattern.quote(e.getKey()), java.util.regex.Matcher.quoteReplacement(e.getValue()));
    }
    String spec = text;
    AdapterRegistry registry = TestSetup.classPath();
    SpecException e = assertThrows(SpecException.class, () -> new SpecLoader(registry).parse("broken.yaml", spec), what);
    for (SpecError error : e.errors()) {
      assertTrue(error.toString().matches("broken\\.yaml:\\d+:\\d+: .+"), error.toString());
    }
    Set<ValidationMessage> messages = FACTORY.getSchema(SpecSchema.generate(registry)).validate(yaml(spec));
    assertFalse(messages.isEmpty(), what + ": the schema accepts what the loader refuses: " + e.getMessage());
  }

  @Test
  void validVariantsPassBoth() throws Exception {
    String base = Files.readString(TestSetup.testResource("specs/fake.yaml"));
    List<String> variants = List.of(
        base,
        base.replace("      fake-cluster:\n        resource: exec-beta\n", "      fake-cluster: null\n"), // no settings
        base.replace("    address: 10.0.0.11\n", "    address: 10.0.0.11\n    watched: false\n    portKeeper: true\n"
            + "    platform: windows\n    database: D:\\jobdb\n").replace("    database: /mnt/alpha\n", ""),
        base.replace("failoverGroup: jobs", "failoverGroup: jobs\n    timeout: 3600\n    monitor: false\n    mode: sync"));
    AdapterRegistry registry = TestSetup.classPath();
    JsonSchema schema = FACTORY.getSchema(SpecSchema.generate(registry));
    for (String variant : variants) {
      new SpecLoader(registry).parse("variant.yaml", variant);
      assertEquals(Set.of(), schema.validate(yaml(variant)), variant);
    }
  }

  private static JsonNode yaml(String text) throws IOException {
    return new YAMLMapper().readTree(text);
  }

  private static void walk(JsonNode node, String path, List<String> open) {
    if (node.isObject()) {
      if ("object".equals(node.path("type").asText()) && !node.path("additionalProperties").equals(com.fasterxml.jackson.databind.node.BooleanNode.FALSE)) {
        open.add(path);
      }
      node.properties().forEach(e -> walk(e.getValue(), path + "/" + e.getKey(), open));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, open);
      }
    }
  }
}
