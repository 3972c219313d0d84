package org.dialsim.sim;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.dialsim.engine.Time;
import org.dialsim.model.Behaviour;
import org.dialsim.model.Delay;
import org.dialsim.stack.RstAction;
import org.dialsim.stack.SynSchedule;
import org.dialsim.stack.SynWheel;

/**
 * One connection attempt worked out SYN by SYN when it starts: when it ends, how, and when each
 * SYN went.
 *
 * <p>Each SYN meets the path's behaviour and the host's state at its send time. {@code deliver}
 * answers after one RTT: SYN-ACK (connected) when the host is up and listens on the family, else
 * RST (refused at once, or on Windows the SYN is sent again after the base timeout, without
 * doubling, up to {@link RstAction#WINDOWS_RST_RETRIES} times). {@code unreachable} answers with
 * an ICMP error after one RTT, {@code no-route} at once. {@code blackhole}, a dead host, or a
 * lost SYN or SYN-ACK: nothing comes back and the next SYN goes on the schedule. The attempt
 * times out at the schedule's give-up or at the application's limit, whichever comes first.
 *
 * <p>Every SYN sent draws one RTT and two loss values from the (client, address) stream,
 * whatever happens to it, so the streams stay aligned across configurations. The result lands
 * in this object's fields: a world keeps one and reuses it, so working out an attempt allocates
 * nothing.
 */
final class AttemptPath {
  /** When the attempt ends. */
  long end;
  /** How it ends. */
  Outcome outcome;
  /** When it would have timed out: the SYN give-up or the application's limit. */
  long timesOutAt;
  /** SYNs sent, {@link #syns} of them valid. */
  long[] synTimes = new long[32];
  /** Number of SYNs the attempt sends before it ends. */
  int syns;
  /** The timer wheel's SYN offsets and give-up for the attempt under way (see {@link SynWheel#offsets}). */
  private long[] wheelOffsets = new long[0];

  /**
   * Works out one attempt.
   *
   * @param behaviour the path rule's behaviour
   * @param loss the path's loss probability per SYN and per SYN-ACK
   * @param rtt the path's RTT
   * @param gauss the (client, address) stream's normal deviates, one per SYN (drawn even for a
   *     fixed RTT, to keep the stream aligned)
   * @param host the host's timeline, or null for an address no host owns
   * @param listens true when the host listens on the address's family
   * @param syn the stack's SYN schedule
   * @param synOffsets the schedule's send offsets ({@link SynSchedule#synOffsets()})
   * @param giveUpNs the schedule's give-up ({@link SynSchedule#giveUpNs()})
   * @param wheel the schedule on the kernel's timer wheel, or null: then the SYN offsets and the
   *     give-up come from it, for this start, instead of {@code synOffsets} and {@code giveUpNs}
   * @param clockOriginNs the phase of the client's jiffies clock (tick 0 at {@code -clockOriginNs})
   * @param rst what the stack does on a RST
   * @param stream the (client, address) stream
   * @param t0 the attempt's start
   * @param limitNs the application's limit for the attempt, {@link Time#NEVER} for none
   */
  void work(Behaviour behaviour, double loss, Delay rtt, ZigguratSampler.NormalizedGaussian gauss, HostTimeline host,
      boolean listens,
      SynSchedule syn, long[] synOffsets, long giveUpNs, SynWheel wheel, long clockOriginNs, RstAction rst,
      UniformRandomProvider stream, long t0, long limitNs) {
    long[] offsets = synOffsets;
    int planned = synOffsets.length;
    long giveUp = giveUpNs;
    if (wheel != null) {
      if (wheelOffsets.length < wheel.bufferLength()) {
        wheelOffsets = new long[wheel.bufferLength()]; // once per world
      }
      planned = wheel.offsets(t0, clockOriginNs, wheelOffsets);
      offsets = wheelOffsets;
      giveUp = wheelOffsets[planned];
    }
    long until = Time.add(t0, Math.min(giveUp, limitNs));
    timesOutAt = until;
    outcome = Outcome.TIMEOUT;
    syns = 0;
    int resets = 0;
    int k = 0;
    long s = t0;
    while (s < until) {
      if (syns == synTimes.length) {
        synTimes = Arrays.copyOf(synTimes, syns * 2);
      }
      synTimes[syns++] = s;
      if (behaviour == Behaviour.NO_ROUTE) {
        until = s;
        outcome = Outcome.UNREACHABLE;
        break;
      }
      long reply = Time.add(s, Delays.sample(rtt, gauss.sample()));
      boolean synLost = stream.nextDouble() < loss;
      boolean replyLost = stream.nextDouble() < loss;
      long next = ++k < planned ? Time.add(t0, offsets[k]) : Time.NEVER;
      if (reply < until) {
        if (behaviour == Behaviour.UNREACHABLE) {
          until = reply;
          outcome = Outcome.UNREACHABLE;
          break;
        }
        if (behaviour == Behaviour.DELIVER && host != null && !host.down(s, t0) && !synLost && !replyLost) {
          if (listens) {
            until = reply;
            outcome = Outcome.CONNECTED;
            break;
          }
          if (rst == RstAction.FAIL || ++resets > RstAction.WINDOWS_RST_RETRIES) {
            until = reply;
            outcome = Outcome.REFUSED;
            break;
          }
          // Windows: the host is there, so the SYN goes again after the base timeout, not doubled
          next = Time.add(s, RstAction.WINDOWS_RST_INTERVAL_NS);
        }
      }
      // blackhole, a dead host, a lost SYN or SYN-ACK: nothing comes back; the next SYN goes
      // on the schedule (never before this one, should reset SYNs have run ahead of it)
      s = next > s ? next : Time.add(s, syn.rto(k));
    }
    end = until;
  }
}
