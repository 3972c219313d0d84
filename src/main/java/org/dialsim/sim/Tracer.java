package org.dialsim.sim;

import java.util.List;

/**
 * What the world tells about one call as it happens. Every call but the one {@code explain}
 * follows gets {@link #NONE}, which does nothing and allocates nothing; the followed call gets a
 * {@link TraceRecorder}. Arguments are the world's own numbers and buffers, never built for the
 * tracer, so an untraced call pays only for the empty calls.
 */
interface Tracer {
  /** Where the DNS answer of an exchange came from, for its note. */
  enum Source {
    /** The name server answered. */
    SERVER,
    /** The client's cache answered. */
    CACHE,
    /** A static hosts file answered (both families at once). */
    HOSTS_FILE,
    /** The resolver gave up on an answer that never came. */
    TIMEOUT
  }

  /** The tracer of every call nobody follows. */
  Tracer NONE = new Tracer() { };

  /** A try begins at {@code now}; its deadline is {@code deadline} (NEVER for none). */
  default void tryStarted(int tryNumber, long now, long deadline) {}

  /** A DNS exchange of record type {@code type} (or both, for a hosts file) completed. */
  default void dns(int type, Source source, long sentNs, long answeredNs, int[] answer, int n) {}

  /** A list for the ordering's notes, or null when nobody reads them. */
  default List<String> orderNotes() {
    return null;
  }

  /** The try's candidates were ordered: {@code cand[0..n)}, with the notes from {@link #orderNotes}. */
  default void order(int[] cand, int n, List<String> notes) {}

  /** A late DNS answer added {@code cand[from..to)}. */
  default void lateAddresses(int[] cand, int from, int to) {}

  /** A backup connect job started at {@code now} over copies of the call's TCP candidates. */
  default void backupJobStarted(Call call, long now) {}

  /** The attempt on candidate {@code i} was worked out: its SYN times and when it would time out. */
  default void attemptWorked(int i, long[] synTimes, int syns, long timesOutAt) {}

  /** The attempt on candidate {@code i} (address {@code address}) ended at {@code end}. */
  default void attemptEnded(int tryNumber, int i, int address, long start, long end, Outcome outcome) {}

  /** A try ended; {@code call} still holds its candidates and their states. */
  default void tryEnded(int tryNumber, CallTrace.End end, long now, Call call) {}

  /** The call ended. */
  default void finished(boolean connected, int address, long now) {}

  /**
   * The call ended at {@code now} with a query of its still unanswered: sent by try
   * {@code tryNumber} at {@code sentNs}, of {@code type} ({@link org.dialsim.dns.NameServer#A}
   * or AAAA; for a stack that queries HTTPS, a {@link org.dialsim.dns.ServiceNames} type) about
   * name {@code name} (0, the target, for a stack that does not query HTTPS).
   */
  default void unanswered(int tryNumber, int name, int type, long sentNs, long now) {}

  // ---- stacks that query HTTPS records (Happy Eyeballs v3) -------------------------------------

  /**
   * A DNS exchange of {@code type} ({@link org.dialsim.dns.ServiceNames#A}, AAAA or HTTPS) for
   * name {@code name} completed; its addresses are {@code n} numbers of {@code answer} from
   * {@code from}; {@code failed} for an error answer.
   */
  default void serviceDns(int name, int type, Source source, long sentNs, long answeredNs, int[] answer, int from, int n,
      boolean failed) {}

  /** QUIC is not attempted in this try: the client marked it broken until {@code until}. */
  default void quicBroken(long until) {}

  /** Connecting begins now, for the reason the resolution gives. */
  default void ready(org.dialsim.dns.ServiceResolution res, long now) {}

  /**
   * The try's endpoints were built: addresses {@code cand[0..n)}, what each is besides its
   * address {@code endpoint[offset..offset + n)}, and the notes from {@link #orderNotes}.
   */
  default void endpoints(int[] cand, int[] endpoint, int offset, int n, List<String> notes) {}

  /** A later answer re-sorted the list: the first {@code kept} stay, {@code cand[kept..n)} follow now. */
  default void lateEndpoints(int[] cand, int[] endpoint, int offset, int kept, int n, long now) {}

  /** TCP won while QUIC failed: QUIC is marked broken from {@code at} until {@code until}. */
  default void quicMarked(long at, long until) {}
}
