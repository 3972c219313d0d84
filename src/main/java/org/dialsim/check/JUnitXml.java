package org.dialsim.check;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML in the common dialect that Jenkins (JUnit plugin), GitLab (artifacts:reports:junit)
 * and the GitHub test-report actions read: {@code <testsuites>} of {@code <testsuite>} elements
 * with {@code <properties>}, each {@code <testcase>} passed, or with {@code <failure>},
 * {@code <error>} or {@code <skipped>}.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /** How a test case ended. */
  public enum Kind {
    /** The assertion holds. */
    PASSED,
    /** The assertion does not hold: {@code <failure>}. */
    FAILED,
    /** The test could not run (an invalid scenario or baseline): {@code <error>}. */
    ERROR,
    /** Nothing to check: {@code <skipped>}. */
    SKIPPED
  }

  /**
   * One test case.
   *
   * @param classname the scenario's name (CI tools group cases by it)
   * @param name the assertion, stable from run to run
   * @param file the scenario file, for tools that link to it (GitLab)
   * @param kind how it ended
   * @param message one line for the {@code message} attribute; empty when it passed
   * @param detail the element's text (may span lines); empty for none
   */
  public record Case(String classname, String name, String file, Kind kind, String message, String detail) {
    /** A passed case. */
    public static Case passed(String classname, String name, String file) {
      return new Case(classname, name, file, Kind.PASSED, "", "");
    }
  }

  /**
   * One test suite: a scenario file.
   *
   * @param name the scenario's name (its file name when it could not be read)
   * @param file the scenario file as given
   * @param seconds wall time spent on it (simulation and report files)
   * @param properties name to value, written in this order
   * @param cases its test cases
   */
  public record Suite(String name, String file, double seconds, Map<String, String> properties, List<Case> cases) {
    /** Copies the collections, keeping their order. */
    public Suite {
      properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
      cases = List.copyOf(cases);
    }

    /** A suite of one case that could not run: an invalid scenario or baseline. */
    public static Suite error(String name, String file, String caseName, String message, String detail,
        Map<String, String> properties) {
      return new Suite(name, file, 0, properties, List.of(new Case(name, caseName, file, Kind.ERROR, message, detail)));
    }

    /** Cases that ended as {@code kind}. */
    public long count(Kind kind) {
      return cases.stream().filter(c -> c.kind() == kind).count();
    }
  }

  /** The document, UTF-8, indented for people who open it. */
  public static byte[] render(String name, List<Suite> suites) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      attribute(w, "name", name);
      long tests = 0;
      long failures = 0;
      long errors = 0;
      long skipped = 0;
      double seconds = 0;
      for (Suite s : suites) {
        tests += s.cases().size();
        failures += s.count(Kind.FAILED);
        errors += s.count(Kind.ERROR);
        skipped += s.count(Kind.SKIPPED);
        seconds += s.seconds();
      }
      counts(w, tests, failures, errors, skipped, seconds);
      for (Suite s : suites) {
        suite(w, s);
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return bytes.toByteArray();
  }

  private static void suite(XMLStreamWriter w, Suite s) throws XMLStreamException {
    w.writeCharacters("\n  ");
    w.writeStartElement("testsuite");
    attribute(w, "name", s.name());
    counts(w, s.cases().size(), s.count(Kind.FAILED), s.count(Kind.ERROR), s.count(Kind.SKIPPED), s.seconds());
    attribute(w, "file", s.file());
    w.writeCharacters("\n    ");
    w.writeStartElement("properties");
    for (Map.Entry<String, String> p : s.properties().entrySet()) {
      w.writeCharacters("\n      ");
      w.writeEmptyElement("property");
      attribute(w, "name", p.getKey());
      attribute(w, "value", p.getValue());
    }
    w.writeCharacters("\n    ");
    w.writeEndElement();
    for (Case c : s.cases()) {
      w.writeCharacters("\n    ");
      if (c.kind() == Kind.PASSED) {
        w.writeEmptyElement("testcase");
      } else {
        w.writeStartElement("testcase");
      }
      attribute(w, "classname", c.classname());
      attribute(w, "name", c.name());
      attribute(w, "file", c.file());
      // the simulation is shared by every case of a suite; its time is on the suite
      w.writeAttribute("time", "0");
      if (c.kind() != Kind.PASSED) {
        w.writeCharacters("\n      ");
        String element = switch (c.kind()) {
          case FAILED -> "failure";
          case ERROR -> "error";
          default -> "skipped";
        };
        if (c.detail().isEmpty()) {
          w.writeEmptyElement(element);
        } else {
          w.writeStartElement(element);
        }
        attribute(w, "message", c.message());
        if (c.kind() == Kind.FAILED) {
          w.writeAttribute("type", "ExpectationFailed");
        } else if (c.kind() == Kind.ERROR) {
          w.writeAttribute("type", "InvalidInput");
        }
        if (!c.detail().isEmpty()) {
          w.writeCharacters(text(c.detail()));
          w.writeEndElement();
        }
        w.writeCharacters("\n    ");
        w.writeEndElement();
      }
    }
    w.writeCharacters("\n  ");
    w.writeEndElement();
  }

  private static void counts(XMLStreamWriter w, long tests, long failures, long errors, long skipped, double seconds)
      throws XMLStreamException {
    w.writeAttribute("tests", Long.toString(tests));
    w.writeAttribute("failures", Long.toString(failures));
    w.writeAttribute("errors", Long.toString(errors));
    w.writeAttribute("skipped", Long.toString(skipped));
    w.writeAttribute("time", String.format(Locale.ROOT, "%.3f", seconds));
  }

  /**
   * An attribute. The writer escapes markup characters but passes line breaks, which a parser
   * turns into spaces, and characters XML 1.0 forbids, which make the file unreadable: replace
   * both here so that what is read back is what was meant.
   */
  private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeAttribute(name, text(value).replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
  }

  /** Text with every character XML 1.0 cannot carry replaced by U+FFFD. */
  static String text(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
          || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
      if (ok) {
        sb.appendCodePoint(cp);
      } else {
        sb.append('\uFFFD');
      }
      i += Character.charCount(cp);
    }
    return sb.toString();
  }
}
