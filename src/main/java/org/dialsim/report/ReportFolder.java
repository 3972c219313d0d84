package org.dialsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Replaces a report folder as a whole: the new report is written into a folder beside the target
 * ({@code .NAME.new-ID}), renamed {@code .NAME.ready-ID} once complete, and swapped in with two
 * renames (the old folder aside to {@code .NAME.old-ID}, the ready one into place). A reader sees
 * the old report or the new one, never a mix of two runs. A run killed between the two renames
 * leaves no folder for that instant; the next run's {@link #recover} puts the ready report (or
 * else the old one) in place and removes every leftover, so the folder is whole again before
 * anything else happens.
 *
 * <p>Files in the old folder that the new report does not write (explain's timeline, a note of
 * the user's) are carried into the new folder; dialsim's own charts of an earlier run are not,
 * and a folder that holds sub-folders is refused rather than moved (it is not a report folder:
 * {@code --out .} must not move the working directory).
 */
final class ReportFolder {
  /** Charts some runs draw and others leave out: an earlier run's are dropped, not carried over. */
  private static final Pattern OWN_CHARTS =
      Pattern.compile("(heatmap-[a-z0-9-]+|sweep|(learning-curve|establish-time)(-point-[0-9]+)?|first-call-failure)"
          + "\\.(png|svg)");
  /** Temporary files of {@link AtomicFiles} that a killed writer left. */
  private static final Pattern TEMP_FILE = Pattern.compile("\\..+\\.[0-9]+\\.tmp");

  private ReportFolder() {}

  /** The three kinds of folder beside the target while it is replaced. */
  private enum Stage {
    NEW, READY, OLD;

    String prefix(Path target) {
      return "." + target.getFileName() + "." + name().toLowerCase(java.util.Locale.ROOT) + "-";
    }
  }

  /**
   * Writes {@code files} (name to content) as the whole content of {@code target}, replacing
   * what was there.
   *
   * @return the files written, in the order given
   */
  static List<Path> replace(Path target, Map<String, byte[]> files) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    if (t.getParent() == null) {
      throw new IOException("the root folder cannot be a report folder; give a folder of its own with --out");
    }
    Files.createDirectories(t.getParent());
    recover(t);
    if (Files.exists(t, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(t)) {
      throw new IOException("a file is in the way where the report folder belongs; remove it or choose another --out");
    }
    String id = ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path fresh = t.resolveSibling(Stage.NEW.prefix(t) + id);
    Files.createDirectory(fresh);
    try {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Path p = fresh.resolve(f.getKey());
        Files.write(p, f.getValue());
        shareable(p);
      }
      if (Files.isDirectory(t)) {
        carryOver(t, fresh, files.keySet());
      }
      shareable(fresh);
      Path ready = t.resolveSibling(Stage.READY.prefix(t) + id);
      move(fresh, ready);
      if (Files.isDirectory(t)) {
        Path old = t.resolveSibling(Stage.OLD.prefix(t) + id);
        move(t, old);
        try {
          move(ready, t);
        } catch (IOException e) {
          move(old, t); // put the old report back rather than leave no folder
          throw e;
        }
        deleteTree(old);
      } else {
        move(ready, t);
      }
    } finally {
      deleteTree(fresh);
    }
    List<Path> written = new ArrayList<>();
    for (String name : files.keySet()) {
      written.add(target.resolve(name));
    }
    return List.copyOf(written);
  }

  /**
   * Repairs what a killed run left beside {@code target}: with no target, the ready report (or
   * else the previous one) goes into place; every other leftover folder is removed.
   */
  static void recover(Path target) throws IOException {
    Path t = target.toAbsolutePath().normalize();
    if (t.getParent() == null || !Files.isDirectory(t.getParent())) {
      return;
    }
    if (!Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
      Path back = newest(t, Stage.READY);
      if (back == null) {
        back = newest(t, Stage.OLD);
      }
      if (back != null) {
        move(back, t);
      }
    }
    for (Stage s : Stage.values()) {
      for (Path p : leftovers(t, s)) {
        deleteTree(p);
      }
    }
  }

  /** Carries the old folder's other files (not its report files) into the new one. */
  private static void carryOver(Path old, Path fresh, Set<String> written) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(old)) {
      dir.forEach(entries::add);
    }
    for (Path p : entries) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(old + " holds the folder " + p.getFileName()
            + ", so it is not a report folder; give a folder of its own with --out");
      }
    }
    for (Path p : entries) {
      String n = p.getFileName().toString();
      if (written.contains(n) || OWN_CHARTS.matcher(n).matches() || TEMP_FILE.matcher(n).matches()) {
        continue;
      }
      try {
        Files.createLink(fresh.resolve(n), p);
      } catch (IOException | UnsupportedOperationException e) {
        Files.copy(p, fresh.resolve(n), StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      }
    }
  }

  private static List<Path> leftovers(Path t, Stage s) throws IOException {
    List<Path> out = new ArrayList<>();
    String prefix = s.prefix(t);
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(t.getParent(),
        p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : dir) {
        out.add(p);
      }
    }
    return out;
  }

  /** The leftover of a stage last written (ids end in a clock reading), or null. */
  private static Path newest(Path t, Stage s) throws IOException {
    Path best = null;
    long bestTime = Long.MIN_VALUE;
    for (Path p : leftovers(t, s)) {
      long time = Files.getLastModifiedTime(p).toMillis();
      if (best == null || time > bestTime) {
        best = p;
        bestTime = time;
      }
    }
    return best;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** A report is meant to be shared and served: files rw-r--r--, folders rwxr-xr-x. */
  private static void shareable(Path p) throws IOException {
    if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
