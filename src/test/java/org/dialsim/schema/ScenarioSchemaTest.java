package org.dialsim.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dialsim.cli.Cli;
import org.dialsim.scenario.Problem;
import org.dialsim.scenario.ScenarioException;
import org.dialsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The committed JSON Schema is what defaults.yaml generates, every shipped scenario passes it in
 * a real validator (networknt, as an editor's language server would check it), and a file the
 * loader refuses for a wrong key or a wrong type is refused by the schema too.
 */
class ScenarioSchemaTest {
  private static final Path COMMITTED = Path.of("src/main/resources", ScenarioSchema.RESOURCE);
  private static final Pattern MODELINE = Pattern.compile("# yaml-language-server: \\$schema=(\\S+)");

  /**
   * The loader's words for a wrong key or a wrong type or value of a key: what a schema can
   * know. Semantic mistakes (a host that does not exist, from after to) are the loader's alone.
   */
  private static final Pattern KEY_OR_TYPE = Pattern.compile(
      "unknown key|^expected |has no unit|unknown value|unknown profile|unknown SYN preset|unknown metric"
          + "|is not a probability|is a percentage|is not allowed; write a whole number|is too many|^empty; list");

  private static Schema schema() throws IOException {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(Files.readString(COMMITTED), InputFormat.JSON);
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /**
   * The schema's verdict on a YAML text. Merge keys ({@code <<: *ucma}) are a YAML 1.1 feature
   * the loader and editors' language servers resolve but the validator's YAML 1.2 reader keeps
   * as a key; such a file is resolved first (SnakeYAML, YAML 1.1) and checked as the JSON it
   * stands for.
   */
  private static List<Error> validate(Schema schema, String yaml) throws IOException {
    if (!yaml.contains("<<:")) {
      return schema.validate(yaml, InputFormat.YAML);
    }
    Object resolved = new org.yaml.snakeyaml.Yaml().load(yaml);
    return schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(resolved),
        InputFormat.JSON);
  }

  @Test
  void committedSchemaIsTheOneDefaultsYamlGenerates() throws IOException {
    Cli printed = Cli.run("schema");
    assertEquals(0, printed.exit(), printed.err());
    assertEquals(printed.out(), Files.readString(COMMITTED),
        COMMITTED + " is stale; regenerate it with ./dialsim schema > " + COMMITTED);
  }

  @Test
  void schemaIsAValidDraft7Schema() throws IOException {
    Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
    assertEquals(List.of(), meta.validate(Files.readString(COMMITTED), InputFormat.JSON));
  }

  @Test
  void everyShippedScenarioNamesTheSchemaOnItsFirstLineAndPassesIt() throws IOException {
    Schema schema = schema();
    List<Path> files = yamlFiles(Path.of("scenarios"));
    assertTrue(files.size() >= 20, "shipped scenarios: " + files);
    List<String> wrong = new ArrayList<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      var m = MODELINE.matcher(text.lines().findFirst().orElse(""));
      if (!m.matches()) {
        wrong.add(f + ": line 1 is not '# yaml-language-server: $schema=<path to the schema>'");
      } else if (!f.getParent().resolve(m.group(1)).normalize().equals(COMMITTED.normalize())) {
        wrong.add(f + ": $schema=" + m.group(1) + " does not lead to " + COMMITTED);
      }
      for (Error e : validate(schema, text)) {
        wrong.add(f + ": " + e);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void loadersGoodFilesPassTheSchema() throws IOException, ScenarioException {
    Schema schema = schema();
    for (Path f : yamlFiles(Path.of("src/test/resources/scenario/good"))) {
      ScenarioLoader.load(f); // the loader takes it
      assertEquals(List.of(), validate(schema, Files.readString(f)), f.toString());
    }
  }

  @Test
  void whatTheLoaderRefusesForAKeyOrATypeTheSchemaRefusesToo() throws IOException {
    Schema schema = schema();
    List<String> checked = new ArrayList<>();
    for (Path f : yamlFiles(Path.of("src/test/resources/scenario/bad"))) {
      ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
      List<Problem> keyOrType = e.problems().stream().filter(p -> KEY_OR_TYPE.matcher(p.message()).find()).toList();
      if (keyOrType.isEmpty()) {
        continue;
      }
      List<Error> errors;
      try {
        errors = validate(schema, Files.readString(f));
      } catch (RuntimeException notYaml) {
        continue; // a file that is not YAML at all is a syntax error, not a key or a type
      }
      assertFalse(errors.isEmpty(), () -> f + ": the loader says " + keyOrType + ", the schema accepts it");
      checked.add(f.getFileName().toString());
    }
    // unknown-key, wrong-type, missing-unit, unknown profile, strategy, SYN preset, metric,
    // probability, percentage, negative count, too many clients, empty families, sweep value
    assertTrue(checked.size() >= 13, "files the schema was checked on: " + checked);
  }
}
