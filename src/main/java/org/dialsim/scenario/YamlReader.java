package org.dialsim.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dialsim.model.Limits;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text, event by event from SnakeYAML's parser, into {@link Node}s that keep each
 * key's and value's position. Every problem goes to {@link Problems} in dialsim's own words.
 *
 * <p>Anchors ({@code &name}), aliases ({@code *name}) and merge keys ({@code <<: *name}) work as
 * in YAML 1.1, within a budget: at most {@value Limits#MAX_ALIASES} aliases and
 * {@value Limits#MAX_EXPANDED_VALUES} values once aliases are expanded, so a "billion laughs"
 * file is refused with one line. An alias shares the anchored node (nodes are immutable), so
 * memory grows with the file, not with the expansion. Also refused: more than one document,
 * nesting deeper than {@value Limits#MAX_DEPTH} levels, keys longer than
 * {@value Limits#MAX_KEY_CHARS} characters, documents over {@value Limits#MAX_FILE_BYTES} code
 * points. Duplicate keys are reported at the second occurrence with the line of the first.
 */
final class YamlReader {
  private static final String MERGE = "<<";
  private static final Resolver RESOLVER = new Resolver();

  private final String file;
  private final Problems problems;
  private final Parser parser;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private final Set<String> open = new HashSet<>();
  private final String text;
  private int aliases;
  private long expanded;
  /** The last quoted scalar that spans lines: the likeliest cause of a later syntax error. */
  private ScalarEvent lastMultiLineQuote;

  /** An anchored value and how many values it stands for. */
  private record Anchored(Node node, long size) {}

  /** Ends reading after a problem that makes the rest meaningless (recorded before thrown). */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** A value and how many values (itself included) it stands for once aliases are expanded. */
  private record Sized(Node node, long size) {}

  private YamlReader(String text, String file, Problems problems) {
    this.text = text;
    this.file = file;
    this.problems = problems;
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Limits.MAX_FILE_BYTES);
    this.parser = new ParserImpl(new StreamReader(text), options);
  }

  /**
   * Parses {@code text}. Returns the root node, or null when the document is empty or could not
   * be read; every problem found goes to {@code problems}.
   */
  static Node read(String text, String file, Problems problems) {
    return new YamlReader(text, file, problems).run();
  }

  private Node run() {
    try {
      next(); // stream start
      if (parser.checkEvent(Event.ID.StreamEnd)) {
        return null;
      }
      next(); // document start
      if (parser.checkEvent(Event.ID.DocumentEnd)) {
        return null; // a document of comments only
      }
      Node root = value(next(), "", 0).node();
      next(); // document end
      if (parser.checkEvent(Event.ID.DocumentStart)) {
        Event second = parser.peekEvent();
        problems.add(pos(second.getStartMark()), "", "a second YAML document starts here; keep one scenario per file");
      }
      return root;
    } catch (Stop e) {
      return null;
    } catch (MarkedYAMLException e) {
      SyntaxErrors.Found f = SyntaxErrors.describe(e, text, lastMultiLineQuote);
      problems.add(new Pos(file, f.line(), f.column()), "", f.message());
      return null;
    } catch (YAMLException e) {
      // the code point limit, or a reader error without a position
      String msg = Messages.oneLine(e.getMessage());
      problems.add(new Pos(file, 1, 1), "", msg.contains("exceeds the limit")
          ? "the document is larger than " + Limits.MAX_FILE_BYTES + " characters; split or shorten it"
          : "YAML could not be read: " + SyntaxErrors.words(msg));
      return null;
    }
  }

  private Event next() {
    return parser.getEvent();
  }

  private Sized value(Event e, String path, int depth) {
    if (e instanceof AliasEvent a) {
      return alias(a, path);
    }
    Pos pos = pos(e.getStartMark());
    String anchor = ((NodeEvent) e).getAnchor();
    if (anchor != null) {
      open.add(anchor);
    }
    count(1, pos);
    Sized v;
    if (e instanceof CollectionStartEvent) {
      if (depth > Limits.MAX_DEPTH) {
        problems.add(pos, "", "nested more than " + Limits.MAX_DEPTH + " levels deep; a scenario needs only a few levels");
        throw new Stop();
      }
      v = e instanceof MappingStartEvent ? mapping(pos, path, depth + 1) : sequence(pos, path, depth + 1);
    } else {
      v = new Sized(scalar((ScalarEvent) e, pos, path), 1);
    }
    if (anchor != null) {
      open.remove(anchor);
      anchors.put(anchor, new Anchored(v.node(), v.size()));
    }
    return v;
  }

  private Sized alias(AliasEvent a, String path) {
    Pos pos = pos(a.getStartMark());
    String name = a.getAnchor();
    Anchored target = anchors.get(name);
    if (target == null) {
      problems.add(pos, path, open.contains(name)
          ? "*" + name + " refers to the value it is inside; an alias cannot contain itself"
          : "*" + name + " refers to no anchor; write &" + name + " on a value above it first");
      return new Sized(Scalar.nothing(pos), 1);
    }
    if (++aliases > Limits.MAX_ALIASES) {
      problems.add(pos, path, "more than " + Limits.MAX_ALIASES + " aliases (*name); a scenario needs a few");
      throw new Stop();
    }
    count(target.size(), pos);
    return new Sized(target.node(), target.size());
  }

  /** Adds values to the expansion budget; refuses a file that expands beyond it. */
  private void count(long values, Pos pos) {
    expanded += values;
    if (expanded > Limits.MAX_EXPANDED_VALUES) {
      problems.add(pos, "", aliases == 0
          ? "more than " + Limits.MAX_EXPANDED_VALUES + " values (map entries, list items); a scenario has a few hundred"
          : "the aliases (*name) expand to more than " + Limits.MAX_EXPANDED_VALUES
              + " values, as a \"billion laughs\" file does; a scenario needs far fewer");
      throw new Stop();
    }
  }

  private Sized mapping(Pos pos, String path, int depth) {
    List<Node.Entry> entries = new ArrayList<>();
    List<Node.Entry> merged = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    long size = 1;
    for (Event k = next(); !k.is(Event.ID.MappingEnd); k = next()) {
      Pos keyPos = pos(k.getStartMark());
      String key = key(k, path, keyPos);
      String keyPath = key == null ? path : KeyPath.child(path, key);
      Sized v = value(next(), keyPath, depth);
      size += v.size();
      if (key == null) {
        continue;
      }
      if (key.equals(MERGE) && k instanceof ScalarEvent s && s.isPlain()) {
        merge(v.node(), keyPath, merged);
        continue;
      }
      Pos first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        problems.add(keyPos, keyPath, "duplicate key, first written on line " + first.line() + "; keep only one");
      } else {
        entries.add(new Node.Entry(key, keyPos, v.node()));
      }
    }
    // keys written in the map win over merged ones; of merged maps, the first one listed wins
    for (Node.Entry e : merged) {
      if (seen.putIfAbsent(e.key(), e.keyPos()) == null) {
        entries.add(e);
      }
    }
    return new Sized(new Mapping(pos, entries), size);
  }

  /** A key's text, or null (after a problem) when it is not plain text. */
  private String key(Event k, String path, Pos keyPos) {
    if (!(k instanceof ScalarEvent s)) {
      String what = k instanceof MappingStartEvent ? "a map" : k instanceof SequenceStartEvent ? "a list" : "an alias";
      problems.add(keyPos, path, "a key must be plain text, not " + what + "; write key: value");
      skip(k);
      return null;
    }
    String key = s.getValue();
    if (key.length() > Limits.MAX_KEY_CHARS) {
      problems.add(keyPos, path, "a key of " + key.length() + " characters; keys are short words (at most "
          + Limits.MAX_KEY_CHARS + ")");
      throw new Stop(); // what follows such a key is rarely YAML a person meant
    }
    return key;
  }

  /** Skips the rest of a collection that cannot be used, counting it against the budget. */
  private void skip(Event start) {
    if (!(start instanceof CollectionStartEvent)) {
      return;
    }
    int level = 1;
    while (level > 0) {
      Event e = next();
      count(1, pos(e.getStartMark()));
      if (e instanceof CollectionStartEvent) {
        level++;
      } else if (e.is(Event.ID.MappingEnd) || e.is(Event.ID.SequenceEnd)) {
        level--;
      }
    }
  }

  /** {@code <<: *map} or {@code <<: [*a, *b]}: the entries to merge, in precedence order. */
  private void merge(Node value, String path, List<Node.Entry> into) {
    List<Node> maps = value instanceof Node.Sequence s ? s.items() : List.of(value);
    for (Node m : maps) {
      if (m instanceof Mapping map) {
        into.addAll(map.entries());
      } else {
        problems.add(m.pos(), path, "merges " + m.describe() + "; << takes a map, e.g. <<: *common, or a list of them");
      }
    }
  }

  private Sized sequence(Pos pos, String path, int depth) {
    List<Node> items = new ArrayList<>();
    long size = 1;
    for (Event e = next(); !e.is(Event.ID.SequenceEnd); e = next()) {
      Sized v = value(e, KeyPath.index(path, items.size()), depth);
      items.add(v.node());
      size += v.size();
    }
    return new Sized(new Node.Sequence(pos, items), size);
  }

  private Node scalar(ScalarEvent e, Pos pos, String path) {
    String value = e.getValue();
    boolean quoted = e.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
        || e.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED;
    if (quoted && e.getStartMark().getLine() != e.getEndMark().getLine()) {
      lastMultiLineQuote = e;
    }
    Tag tag = tag(e);
    if (tag.equals(Tag.BINARY)) {
      problems.add(pos, path, "binary values are not supported; write text");
      return Scalar.nothing(pos);
    }
    Scalar.Kind kind;
    if (tag.equals(Tag.INT)) {
      kind = Scalar.Kind.INT;
    } else if (tag.equals(Tag.FLOAT)) {
      kind = Scalar.Kind.FLOAT;
    } else if (tag.equals(Tag.BOOL)) {
      kind = Scalar.Kind.BOOLEAN;
    } else if (tag.equals(Tag.NULL)) {
      kind = Scalar.Kind.NULL;
    } else {
      kind = Scalar.Kind.STRING;
    }
    return new Scalar(pos, value, kind, quoted);
  }

  /** The scalar's tag: written ({@code !!str 5}), or resolved as YAML 1.1 does for a plain scalar. */
  private static Tag tag(ScalarEvent e) {
    String written = e.getTag();
    if (written != null && !written.equals("!")) {
      return new Tag(written);
    }
    return RESOLVER.resolve(NodeId.scalar, e.getValue(), e.getImplicit().canOmitTagInPlainScalar());
  }

  private Pos pos(Mark m) {
    return new Pos(file, m.getLine() + 1, m.getColumn() + 1);
  }
}
