package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialsim.sim.Shard;
import org.junit.jupiter.api.Test;

class ShardsTest {
  @Test
  void aFractionNamesTheShard() {
    assertEquals(new Shard(2, 8), Shards.resolve("2/8", null, Map.of()));
    assertEquals(new Shard(2, 8), Shards.resolve("2/8", 8, Map.of()));
    assertNull(Shards.resolve(null, null, Map.of()));
    assertEquals("--shards 5 disagrees with --shard 2/8; give only --shard 2/8", fails("2/8", 5, Map.of()));
    assertEquals("--shards 4 goes with --shard env; add it, or give --shard i/4", fails(null, 4, Map.of()));
    assertTrue(fails("0/0", null, Map.of()).contains("n must be between 1 and"));
    assertTrue(fails("-1/4", null, Map.of()).startsWith("--shard must be i/n"));
  }

  @Test
  void envReadsASlurmArrayTask() {
    Map<String, String> task = Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4");
    assertEquals(new Shard(3, 4), Shards.resolve("env", null, task));
    // a rerun of tasks 3 and 7 of 8 is an array of 2 tasks: --shards gives the run's count
    Map<String, String> rerun = Map.of("SLURM_ARRAY_TASK_ID", "7", "SLURM_ARRAY_TASK_COUNT", "2");
    assertEquals(new Shard(7, 8), Shards.resolve("env", 8, rerun));
    assertEquals("--shard env: SLURM_ARRAY_TASK_ID is 7, not below the shard count 2; number the tasks from 0"
        + " (sbatch --array=0-1)", fails("env", null, rerun));
    assertTrue(fails("env", null, Map.of("SLURM_ARRAY_TASK_ID", "1")).contains("SLURM_ARRAY_TASK_COUNT is not"));
    assertTrue(fails("env", null, Map.of("SLURM_ARRAY_TASK_ID", "x", "SLURM_ARRAY_TASK_COUNT", "2"))
        .contains("SLURM_ARRAY_TASK_ID is \"x\", not a task index"));
  }

  @Test
  void envReadsAKubernetesCompletionIndexWithTheCountGiven() {
    assertEquals(new Shard(0, 4), Shards.resolve("env", 4, Map.of("JOB_COMPLETION_INDEX", "0")));
    assertTrue(fails("env", null, Map.of("JOB_COMPLETION_INDEX", "0")).contains("add --shards N with N the Job's completions"));
    assertTrue(fails("env", null, Map.of()).contains("neither SLURM_ARRAY_TASK_ID (a Slurm job array) nor JOB_COMPLETION_INDEX"));
  }

  @Test
  void aPartGoesIntoTheFolderOrFileNamed() {
    Shard s = new Shard(1, 3);
    assertEquals(Path.of("reports", "grid-shards", "shard-1-of-3.json"), Shards.partFile(null, "grid", s, false));
    assertEquals(Path.of("parts", "shard-1-of-3.json"), Shards.partFile(Path.of("parts"), "grid", s, false));
    assertEquals(Path.of("parts", "grid", "shard-1-of-3.json"), Shards.partFile(Path.of("parts"), "grid", s, true));
    assertEquals(Path.of("p", "mine.json"), Shards.partFile(Path.of("p", "mine.json"), "grid", s, false));
  }

  @Test
  void missingIndicesReadAsSlurmArrayRanges() {
    assertEquals("1,4-6,9", MergeCommand.indices(List.of(1, 4, 5, 6, 9)));
    assertEquals("0", MergeCommand.indices(List.of(0)));
  }

  private static String fails(String spec, Integer count, Map<String, String> env) {
    return assertThrows(IllegalArgumentException.class, () -> Shards.resolve(spec, count, env)).getMessage();
  }
}
