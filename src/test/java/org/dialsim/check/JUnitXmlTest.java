package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitXmlTest {
  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  @Test
  void escapesWhatANameOrMessageMayHold() throws Exception {
    // configuration names are free text: quotes, markup, ampersands, a control character, a line break
    String nasty = "A \"quoted\" <b>&amp;</b> 'x'\u0001 tab\tend";
    Map<String, String> props = new LinkedHashMap<>();
    props.put("seed", "1");
    JUnitXml.Suite s = new JUnitXml.Suite("s", "s.yaml", 1.5, props, List.of(
        new JUnitXml.Case("s", nasty, "s.yaml", JUnitXml.Kind.FAILED, "line one\nline two", "detail <&> ]]> \u0002\nsecond"),
        JUnitXml.Case.passed("s", "ok", "s.yaml")));
    Document d = parse(JUnitXml.render("dialsim check", List.of(s)));
    Element tc = (Element) d.getElementsByTagName("testcase").item(0);
    assertEquals("A \"quoted\" <b>&amp;</b> 'x'\uFFFD tab end", tc.getAttribute("name"));
    Element failure = (Element) tc.getElementsByTagName("failure").item(0);
    assertEquals("line one line two", failure.getAttribute("message"));
    assertEquals("detail <&> ]]> \uFFFD\nsecond", failure.getTextContent());
    Element root = d.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("2", root.getAttribute("tests"));
    assertEquals("1", root.getAttribute("failures"));
    assertEquals("1.500", root.getAttribute("time"));
  }

  @Test
  void countsEachKind() throws Exception {
    JUnitXml.Suite ok = new JUnitXml.Suite("a", "a.yaml", 0, Map.of(), List.of(
        JUnitXml.Case.passed("a", "x", "a.yaml"),
        new JUnitXml.Case("a", "y", "a.yaml", JUnitXml.Kind.SKIPPED, "nothing to assert", "")));
    JUnitXml.Suite bad = JUnitXml.Suite.error("b.yaml", "b.yaml", "scenario is valid", "invalid scenario: b.yaml:3:1: oops",
        "b.yaml:3:1: oops", Map.of());
    Document d = parse(JUnitXml.render("dialsim check", List.of(ok, bad)));
    Element root = d.getDocumentElement();
    assertEquals("3", root.getAttribute("tests"));
    assertEquals("0", root.getAttribute("failures"));
    assertEquals("1", root.getAttribute("errors"));
    assertEquals("1", root.getAttribute("skipped"));
    Element second = (Element) d.getElementsByTagName("testsuite").item(1);
    assertEquals("b.yaml", second.getAttribute("name"));
    Element error = (Element) second.getElementsByTagName("error").item(0);
    assertEquals("invalid scenario: b.yaml:3:1: oops", error.getAttribute("message"));
    assertEquals("b.yaml:3:1: oops", error.getTextContent());
    Element skipped = (Element) d.getElementsByTagName("skipped").item(0);
    assertEquals("nothing to assert", skipped.getAttribute("message"));
  }
}
