package org.dialsim.sim;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.model.Failure;
import org.dialsim.model.Host;
import org.dialsim.model.Window;

/**
 * When one host is down in one replication: its fixed windows plus random failures drawn
 * lazily, in order, from the host's own stream (so the same replication sees the same failures
 * in every configuration, however far each one looks).
 */
final class HostTimeline {
  private final Host host;
  private final ZigguratSampler.Exponential upTimes;
  private final ZigguratSampler.Exponential downTimes;
  private boolean startsDown;
  private long[] flips = new long[8]; // times at which the state toggles
  private int count;
  private long horizon; // state known up to here

  HostTimeline(Host host, UniformRandomProvider rng) {
    this.host = host;
    Failure f = host.failure();
    if (f == null) {
      upTimes = null;
      downTimes = null;
      return;
    }
    upTimes = ZigguratSampler.Exponential.of(rng, f.mtbfNs());
    downTimes = ZigguratSampler.Exponential.of(rng, f.mttrNs());
    // stationary start: down with probability mttr / (mtbf + mttr); residual times are
    // exponential again because the exponential distribution is memoryless
    startsDown = rng.nextDouble() * (f.mtbfNs() + (double) f.mttrNs()) < f.mttrNs();
  }

  /** True when the host is down at time {@code t}. */
  boolean down(long t) {
    for (Window w : host.down()) {
      if (w.contains(t)) {
        return true;
      }
    }
    if (upTimes == null) {
      return false;
    }
    extendTo(t);
    int i = Arrays.binarySearch(flips, 0, count, t);
    int flipsUpToT = i >= 0 ? i + 1 : -i - 1;
    boolean down = startsDown ^ ((flipsUpToT & 1) == 1);
    return down;
  }

  private void extendTo(long t) {
    while (horizon <= t) {
      boolean downNow = startsDown ^ ((count & 1) == 1);
      double len = downNow ? downTimes.sample() : upTimes.sample();
      long next = horizon + Math.max(1, (long) Math.min(len, 1e17));
      if (count == flips.length) {
        flips = Arrays.copyOf(flips, count * 2);
      }
      flips[count++] = next;
      horizon = next;
    }
  }
}
