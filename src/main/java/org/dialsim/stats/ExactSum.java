package org.dialsim.stats;

import java.math.BigInteger;

/**
 * A sum of non-negative longs kept exactly in 128 bits. Nanosecond totals of a large run pass
 * 2^63 (150 million calls of 63 s each), and a floating-point sum would depend on the order in
 * which threads' tallies merge; this one is exact in any order.
 */
final class ExactSum {
  private static final double TWO_TO_64 = 18446744073709551616.0;
  private long high;
  private long low; // unsigned

  /** Adds {@code v}, which must not be negative. */
  void add(long v) {
    long sum = low + v;
    if (Long.compareUnsigned(sum, low) < 0) {
      high++;
    }
    low = sum;
  }

  /** Adds another sum. */
  void add(ExactSum other) {
    long sum = low + other.low;
    if (Long.compareUnsigned(sum, low) < 0) {
      high++;
    }
    low = sum;
    high += other.high;
  }

  /** The exact sum. */
  BigInteger value() {
    return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
  }

  /** A sum holding {@code v}, which must be in [0, 2^127). */
  static ExactSum of(BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 127) {
      throw new IllegalArgumentException("a sum must be in [0, 2^127): " + v);
    }
    ExactSum s = new ExactSum();
    s.low = v.longValue();
    s.high = v.shiftRight(64).longValue();
    return s;
  }

  /** The sum divided by {@code divisor}, as a double. */
  double divide(double divisor) {
    double unsignedLow = low >= 0 ? low : (low >>> 1) * 2.0 + (low & 1);
    return (high * TWO_TO_64 + unsignedLow) / divisor;
  }
}
