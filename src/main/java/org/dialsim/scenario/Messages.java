package org.dialsim.scenario;

import java.util.BitSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/** Text pieces shared by validation messages: quoting a user's value, listing choices. */
final class Messages {
  /** Longer values are cut: a message must stay on one readable line. */
  private static final int MAX_QUOTED = 60;
  /** Scripts whose letters include copies of Latin ones (UTS #39 confusables: а, е, о, р, ѕ, ο, ν ...). */
  private static final Set<Character.UnicodeScript> LATIN_LOOKALIKES = EnumSet.of(Character.UnicodeScript.CYRILLIC,
      Character.UnicodeScript.GREEK, Character.UnicodeScript.ARMENIAN, Character.UnicodeScript.CHEROKEE,
      Character.UnicodeScript.COPTIC);
  /** Names a list shows before it says how many more there are. */
  private static final int SHOWN = 12;
  /** Names shown as they are in lists: words, numbers, dotted DNS names, paths of keys. */
  private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,60}");

  private Messages() {}

  /**
   * The value in double quotes, cut when very long, with every character a reader could not see
   * or could mistake for another escaped ({@code \u200b} for a zero-width space, {@code \uff1a}
   * for a fullwidth colon), so {@code "dead\u200bline"} shows why it is not {@code deadline}.
   */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder("\"");
    BitSet lookalikes = lookalikes(text);
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      if (n++ >= MAX_QUOTED) {
        sb.append("...");
        break;
      }
      int c = text.codePointAt(i);
      sb.append(c == '"' ? "\\\"" : lookalikes.get(i) ? hex(c) : escape(c));
      i += Character.charCount(c);
    }
    return sb.append('"').toString();
  }

  /** A key or value with invisible and confusable characters escaped, for paths in messages. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder();
    BitSet lookalikes = lookalikes(text);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      sb.append(lookalikes.get(i) ? hex(c) : escape(c));
      i += Character.charCount(c);
    }
    return sb.toString();
  }

  /**
   * Where {@code text} has letters of a script that copies Latin shapes (Cyrillic, Greek ...)
   * inside a word that also has Latin letters: {@code d\u0435adline} with a Cyrillic e, typed on
   * another keyboard layout or pasted, prints exactly as {@code deadline} and is not it (the
   * mixed-script case of Unicode TS #39, section 5). A word all in one script is shown as
   * written, so a name such as "Zürich" or "Москва" stays readable. Bits are char offsets.
   */
  private static BitSet lookalikes(String text) {
    BitSet out = new BitSet();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      boolean latin = false;
      boolean other = false;
      while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
        Character.UnicodeScript script = Character.UnicodeScript.of(text.codePointAt(end));
        latin |= script == Character.UnicodeScript.LATIN;
        other |= LATIN_LOOKALIKES.contains(script);
        end += Character.charCount(text.codePointAt(end));
      }
      if (latin && other) {
        for (int i = start; i < end; i += Character.charCount(text.codePointAt(i))) {
          if (LATIN_LOOKALIKES.contains(Character.UnicodeScript.of(text.codePointAt(i)))) {
            out.set(i);
          }
        }
      }
      start = end == start ? start + Character.charCount(text.codePointAt(start)) : end;
    }
    return out;
  }

  /** {@code U+0000}: how messages name a character. */
  static String codePoint(int c) {
    return String.format(java.util.Locale.ROOT, "U+%04X", c);
  }

  private static String escape(int c) {
    switch (c) {
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return isHidden(c) ? hex(c) : new String(Character.toChars(c));
    }
  }

  /** {@code \u200b}: a character written as its code. */
  private static String hex(int c) {
    return String.format(java.util.Locale.ROOT, c > 0xFFFF ? "\\U%08x" : "\\u%04x", c);
  }

  /**
   * True for characters that do not show as themselves: controls, format characters (zero-width
   * spaces, direction marks, the byte order mark), spaces other than the plain one, unassigned
   * and private code points, and look-alikes of ASCII punctuation (fullwidth forms, typographic
   * quotes and dashes, the minus sign).
   */
  private static boolean isHidden(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
        || type == Character.SPACE_SEPARATOR && c != ' ' || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || (c >= 0xFF01 && c <= 0xFF5E) || (c >= 0x2010 && c <= 0x2015) || (c >= 0x2018 && c <= 0x201F)
        || c == 0x2212 || c == 0x2024 || c == 0x2044;
  }

  /**
   * {@code a, b, c}; a long list stops after a dozen names and says how many it left out
   * ({@code ..., l and 4 more}). A name that is not a plain word, number or dotted name is
   * quoted (and escaped), as any text from the file is.
   */
  static String list(Collection<String> names) {
    return list(names, null);
  }

  /**
   * As {@link #list(Collection)}; when names are left out, {@code whereAll} (if not null) says
   * where the reader finds them all: {@code ..., l and 4 more (dialsim stacks lists them all)}.
   */
  static String list(Collection<String> names, String whereAll) {
    StringBuilder sb = new StringBuilder();
    Iterator<String> it = names.iterator();
    for (int i = 0; it.hasNext(); i++) {
      String s = it.next();
      if (i == SHOWN) {
        sb.append(" and ").append(names.size() - SHOWN).append(" more");
        if (whereAll != null) {
          sb.append(" (").append(whereAll).append(')');
        }
        break;
      }
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(PLAIN.matcher(s).matches() ? s : quote(s));
    }
    return sb.toString();
  }

  /** Makes a one-line message out of library text that may span lines. */
  static String oneLine(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
