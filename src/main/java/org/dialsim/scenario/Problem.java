package org.dialsim.scenario;

/**
 * One thing wrong with a scenario file, printed as {@code FILE:LINE:COL: KEY.PATH: message}.
 *
 * @param file the file as the user named it
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0
 * @param key the key path, e.g. {@code configurations[0].stack.deadline}; empty for syntax errors
 * @param message what is wrong and how to fix it, one line
 */
public record Problem(String file, int line, int column, String key, String message) {
  /** The one-line form shown to users. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!key.isEmpty()) {
      sb.append(key).append(": ");
    }
    return sb.append(message).toString();
  }
}
