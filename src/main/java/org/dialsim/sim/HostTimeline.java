package org.dialsim.sim;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.model.Failure;
import org.dialsim.model.Host;
import org.dialsim.model.Window;

/**
 * When one host is down in one replication: its fixed windows plus random failures drawn
 * lazily, in order, from the host's own stream (so the same replication sees the same failures
 * in every configuration, however far each one looks).
 *
 * <p>A timeline is reused for every replication a world runs ({@link #reset}). The simulation
 * never asks about a time before the current one, so the flips before that are dropped as time
 * moves on: the history kept is bounded by the failures within one attempt's reach, not by the
 * length of the replication.
 */
final class HostTimeline {
  private final long[] windowFrom;
  private final long[] windowTo;
  private final Failure failure;
  private final RandomStream rng;
  private final ZigguratSampler.Exponential upTimes;
  private final ZigguratSampler.Exponential downTimes;
  private boolean downAtFirst; // the state before flips[0]
  private long[] flips = new long[8]; // times at which the state toggles, increasing
  private int count;
  private long horizon; // state known up to here

  HostTimeline(Host host, RandomStream rng) {
    windowFrom = new long[host.down().size()];
    windowTo = new long[host.down().size()];
    for (int i = 0; i < windowFrom.length; i++) {
      Window w = host.down().get(i);
      windowFrom[i] = w.fromNs();
      windowTo[i] = w.toNs();
    }
    this.failure = host.failure();
    this.rng = rng;
    upTimes = failure == null ? null : ZigguratSampler.Exponential.of(rng, failure.mtbfNs());
    downTimes = failure == null ? null : ZigguratSampler.Exponential.of(rng, failure.mttrNs());
  }

  /** Starts replication {@code replication} (run number {@code run}) with no history. */
  void reset(int replication, int run) {
    count = 0;
    horizon = 0;
    if (failure != null) {
      rng.in(replication, run);
      // stationary start: down with probability mttr / (mtbf + mttr); residual times are
      // exponential again because the exponential distribution is memoryless
      downAtFirst = rng.nextDouble() * (failure.mtbfNs() + (double) failure.mttrNs()) < failure.mttrNs();
    }
  }

  /** True when the host is down at time {@code t}, which must not lie before {@code now}. */
  boolean down(long t, long now) {
    for (int i = 0; i < windowFrom.length; i++) {
      if (t >= windowFrom[i] && t < windowTo[i]) {
        return true;
      }
    }
    if (failure == null) {
      return false;
    }
    extendTo(t);
    forget(now);
    int i = Arrays.binarySearch(flips, 0, count, t);
    int flipsUpToT = i >= 0 ? i + 1 : -i - 1;
    return downAtFirst ^ ((flipsUpToT & 1) == 1);
  }

  private void extendTo(long t) {
    while (horizon <= t) {
      boolean downNow = downAtFirst ^ ((count & 1) == 1);
      double len = downNow ? downTimes.sample() : upTimes.sample();
      long next = horizon + Math.max(1, (long) Math.min(len, 1e17));
      if (count == flips.length) {
        flips = Arrays.copyOf(flips, count * 2);
      }
      flips[count++] = next;
      horizon = next;
    }
  }

  /** Drops the flips at or before {@code now}, folding them into the starting state. */
  private void forget(long now) {
    int gone = 0;
    while (gone < count - 1 && flips[gone] <= now) {
      gone++;
    }
    if (gone >= 8 && gone * 2 >= count) {
      downAtFirst ^= (gone & 1) == 1;
      System.arraycopy(flips, gone, flips, 0, count - gone);
      count -= gone;
    }
  }
}
