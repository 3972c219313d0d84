package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of a real scenario as the tasks of a real Slurm job array, on a one-node cluster that
 * {@code .ci/slurm-local.sh} installs and starts, merged and compared with an unsharded run
 * byte for byte. Skipped (with the reason) on a machine without root or apt-get.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one cluster for all tests: starting it costs seconds
class SlurmArrayIT {
  private static final Duration LIMIT = Duration.ofSeconds(120);
  private static final String SCENARIO = "scenarios/timeout-grid.yaml";
  private static final Path SCRIPT = ProcessRun.basedir().resolve(".ci/slurm-local.sh");
  /**
   * The cluster's folder and ports, its own so that test runs in several checkouts at once do
   * not meet; .ci/run names the folder, so that it can stop the cluster of a killed test JVM.
   */
  private final Path base;
  private final boolean ownBase;
  private final Map<String, String> slurm = new HashMap<>();
  private final List<Path> pidFiles;
  private boolean started;
  @TempDir
  static Path shared; // one folder for the class (an instance field's would be per test)
  /** The report of one unsharded run, started beside the cluster's start (it takes seconds too). */
  private CompletableFuture<ProcessRun> single;

  SlurmArrayIT() throws IOException {
    String dir = System.getenv("SLURM_LOCAL_DIR");
    ownBase = dir == null;
    base = ownBase ? Files.createTempDirectory("dialsim-slurm-it") : Path.of(dir);
    slurm.put("SLURM_LOCAL_DIR", base.toString());
    slurm.put("SLURM_CONF", base.resolve("slurm.conf").toString());
    slurm.put("SLURM_LOCAL_CTLD_PORT", Integer.toString(freePort()));
    slurm.put("SLURM_LOCAL_SLURMD_PORT", Integer.toString(freePort()));
    pidFiles = List.of(base.resolve("slurmctld.pid"), base.resolve("slurmd.pid"), base.resolve("munge/munged.pid"));
  }


  @BeforeAll
  void up() {
    ProcessRun can = script("can-run");
    if (can.exit() != 0) {
      System.err.println("SlurmArrayIT skipped: " + can.output().trim());
    }
    Assumptions.assumeTrue(can.exit() == 0, "no Slurm cluster can run here: " + can.output().trim());
    started = true;
    single = CompletableFuture.supplyAsync(() -> ProcessRun.run(shared, Map.of(), LIMIT,
        ProcessRun.dialsim("run", scenario(), "--quiet", "--out", shared.resolve("single").toString())));
    ProcessRun up = script("up");
    assertEquals(0, up.exit(), "slurm-local.sh up failed:\n" + up.output());
  }

  @AfterAll
  void down() throws IOException {
    if (!started) {
      return;
    }
    List<Long> pids = new ArrayList<>();
    for (Path f : pidFiles) {
      if (Files.exists(f)) {
        pids.add(Long.parseLong(Files.readString(f).trim()));
      }
    }
    ProcessRun down = script("down");
    assertEquals(0, down.exit(), down.output());
    assertEquals(3, pids.size(), "munged, slurmctld and slurmd each wrote a pid file");
    for (long pid : pids) {
      boolean running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !zombie(pid);
      assertFalse(running, "process " + pid + " still runs after slurm-local.sh down");
    }
    if (ownBase) {
      try (Stream<Path> all = Files.walk(base)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Test
  void aFourTaskArrayOfShardsMergesToTheUnshardedRunByteForByte(@TempDir Path dir) throws IOException {
    ProcessRun array = sbatch(dir, "0-3", "");
    assertEquals(0, array.exit(), "a task failed, so sbatch --wait did not exit 0:\n" + array.output() + logs(dir));
    assertEquals(List.of("shard-0-of-4.json", "shard-1-of-4.json", "shard-2-of-4.json", "shard-3-of-4.json"), parts(dir));
    assertMergesToTheUnshardedRun(dir);
  }

  @Test
  void aFailedTaskFailsTheArrayAndOnlyItIsRunAgain(@TempDir Path dir) throws IOException {
    // task 2 dies before dialsim starts, as a task killed by its node would; it dies once the
    // other three have written their parts (or after 60 s, on a node with one CPU). (A task that ends long before the rest can have its
    // record purged by slurmctld, MinJobAge after it ended, while they still run; sbatch --wait
    // then never sees its exit code and exits 0. Seen once on a loaded machine.)
    ProcessRun array = sbatch(dir, "0-3", "if [ \"$SLURM_ARRAY_TASK_ID\" = 2 ]; then "
        + "n=0; while [ \"$(ls parts 2>/dev/null | grep -c '\\.json$')\" -lt 3 ] && [ $n -lt 300 ]; do sleep 0.2; n=$((n+1)); done; "
        + "exit 7; fi; ");
    assertEquals(7, array.exit(), "sbatch --wait returns the worst task's exit code:\n" + array.output());
    ProcessRun incomplete = ProcessRun.run(dir, Map.of(), LIMIT, merge(dir));
    assertEquals(3, incomplete.exit(), incomplete.output());
    assertTrue(incomplete.output().contains("1 of 4 shards missing: 2;"), incomplete.output());
    // the rerun is an array of one task (SLURM_ARRAY_TASK_COUNT=1): --shards 4 keeps the count
    ProcessRun rerun = sbatch(dir, "2", "");
    assertEquals(0, rerun.exit(), rerun.output() + logs(dir));
    assertMergesToTheUnshardedRun(dir);
  }

  /**
   * {@code sbatch --wait --array=TASKS} of {@code run --shard env --shards 4}, each task on one
   * core with a heap to match, after {@code before} (shell).
   */
  private ProcessRun sbatch(Path dir, String tasks, String before) {
    String run = String.join(" ", ProcessRun.dialsim("run", scenario(), "--shard", "env", "--shards", "4", "--threads", "1",
        "--quiet", "--out", dir.resolve("parts").toString()));
    List<String> command = List.of("sbatch", "--wait", "--quiet", "--array=" + tasks, "--cpus-per-task=1", "--mem=512M",
        "--chdir=" + dir, "-o", dir.resolve("task-%a.log").toString(), "--wrap", before + run);
    return ProcessRun.run(dir, slurm, LIMIT, command);
  }

  private void assertMergesToTheUnshardedRun(Path dir) throws IOException {
    ProcessRun merge = ProcessRun.run(dir, Map.of(), LIMIT, merge(dir));
    assertEquals(0, merge.exit(), merge.output());
    MergeCommandTest.assertSameFiles(single(), dir.resolve("merged"));
    assertNotEquals(0, Files.size(dir.resolve("merged/results.csv")));
  }

  private Path single() {
    ProcessRun run = single.join();
    assertEquals(0, run.exit(), run.output());
    return shared.resolve("single");
  }

  private static List<String> merge(Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of("merge"));
    for (String p : parts(dir)) {
      args.add(dir.resolve("parts").resolve(p).toString());
    }
    args.addAll(List.of("--quiet", "--out", dir.resolve("merged").toString()));
    return ProcessRun.dialsim(args.toArray(new String[0]));
  }

  private static List<String> parts(Path dir) throws IOException {
    if (!Files.isDirectory(dir.resolve("parts"))) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir.resolve("parts"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
  }

  private static String scenario() {
    return ProcessRun.basedir().resolve(SCENARIO).toString();
  }

  private ProcessRun script(String action) {
    return ProcessRun.run(ProcessRun.basedir(), slurm, LIMIT, List.of("bash", SCRIPT.toString(), action));
  }

  /** A port nothing listens on now (the kernel's choice of an ephemeral one). */
  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  private static String logs(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path log : s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
        sb.append("\n--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    }
    return sb.toString();
  }
}
