package org.dialsim.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dialsim.model.Limits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads YAML text token by token into {@link Node}s that keep each key's and value's position.
 *
 * <p>Refuses what a scenario never needs and an attacker could abuse: anchors and aliases (the
 * "billion laughs" bomb), more than one document, nesting deeper than {@value Limits#Limits.MAX_DEPTH}
 * levels and documents over {@value Limits#MAX_FILE_BYTES} bytes (enforced here, by Jackson's
 * {@link StreamReadConstraints} and by SnakeYAML's code point limit). Duplicate keys are
 * reported at the second occurrence with the line of the first.
 */
final class YamlReader {
  private static final YAMLFactory FACTORY = factory();

  private final String file;
  private final Problems problems;
  private final int[] codePoints;
  private YAMLParser parser;

  private YamlReader(String text, String file, Problems problems) {
    this.file = file;
    this.problems = problems;
    // SnakeYAML's marks count code points, not UTF-16 chars
    this.codePoints = text.codePoints().toArray();
  }

  /**
   * Parses {@code text}. Returns the root node, or null when the document is empty or could not
   * be read; every problem found goes to {@code problems}.
   */
  static Node read(String text, String file, Problems problems) {
    return new YamlReader(text, file, problems).run(text);
  }

  private static YAMLFactory factory() {
    LoaderOptions loader = new LoaderOptions();
    loader.setCodePointLimit(Limits.MAX_FILE_BYTES);
    StreamReadConstraints limits = StreamReadConstraints.builder()
        .maxNestingDepth(Limits.MAX_DEPTH)
        .maxStringLength(Limits.MAX_FILE_BYTES)
        .maxDocumentLength(Limits.MAX_FILE_BYTES)
        .build();
    return YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(limits).build();
  }

  private Node run(String text) {
    try (YAMLParser p = FACTORY.createParser(text)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      Node root = value(first, "");
      if (p.nextToken() != null) {
        problems.add(pos(p.currentTokenLocation()), "",
            "a second YAML document starts here; keep one scenario per file");
      }
      return root;
    } catch (StreamConstraintsException e) {
      String msg = e.getOriginalMessage();
      problems.add(pos(parser.currentLocation()), "",
          msg != null && msg.toLowerCase(Locale.ROOT).contains("nesting depth")
              ? "nested more than " + Limits.MAX_DEPTH + " levels deep; a scenario needs only a few levels"
              : "too large to read: " + Messages.oneLine(msg));
      return null;
    } catch (JsonProcessingException e) {
      syntax(e);
      return null;
    } catch (YAMLException e) {
      problems.add(Pos.of(file), "", "YAML could not be read: " + Messages.oneLine(e.getMessage()));
      return null;
    } catch (IOException e) {
      // reading from a String cannot fail; anything else is a bug worth surfacing
      throw new UncheckedIOException(e);
    }
  }

  private void syntax(JsonProcessingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      StringBuilder msg = new StringBuilder("YAML syntax error: ").append(Messages.oneLine(m.getProblem()));
      Mark c = m.getContextMark();
      if (m.getContext() != null && c != null) {
        msg.append(" (").append(Messages.oneLine(m.getContext())).append(" started at line ")
            .append(c.getLine() + 1).append(", column ").append(c.getColumn() + 1).append(')');
      }
      if (m.getProblem() != null && m.getProblem().contains("found ':'")) {
        // the usual cause: an IPv6 literal such as ::1 in a [flow, list] must be quoted
        msg.append("; quote values that start with a colon, e.g. \"::1\"");
      }
      Mark at = m.getProblemMark();
      problems.add(new Pos(file, at.getLine() + 1, at.getColumn() + 1), "", msg.toString());
      return;
    }
    String msg = cause instanceof YAMLException y ? y.getMessage() : e.getOriginalMessage();
    JsonLocation loc = e.getLocation();
    Pos at = loc == null ? Pos.of(file) : pos(loc);
    if (msg != null && msg.contains("exceeds the limit")) {
      problems.add(at, "", "the document is larger than " + Limits.MAX_FILE_BYTES + " characters; split or shorten it");
    } else {
      problems.add(at, "", "YAML syntax error: " + Messages.oneLine(msg));
    }
  }

  private Node value(JsonToken t, String path) throws IOException {
    Pos pos = pos(parser.currentTokenLocation());
    switch (t) {
      case START_OBJECT:
        noAnchor(pos, path, parser.getObjectId());
        return mapping(pos, path);
      case START_ARRAY:
        noAnchor(pos, path, parser.getObjectId());
        return sequence(pos, path);
      case VALUE_EMBEDDED_OBJECT:
        problems.add(pos, path, "binary values are not supported; write text");
        return Node.Scalar.nothing(pos);
      default:
        return scalar(t, pos, path);
    }
  }

  private Node mapping(Pos pos, String path) throws IOException {
    List<Node.Entry> entries = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      if (t != JsonToken.FIELD_NAME) {
        throw new IllegalStateException("YAML parser gave " + t + " where a key belongs");
      }
      String key = parser.currentName();
      Pos keyPos = pos(parser.currentTokenLocation());
      String keyPath = KeyPath.child(path, key);
      Pos first = seen.putIfAbsent(key, keyPos);
      if (first != null) {
        problems.add(keyPos, keyPath, "duplicate key, first written on line " + first.line() + "; keep only one");
      }
      Node v = value(parser.nextToken(), keyPath);
      if (first == null) {
        entries.add(new Node.Entry(key, keyPos, v));
      }
    }
    return new Node.Mapping(pos, entries);
  }

  private Node sequence(Pos pos, String path) throws IOException {
    List<Node> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(value(t, KeyPath.index(path, items.size())));
    }
    return new Node.Sequence(pos, items);
  }

  private Node scalar(JsonToken t, Pos pos, String path) throws IOException {
    String text = parser.getText();
    if (parser.isCurrentAlias()) {
      problems.add(pos, path, "aliases (*" + text + ") are not supported; write the value out in full");
      return Node.Scalar.nothing(pos);
    }
    // Jackson does not report anchors on scalars, and nothing reports quoting: look at the
    // source text where the scalar starts, past any tag such as !!str
    int at = skipTag((int) parser.currentTokenLocation().getCharOffset());
    int c = at >= 0 && at < codePoints.length ? codePoints[at] : -1;
    if (c == '&') {
      problems.add(pos, path, "anchors (&name) are not supported; write the value out in full");
    }
    boolean quoted = c == '"' || c == '\'';
    Node.Scalar.Kind kind = switch (t) {
      case VALUE_NUMBER_INT -> Node.Scalar.Kind.INT;
      case VALUE_NUMBER_FLOAT -> Node.Scalar.Kind.FLOAT;
      case VALUE_TRUE, VALUE_FALSE -> Node.Scalar.Kind.BOOLEAN;
      case VALUE_NULL -> Node.Scalar.Kind.NULL;
      // an empty plain value ("key:") arrives as an empty string; it means "no value"
      default -> text.isEmpty() && !quoted ? Node.Scalar.Kind.NULL : Node.Scalar.Kind.STRING;
    };
    return new Node.Scalar(pos, text, kind, quoted);
  }

  private int skipTag(int at) {
    if (at < 0 || at >= codePoints.length || codePoints[at] != '!') {
      return at;
    }
    int i = at;
    while (i < codePoints.length && !Character.isWhitespace(codePoints[i])) {
      i++;
    }
    while (i < codePoints.length && (codePoints[i] == ' ' || codePoints[i] == '\t')) {
      i++;
    }
    return i;
  }

  private void noAnchor(Pos pos, String path, String anchor) {
    if (anchor != null) {
      problems.add(pos, path, "anchors (&" + anchor + ") are not supported; write the value out in full");
    }
  }

  private Pos pos(JsonLocation loc) {
    return new Pos(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
  }
}
