package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CI files under examples/ci are the ones the README shows, and every dialsim command in
 * them is one dialsim accepts, on files that exist: copied into a pipeline, they run.
 */
class CiExamplesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @ValueSource(strings = {"examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"})
  void everyDialsimCommandParsesAndItsFilesExist(String file) throws Exception {
    JsonNode pipeline = YAML.readTree(Path.of(file).toFile());
    List<String> commands = new ArrayList<>();
    for (String step : shellSteps(pipeline, new ArrayList<>())) {
      for (String line : step.split("\n")) {
        int at = line.indexOf("dialsim ");
        if (at >= 0 && (at == 0 || line.startsWith("./dialsim "))) {
          commands.add(line.substring(at));
        }
      }
    }
    assertFalse(commands.isEmpty(), file + " runs no dialsim command");
    for (String command : commands) {
      List<String> words = HelpTextTest.shellWords(command);
      List<String> args = words.subList(1, words.size());
      try {
        CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(new String[0]));
        assertTrue(parsed.hasSubcommand(), command);
      } catch (CommandLine.ParameterException e) {
        fail(file + ": " + command + ": " + e.getMessage());
      }
      for (String a : args) {
        if (a.endsWith(".yaml")) {
          assertTrue(Files.isRegularFile(Path.of(a)), file + " names a missing scenario: " + a);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/ci/github-actions.yml", "examples/ci/gitlab-ci.yml"})
  void theReadmeShowsTheFileAsItIs(String file) throws Exception {
    String body = String.join("\n", Files.readAllLines(Path.of(file)).stream().filter(l -> !l.startsWith("#")).toList()) + "\n";
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains("```yaml\n" + body + "```"), file + " and its README block differ");
    assertTrue(readme.contains("(" + file + ")"), "the README links " + file);
  }

  /** Every {@code run:} (GitHub) and {@code script:} (GitLab) string in the pipeline. */
  private static List<String> shellSteps(JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        JsonNode v = e.getValue();
        if (e.getKey().equals("run") && v.isTextual()) {
          out.add(v.asText());
        } else if (e.getKey().equals("script") && v.isArray()) {
          v.forEach(x -> out.add(x.asText()));
        } else {
          shellSteps(v, out);
        }
      }
    } else if (node.isArray()) {
      node.forEach(x -> shellSteps(x, out));
    }
    return out;
  }
}
