package org.dialsim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a file completely under a temporary name beside it, then moves it into place. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code text} (UTF-8) to {@code target}, replacing it only once it is whole. */
  public static void write(Path target, String text) throws IOException {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code bytes} to {@code target}, replacing it only once it is whole.
   *
   * @throws IOException with the operating system's reason in words as its message
   */
  public static void write(Path target, byte[] bytes) throws IOException {
    try {
      replace(target, bytes);
    } catch (IOException e) {
      throw new IOException(IoReason.of(e), e);
    }
  }

  private static void replace(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, bytes);
      // createTempFile makes the file private (0600); a report is meant to be shared and served
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
