package org.dialsim.scenario;

import java.util.Collection;
import java.util.Iterator;

/** Text pieces shared by validation messages: quoting a user's value, listing choices. */
final class Messages {
  /** Longer values are cut: a message must stay on one readable line. */
  private static final int MAX_QUOTED = 60;

  private Messages() {}

  /** The value in double quotes with control characters escaped, cut when very long. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (n++ >= MAX_QUOTED) {
        sb.append("...");
        break;
      }
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** {@code a, b, c}; long lists end with {@code ...} after a dozen names. */
  static String list(Collection<String> names) {
    StringBuilder sb = new StringBuilder();
    Iterator<String> it = names.iterator();
    for (int i = 0; it.hasNext(); i++) {
      String s = it.next();
      if (i == 12) {
        sb.append(", ...");
        break;
      }
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(s);
    }
    return sb.toString();
  }

  /** Makes a one-line message out of library text that may span lines. */
  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
