package org.dialsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.dialsim.scenario.Node.Mapping;
import org.dialsim.scenario.Node.Scalar;
import org.dialsim.scenario.Node.Sequence;
import org.junit.jupiter.api.Test;

class YamlReaderTest {
  private static Mapping read(String yaml, Problems p) {
    return (Mapping) YamlReader.read(yaml, "t.yaml", p);
  }

  private static Mapping read(String yaml) {
    Problems p = new Problems("t.yaml");
    Mapping m = read(yaml, p);
    assertTrue(p.isEmpty(), () -> p.sorted().toString());
    return m;
  }

  @Test
  void keepsKeyAndValuePositions() {
    Mapping m = read("a: 1\nb:\n  c: [x, 'y']\n");
    Node.Entry b = m.entry("b");
    assertEquals(new Pos("t.yaml", 2, 1), b.keyPos());
    Mapping inner = (Mapping) b.value();
    assertEquals(new Pos("t.yaml", 3, 3), inner.entry("c").keyPos());
    Sequence list = (Sequence) inner.get("c");
    assertEquals(new Pos("t.yaml", 3, 6), list.pos());
    assertEquals(new Pos("t.yaml", 3, 7), list.items().get(0).pos());
    assertEquals(new Pos("t.yaml", 3, 10), list.items().get(1).pos());
  }

  @Test
  void typesScalarsAndRecordsQuoting() {
    Mapping m = read("i: 30\nq: \"30\"\ns: '30s'\nf: 0.01\nb: yes\nn: ~\ne:\nt: !!str 12\nu: \"\"\n");
    assertEquals(Scalar.Kind.INT, ((Scalar) m.get("i")).kind());
    assertFalse(((Scalar) m.get("i")).quoted());
    Scalar q = (Scalar) m.get("q");
    assertEquals(Scalar.Kind.STRING, q.kind());
    assertTrue(q.quoted());
    assertTrue(((Scalar) m.get("s")).quoted());
    assertEquals(Scalar.Kind.FLOAT, ((Scalar) m.get("f")).kind());
    assertEquals(Scalar.Kind.BOOLEAN, ((Scalar) m.get("b")).kind());
    assertTrue(((Scalar) m.get("n")).isNull());
    assertTrue(((Scalar) m.get("e")).isNull(), "an empty value means no value");
    assertEquals("12", ((Scalar) m.get("t")).text());
    assertFalse(((Scalar) m.get("u")).isNull(), "a quoted empty string is a value");
  }

  @Test
  void columnsCountCodePoints() {
    // two astral characters before the quote: UTF-16 would count four
    Mapping m = read("a: \uD83D\uDE00\uD83D\uDE00\nb: 'x'\n");
    assertTrue(((Scalar) m.get("b")).quoted());
  }

  @Test
  void reportsEveryDuplicateWithTheFirstLine() {
    Problems p = new Problems("t.yaml");
    Mapping m = read("a: 1\nb:\n  x: 1\n  x: 2\na: 3\n", p);
    List<Problem> list = p.sorted();
    assertEquals(2, list.size());
    assertEquals("t.yaml:4:3: b.x: duplicate key, first written on line 3; keep only one", list.get(0).toString());
    assertEquals("t.yaml:5:1: a: duplicate key, first written on line 1; keep only one", list.get(1).toString());
    assertEquals("1", ((Scalar) m.get("a")).text(), "the first occurrence is kept");
  }

  @Test
  void expandsAnchorsAliasesAndMergeKeys() {
    Problems p = new Problems("t.yaml");
    Mapping m = (Mapping) YamlReader.read("""
        common: &common { strategy: sequential, deadline: 30s }
        a: *common
        b: { <<: *common, deadline: 10s }
        c: { <<: [{ x: 1 }, *common], x: 2 }
        s: &s 5
        t: [*s, *s]
        """, "t.yaml", p);
    assertTrue(p.isEmpty(), () -> p.sorted().toString());
    assertEquals("{ strategy: sequential, deadline: 30s }", m.get("a").flowText());
    assertEquals("{ deadline: 10s, strategy: sequential }", m.get("b").flowText(), "a written key wins over a merged one");
    assertEquals("{ x: 2, strategy: sequential, deadline: 30s }", m.get("c").flowText());
    assertEquals("[5, 5]", m.get("t").flowText());
    // an alias keeps the position of what it names: a message about it points at the definition
    assertEquals(new Pos("t.yaml", 1, 9), m.get("a").pos());
  }

  @Test
  void refusesAliasesThatNameNothingOrThemselves() {
    Problems p = new Problems("t.yaml");
    read("a: *nowhere\nb: &b [1, *b]\nc: { <<: 5 }\n", p);
    List<String> lines = p.sorted().stream().map(Problem::toString).toList();
    assertEquals(List.of(
        "t.yaml:1:4: a: *nowhere refers to no anchor; write &nowhere on a value above it first",
        "t.yaml:2:11: b[1]: *b refers to the value it is inside; an alias cannot contain itself",
        "t.yaml:3:10: c[\"<<\"]: merges the number \"5\"; << takes a map, e.g. <<: *common, or a list of them"), lines);
  }

  @Test
  void refusesABillionLaughsWithOneLine() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    Problems p = new Problems("t.yaml");
    assertNull(read(bomb.toString(), p));
    assertEquals(1, p.size(), () -> p.sorted().toString());
    // a(k) stands for 10^k lol plus its lists (11, 111, 1111 ... values): the file has used
    // 12 345 by the end of a3, and a4's eighth alias of a3 (11 111 each, column 45) passes 100 000
    assertTrue(p.sorted().get(0).toString().startsWith("t.yaml:5:45: the aliases"), p.sorted().toString());
    assertTrue(p.sorted().get(0).message().contains("billion laughs"), p.sorted().toString());
  }

  @Test
  void refusesDeepNestingWithoutAStackTrace() {
    Problems p = new Problems("t.yaml");
    assertNull(read("a: " + "[".repeat(200) + "]".repeat(200) + "\n", p));
    assertEquals("t.yaml:1:68: nested more than 64 levels deep; a scenario needs only a few levels",
        p.sorted().get(0).toString());
  }

  @Test
  void refusesASecondDocument() {
    Problems p = new Problems("t.yaml");
    read("a: 1\n---\nb: 2\n", p);
    assertEquals("t.yaml:2:1: a second YAML document starts here; keep one scenario per file",
        p.sorted().get(0).toString());
  }

  @Test
  void syntaxErrorsCarryTheirPosition() {
    Problems p = new Problems("t.yaml");
    assertNull(read("a: b: c\n", p));
    assertEquals("t.yaml:1:5: a second ': ' on one line; quote the value, e.g. title: \"a: b\"", p.sorted().get(0).toString());
  }

  @Test
  void refusesDocumentsOverTheCodePointLimit() {
    Problems p = new Problems("t.yaml");
    String big = "a: '" + "x".repeat(org.dialsim.model.Limits.MAX_FILE_BYTES + 10) + "'\n";
    assertNull(read(big, p));
    assertTrue(p.sorted().get(0).message().contains("larger than 1048576 characters"), p.sorted().toString());
  }

  @Test
  void anEmptyDocumentIsNull() {
    assertNull(YamlReader.read("# only a comment\n", "t.yaml", new Problems("t.yaml")));
  }

  @Test
  void nodesRenderInFlowStyle() {
    Mapping m = read("r: { median: 20ms, p95: 60ms }\nl: [1, 2]\n");
    assertEquals("{ median: 20ms, p95: 60ms }", m.get("r").flowText());
    assertEquals("[1, 2]", m.get("l").flowText());
    assertInstanceOf(Mapping.class, m.with("x", m.get("l")).without("r").with("r", m.get("r")));
    assertEquals(List.of("l", "x", "r"), m.with("x", m.get("l")).without("r").with("r", m.get("r")).keys());
  }
}
