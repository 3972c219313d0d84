package org.dialsim.sim;

import org.dialsim.model.Delay;

/** Turns a {@link Delay} and a standard normal draw into nanoseconds. */
final class Delays {
  private Delays() {}

  /** True when {@code d} takes a normal deviate (it is not fixed). */
  static boolean drawn(Delay d) {
    return !(d instanceof Delay.Fixed);
  }

  /** The delay for normal deviate {@code z}; a fixed delay ignores it. */
  static long sample(Delay d, double z) {
    if (d instanceof Delay.Fixed f) {
      return f.ns();
    }
    Delay.LogNormal ln = (Delay.LogNormal) d;
    double v = Math.exp(ln.mu() + ln.sigma() * z);
    return Math.max(0, Math.round(Math.min(v, 1e15)));
  }
}
