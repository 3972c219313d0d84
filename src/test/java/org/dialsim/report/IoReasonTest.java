package org.dialsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OS's reason in words, never the exception's class or the bare file name. */
class IoReasonTest {
  @Test
  void namesTheReason(@TempDir Path dir) throws IOException {
    assertEquals("permission denied", IoReason.of(new AccessDeniedException("/x")));
    assertEquals("no such file or directory", IoReason.of(new NoSuchFileException("/x")));
    // what Linux reports for a full disk (ENOSPC) arrives as the exception's reason
    assertEquals("no space left on device", IoReason.of(new FileSystemException("/x", null, "No space left on device")));
    Path file = Files.writeString(dir.resolve("g"), "x");
    IOException below = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Files.createDirectories(file.resolve("report")));
    assertEquals("a part of the path is a file, not a folder", IoReason.of(below));
    IOException inTheWay = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> Files.createDirectories(file));
    assertEquals(file + " (a file) is in the way", IoReason.of(inTheWay));
    assertEquals("input/output error", IoReason.of(new IOException()));
    // a write to a full disk (ENOSPC) and a read that fails (EIO) are plain IOExceptions with the
    // OS's text as message; found writing a report to a full tmpfs and reading /proc/self/mem
    assertEquals("no space left on device", IoReason.of(new IOException("No space left on device")));
    assertEquals("input/output error", IoReason.of(new IOException("Input/output error")));
  }
}
