package org.dialsim.sim;

import java.util.Arrays;
import org.dialsim.engine.Simulator;
import org.dialsim.engine.Time;
import org.dialsim.stack.Strategy;

/** One call of one client in one replication: its tries, DNS state and attempts. */
final class Call {
  static final byte IDLE = 0;
  static final byte RUNNING = 1;
  static final byte ENDED = 2;

  final int id;
  final int client;
  final int index;
  long startedAt;
  int tries;
  boolean done;
  int attempts;
  long wastedNs;
  int connectedAddress = -1;

  // the current try
  long deadlineAt = Time.NEVER;
  long deadlineEvent = Simulator.NO_EVENT;
  long wakeEvent = Simulator.NO_EVENT;
  long resolutionDelayEvent = Simulator.NO_EVENT;
  final boolean[] answered = new boolean[2];
  final int[][] answers = new int[2][];
  boolean connecting;
  /** The try has ended and a retry waits for its backoff. */
  boolean tryOver;
  Strategy strategy;
  int running;

  // candidates and their attempts, by position in the order
  int[] cand = new int[0];
  int n;
  byte[] state = new byte[0];
  long[] attemptStart = new long[0];
  Outcome[] plannedOutcome = new Outcome[0];
  long[] endEvent = new long[0];
  long[][] synTimes = new long[0][]; // only for the traced call
  long[] limitAt = new long[0]; // when each attempt would time out; only for the traced call

  Call(int id, int client, int index) {
    this.id = id;
    this.client = client;
    this.index = index;
  }

  /** Clears the per-try state for a new try starting at {@code now}. */
  void resetTry(long now) {
    deadlineAt = Time.NEVER;
    deadlineEvent = Simulator.NO_EVENT;
    wakeEvent = Simulator.NO_EVENT;
    resolutionDelayEvent = Simulator.NO_EVENT;
    Arrays.fill(answered, false);
    connecting = false;
    tryOver = false;
    strategy = null;
    running = 0;
    n = 0;
  }

  /** Sets the ordered candidates (address numbers) for this try. */
  void setCandidates(int[] order) {
    n = 0;
    ensure(order.length);
    for (int a : order) {
      addCandidate(a);
    }
  }

  /** Appends one candidate. */
  void addCandidate(int address) {
    ensure(n + 1);
    cand[n] = address;
    state[n] = IDLE;
    endEvent[n] = Simulator.NO_EVENT;
    n++;
  }

  /** Position of an address among the candidates, or -1. */
  int indexOf(int address) {
    for (int i = 0; i < n; i++) {
      if (cand[i] == address) {
        return i;
      }
    }
    return -1;
  }

  private void ensure(int size) {
    if (cand.length >= size) {
      return;
    }
    int c = Math.max(size, cand.length * 2);
    cand = Arrays.copyOf(cand, c);
    state = Arrays.copyOf(state, c);
    attemptStart = Arrays.copyOf(attemptStart, c);
    plannedOutcome = Arrays.copyOf(plannedOutcome, c);
    endEvent = Arrays.copyOf(endEvent, c);
    synTimes = Arrays.copyOf(synTimes, c);
    limitAt = Arrays.copyOf(limitAt, c);
  }
}
