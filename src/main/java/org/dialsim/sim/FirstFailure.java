package org.dialsim.sim;

/**
 * The first failed call among those offered: of the lowest replication, the one that ended
 * first; calls that ended at the same nanosecond (common where every failure is a deadline)
 * are told apart by the lower client, then the lower call index. The order asks nothing of the
 * order in which a run hands calls over, so the main run (client by client, on any threads,
 * in parts) and {@link CallSearch} (every client in one event list) name the same call.
 */
public final class FirstFailure {
  private boolean any;
  private int replication;
  private long endNs;
  private int client;
  private int call;

  /** Offers a failed call that ended at {@code endNs}; kept when it comes before the one held. */
  public void offer(int replication, long endNs, int client, int call) {
    if (!any || before(replication, endNs, client, call)) {
      any = true;
      this.replication = replication;
      this.endNs = endNs;
      this.client = client;
      this.call = call;
    }
  }

  /** Offers what {@code other} holds (another part of the same run). */
  public void offer(FirstFailure other) {
    if (other.any) {
      offer(other.replication, other.endNs, other.client, other.call);
    }
  }

  /** True when nothing has been offered yet. */
  public boolean isEmpty() {
    return !any;
  }

  /** When the call held ended; meaningful only when one is held. */
  long endNs() {
    return endNs;
  }

  /** The call held, or null when none failed. */
  public CallSearch.Found found() {
    return any ? new CallSearch.Found(replication, client, call) : null;
  }

  private boolean before(int r, long t, int c, int i) {
    if (r != replication) {
      return r < replication;
    }
    if (t != endNs) {
      return t < endNs;
    }
    return c != client ? c < client : i < call;
  }
}
