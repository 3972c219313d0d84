package org.dialsim.schema;

import static org.dialsim.schema.Shapes.anyOf;
import static org.dialsim.schema.Shapes.arrayOf;
import static org.dialsim.schema.Shapes.duration;
import static org.dialsim.schema.Shapes.enumOf;
import static org.dialsim.schema.Shapes.isDuration;
import static org.dialsim.schema.Shapes.ref;
import static org.dialsim.schema.Shapes.scalar;
import static org.dialsim.schema.Shapes.type;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * What a {@code a | b | { k: 1s } | a list of those} comment allows: words, map shapes and a
 * list of the map shapes. A comment with an alternative in prose ("a host name") is not a
 * closed set and gives nothing.
 */
record Alternatives(List<String> words, List<ObjectNode> maps, List<ObjectNode> listItems) {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** A keyword alternative: {@code round-robin}, {@code 1000}. */
  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9.-]*");

  /**
   * The alternatives of {@code comment}, or null when it lists none.
   *
   * @param see the section a {@code (see NAME:)} in the comment names, or null
   */
  static Alternatives of(String comment, String see) {
    String[] pieces = ScenarioSchema.SEE.matcher(comment).replaceAll("").split(" \\| ");
    if (pieces.length < 2) {
      return null;
    }
    List<String> words = new ArrayList<>();
    List<ObjectNode> maps = new ArrayList<>();
    List<ObjectNode> listItems = new ArrayList<>();
    for (int i = 0; i < pieces.length; i++) {
      String a = i == 0 ? first(pieces[i]) : i == pieces.length - 1 ? last(pieces[i]) : withoutNote(pieces[i].strip());
      if (a == null) {
        return null;
      }
      if (WORD.matcher(a).matches()) {
        words.add(a);
      } else if (a.startsWith("{") && a.endsWith("}")) {
        // "(see window:)": the section documents the map's keys and their defaults
        maps.add(see != null ? ref(see) : flowMap(a));
      } else if (a.equals("a list of those")) {
        listItems.addAll(maps);
      } else if (a.startsWith("a list of {") && a.endsWith("}")) {
        listItems.add(flowMap(a.substring("a list of ".length())));
      } else {
        return null; // prose: the values are not a closed set
      }
    }
    return new Alternatives(words, maps, listItems);
  }

  ObjectNode schema() {
    List<ObjectNode> shapes = new ArrayList<>();
    if (!words.isEmpty()) {
      shapes.add(enumOf(words));
    }
    shapes.addAll(maps);
    if (!listItems.isEmpty()) {
      shapes.add(arrayOf(listItems.size() == 1 ? listItems.get(0) : anyOf(listItems.toArray(ObjectNode[]::new)), 0));
    }
    return shapes.size() == 1 ? shapes.get(0) : anyOf(shapes.toArray(ObjectNode[]::new));
  }

  /** The first alternative: after a lead-in such as "required:" or "when it is down:". */
  private static String first(String piece) {
    String p = piece.strip();
    if (p.endsWith("}")) {
      int open = p.lastIndexOf('{');
      return open < 0 ? null : p.substring(open);
    }
    p = withoutNote(p);
    int colon = p.lastIndexOf(": ");
    return colon < 0 ? p : p.substring(colon + 2).strip();
  }

  /** The last alternative: a word or a map, then only a note ("(...)", "; ...", ": ..."). */
  private static String last(String piece) {
    String p = piece.strip();
    String a;
    if (p.startsWith("a list of {")) {
      int close = p.indexOf('}');
      a = close < 0 ? null : p.substring(0, close + 1);
    } else if (p.startsWith("a list of those")) {
      a = "a list of those";
    } else if (p.startsWith("{")) {
      int close = p.indexOf('}');
      a = close < 0 ? null : p.substring(0, close + 1);
    } else {
      java.util.regex.Matcher m = WORD.matcher(p);
      // a full stop ends the sentence, not the word: "cut. timeout: ..."
      a = m.lookingAt() ? m.group().replaceAll("\\.+$", "") : null;
    }
    if (a == null) {
      return null;
    }
    String rest = p.substring(a.length());
    return rest.isEmpty() || rest.matches("[;:,.)].*") || rest.startsWith(" (") ? a : null;
  }

  /** {@code text} without a trailing parenthetical note: {@code fixed (as written)} is {@code fixed}. */
  private static String withoutNote(String text) {
    if (!text.endsWith(")")) {
      return text;
    }
    int depth = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      char ch = text.charAt(i);
      if (ch == ')') {
        depth++;
      } else if (ch == '(' && --depth == 0) {
        return text.substring(0, i).strip();
      }
    }
    return text;
  }

  /** A {@code { uniform: 60s }} example as an object shape, each value typed by its form. */
  private static ObjectNode flowMap(String flow) {
    Node n = new org.yaml.snakeyaml.Yaml().compose(new java.io.StringReader(flow));
    if (!(n instanceof MappingNode m)) {
      throw new IllegalStateException("not a map: " + flow);
    }
    ObjectNode o = type("object");
    ObjectNode properties = o.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (var t : m.getValue()) {
      String key = ((ScalarNode) t.getKeyNode()).getValue();
      ScalarNode v = (ScalarNode) t.getValueNode();
      properties.set(key, v.getTag().equals(Tag.NULL) ? JSON.objectNode()
          : isDuration(v.getValue()) ? duration(false)
          : v.getTag().equals(Tag.INT) || v.getTag().equals(Tag.FLOAT) ? type("number") : scalar());
      required.add(key);
    }
    // a one-key map names its kind by its key ({ uniform: 60s }); every key must be there
    if (m.getValue().size() == 1 || m.getValue().stream().allMatch(t -> t.getValueNode().getTag().equals(Tag.NULL))) {
      o.set("required", required);
    }
    o.put("additionalProperties", false);
    return o;
  }
}
