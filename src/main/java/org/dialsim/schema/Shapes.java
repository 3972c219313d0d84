package org.dialsim.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.dialsim.check.Metric;
import org.dialsim.model.Family;
import org.dialsim.model.RecordType;
import org.dialsim.scenario.DurationText;
import org.dialsim.scenario.Profiles;

/**
 * The JSON Schema (draft-07) pieces the scenario schema is built of: types, references, enums,
 * lists and maps, and the shapes of dialsim's own values (durations, delays, addresses,
 * families, probabilities, profile and metric names), each name from its one home.
 */
final class Shapes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** The keyword for "no limit". */
  static final String NONE = "none";
  /** The definitions the schema's values refer to. */
  static final String DURATION_DEF = "duration";
  /** See {@link #DURATION_DEF}. */
  static final String DURATION_OR_NONE_DEF = "duration_or_none";
  /** See {@link #DURATION_DEF}. */
  static final String DELAY = "delay";
  /**
   * One or more number-and-unit parts ({@code 1m30s}), units longest first so {@code ms} is
   * tried before {@code m}; the units are letters, so the text is valid in Java and in the ECMA
   * 262 patterns JSON Schema uses. The loader also checks the parts' order (h before m ...).
   */
  private static final String DURATION =
      "(?:(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:" + String.join("|", DurationText.units()) + "))+";

  private Shapes() {}

  /** A duration ({@code 250ms}, {@code 1m30s}), or also {@code none} where that means "no limit". */
  static ObjectNode duration(boolean none) {
    return ref(none ? DURATION_OR_NONE_DEF : DURATION_DEF);
  }

  /** The duration pattern, made of the units the loader knows. */
  static ObjectNode durationPattern(boolean none) {
    ObjectNode o = type("string");
    o.put("description", none ? "a duration such as 250ms, 21s or 1m30s, or none (no limit)"
        : "a duration such as 250ms, 21s or 1m30s: a number and a unit (" + String.join(", ", DurationText.units()) + ")");
    o.put("pattern", "^(?:" + (none ? NONE + "|" : "") + DURATION + ")$");
    return o;
  }

  /** Fixed ({@code 20ms}) or lognormal ({@code { median: 20ms, p95: 60ms }}). */
  static ObjectNode delay() {
    ObjectNode lognormal = type("object");
    ObjectNode p = lognormal.putObject("properties");
    p.set("median", duration(false));
    p.set("p95", duration(false));
    lognormal.set("required", JSON.arrayNode().add("median").add("p95"));
    lognormal.put("additionalProperties", false);
    ObjectNode o = anyOf(duration(false), lognormal);
    o.put("description", "a fixed delay (20ms) or a lognormal one, { median: 20ms, p95: 60ms }");
    return o;
  }

  static boolean isDuration(String text) {
    return text.matches(DURATION);
  }

  /** A scalar as text: the loader reads names, titles and keys of other sections as written, numbers included. */
  static ObjectNode scalar() {
    ObjectNode o = JSON.objectNode();
    o.set("type", JSON.arrayNode().add("string").add("number").add("boolean"));
    return o;
  }

  static ObjectNode type(String type) {
    ObjectNode o = JSON.objectNode();
    o.put("type", type);
    return o;
  }

  static ObjectNode ref(String definition) {
    ObjectNode o = JSON.objectNode();
    o.put("$ref", "#/definitions/" + definition);
    return o;
  }

  static ObjectNode enumOf(List<String> values) {
    ObjectNode o = type("string");
    ArrayNode a = o.putArray("enum");
    values.forEach(a::add);
    return o;
  }

  static ObjectNode anyOf(ObjectNode... shapes) {
    ObjectNode o = JSON.objectNode();
    ArrayNode a = o.putArray("anyOf");
    for (ObjectNode s : shapes) {
      a.add(s);
    }
    return o;
  }

  static ObjectNode arrayOf(ObjectNode items, int minItems) {
    ObjectNode o = type("array");
    if (minItems > 0) {
      o.put("minItems", minItems);
    }
    o.set("items", items);
    return o;
  }

  static ObjectNode mapOf(ObjectNode values) {
    ObjectNode o = type("object");
    o.set("additionalProperties", values);
    return o;
  }

  static ObjectNode addresses(int minItems) {
    return arrayOf(type("string"), minItems);
  }

  static ObjectNode families() {
    return arrayOf(enumOf(java.util.Arrays.stream(Family.values()).map(Family::key).toList()), 1);
  }

  static ObjectNode probability() {
    ObjectNode o = type("number");
    o.put("minimum", 0);
    o.put("maximum", 1);
    return o;
  }

  static ObjectNode wholeOrNone() {
    ObjectNode whole = type("integer");
    whole.put("minimum", 1);
    return anyOf(enumOf(List.of(NONE)), whole);
  }

  /** A map from record type (A, AAAA, HTTPS) to {@code value}, each type optional. */
  static ObjectNode perType(ObjectNode value) {
    ObjectNode o = type("object");
    ObjectNode properties = o.putObject("properties");
    for (RecordType t : RecordType.values()) {
      properties.set(t.key(), value.deepCopy());
    }
    o.put("additionalProperties", false);
    return o;
  }

  static ObjectNode profile() {
    return enumOf(Profiles.names());
  }

  /** A SPEC 3 metric name, or {@code failure_rate_by_call[K]}. */
  static ObjectNode metric() {
    List<String> names = new ArrayList<>(Metric.rateNames());
    names.addAll(Metric.scalarNames());
    // the by-call family's spelling from its one home: failure_rate_by_call[1] less "1]"
    String byCall = Metric.byCall(1).name();
    ObjectNode pattern = type("string");
    pattern.put("pattern", "^" + byCall.substring(0, byCall.length() - 3) + "\\[[1-9][0-9]*\\]$");
    return anyOf(enumOf(names), pattern);
  }
}
