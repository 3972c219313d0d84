package org.dialsim.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The operating system's reason for a failed read or write, in words: "permission denied", "no
 * space left on device", "is a directory". Java names most reasons only by the exception's class
 * and puts the file name where the reason would be; this says the reason, never the class.
 */
public final class IoReason {
  private IoReason() {}

  /** Why {@code e} happened. */
  public static String of(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException f) {
      // createDirectories meeting a file, or a move onto an existing folder
      String what = f.getFile() == null ? "something"
          : f.getFile() + (Files.isDirectory(Path.of(f.getFile())) ? " (a folder)" : " (a file)");
      return what + " is in the way";
    }
    if (e instanceof NotDirectoryException) {
      return "a file is in the way where a folder belongs";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      String r = f.getReason().strip();
      if (r.equalsIgnoreCase("Not a directory")) {
        return "a part of the path is a file, not a folder"; // ENOTDIR
      }
      // the OS's own text ("No space left on device", "Is a directory"), as a phrase
      return phrase(r);
    }
    // a failed read or write of an open file (a full disk, EIO) arrives as a plain IOException
    // whose message is the OS's text alone: "No space left on device", "Input/output error"
    String m = e.getMessage();
    return phrase(m == null ? "" : m.strip());
  }

  /** The OS's text as a phrase that reads on after "cannot write ...: ". */
  private static String phrase(String osText) {
    return osText.isEmpty() ? "input/output error" : osText.substring(0, 1).toLowerCase(Locale.ROOT) + osText.substring(1);
  }
}
