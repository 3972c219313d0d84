package org.dialsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import org.dialsim.scenario.Node.Scalar;

/**
 * Renders a tree as JSON: maps as objects in written order, plain numbers as numbers,
 * everything else (durations included, as written) as strings.
 */
final class JsonRender {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The YAML 1.1 spellings of true that Jackson's YAML parser accepts. */
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "on");

  private JsonRender() {}

  /** The tree as one line of JSON. */
  static String render(Node n) {
    try {
      return MAPPER.writeValueAsString(json(n));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** The tree as a Jackson JSON node. */
  static JsonNode json(Node n) {
    if (n instanceof Node.Mapping m) {
      ObjectNode o = NODES.objectNode();
      for (Node.Entry e : m.entries()) {
        o.set(e.key(), json(e.value()));
      }
      return o;
    }
    if (n instanceof Node.Sequence s) {
      ArrayNode a = NODES.arrayNode();
      for (Node item : s.items()) {
        a.add(json(item));
      }
      return a;
    }
    Scalar s = (Scalar) n;
    String digits = s.text().strip().replace("_", "");
    try {
      switch (s.kind()) {
        case NULL:
          return NODES.nullNode();
        case BOOLEAN:
          return NODES.booleanNode(TRUE.contains(s.text().toLowerCase(Locale.ROOT)));
        case INT:
          BigInteger i = new BigInteger(digits);
          return i.bitLength() < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
        case FLOAT:
          // DecimalNode keeps the digits as written (0.010 stays 0.010)
          return DecimalNode.valueOf(new BigDecimal(digits));
        default:
          return NODES.textNode(s.text());
      }
    } catch (NumberFormatException e) {
      // YAML numbers Java cannot read (0x1f, .inf) stay text
      return NODES.textNode(s.text());
    }
  }
}
