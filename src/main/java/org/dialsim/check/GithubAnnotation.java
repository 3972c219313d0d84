package org.dialsim.check;

/**
 * GitHub Actions workflow commands ({@code ::error file=F,line=L,col=C,title=T::message}):
 * a runner that sees one on the job's output marks the line in the pull request's diff.
 */
public final class GithubAnnotation {
  /** The annotation title, shown above the message. */
  public static final String TITLE = "dialsim check";

  private GithubAnnotation() {}

  /**
   * An error annotation. {@code line} and {@code column} are 1-based; 0 leaves them out (a
   * problem with the file as a whole).
   */
  public static String error(String file, int line, int column, String message) {
    StringBuilder sb = new StringBuilder("::error file=").append(property(file));
    if (line > 0) {
      sb.append(",line=").append(line);
      if (column > 0) {
        sb.append(",col=").append(column);
      }
    }
    return sb.append(",title=").append(property(TITLE)).append("::").append(data(message)).toString();
  }

  /**
   * Escapes a message as the Actions toolkit does (escapeData in @actions/core): a line break
   * would end the command, and % starts an escape.
   */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value (escapeProperty): also ':' and ',', which separate properties. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
