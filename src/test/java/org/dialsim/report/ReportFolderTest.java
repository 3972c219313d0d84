package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder is replaced as a whole; what a killed run left is repaired first. */
class ReportFolderTest {
  private static Map<String, byte[]> report(String marker, String... names) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String n : names) {
      files.put(n, marker.getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theNewReportReplacesTheOldOneAndKeepsOtherFiles(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("r");
    ReportFolder.replace(out, report("1", "results.csv", "sweep.png", "index.html"));
    Files.writeString(out.resolve("timeline.png"), "explain's");
    Files.writeString(out.resolve("notes.txt"), "the user's");
    Files.writeString(out.resolve(".results.csv.123.tmp"), "a killed AtomicFiles write");
    ReportFolder.replace(out, report("2", "results.csv", "index.html"));
    // sweep.png belonged to the first run only; explain's and the user's files stay
    assertEquals(List.of("index.html", "notes.txt", "results.csv", "timeline.png"), names(out));
    assertEquals("2", Files.readString(out.resolve("results.csv")));
    assertEquals("the user's", Files.readString(out.resolve("notes.txt")));
    assertEquals(List.of("r"), names(dir), "nothing left beside it");
  }

  @Test
  void recoveryPutsTheReadyOrTheOldReportBack(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("r");
    // killed after the old report went aside and before the ready one came in
    Files.createDirectories(dir.resolve(".r.old-1-1"));
    Files.writeString(dir.resolve(".r.old-1-1/results.csv"), "old");
    Files.createDirectories(dir.resolve(".r.ready-2-2"));
    Files.writeString(dir.resolve(".r.ready-2-2/results.csv"), "new");
    Files.createDirectories(dir.resolve(".r.new-3-3"));
    ReportFolder.recover(out);
    assertEquals("new", Files.readString(out.resolve("results.csv")));
    assertEquals(List.of("r"), names(dir));
    // killed with only the old report aside: it comes back
    Files.move(out, dir.resolve(".r.old-4-4"));
    ReportFolder.recover(out);
    assertEquals("new", Files.readString(out.resolve("results.csv")));
    assertEquals(List.of("r"), names(dir));
  }

  @Test
  void aFolderWithSubfoldersIsNotAReportFolder(@TempDir Path dir) throws IOException {
    // --out . or --out ~ must not move a working directory aside
    Files.createDirectories(dir.resolve("work/src"));
    IOException e = assertThrows(IOException.class,
        () -> Reports.write(org.dialsim.chart.ChartFixtures.plain(), dir.resolve("work")));
    assertTrue(e.getMessage().contains("holds the folder src, so it is not a report folder"), e.getMessage());
    assertTrue(Files.isDirectory(dir.resolve("work/src")));
    assertEquals(List.of("work"), names(dir), "nothing written, nothing left");
  }

  @Test
  void ioErrorsSayTheReason(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("g"), "x");
    IOException inTheWay = assertThrows(IOException.class, () -> Reports.write(org.dialsim.chart.ChartFixtures.plain(), file));
    assertEquals("a file is in the way where the report folder belongs; remove it or choose another --out",
        inTheWay.getMessage());
    IOException below = assertThrows(IOException.class,
        () -> Reports.write(org.dialsim.chart.ChartFixtures.plain(), file.resolve("report")));
    assertFalse(below.getMessage().contains(file.toString() + ": " + file), below.getMessage());
    assertTrue(below.getMessage().contains("in the way"), below.getMessage());
  }
}
