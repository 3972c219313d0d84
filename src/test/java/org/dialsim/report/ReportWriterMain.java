package org.dialsim.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A writer for {@link ReportFolderKillTest} to kill: replaces the report folder given as the
 * only argument again and again, run N writing files that all say N, and prints "ready" once
 * the first report is in place.
 */
public final class ReportWriterMain {
  /** Files of one run; each holds its run number, padded so a write takes a moment. */
  static Map<String, byte[]> files(long run) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String name : new String[] {"results.csv", "results.json", "first-call-failure.png", "index.html"}) {
      files.put(name, (("run " + run + "\n").repeat(4096) + "end\n").getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private ReportWriterMain() {}

  /** Writes forever (until killed). */
  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    for (long run = 1; ; run++) {
      ReportFolder.replace(target, files(run));
      if (run == 1) {
        System.out.println("ready");
        System.out.flush();
      }
    }
  }
}
