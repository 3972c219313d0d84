package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A YAML value read with its position, so every later message can name the line and column
 * the user wrote it on. Immutable; changes ({@link Mapping#with}) return new nodes.
 */
sealed interface Node permits Node.Mapping, Node.Sequence, Node.Scalar {
  /** Where the value starts. */
  Pos pos();

  /** The value as it would be written in flow style, e.g. {@code { median: 20ms, p95: 60ms }}. */
  String flowText();

  /** What kind of value this is, for "expected ..., got ..." messages. */
  String describe();

  /**
   * One key of a mapping.
   *
   * @param key the key text
   * @param keyPos where the key was written
   * @param value its value
   */
  record Entry(String key, Pos keyPos, Node value) {}

  /** A YAML mapping; entries keep the order they were written in. */
  record Mapping(Pos pos, List<Entry> entries) implements Node {
    /** Copies the entries. */
    public Mapping {
      entries = List.copyOf(entries);
    }

    /** The entry for a key, or null. */
    Entry entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return e;
        }
      }
      return null;
    }

    /** The value for a key, or null when absent. */
    Node get(String key) {
      Entry e = entry(key);
      return e == null ? null : e.value();
    }

    /** The keys in written order. */
    List<String> keys() {
      List<String> keys = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        keys.add(e.key());
      }
      return keys;
    }

    /** A copy with {@code key} set to {@code value}: replaced in place, or appended. */
    Mapping with(String key, Node value) {
      List<Entry> out = new ArrayList<>(entries.size() + 1);
      boolean found = false;
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          out.add(new Entry(key, e.keyPos(), value));
          found = true;
        } else {
          out.add(e);
        }
      }
      if (!found) {
        out.add(new Entry(key, value.pos(), value));
      }
      return new Mapping(pos, out);
    }

    /** A copy without {@code key}. */
    Mapping without(String key) {
      List<Entry> out = new ArrayList<>(entries.size());
      for (Entry e : entries) {
        if (!e.key().equals(key)) {
          out.add(e);
        }
      }
      return new Mapping(pos, out);
    }

    @Override
    public String flowText() {
      StringBuilder sb = new StringBuilder("{ ");
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(entries.get(i).key()).append(": ").append(entries.get(i).value().flowText());
      }
      return sb.append(entries.isEmpty() ? "}" : " }").toString();
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** A YAML sequence. */
  record Sequence(Pos pos, List<Node> items) implements Node {
    /** Copies the items. */
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String flowText() {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(items.get(i).flowText());
      }
      return sb.append(']').toString();
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /**
   * A YAML scalar.
   *
   * @param pos where it starts (at the quote when quoted)
   * @param text the value's text as YAML delivers it (quotes removed, escapes applied)
   * @param kind how YAML resolved a plain scalar; quoted scalars are always {@link Kind#STRING}
   * @param quoted true when written in single or double quotes
   */
  record Scalar(Pos pos, String text, Kind kind, boolean quoted) implements Node {
    /** How YAML typed the scalar. */
    enum Kind {
      STRING,
      INT,
      FLOAT,
      BOOLEAN,
      NULL
    }

    /** A plain text scalar made by the loader (a filled-in default, a profile name). */
    static Scalar text(Pos pos, String text) {
      return new Scalar(pos, text, Kind.STRING, false);
    }

    /** An explicit "no value" made by the loader. */
    static Scalar nothing(Pos pos) {
      return new Scalar(pos, "", Kind.NULL, false);
    }

    /** True for {@code ~}, {@code null} or an empty value. */
    boolean isNull() {
      return kind == Kind.NULL;
    }

    /** True for a plain number (not quoted). */
    boolean isNumber() {
      return kind == Kind.INT || kind == Kind.FLOAT;
    }

    @Override
    public String flowText() {
      return isNull() ? "~" : text;
    }

    @Override
    public String describe() {
      if (isNull()) {
        return "no value";
      }
      return (isNumber() ? "the number " : kind == Kind.BOOLEAN ? "the boolean " : "") + Messages.quote(text);
    }

    /** The text lower-cased, for keyword comparisons. */
    String lower() {
      return text.toLowerCase(Locale.ROOT);
    }
  }
}
