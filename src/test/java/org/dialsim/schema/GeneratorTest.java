package org.dialsim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How defaults.yaml becomes the schema, and that the schema and the loader agree on single keys. */
class GeneratorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A complete scenario with one stack key and one host key to vary. */
  private static final String TEMPLATE = """
      name: t
      hosts:
        fe1: { addresses: [192.0.2.1], %s }
      dns:
        names:
          a.example: { records: [192.0.2.1] }
      calls: { target: a.example }
      configurations:
        - { name: c, stack: { %s } }
      """;

  private static String defaultsText() throws IOException {
    try (InputStream in = GeneratorTest.class.getResourceAsStream(DefaultsFile.RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aKeyAddedToDefaultsYamlAppearsWithItsDefaultDescriptionAndValues() throws IOException {
    String text = defaultsText().replace("    ttl: 10m ",
        "    recall: [timeout, refused]\n"
            + "                            # what is remembered: timeout | refused | cut\n"
            + "    ttl: 10m ");
    JsonNode schema = MAPPER.readTree(ScenarioSchema.json(DefaultsFile.parse(text)));
    JsonNode learn = schema.at("/definitions/stack/properties/memory/anyOf/1/properties/recall");
    assertEquals("what is remembered: timeout | refused | cut", learn.get("description").asText());
    assertEquals("[\"timeout\",\"refused\"]", learn.get("default").toString());
    assertEquals("array", learn.get("type").asText());
    assertEquals("[\"timeout\",\"refused\",\"cut\"]", learn.at("/items/enum").toString());
  }

  @Test
  void memoryLearnOffersTheFourKindsOfFailure() throws IOException {
    JsonNode learn = MAPPER.readTree(ScenarioSchema.json())
        .at("/definitions/stack/properties/memory/anyOf/1/properties/learn");
    assertEquals("[\"timeout\",\"refused\",\"unreachable\",\"cut\"]", learn.at("/items/enum").toString(), learn.toString());
  }

  @Test
  void aShapeForAKeyTheFileNoLongerHasStopsGeneration() throws IOException {
    String text = defaultsText().replaceAll("(?m)^  max_concurrent:.*\\n", "");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ScenarioSchema.json(DefaultsFile.parse(text)));
    assertTrue(e.getMessage().contains("stack.max_concurrent"), e.getMessage());
  }

  @Test
  void anAlternativeInProseLeavesTheValuesOpen() throws IOException {
    // path.to: "ipv4 | ipv6 | a prefix (192.0.2.0/24) | an address | a host name"
    JsonNode to = MAPPER.readTree(ScenarioSchema.json()).at("/definitions/path/properties/to");
    assertTrue(to.get("enum") == null && to.get("anyOf") == null, to.toString());
  }

  /**
   * One key at a time, written by a user: the schema and the loader take or refuse it alike.
   * Each row is a host key and a stack key, and whether both accept them.
   */
  @ParameterizedTest(name = "[{0}] [{1}] accepted={2}")
  @CsvSource(delimiter = '|', value = {
      "                          | deadline: 30s               | true",
      "                          | deadline: none              | true",
      "                          | deadline: 30                | false",
      "                          | deadline: 1m30s             | true",
      "                          | interleave: 0               | false",
      "                          | interleave: 2               | true",
      "                          | memory: avoid-failed        | true",
      "                          | memory: forgetful           | false",
      "                          | memory: { kind: prefer-last-good, ttl: none } | true",
      "                          | syn: linux                  | true",
      "                          | syn: { initial_rto: 3s, retries: 2 } | true",
      "                          | syn: { initial_rto: 3 }     | false",
      "                          | policy_table: glibc         | true",
      "                          | strategy: staggered         | true",
      "                          | families: []                | false",
      "                          | famlies: [ipv4]             | false",
      "down: always              |                             | true",
      "down: { from: 1m }        |                             | true",
      "down: [{ from: 0s, to: 5m }, { from: 10m, to: 11m }] |  | true",
      "down: sometimes           |                             | false",
      "failure: { mtbf: 2h, mttr: 10m } |                      | true",
      "listens_on: [ipv5]        |                             | false",
  })
  void schemaAndLoaderAgreeOnOneKey(String hostKey, String stackKey, boolean accepted, @TempDir Path dir)
      throws IOException {
    String yaml = TEMPLATE.formatted(hostKey == null ? "" : hostKey, stackKey == null ? "" : stackKey)
        .replace(", }", " }").replace("{  }", "{}");
    Path file = dir.resolve("t.yaml");
    Files.writeString(file, yaml);
    boolean loads;
    try {
      ScenarioLoader.load(file);
      loads = true;
    } catch (ScenarioException e) {
      loads = false;
    }
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(ScenarioSchema.json(), InputFormat.JSON);
    var errors = schema.validate(yaml, InputFormat.YAML);
    assertEquals(accepted, loads, "loader on\n" + yaml);
    assertEquals(accepted, errors.isEmpty(), "schema on\n" + yaml + errors);
  }
}
