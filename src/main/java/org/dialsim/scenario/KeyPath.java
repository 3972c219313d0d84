package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Key paths such as {@code configurations[0].stack.deadline} or
 * {@code dns.names["pool.example.com"].ttl}: built for messages, parsed for {@code sweep:} and
 * {@code expect: at:}. A key that is not a plain word is written in brackets and quotes, so a
 * name with dots stays one step.
 */
final class KeyPath {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]*");

  private KeyPath() {}

  /** One step of a parsed path. */
  sealed interface Step {}

  /** A mapping key. */
  record Key(String name) implements Step {}

  /** A list index from 0. */
  record Index(int index) implements Step {}

  /** The path of {@code key} inside {@code parent} (empty parent: a top-level key). */
  static String child(String parent, String key) {
    if (PLAIN.matcher(key).matches()) {
      return parent.isEmpty() ? key : parent + "." + key;
    }
    return parent + "[" + quote(key) + "]";
  }

  /** The path of item {@code i} of the list at {@code parent}. */
  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** The path text of parsed steps, as {@link #child} and {@link #index} would build it. */
  static String format(List<Step> steps) {
    String p = "";
    for (Step s : steps) {
      p = s instanceof Key k ? child(p, k.name()) : index(p, ((Index) s).index());
    }
    return p;
  }

  /**
   * Parses a path; throws {@link IllegalArgumentException} with a message saying what is wrong
   * and how to write it.
   */
  static List<Step> parse(String path) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      throw new IllegalArgumentException("empty path; write a key such as deadline or network.rtt");
    }
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        int close;
        if (i + 1 < n && path.charAt(i + 1) == '"') {
          StringBuilder key = new StringBuilder();
          int j = i + 2;
          while (j < n && path.charAt(j) != '"') {
            if (path.charAt(j) == '\\' && j + 1 < n) {
              j++;
            }
            key.append(path.charAt(j++));
          }
          if (j + 1 >= n || path.charAt(j + 1) != ']') {
            throw bad(path, "an unclosed [\"...\"]");
          }
          steps.add(new Key(key.toString()));
          close = j + 1;
        } else {
          close = path.indexOf(']', i);
          if (close < 0) {
            throw bad(path, "an unclosed [");
          }
          String digits = path.substring(i + 1, close);
          if (!digits.matches("\\d{1,6}")) {
            throw bad(path, "the index " + Messages.quote(digits) + ", which is not a number");
          }
          steps.add(new Index(Integer.parseInt(digits)));
        }
        i = close + 1;
      } else {
        if (c == '.') {
          if (steps.isEmpty() || i + 1 >= n) {
            throw bad(path, "a misplaced dot");
          }
          i++;
        } else if (!steps.isEmpty()) {
          throw bad(path, "a missing dot before " + Messages.quote(path.substring(i)));
        }
        int j = i;
        while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
          j++;
        }
        String key = path.substring(i, j);
        if (!PLAIN.matcher(key).matches()) {
          throw bad(path, "the key " + Messages.quote(key) + "; write such keys as [\"" + key + "\"]");
        }
        steps.add(new Key(key));
        i = j;
      }
    }
    return steps;
  }

  private static IllegalArgumentException bad(String path, String what) {
    return new IllegalArgumentException(
        "the path " + Messages.quote(path) + " has " + what + "; write paths like network.paths[0].loss");
  }

  private static String quote(String key) {
    return "\"" + Messages.escape(key).replace("\"", "\\\"") + "\"";
  }
}
