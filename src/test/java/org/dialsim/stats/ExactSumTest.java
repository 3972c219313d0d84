package org.dialsim.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ExactSumTest {
  @Test
  void sumsPast2To63StayExactAndMergeInAnyOrder() {
    // 150 million calls of 63 s each: 9.45e18 ns, past Long.MAX_VALUE (9.22e18)
    long each = 63_000_000_000L;
    ExactSum a = new ExactSum();
    ExactSum b = new ExactSum();
    BigInteger exact = BigInteger.ZERO;
    for (int i = 0; i < 75; i++) {
      a.add(each * 1_000_000L);
      b.add(each * 1_000_000L);
      exact = exact.add(BigInteger.valueOf(each * 1_000_000L).shiftLeft(1));
    }
    ExactSum ab = new ExactSum();
    ab.add(a);
    ab.add(b);
    ExactSum ba = new ExactSum();
    ba.add(b);
    ba.add(a);
    assertEquals(exact.doubleValue() / 1.5e17, ab.divide(1.5e17), 1e-9);
    assertEquals(63.0, ab.divide(150e6 * 1e9), 1e-12);
    assertEquals(ab.divide(1), ba.divide(1));
  }

  @Test
  void theExactValueReadsBack() {
    ExactSum s = new ExactSum();
    s.add(Long.MAX_VALUE);
    s.add(Long.MAX_VALUE);
    s.add(3);
    BigInteger twice = BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1).add(BigInteger.valueOf(3));
    assertEquals(twice, s.value());
    assertEquals(twice, ExactSum.of(twice).value());
    assertEquals(BigInteger.ZERO, new ExactSum().value());
  }
}
