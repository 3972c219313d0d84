package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 a process that replaces a report folder over and over, at many moments: the folder
 * is always one run's report, whole (or, killed between the two renames of a swap, absent until
 * the next run's recovery puts a whole one back), and recovery leaves nothing behind.
 */
class ReportFolderKillTest {
  /**
   * Kills; each starts a JVM (about a third of a second here), so keep them few in the suite.
   * -Dkills=80 hit the gap between the two renames once (80 kills, 2-core machine).
   */
  private static final int KILLS = Integer.getInteger("kills", 12);

  @Test
  void aKilledWriterLeavesTheOldReportOrTheNewOneWhole(@TempDir Path dir) throws Exception {
    Path target = dir.resolve("report");
    Random random = new Random(20140725);
    Set<Long> runsSeen = new HashSet<>();
    int absent = 0;
    for (int k = 0; k < KILLS; k++) {
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), ReportWriterMain.class.getName(), target.toString())
          .redirectErrorStream(true).start();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        assertEquals("ready", out.readLine(), "the writer started");
        Thread.sleep(random.nextInt(60)); // a moment somewhere in the next few swaps
        p.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
        p.waitFor();
      }
      if (Files.exists(target)) {
        runsSeen.add(wholeRun(target));
      } else {
        absent++; // killed between the two renames of a swap
      }
      ReportFolder.recover(target); // what the next run does first
      runsSeen.add(wholeRun(target));
      try (Stream<Path> left = Files.list(dir)) {
        assertEquals(List.of(target), left.toList(), "recovery leaves only the report folder");
      }
    }
    assertTrue(runsSeen.size() > 1, "kills landed at different moments: " + runsSeen + ", absent " + absent);
  }

  /** The run number all of the folder's files hold; fails on a mix of runs or a cut file. */
  private static long wholeRun(Path folder) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.sorted().forEach(files::add);
    }
    assertEquals(4, files.size(), "the report's files and nothing else: " + files);
    long run = -1;
    for (Path f : files) {
      String text = Files.readString(f);
      long r = Long.parseLong(text.substring(4, text.indexOf('\n')));
      assertEquals(new String(ReportWriterMain.files(r).get(f.getFileName().toString()), StandardCharsets.UTF_8), text,
          f + " is whole");
      assertTrue(run < 0 || run == r, "one run's files only: " + f + " is of run " + r + ", others of " + run);
      run = r;
    }
    return run;
  }
}
