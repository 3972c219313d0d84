package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of {@code examples/k8s/}: no cluster can run here, so the test runs the shard
 * Job's command once per index with {@code JOB_COMPLETION_INDEX} set, as the Job controller of
 * an Indexed Job sets it, then the merge Job's command, with the pods' mount paths mapped into a
 * temporary folder, and compares the report with an unsharded run byte for byte.
 */
class KubernetesIndexedJobIT {
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final Path EXAMPLES = ProcessRun.basedir().resolve("examples/k8s");
  /** Where the Dockerfile puts the jar in the image. */
  private static final String IMAGE_JAR = "/opt/dialsim/dialsim.jar";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void eachIndexRunAsTheJobRunsItMergesToTheUnshardedRun(@TempDir Path root) throws Exception {
    JsonNode shards = YAML.readTree(EXAMPLES.resolve("shards-job.yaml").toFile());
    JsonNode merge = YAML.readTree(EXAMPLES.resolve("merge-job.yaml").toFile());
    JsonNode claim = YAML.readTree(EXAMPLES.resolve("pvc.yaml").toFile());
    assertTrue(Files.readString(EXAMPLES.resolve("Dockerfile")).contains("COPY target/dialsim.jar " + IMAGE_JAR));

    // the Job fields the contract rests on
    assertEquals("batch/v1", shards.path("apiVersion").asText());
    assertEquals("Job", shards.path("kind").asText());
    JsonNode spec = shards.path("spec");
    assertEquals("Indexed", spec.path("completionMode").asText(), "JOB_COMPLETION_INDEX is set only for Indexed Jobs");
    int n = spec.path("completions").asInt();
    assertTrue(n >= 2, "completions: " + n);
    JsonNode pod = spec.path("template").path("spec");
    assertEquals("Never", pod.path("restartPolicy").asText(), "backoffLimitPerIndex and podFailurePolicy need Never");
    JsonNode container = pod.path("containers").get(0);
    List<String> command = strings(container.path("command"));
    int at = command.indexOf("--shard");
    assertEquals(List.of("--shard", "env", "--shards", Integer.toString(n)), command.subList(at, at + 4),
        "--shards repeats completions");
    String parts = command.get(command.indexOf("--out") + 1);
    String scenario = command.get(command.indexOf("run") + 1);

    // volumes: the parts on the claim that the merge mounts too, the scenario from a ConfigMap
    Map<String, String> shardMounts = mounts(container, pod);
    JsonNode mergePod = merge.path("spec").path("template").path("spec");
    JsonNode mergeContainer = mergePod.path("containers").get(0);
    Map<String, String> mergeMounts = mounts(mergeContainer, mergePod);
    String claimName = claim.path("metadata").path("name").asText();
    assertTrue(strings(claim.path("spec").path("accessModes")).contains("ReadWriteMany"), "pods on several nodes share it");
    String workMount = mountOf(shardMounts, "pvc:" + claimName);
    assertTrue(parts.startsWith(workMount + "/"), parts + " is on the shared volume " + workMount);
    assertEquals(workMount, mountOf(mergeMounts, "pvc:" + claimName), "merge mounts the same claim at the same path");
    assertTrue(scenario.startsWith(mountOf(shardMounts, "configmap:dialsim-scenario") + "/"), scenario);
    List<String> mergeCommand = strings(mergeContainer.path("command"));
    assertEquals(List.of("sh", "-c"), mergeCommand.subList(0, 2));
    assertTrue(mergeCommand.get(2).contains(" merge " + parts + "shard-*-of-" + n + ".json "), mergeCommand.get(2));

    // the pods' file system, inside the temporary folder
    Files.createDirectories(root.resolve("opt/dialsim"));
    Files.createSymbolicLink(root.resolve("opt/dialsim/dialsim.jar"), ProcessRun.jar());
    Files.createDirectories(root.resolve("bin"));
    Files.createSymbolicLink(root.resolve("bin/java"), Path.of(ProcessRun.java()));
    Path scenarioFile = root.resolve(scenario.substring(1));
    Files.createDirectories(scenarioFile.getParent());
    Files.copy(ProcessRun.basedir().resolve("scenarios/timeout-grid.yaml"), scenarioFile);
    Map<String, String> mapped = new LinkedHashMap<>();
    mapped.put(IMAGE_JAR, root.resolve(IMAGE_JAR.substring(1)).toString());
    for (String mount : shardMounts.keySet()) {
      mapped.put(mount + "/", root.resolve(mount.substring(1)) + "/");
    }
    Files.createDirectories(root.resolve(workMount.substring(1)));

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ProcessRun>> pods = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Map<String, String> env = podEnvironment(root);
        env.put("JOB_COMPLETION_INDEX", Integer.toString(i));
        List<String> podCommand = command.stream().map(a -> map(a, mapped)).toList();
        pods.add(pool.submit(() -> ProcessRun.run(root, env, LIMIT, podCommand)));
      }
      for (int i = 0; i < n; i++) {
        ProcessRun r = pods.get(i).get();
        assertEquals(0, r.exit(), "index " + i + ":\n" + r.output());
      }
    } finally {
      pool.shutdownNow();
    }
    ProcessRun merged = ProcessRun.run(root, podEnvironment(root), LIMIT, mergeCommand.stream().map(a -> map(a, mapped)).toList());
    assertEquals(0, merged.exit(), merged.output());

    Path single = root.resolve("single");
    ProcessRun run = ProcessRun.run(root, podEnvironment(root), LIMIT,
        ProcessRun.dialsim("run", map(scenario, mapped), "--quiet", "--out", single.toString()));
    assertEquals(0, run.exit(), run.output());
    String report = mergeCommand.get(2).substring(mergeCommand.get(2).indexOf("--out ") + 6).trim();
    MergeCommandTest.assertSameFiles(single, Path.of(map(report + "/", mapped)));
  }

  /** A pod's environment: the image's java first on PATH, and no Slurm task variables. */
  private static Map<String, String> podEnvironment(Path root) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", root.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("SLURM_ARRAY_TASK_ID", null);
    env.put("SLURM_ARRAY_TASK_COUNT", null);
    return env;
  }

  /** Mount path to its source ({@code pvc:NAME} or {@code configmap:NAME}) for one container. */
  private static Map<String, String> mounts(JsonNode container, JsonNode pod) {
    Map<String, String> sources = new HashMap<>();
    for (JsonNode v : pod.path("volumes")) {
      String source = v.has("persistentVolumeClaim") ? "pvc:" + v.path("persistentVolumeClaim").path("claimName").asText()
          : v.has("configMap") ? "configmap:" + v.path("configMap").path("name").asText() : "other";
      sources.put(v.path("name").asText(), source);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode m : container.path("volumeMounts")) {
      out.put(m.path("mountPath").asText(), sources.get(m.path("name").asText()));
    }
    return out;
  }

  private static String mountOf(Map<String, String> mounts, String source) {
    return mounts.entrySet().stream().filter(e -> source.equals(e.getValue())).map(Map.Entry::getKey).findFirst()
        .orElseThrow(() -> new AssertionError("no volume from " + source + " is mounted: " + mounts));
  }

  /** {@code text} with each pod path replaced by its place in the temporary folder. */
  private static String map(String text, Map<String, String> mapped) {
    String out = text;
    for (Map.Entry<String, String> e : mapped.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(v -> out.add(v.asText()));
    return out;
  }
}
