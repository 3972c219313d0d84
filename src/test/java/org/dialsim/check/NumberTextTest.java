package org.dialsim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumberTextTest {
  @Test
  void shortLocaleFreeNumbers() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY); // a decimal comma must not leak into the output
      assertEquals("0.01", NumberText.of(0.01));
      assertEquals("0.333333", NumberText.of(1.0 / 3));
      assertEquals("21.0638", NumberText.of(21.063794688));
      assertEquals("800", NumberText.of(800));
      assertEquals("0", NumberText.of(-0.0));
      assertEquals("0.000012", NumberText.of(0.000012));
      assertEquals("n/a", NumberText.of(Double.NaN));
      assertEquals("+0.25", NumberText.signed(0.25));
      assertEquals("-3", NumberText.signed(-3));
      assertEquals("0.0477", NumberText.p(0.04767038));
      assertEquals("6.33e-28", NumberText.p(6.32606826367741e-28));
      assertEquals("1", NumberText.p(1));
    } finally {
      Locale.setDefault(before);
    }
  }
}
