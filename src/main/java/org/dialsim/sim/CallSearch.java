package org.dialsim.sim;

import java.util.Locale;

/**
 * Finds one call worth explaining among a configuration's replications, the way
 * {@code dialsim explain --find} asks: the first failed call, the first failed first call of a
 * client, or the slowest call. The search replays replications in order and stops once no later
 * call can come first, so finding the first failure costs only the simulation up to it.
 */
public final class CallSearch {
  /** What to look for. */
  public enum Target {
    /**
     * The first failed call: lowest replication, then the earliest end, then (ended at the same
     * time) the lower client and call ({@link FirstFailure}).
     */
    FAILED,
    /** The first failed first call of a client, in the same order. */
    FIRST_FAILURE,
    /** The successful call that took longest (the longest failed call if none succeeded). */
    SLOWEST;

    /** The command-line spelling: {@code failed}, {@code first-failure}, {@code slowest}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A call of one replication.
   *
   * @param replication the replication, from 0
   * @param client the client instance, from 0
   * @param call the call index within the client, from 0
   */
  public record Found(int replication, int client, int call) {}

  private CallSearch() {}

  /** The call {@code target} names among replications {@code 0..replications-1}, or null. */
  public static Found find(World world, int replications, Target target) {
    Hit best = null;
    for (int r = 0; r < replications; r++) {
      Watch watch = new Watch(world, r, target);
      world.runInOrder(r, watch);
      if (!watch.first.isEmpty()) {
        return watch.first.found();
      }
      if (watch.hit != null && (best == null || watch.hit.beats(best))) {
        best = watch.hit;
      }
    }
    return best == null ? null : best.found;
  }

  /** A candidate for the slowest call. */
  private record Hit(Found found, boolean connected, long establishNs) {
    /** Successful calls first; among equals, the longer. */
    boolean beats(Hit o) {
      return (connected && !o.connected) || (connected == o.connected && establishNs > o.establishNs);
    }
  }

  /**
   * Watches one replication's calls as they end, and stops it once a failed call is held and
   * the calls end later than it: calls ending at the same time may still come first.
   */
  private static final class Watch implements CallSink {
    private final World world;
    private final int replication;
    private final Target target;
    final FirstFailure first = new FirstFailure();
    Hit hit;

    Watch(World world, int replication, Target target) {
      this.world = world;
      this.replication = replication;
      this.target = target;
    }

    @Override
    public void call(int client, int index, boolean connected, long establishNs, int attempts, long wastedNs) {
      switch (target) {
        case FAILED, FIRST_FAILURE -> {
          long end = world.now();
          if (!first.isEmpty() && end > first.endNs()) {
            world.stop();
          } else if (!connected && (target == Target.FAILED || index == 0)) {
            first.offer(replication, end, client, index);
          }
        }
        case SLOWEST -> {
          Hit h = new Hit(new Found(replication, client, index), connected, establishNs);
          if (hit == null || h.beats(hit)) {
            hit = h;
          }
        }
      }
    }
  }
}
