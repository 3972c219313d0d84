package org.dialsim.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dialsim.check.Metric;
import org.dialsim.model.Family;
import org.dialsim.model.Pathology;
import org.dialsim.model.RecordType;
import org.dialsim.scenario.DurationText;
import org.dialsim.scenario.Profiles;
import org.dialsim.schema.DefaultsFile.Entry;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The JSON Schema (draft-07) of the scenario format, generated from defaults.yaml so that it
 * follows the file: every key of every section with its default, its comment as the
 * description, {@code a | b | c} comments as enums (or, with {@code { key: 1s }} examples
 * among them, as alternative shapes), {@code (1..100000)} as bounds, "required" comments as
 * required keys, and the default's form (a duration, a whole number, {@code none}) as the type.
 * What the file says only in prose (a delay is "fixed or { median, p95 }", {@code stack:} takes
 * a profile name) is in {@link #SHAPES}, keyed by the key it describes; a shape for a key the
 * file no longer has stops generation, so neither side drifts unnoticed. Names defined in code
 * (profiles, metrics, address families, duration units) come from their one home.
 */
public final class ScenarioSchema {
  /** The committed schema on the class path and, below src/main/resources, in a checkout. */
  public static final String RESOURCE = "org/dialsim/scenario.schema.json";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern RANGE = Pattern.compile("\\((\\d+)\\.\\.(\\d+)\\)");
  private static final Pattern SEE = Pattern.compile("\\s*\\(see ([a-z_]+):\\)");
  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9.-]*");
  private static final String NONE = "none";
  private static final String DURATION_DEF = "duration";
  private static final String DURATION_OR_NONE_DEF = "duration_or_none";
  private static final String DELAY = "delay";
  /**
   * One or more number-and-unit parts ({@code 1m30s}), units longest first so {@code ms} is
   * tried before {@code m}; the units are letters, so the text is valid in Java and in the ECMA
   * 262 patterns JSON Schema uses. The loader also checks the parts' order (h before m ...).
   */
  private static final String DURATION =
      "(?:(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:" + String.join("|", DurationText.units()) + "))+";

  /** Shapes the file describes in prose, by section-qualified key path. */
  private static final Map<String, Function<Generator, ObjectNode>> SHAPES = shapes();

  private ScenarioSchema() {}

  /** The schema as pretty-printed JSON (two-space indent, LF line ends, a final newline). */
  public static String json() {
    return json(DefaultsFile.load());
  }

  /** The schema of {@code file}, printed as {@link #json()} prints it. */
  static String json(DefaultsFile file) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(new Generator(file).root()) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Function<Generator, ObjectNode>> shapes() {
    Map<String, Function<Generator, ObjectNode>> m = new LinkedHashMap<>();
    m.put("scenario.hosts", g -> mapOf(ref("host")));
    m.put("scenario.network.rtt", g -> ref(DELAY));
    m.put("scenario.network.faults", g -> arrayOf(ref("fault"), 0));
    m.put("scenario.dns.names", g -> mapOf(ref("name")));
    m.put("scenario.dns.latency.A", g -> ref(DELAY));
    m.put("scenario.dns.latency.AAAA", g -> ref(DELAY));
    m.put("scenario.dns.latency.HTTPS", g -> ref(DELAY));
    m.put("scenario.clients.source_addresses", g -> addresses(0));
    m.put("scenario.configurations", g -> arrayOf(ref("configuration"), 1));
    m.put("scenario.sweep", Generator::sweep);
    m.put("host.addresses", g -> addresses(1));
    m.put("host.listens_on", g -> families());
    m.put("path.loss", g -> probability());
    m.put("path.rtt", g -> ref(DELAY));
    // "like host down:"
    m.put("fault.down", g -> g.schema("host.down", g.file.section("host").child("down")));
    m.put("name.records", g -> addresses(1));
    m.put("name.latency", g -> perType(ref(DELAY)));
    m.put("name.answers", g -> perType(enumOf(java.util.Arrays.stream(Pathology.values())
        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList())));
    m.put("https_record.svc_priority", g -> {
      ObjectNode o = type("integer");
      o.put("minimum", 0);
      o.put("maximum", 65535);
      return o;
    });
    m.put("https_record.alpn", g -> arrayOf(type("string"), 0));
    m.put("https_record.ipv4hint", g -> addresses(0));
    m.put("https_record.ipv6hint", g -> addresses(0));
    m.put("configuration.stack", g -> anyOf(profile(), ref("stack")));
    m.put("expectation.metric", g -> metric());
    m.put("expectation.max", g -> type("number"));
    m.put("expectation.min", g -> type("number"));
    m.put("expectation.at", g -> mapOf(JSON.objectNode())); // a swept value: any form the swept key takes
    m.put("stack.base", g -> profile());
    m.put("stack.families", g -> families());
    m.put("stack.interleave", g -> wholeOrNone());
    m.put("stack.max_concurrent", g -> wholeOrNone());
    m.put("stack.quic.endpoints", g -> wholeOrNone());
    m.put("stack.quic.tcp_delay", g -> anyOf(enumOf(List.of("chromium")), duration(false)));
    // a preset name or the schedule's keys
    m.put("stack.syn", g -> anyOf(enumOf(g.file.section("syn_presets").children().stream().map(Entry::name).toList()),
        g.object("stack.syn", g.file.section("stack").child("syn").children())));
    // none or a CONFIG_HZ value, written as a number
    m.put("stack.syn.timer_hz", g -> {
      ObjectNode hz = type("integer");
      ArrayNode values = hz.putArray("enum");
      org.dialsim.stack.TimerWheel.hzChoices().forEach(values::add);
      return anyOf(enumOf(List.of(NONE)), hz);
    });
    // a kind alone, or the memory's keys
    m.put("stack.memory", g -> {
      Entry memory = g.file.section("stack").child("memory");
      return anyOf(g.schema("stack.memory.kind", memory.child("kind")), g.object("stack.memory", memory.children()));
    });
    return m;
  }

  /** One generation: the file, the definitions it needs, and which shapes were used. */
  private static final class Generator {
    private final DefaultsFile file;
    private final Set<String> used = new HashSet<>();

    Generator(DefaultsFile file) {
      this.file = file;
    }

    ObjectNode root() {
      ObjectNode root = JSON.objectNode();
      root.put("$schema", "http://json-schema.org/draft-07/schema#");
      root.put("$comment", "Generated from src/main/resources/org/dialsim/defaults.yaml by `dialsim schema`; "
          + "do not edit by hand.");
      root.put("title", "dialsim scenario");
      root.put("description", "A dialsim what-if scenario: hosts, network, DNS, clients, calls and the client "
          + "stacks under test. Every key left out takes the default shown.");
      root.setAll(object("scenario", file.section("scenario").children()));
      ObjectNode definitions = root.putObject("definitions");
      definitions.set(DURATION_DEF, durationPattern(false));
      definitions.set(DURATION_OR_NONE_DEF, durationPattern(true));
      definitions.set(DELAY, delay());
      for (String section : file.sectionNames()) {
        if (section.equals("scenario") || section.equals("syn_presets")) {
          continue;
        }
        ObjectNode d = object(section, file.section(section).children());
        String summary = file.summary(section);
        if (summary != null) {
          d.put("description", "Keys of " + summary.replaceAll(":$", "").replace("every ", "each "));
        }
        definitions.set(section, d);
      }
      Set<String> unused = new LinkedHashSet<>(SHAPES.keySet());
      unused.removeAll(used);
      if (!unused.isEmpty()) {
        throw new IllegalStateException("schema shapes for keys defaults.yaml does not have: " + unused);
      }
      return root;
    }

    /** An object whose keys are {@code entries}; a key is required when its comment says so or a key below it is. */
    ObjectNode object(String path, List<Entry> entries) {
      ObjectNode o = type("object");
      ObjectNode properties = o.putObject("properties");
      ArrayNode required = JSON.arrayNode();
      for (Entry e : entries) {
        properties.set(e.name(), schema(path + "." + e.name(), e));
        if (required(e)) {
          required.add(e.name());
        }
      }
      if (!required.isEmpty()) {
        o.set("required", required);
      }
      o.put("additionalProperties", false);
      return o;
    }

    /** The schema of one key: its shape, described, with its default. */
    ObjectNode schema(String path, Entry e) {
      ObjectNode s = shape(path, e);
      ObjectNode out = JSON.objectNode();
      String description = SEE.matcher(e.comment()).replaceAll("").strip().replaceAll("[;,]$", "");
      if (!description.isEmpty()) {
        out.put("description", description);
      }
      JsonNode dflt = json(e.value());
      if (dflt != null) {
        out.set("default", dflt);
      }
      if (s.has("$ref")) {
        // draft-07 ignores the keywords beside a $ref, so the reference goes one level down
        out.putArray("allOf").add(s);
      } else {
        out.setAll(s);
      }
      return out;
    }

    /** The shape of one key's values, without its description. */
    ObjectNode shape(String path, Entry e) {
      Function<Generator, ObjectNode> shape = SHAPES.get(path);
      if (shape == null) {
        return inferred(path, e);
      }
      used.add(path);
      return shape.apply(this).deepCopy();
    }

    /** The shape the default's form and the comment's alternatives give. */
    private ObjectNode inferred(String path, Entry e) {
      Alternatives alt = Alternatives.of(e.comment(), this);
      Node v = e.value();
      if (alt != null && v instanceof SequenceNode && alt.maps().isEmpty() && alt.listItems().isEmpty()) {
        return arrayOf(enumOf(alt.words()), 0); // a list default: "a | b" names what its items may be
      }
      if (alt != null) {
        return alt.schema();
      }
      if (v instanceof MappingNode) {
        return e.children().isEmpty() ? type("object") : object(path, e.children());
      }
      if (v instanceof SequenceNode seq) {
        String see = see(e.comment());
        if (see != null) {
          return arrayOf(ref(see), 0);
        }
        return seq.getValue().isEmpty() ? type("array") : arrayOf(scalar(), 0);
      }
      ScalarNode s = (ScalarNode) v;
      Tag tag = s.getTag();
      if (tag.equals(Tag.NULL)) {
        return scalar(); // text: a name, a title, a key of another section
      }
      if (tag.equals(Tag.INT)) {
        ObjectNode o = type("integer");
        java.util.regex.Matcher m = RANGE.matcher(e.comment());
        if (m.find()) {
          o.put("minimum", Long.parseLong(m.group(1)));
          o.put("maximum", Long.parseLong(m.group(2)));
        }
        return o;
      }
      if (tag.equals(Tag.FLOAT)) {
        return type("number");
      }
      if (tag.equals(Tag.BOOL)) {
        return type("boolean");
      }
      String text = s.getValue();
      if (text.equals(NONE)) {
        return duration(true); // every other key whose default is "no limit" is a duration
      }
      if (isDuration(text)) {
        return duration(e.comment().contains("none ="));
      }
      return scalar();
    }

    /**
     * Parameter paths to value lists: a stack key (and each key of a stack map) sweeps every
     * configuration and takes that key's values; any other scenario path takes a list too.
     */
    ObjectNode sweep() {
      ObjectNode o = type("object");
      ObjectNode properties = o.putObject("properties");
      for (Entry e : file.section("stack").children()) {
        if (e.name().equals("base")) {
          continue;
        }
        properties.set(e.name(), arrayOf(shape("stack." + e.name(), e), 1));
        for (Entry c : e.children()) {
          properties.set(e.name() + "." + c.name(), arrayOf(shape("stack." + e.name() + "." + c.name(), c), 1));
        }
      }
      ObjectNode other = type("array");
      other.put("minItems", 1);
      o.set("additionalProperties", other);
      return o;
    }

    /** The section named by a {@code (see NAME:)} in {@code comment}, or null. */
    String see(String comment) {
      java.util.regex.Matcher m = SEE.matcher(comment);
      return m.find() && file.section(m.group(1)) != null ? m.group(1) : null;
    }
  }

  /**
   * What a {@code a | b | { k: 1s } | a list of those} comment allows: words, map shapes and a
   * list of the map shapes. A comment with an alternative in prose ("a host name") is not a
   * closed set and gives nothing.
   */
  private record Alternatives(List<String> words, List<ObjectNode> maps, List<ObjectNode> listItems) {
    static Alternatives of(String comment, Generator g) {
      String see = g.see(comment);
      String[] pieces = SEE.matcher(comment).replaceAll("").split(" \\| ");
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

  private static boolean required(Entry e) {
    return e.comment().toLowerCase(java.util.Locale.ROOT).startsWith("required")
        || e.children().stream().anyMatch(ScenarioSchema::required);
  }

  /** A duration ({@code 250ms}, {@code 1m30s}), or also {@code none} where that means "no limit". */
  static ObjectNode duration(boolean none) {
    return ref(none ? DURATION_OR_NONE_DEF : DURATION_DEF);
  }

  /** The duration pattern, made of the units the loader knows. */
  private static ObjectNode durationPattern(boolean none) {
    ObjectNode o = type("string");
    o.put("description", none ? "a duration such as 250ms, 21s or 1m30s, or none (no limit)"
        : "a duration such as 250ms, 21s or 1m30s: a number and a unit (" + String.join(", ", DurationText.units()) + ")");
    o.put("pattern", "^(?:" + (none ? NONE + "|" : "") + DURATION + ")$");
    return o;
  }

  /** Fixed ({@code 20ms}) or lognormal ({@code { median: 20ms, p95: 60ms }}). */
  private static ObjectNode delay() {
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

  private static boolean isDuration(String text) {
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
    List<String> names = new ArrayList<>();
    names.add(Metric.FIRST_CALL);
    names.add(Metric.ALL_CALLS);
    names.addAll(Metric.scalarNames());
    // the by-call family's spelling from its one home: failure_rate_by_call[1] less "1]"
    String byCall = Metric.byCall(1).name();
    ObjectNode pattern = type("string");
    pattern.put("pattern", "^" + byCall.substring(0, byCall.length() - 3) + "\\[[1-9][0-9]*\\]$");
    return anyOf(enumOf(names), pattern);
  }

  /** A default as JSON, or null for {@code ~}. */
  private static JsonNode json(Node n) {
    if (n instanceof ScalarNode s) {
      Tag t = s.getTag();
      if (t.equals(Tag.NULL)) {
        return null;
      }
      if (t.equals(Tag.INT)) {
        return JSON.numberNode(Long.parseLong(s.getValue()));
      }
      if (t.equals(Tag.FLOAT)) {
        return JSON.numberNode(new java.math.BigDecimal(s.getValue()));
      }
      if (t.equals(Tag.BOOL)) {
        return JSON.booleanNode(Boolean.parseBoolean(s.getValue()));
      }
      return JSON.textNode(s.getValue());
    }
    if (n instanceof SequenceNode seq) {
      ArrayNode a = JSON.arrayNode();
      for (Node item : seq.getValue()) {
        a.add(json(item));
      }
      return a;
    }
    MappingNode m = (MappingNode) n;
    ObjectNode o = JSON.objectNode();
    for (var t : m.getValue()) {
      JsonNode v = json(t.getValueNode());
      if (v != null) {
        o.set(((ScalarNode) t.getKeyNode()).getValue(), v);
      }
    }
    return o;
  }
}
