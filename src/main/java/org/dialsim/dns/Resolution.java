package org.dialsim.dns;

import org.dialsim.engine.Time;

/**
 * One try's name resolution as the stack waits for it: which of A and AAAA it still waits for,
 * what came back, and when it may start connecting.
 *
 * <p>A synchronous getaddrinfo-style stack (no Resolution Delay) connects once both answers are
 * in. A Happy Eyeballs stack follows RFC 8305 section 3: it connects as soon as a usable AAAA
 * answer is in, and on an A answer (from the network or the cache) waits the Resolution Delay for
 * AAAA, once per try; an empty or timed-out AAAA answer ends the wait. It knows nothing of
 * events: the simulation asks {@link #next} after each answer and sets the timer it is told to.
 */
public final class Resolution {
  /** What the stack does after an answer. */
  public enum Step {
    /** Keep waiting. */
    WAIT,
    /** Start the Resolution Delay timer now. */
    START_DELAY,
    /** Start connecting now. */
    CONNECT
  }

  private final long delayNs;
  private final boolean[] answered = new boolean[2];
  private final int[][] answers;
  private final int[] lengths = new int[2];
  private boolean delayPending;

  /**
   * Resolution for one stack.
   *
   * @param resolutionDelayNs the stack's Resolution Delay, {@link Time#NEVER} for a synchronous resolver
   * @param countA room for the name's A records
   * @param countAaaa room for its AAAA records
   */
  public Resolution(long resolutionDelayNs, int countA, int countAaaa) {
    this.delayNs = resolutionDelayNs;
    this.answers = new int[][] {new int[countA], new int[countAaaa]};
  }

  /** Starts a try that needs the given types; a type it does not need counts as answered, empty. */
  public void begin(boolean needA, boolean needAaaa) {
    answered[NameServer.A] = !needA;
    answered[NameServer.AAAA] = !needAaaa;
    lengths[0] = 0;
    lengths[1] = 0;
    delayPending = false;
  }

  /** An answer of {@code type} came in: {@code answer[0..n)}, empty for NODATA. */
  public void answer(int type, int[] answer, int n) {
    answer(type, answer, 0, n);
  }

  /** An answer of {@code type} came in: {@code n} numbers of {@code answer} from {@code from}. */
  public void answer(int type, int[] answer, int from, int n) {
    System.arraycopy(answer, from, answers[type], 0, n);
    lengths[type] = n;
    answered[type] = true;
  }

  /** No answer of {@code type} will come: the resolver gave up. It counts as an empty answer. */
  public void noAnswer(int type) {
    lengths[type] = 0;
    answered[type] = true;
  }

  /** True once {@code type} is answered (or not needed). */
  public boolean answered(int type) {
    return answered[type];
  }

  /** True once both types are answered. */
  public boolean complete() {
    return answered[NameServer.A] && answered[NameServer.AAAA];
  }

  /** The addresses {@code type} gave, {@link #length} of them. */
  public int[] answers(int type) {
    return answers[type];
  }

  /** Number of addresses {@code type} gave. */
  public int length(int type) {
    return lengths[type];
  }

  /**
   * What to do now.
   *
   * @param arrived the type that just came from the network, or -1 at the start of the try
   *     (answers from the cache count like answers that just came in)
   */
  public Step next(int arrived) {
    boolean both = complete();
    if (delayNs == Time.NEVER) {
      return both ? Step.CONNECT : Step.WAIT;
    }
    boolean aaaaUsable = answered[NameServer.AAAA] && lengths[NameServer.AAAA] > 0;
    if (aaaaUsable || both) {
      return Step.CONNECT;
    }
    if (answered[NameServer.A] && (arrived == NameServer.A || arrived == -1) && !delayPending) {
      delayPending = true;
      return Step.START_DELAY;
    }
    return Step.WAIT;
  }

  /** The Resolution Delay has run out, or connecting began and cancelled it. */
  public void delayOver() {
    delayPending = false;
  }

  /** The Resolution Delay of this stack. */
  public long delayNs() {
    return delayNs;
  }
}
