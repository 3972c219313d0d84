package org.dialsim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import org.dialsim.scenario.Node.Scalar;

/**
 * Renders a tree as JSON: maps as objects in written order, plain numbers as numbers,
 * everything else (durations included, as written) as strings.
 *
 * <p>Written with Jackson's streaming generator: every run renders its resolved scenario, and
 * the tree model (databind) costs half a second of class loading at start-up where the
 * generator costs a tenth of that.
 */
final class JsonRender {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** The YAML 1.1 spellings of true that Jackson's YAML parser accepts. */
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "on");

  private JsonRender() {}

  /** The tree as one line of JSON. */
  static String render(Node n) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, n);
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree could not be written", e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, Node n) throws IOException {
    if (n instanceof Node.Mapping m) {
      g.writeStartObject();
      for (Node.Entry e : m.entries()) {
        g.writeFieldName(e.key());
        write(g, e.value());
      }
      g.writeEndObject();
      return;
    }
    if (n instanceof Node.Sequence s) {
      g.writeStartArray();
      for (Node item : s.items()) {
        write(g, item);
      }
      g.writeEndArray();
      return;
    }
    Scalar s = (Scalar) n;
    String digits = s.text().strip().replace("_", "");
    try {
      switch (s.kind()) {
        case NULL -> g.writeNull();
        case BOOLEAN -> g.writeBoolean(TRUE.contains(s.text().toLowerCase(Locale.ROOT)));
        case INT -> {
          BigInteger i = new BigInteger(digits);
          if (i.bitLength() < 64) {
            g.writeNumber(i.longValue());
          } else {
            g.writeNumber(i);
          }
        }
        // the digits as written (0.010 stays 0.010)
        case FLOAT -> g.writeNumber(new BigDecimal(digits));
        default -> g.writeString(s.text());
      }
    } catch (NumberFormatException e) {
      // YAML numbers Java cannot read (0x1f, .inf) stay text
      g.writeString(s.text());
    }
  }
}
