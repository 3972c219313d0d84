package org.dialsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files of about 1 MB built to cost memory or time are refused by {@code validate} in a JVM with
 * a 64 MB heap: a key, a value and a host name of a megabyte, 200 000 list items, an alias bomb.
 * (Issue 10 measured 523 MiB for a 1 MB key.)
 */
class HostileInputTest {
  @Test
  void megabyteInputsAreRefusedWithinASmallHeap(@TempDir Path dir) throws Exception {
    String head = "name: hostile\nhosts:\n";
    String mega = "k".repeat(1_000_000);
    List<Path> files = new ArrayList<>();
    files.add(write(dir, "key.yaml", head + "  fe1: { addresses: [192.0.2.1], " + mega + ": 1 }\n"));
    files.add(write(dir, "block-key.yaml", head + "  " + mega + ": { addresses: [192.0.2.1] }\n"));
    files.add(write(dir, "value.yaml", head + "  fe1: { addresses: [\"" + mega + "\"] }\n"));
    files.add(write(dir, "items.yaml", head + "  fe1: { addresses: [" + "1, ".repeat(200_000) + "1] }\n"));
    StringBuilder bomb = new StringBuilder("name: bomb\na0: &a0 [" + "x, ".repeat(999) + "x]\n");
    for (int i = 1; i < 20; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(49))
          .append("*a").append(i - 1).append("]\n");
    }
    files.add(write(dir, "bomb.yaml", bomb.toString()));
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "validate"));
    files.forEach(f -> cmd.add(f.toString()));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "no hang");
    assertEquals(3, p.exitValue(), err);
    assertTrue(!err.contains("OutOfMemoryError") && !err.contains("Exception"), err);
    for (Path f : files) {
      assertTrue(err.lines().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(f.toString()) + ":\\d+:\\d+: .*")),
          f + " refused with a positioned message: " + err);
    }
    assertTrue(err.contains("a key of 1000000 characters"), err);
    assertTrue(err.contains("billion laughs"), err);
    assertTrue(err.contains("items.yaml:3:") && err.contains("more than 100000 values (map entries, list items)"), err);
    assertTrue(err.contains("block-key.yaml:3:3: a key of 1000000 characters"), err);
    assertTrue(err.lines().count() < 40, "a few lines, not a flood: " + err.lines().count());
  }

  private static Path write(Path dir, String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
