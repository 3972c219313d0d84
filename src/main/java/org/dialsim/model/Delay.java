package org.dialsim.model;

/** A random or fixed delay such as a round-trip time or a DNS answer latency. */
public sealed interface Delay {
  /** The median in nanoseconds. */
  long medianNs();

  /** Always the same delay: {@code rtt: 10ms}. */
  record Fixed(long ns) implements Delay {
    @Override
    public long medianNs() {
      return ns;
    }
  }

  /**
   * Lognormal, given by its median and 95th percentile: {@code rtt: { median: 20ms, p95: 60ms }}.
   * Then mu = ln(median) and sigma = (ln(p95) - ln(median)) / 1.6448536 (the standard normal's
   * 95th percentile).
   */
  record LogNormal(long medianNs, long p95Ns) implements Delay {
    /** The normal's 95th percentile, z(0.95). */
    public static final double Z95 = 1.6448536269514722;

    /** Log-scale location. */
    public double mu() {
      return Math.log(medianNs);
    }

    /** Log-scale shape. */
    public double sigma() {
      return (Math.log(p95Ns) - Math.log(medianNs)) / Z95;
    }
  }
}
