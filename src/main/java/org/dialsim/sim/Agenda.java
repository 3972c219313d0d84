package org.dialsim.sim;

import org.dialsim.engine.Simulator;

/** Each call's timer agenda: a call keeps its own timers and only its earliest is queued. */
final class Agenda {
  /** The event kind of each of a call's timer slots ({@link Call#DEADLINE} ...; attempts last). */
  private static final int[] KIND_OF_TIMER = {World.DEADLINE, World.WAKE, World.RESOLUTION_DELAY, World.RETRY,
      World.WAKE, World.ATTEMPT_END};

  private final Simulator sim;

  Agenda(Simulator sim) {
    this.sim = sim;
  }

  /** Sets a call's timer {@code k} at {@code at}, taking its place in the order now. */
  void setTimer(Call call, int k, long at) {
    call.setTimer(k, at, sim.order(KIND_OF_TIMER[Math.min(k, Call.ATTEMPT)]));
  }

  /** Queues the call's earliest timer (or nothing), replacing what was queued if it changed. */
  void settle(Call call) {
    int best = -1;
    long bestAt = 0;
    long bestOrder = 0;
    int timers = Call.ATTEMPT + call.n;
    for (int k = 0; k < timers; k++) {
      long t = call.timerAt(k);
      if (t == Call.UNSET) {
        continue;
      }
      long o = call.timerOrder(k);
      if (best < 0 || t < bestAt || (t == bestAt && o < bestOrder)) {
        best = k;
        bestAt = t;
        bestOrder = o;
      }
    }
    if (call.queued != Simulator.NO_EVENT) {
      if (best == call.queuedTimer && bestAt == call.queuedAt && bestOrder == call.queuedOrder) {
        return;
      }
      sim.cancel(call.queued);
      call.queued = Simulator.NO_EVENT;
    }
    if (best >= 0) {
      call.queued = sim.at(bestAt, bestOrder, KIND_OF_TIMER[Math.min(best, Call.ATTEMPT)], call.slot, best);
      call.queuedTimer = best;
      call.queuedAt = bestAt;
      call.queuedOrder = bestOrder;
    }
  }
}
