package org.dialsim.scenario;

import org.dialsim.model.Limits;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Turns a YAML syntax error into a message in words at the place where the mistake was made:
 * where the quote or bracket that is never closed was opened, the line that lacks its colon,
 * the stray bracket. The parser notices a mistake later than it happens (an unclosed quote only
 * at the next quote); these rules walk back to its start. Nothing of the parser's own vocabulary
 * (token names, exception texts) reaches the user.
 */
final class SyntaxErrors {
  /** The fullwidth colon, which looks like ':' and is not one. */
  static final int FULLWIDTH_COLON = 0xFF1A;

  private SyntaxErrors() {}

  /**
   * A syntax problem and where to report it.
   *
   * @param line 1-based line
   * @param column 1-based column (code points)
   * @param message what is wrong and how to fix it
   */
  record Found(int line, int column, String message) {}

  /**
   * The problem of {@code e} in words.
   *
   * @param text the document
   * @param lastMultiLineQuote the last quoted value read that spans lines, or null
   */
  static Found describe(MarkedYAMLException e, String text, ScalarEvent lastMultiLineQuote) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    Mark at = e.getProblemMark();
    Mark from = e.getContextMark() != null ? e.getContextMark() : at;
    Lines lines = new Lines(text);
    if (context.contains("quoted scalar")) {
      if (problem.contains("end of stream") || problem.contains("document separator")) {
        return found(from, "the " + quote(lines, from) + " opened here is never closed; close the value on this line");
      }
      return found(at, "a double-quoted value has an unknown escape here; write \\\\ for a backslash, or use single quotes");
    }
    if (lastMultiLineQuote != null && at.getIndex() >= lastMultiLineQuote.getEndMark().getIndex()
        && at.getLine() - lastMultiLineQuote.getEndMark().getLine() <= 1) {
      Mark q = lastMultiLineQuote.getStartMark();
      return found(q, "the " + quote(lines, q) + " opened here is closed only on line "
          + (lastMultiLineQuote.getEndMark().getLine() + 1) + "; close the value on line " + (q.getLine() + 1));
    }
    int fullwidth = lines.find(at.getLine() - 1, FULLWIDTH_COLON);
    if (fullwidth < 0) {
      fullwidth = lines.find(at.getLine(), FULLWIDTH_COLON);
    }
    if (fullwidth >= 0) {
      int line = lines.find(at.getLine() - 1, FULLWIDTH_COLON) >= 0 ? at.getLine() - 1 : at.getLine();
      return new Found(line + 1, fullwidth + 1, "the fullwidth colon '\uFF1A' (U+FF1A) is not YAML's colon; write ':'");
    }
    if (context.contains("flow sequence") || context.contains("flow mapping")) {
      return unclosed(from, at, problem, context.contains("sequence") ? "[" : "{", context.contains("sequence") ? "]" : "}");
    }
    if (context.contains("flow node") && problem.contains("expected the node content")) {
      if (problem.endsWith("':'")) {
        return found(at, "a value that starts with ':' must be quoted here, e.g. \"::1\"");
      }
      return found(at, "a value is missing before " + token(problem) + "; remove the extra ',' or write the value");
    }
    if (problem.contains("mapping values are not allowed")) {
      return colon(lines, at);
    }
    if (problem.contains("(TAB)")) {
      return found(at, "a tab indents this line; YAML indents with spaces only");
    }
    if (context.contains("simple key") && problem.contains("could not find expected ':'")) {
      return found(from, "no ':' follows this key (or it is longer than 1024 characters); write KEY: VALUE");
    }
    if (problem.startsWith("expected <block end>")) {
      String found = token(problem);
      if (found.equals("'}'") || found.equals("']'")) {
        return found(at, "a " + found + " with no bracket open to close; remove it");
      }
      String before = lines.before(at.getLine(), at.getColumn()).strip();
      if (!before.isEmpty() && !before.endsWith(":") && !before.equals("-")) {
        return found(at, "a second value on one line; quote the whole value, or write a list as [a, b]");
      }
      if (problem.contains("<block sequence start>") || problem.contains("<block entry>") || found.equals("'-'")) {
        return found(at, "a list item ('-') where a key belongs; put the list under a key (key:, then its - items)");
      }
      return found(at, "this line is indented to column " + (at.getColumn() + 1)
          + ", which matches no key above it; indent it like the keys it belongs with");
    }
    if (context.contains("alias") || context.contains("anchor")) {
      return found(at, "an anchor or alias name (after & or *) is missing or has a character names cannot have; "
          + "quote the value if & or * is meant as text");
    }
    if (problem.contains("cannot start any token")) {
      return found(at, "a value cannot start with this character; quote the value");
    }
    StringBuilder msg = new StringBuilder("YAML syntax error: ").append(words(problem));
    if (!context.isEmpty() && e.getContextMark() != null) {
      msg.append(" (").append(words(context)).append(" started at line ").append(from.getLine() + 1)
          .append(", column ").append(from.getColumn() + 1).append(')');
    }
    if (problem.contains("found ':'") || problem.contains("got :")) {
      // the usual cause: an IPv6 literal such as ::1 in a [flow, list] must be quoted
      msg.append("; quote values that start with a colon, e.g. \"::1\"");
    }
    return found(at, msg.toString());
  }

  /** A bracket that the parser found not closed as it should be. */
  private static Found unclosed(Mark open, Mark at, String problem, String opener, String closer) {
    String got = token(problem);
    if (problem.contains("got :") || problem.contains("found ':'")) {
      if (open.getLine() == at.getLine()) {
        // [2001:db8::1, ::1] — a value starting with ':' reads as a key's colon
        return found(at, "a value that starts with ':' must be quoted here, e.g. \"::1\"");
      }
    }
    if ((got.equals("'}'") || got.equals("']'")) && !got.equals("'" + closer + "'")) {
      return found(open, "the '" + opener + "' opened here is closed with " + got + " at line " + (at.getLine() + 1)
          + ", column " + (at.getColumn() + 1) + "; close it with '" + closer + "'");
    }
    if (at.getLine() > open.getLine()) {
      return found(open, "the '" + opener + "' opened here is never closed; close it with '" + closer + "'");
    }
    return found(at, "expected ',' or '" + closer + "' before " + got + "; separate the items with ', '");
  }

  /** "mapping values are not allowed here": a missing colon above, or a second one on a line. */
  private static Found colon(Lines lines, Mark at) {
    int line = at.getLine();
    String here = lines.line(line);
    int col = at.getColumn();
    String before = here.substring(0, Math.min(here.offsetByCodePoints(0, Math.min(col, here.codePointCount(0,
        here.length()))), here.length()));
    if (before.strip().length() > Limits.MAX_KEY_CHARS && !before.contains(": ")) {
      int indent = before.length() - before.stripLeading().length();
      return new Found(line + 1, indent + 1, "a key of " + before.strip().length()
          + " characters; keys are short words (at most " + Limits.MAX_KEY_CHARS + ")");
    }
    if (before.contains(": ")) {
      return found(at, "a second ': ' on one line; quote the value, e.g. title: \"a: b\"");
    }
    // walk up over the lines a plain value ran on: the first one without a colon lacks it
    for (int l = line - 1; l >= 0 && l >= line - 3; l--) {
      String prev = lines.line(l).strip();
      if (prev.isEmpty() || prev.startsWith("#")) {
        continue;
      }
      // a list item's first key lacks its colon as often: "- name UCMA" above "  stack: ucma-4"
      String item = prev.startsWith("- ") ? prev.substring(2).strip() : prev;
      if (!item.isEmpty() && !item.contains(":") && !item.startsWith("-")) {
        int indent = lines.line(l).indexOf(item.charAt(0));
        return new Found(l + 1, indent + 1, "no ':' after the key on this line; write KEY: VALUE, e.g. rtt: 10ms");
      }
      break;
    }
    return found(at, "a ':' here makes this line a key inside the value above; "
        + "keys of one map start at the same column");
  }

  /** The token a parser message names ("but found '}'", "but got <scalar>") in words. */
  private static String token(String problem) {
    int i = Math.max(problem.lastIndexOf("found "), problem.lastIndexOf("got "));
    if (i < 0) {
      return "this";
    }
    String t = problem.substring(problem.indexOf(' ', i) + 1).strip();
    return words(t.startsWith("'") || t.startsWith("<") ? t : "'" + t + "'");
  }

  /** SnakeYAML's token and event names, as its messages write them, in words. */
  private static final String[][] TOKENS = {
    {"scalar", "a value"}, {"block end", "the end of an indented block"}, {"block mapping start", "a new key"},
    {"block sequence start", "a list item ('-')"}, {"block entry", "'-'"}, {"block sequence entry", "'-'"},
    {"stream end", "the end of the file"}, {"stream start", "the start of the file"},
    {"document start", "'---'"}, {"document end", "'...'"}, {"directive", "a directive (%)"},
    {"flow sequence start", "'['"}, {"flow sequence end", "']'"}, {"flow mapping start", "'{'"},
    {"flow mapping end", "'}'"}, {"flow entry", "','"}, {"key", "'?'"}, {"value", "':'"}, {"tag", "a tag (!)"},
    {"alias", "an alias (*)"}, {"anchor", "an anchor (&)"}, {"comment", "a comment"},
  };

  /** A parser message with its token names in words. */
  static String words(String s) {
    String out = s;
    for (String[] t : TOKENS) {
      out = out.replace("'<" + t[0] + ">'", t[1]).replace("<" + t[0] + ">", t[1]);
    }
    // anything else in angle brackets is a parser name too
    out = out.replaceAll("'?<([a-z ]+)>'?", "$1");
    return out.replace("\\t(TAB)", "a tab").replaceAll("\\(Do not use [^)]*\\)", "").replaceAll("\\s+", " ").strip();
  }

  private static String quote(Lines lines, Mark m) {
    int c = lines.codePointAt(m.getLine(), m.getColumn());
    return c == '\'' ? "single quote" : "quote";
  }

  private static Found found(Mark m, String message) {
    return new Found(m.getLine() + 1, m.getColumn() + 1, message);
  }

  /** The document's lines, columns in code points as the parser counts them. */
  private static final class Lines {
    private final String[] lines;

    Lines(String text) {
      this.lines = text.split("\\r\\n|\\n|\\r", -1);
    }

    String line(int i) {
      return i >= 0 && i < lines.length ? lines[i] : "";
    }

    /** The code point column of {@code cp} in line {@code i}, or -1. */
    int find(int i, int cp) {
      String l = line(i);
      int at = l.indexOf(cp);
      return at < 0 ? -1 : l.codePointCount(0, at);
    }

    /** Line {@code i} up to (not including) code point column {@code column}. */
    String before(int i, int column) {
      String l = line(i);
      int n = Math.min(column, l.codePointCount(0, l.length()));
      return l.substring(0, l.offsetByCodePoints(0, n));
    }

    int codePointAt(int i, int column) {
      String l = line(i);
      if (column >= l.codePointCount(0, l.length())) {
        return -1;
      }
      return l.codePointAt(l.offsetByCodePoints(0, column));
    }
  }
}
